package io.playmark.kernel.play;

import java.time.Instant;

/** A player's hours from {@code from} to {@code to} whose plays may still arrive. */
public record OpenPeriod(String playerId, Instant from, Instant to) {

    public boolean overlaps(Instant start, Instant end) {
        return from.isBefore(end) && to.isAfter(start);
    }
}
