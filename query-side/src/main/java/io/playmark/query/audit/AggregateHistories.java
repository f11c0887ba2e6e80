package io.playmark.query.audit;

import java.util.function.Consumer;

/**
 * Reads an aggregate's own events from the event store (never a scan of it), upcast to their current revision.
 * Declared here, answered by the event store's adapter. An unknown type or aggregate is a NotFoundException.
 */
public interface AggregateHistories {

    /** Up to {@code first} events after sequence number {@code after} (-1 for the start). */
    HistoryPage page(String aggregateType, String aggregateId, long after, int first);

    /** Every event in order, handed over one at a time, so that a long history is never held in memory. */
    void each(String aggregateType, String aggregateId, Consumer<AuditedEvent> consumer);

    /** Fails with a NotFoundException unless the type is audited and the aggregate of that type exists. */
    void requireExists(String aggregateType, String aggregateId);
}
