package io.playmark.kernel.campaign;

import io.playmark.kernel.InvalidValueException;

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
}
