package io.playmark.kernel.schedule;

import io.playmark.kernel.InvalidValueException;
import io.playmark.kernel.player.PlayerId;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The schedule entries that apply to a player (named, or through a group) with their occurrences in [from, to)
 * expanded in the player's zone, answered as a {@code List<ScheduledPlaylist>}, highest priority first. Empty for a
 * player that is unknown or decommissioned. The window is at most 31 days, as decisioning asks for 48 hours.
 */
public record FindScheduleEntriesForPlayerQuery(PlayerId playerId, Instant from, Instant to) {

    public static final Duration MAX_WINDOW = Duration.ofDays(31);

    public FindScheduleEntriesForPlayerQuery {
        Objects.requireNonNull(playerId, "playerId");
        if (from == null || to == null || !from.isBefore(to)) {
            throw new InvalidValueException("from", "a window needs a start before its end");
        }
        if (Duration.between(from, to).compareTo(MAX_WINDOW) > 0) {
            throw new InvalidValueException("to", "a window is at most " + MAX_WINDOW.toDays() + " days long");
        }
    }
}
