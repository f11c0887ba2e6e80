package io.playmark.query.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** What changed in an aggregate between two points, field by field, and the events that changed it. */
@Schema(name = "AggregateDiff")
public record AggregateDiff(
        @Schema(description = "The aggregate at the first point") AggregateState from,
        @Schema(description = "The aggregate at the second point") AggregateState to,
        @Schema(description = "Each field whose value differs between the two points") List<FieldChange> changes,
        @Schema(description = "The events between the two points (after from, up to to)") List<AuditedEvent> events) {

    /** One field's change; {@code field} is its path in the state, dotted ({@code flight.start}). */
    @Schema(name = "FieldChange")
    public record FieldChange(
            @Schema(description = "The field's path in the state, dotted") String field,
            @Schema(description = "Its value at the first point, as JSON (null when absent)", type = "object")
            @JsonRawValue String from,
            @Schema(description = "Its value at the second point, as JSON (null when absent)", type = "object")
            @JsonRawValue String to,
            @Schema(description = "The last event between the points that changed it") AuditedEvent changedBy) {
    }
}
