package io.playmark.query.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** One event of an aggregate's history as the audit trail shows it: what happened, who asked, and why. */
@Schema(name = "AuditedEvent")
public record AuditedEvent(
        @Schema(description = "The event's type, e.g. CampaignRenamedEvent") String type,
        @Schema(description = "The aggregate's type, e.g. campaign") String aggregateType,
        @Schema(description = "The aggregate's id") String aggregateId,
        @Schema(description = "Its place in the aggregate's stream, from 0") long sequenceNumber,
        @Schema(description = "Its place in the store's global order; null on an engine that cannot tell")
        Long globalPosition,
        @Schema(description = "When it was recorded (UTC)") Instant timestamp,
        @Schema(description = "The event's id") String eventId,
        @Schema(description = "Who asked: the API key's name or the token's subject; system for Playmark's own work")
        String principal,
        @Schema(description = "api-key, jwt or system") String authentication,
        @Schema(description = "The API key's id, when an API key asked") String apiKeyId,
        @Schema(description = "The token's subject, when a bearer token asked") String tokenSubject,
        @Schema(description = "The caller's address") String clientAddress,
        @Schema(description = "The id of the request or message that started the flow") String correlationId,
        @Schema(description = "The id of the command or message being handled when the event was applied")
        String causationId,
        @Schema(description = "The payload's revision as it is now read (after upcasting)") String revision,
        @Schema(description = "The payload as JSON, at its current revision", type = "object")
        @JsonRawValue String payload) {
}
