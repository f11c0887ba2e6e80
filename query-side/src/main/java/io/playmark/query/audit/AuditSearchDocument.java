package io.playmark.query.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What the audit index holds of one event: who, what, when, which aggregate; never the payload's values. */
@Schema(name = "AuditEvent", description = "One event as audit search knows it")
public record AuditSearchDocument(
        @Schema(description = "The event's identifier") String eventId,
        @Schema(description = "Its type, e.g. CampaignRenamedEvent") String eventType,
        @Schema(description = "The names of its payload's fields") List<String> fields,
        @Schema(description = "When it happened (UTC)") Instant timestamp,
        @Schema(description = "The aggregate's type, e.g. Campaign") String aggregateType,
        @Schema(description = "The aggregate's id") String aggregateId,
        @Schema(description = "The event's sequence number in its aggregate") Long sequenceNumber,
        @Schema(description = "Its position in the store's global order") long globalPosition,
        @Schema(description = "Who asked: an API key's name or a token's subject; system for Playmark's own work")
        String principal,
        @Schema(description = "api-key, jwt or system") String authentication,
        @Schema(description = "The API key's id, when a key was used") String apiKeyId,
        @Schema(description = "The token's subject, when a bearer token was used") String tokenSubject,
        @Schema(description = "The caller's address") String clientAddress,
        @Schema(description = "The correlation id of the request") String correlationId) {

    static AuditSearchDocument of(EventMessage<?> event, long globalPosition) {
        Map<String, Object> meta = event.getMetaData();
        DomainEventMessage<?> domain = event instanceof DomainEventMessage<?> d ? d : null;
        Class<?> payload = event.getPayloadType();
        List<String> fields = payload.isRecord()
                ? Arrays.stream(payload.getRecordComponents()).map(component -> component.getName()).toList()
                : List.of();
        return new AuditSearchDocument(event.getIdentifier(), payload.getSimpleName(), fields, event.getTimestamp(),
                domain == null ? null : domain.getType(), domain == null ? null : domain.getAggregateIdentifier(),
                domain == null ? null : domain.getSequenceNumber(), globalPosition,
                text(meta, "principal"), text(meta, "authentication"), text(meta, "apiKeyId"),
                text(meta, "tokenSubject"), text(meta, "clientAddress"), text(meta, "correlationId"));
    }

    private static String text(Map<String, Object> meta, String key) {
        return meta.get(key) == null ? null : Objects.toString(meta.get(key));
    }
}
