package io.playmark.query.audit;

import io.playmark.kernel.audit.PlayerMoment;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * What stood behind a screen's playlist at a past moment: the player as it was then, the aggregates its playlist is
 * made from, and the changes to them before that moment, newest first.
 */
@Schema(name = "ScreenPast")
public record ScreenPast(
        @Schema(description = "The player's id") String playerId,
        @Schema(description = "The moment asked about") Instant at,
        @Schema(description = "The player as it was then, replayed from its events") AggregateState player,
        @Schema(description = "The aggregates the player's playlist is made from: its groups, the schedule entries "
                + "and their playlists on it, the campaigns targeting it") List<Input> inputs,
        @Schema(description = "The changes to the player and those inputs up to the moment, newest first (at most "
                + "200)") List<AuditedEvent> changes) implements PlayerMoment {

    /** One aggregate that decisioning reads for this player. */
    @Schema(name = "ScreenInput")
    public record Input(@Schema(description = "The aggregate's type") String aggregateType,
                        @Schema(description = "The aggregate's id") String aggregateId,
                        @Schema(description = "Why it counts: group, schedule-entry, playlist or campaign") String role,
                        @Schema(description = "Whether it existed at the moment") boolean existed) {
    }
}
