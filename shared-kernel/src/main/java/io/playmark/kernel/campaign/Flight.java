package io.playmark.kernel.campaign;

import io.playmark.kernel.InvalidValueException;

import java.time.Duration;
import java.time.Instant;

/** When a campaign runs: from {@code start} (inclusive) to {@code end} (exclusive), both instants in UTC. */
public record Flight(Instant start, Instant end) {

    public Flight {
        if (start == null) {
            throw new InvalidValueException("flight.start", "flight.start must be given");
        }
        if (end == null) {
            throw new InvalidValueException("flight.end", "flight.end must be given");
        }
        if (!end.isAfter(start)) {
            throw new InvalidValueException("flight.end", "flight.end must be after flight.start (" + start
                    + "), was " + end);
        }
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }

    /** How much of the flight has passed at the instant, 0 to 1: what an even delivery has reached by then. */
    public double elapsedShare(Instant at) {
        if (!at.isAfter(start)) {
            return 0;
        }
        if (!at.isBefore(end)) {
            return 1;
        }
        return (double) Duration.between(start, at).toMillis() / Duration.between(start, end).toMillis();
    }
}
