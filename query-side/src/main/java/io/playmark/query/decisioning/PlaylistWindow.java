package io.playmark.query.decisioning;

import io.playmark.kernel.InvalidValueException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The window a playlist is asked for. Left out, it is the current UTC hour and the 24 hours from it, so every
 * request within an hour asks for the same window and gets the same ETag; at most {@link LoopResolver#MAX_WINDOW}.
 */
record PlaylistWindow(Instant from, Instant to) {

    static final Duration DEFAULT_LENGTH = Duration.ofHours(24);

    static PlaylistWindow of(String from, String to, Clock clock) {
        Instant start = from == null || from.isBlank() ? clock.instant().truncatedTo(ChronoUnit.HOURS)
                : instant("from", from);
        Instant end = to == null || to.isBlank() ? start.plus(DEFAULT_LENGTH) : instant("to", to);
        if (!start.isBefore(end)) {
            throw new InvalidValueException("to", "to must be after from (" + start + "), was " + end);
        }
        if (Duration.between(start, end).compareTo(LoopResolver.MAX_WINDOW) > 0) {
            throw new InvalidValueException("to", "a window is at most " + LoopResolver.MAX_WINDOW.toHours()
                    + " hours long, was " + Duration.between(start, end).toHours() + " hours");
        }
        return new PlaylistWindow(start, end);
    }

    static Instant instant(String field, String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException malformed) {
            throw new InvalidValueException(field, field + " must be an ISO 8601 date and time with an offset, "
                    + "e.g. 2026-12-03T09:00:00Z, was '" + text + "'");
        }
    }
}
