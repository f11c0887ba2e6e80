package io.playmark.query.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * One question put to the audit trail. Keyed by when it was asked (epoch milliseconds, zero-padded) and its id, so
 * that the newest come first by {@code _id} alone.
 */
@Document(AuditQueryView.COLLECTION)
@Schema(name = "AuditQuery")
public record AuditQueryView(@Id @Schema(description = "The listing's key: when, then the query's id") String key,
                             @Schema(description = "The query's id") String id,
                             @Schema(description = "What was asked: history, state, diff, playlist or audit-queries")
                             String query,
                             @Schema(description = "About which type of aggregate, if any") String aggregateType,
                             @Schema(description = "About which aggregate, if any") String aggregateId,
                             @Schema(description = "The parameters, as the caller gave them") String parameters,
                             @Schema(description = "When it was asked (UTC)") Instant askedAt,
                             @Schema(description = "Who asked") String principal,
                             @Schema(description = "The API key's id, when an API key asked") String apiKeyId,
                             @Schema(description = "The token's subject, when a bearer token asked") String tokenSubject,
                             @Schema(description = "The caller's address") String clientAddress) {

    public static final String COLLECTION = "audit_queries";

    static String keyOf(Instant askedAt, String queryId) {
        return String.format("%015d-%s", askedAt.toEpochMilli(), queryId);
    }
}
