package io.playmark.query.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** An aggregate as it was at a point: its own fields after replaying its events up to there. */
@Schema(name = "AggregateState")
public record AggregateState(
        @Schema(description = "The aggregate's type") String aggregateType,
        @Schema(description = "The aggregate's id") String aggregateId,
        @Schema(description = "The point asked for: a sequence number or an instant") String at,
        @Schema(description = "Whether the aggregate existed then (false before its first event)") boolean existed,
        @Schema(description = "The sequence number of the last event applied; -1 when none") long sequenceNumber,
        @Schema(description = "When that event was recorded; null when none") Instant lastChangedAt,
        @Schema(description = "Who made that change") String lastChangedBy,
        @Schema(description = "How many events were replayed on top of a snapshot, or from the start")
        long eventsReplayed,
        @Schema(description = "Whether replay started from a snapshot") boolean fromSnapshot,
        @Schema(description = "The aggregate's fields as JSON; null when it did not exist", type = "object")
        @JsonRawValue String state) {
}
