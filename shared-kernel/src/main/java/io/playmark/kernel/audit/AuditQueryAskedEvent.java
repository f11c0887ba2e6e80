package io.playmark.kernel.audit;

import org.axonframework.serialization.Revision;

/**
 * Someone read the audit trail: which question ({@code query}: history, state, diff, playlist, audit-queries), about
 * which aggregate and with which parameters. Who asked, from where, is in the event's metadata like every event's.
 */
@Revision("1")
public record AuditQueryAskedEvent(String queryId, String query, String aggregateType, String aggregateId,
                                   String parameters) {
}
