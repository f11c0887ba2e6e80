package io.playmark.kernel.play;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Which of these players' hours from {@code from} to {@code to} are still open (their plays may still arrive),
 * answered as a list of {@link OpenPeriod}, one per player with an open part.
 */
public record FindOpenPeriodsQuery(List<String> playerIds, Instant from, Instant to) {

    public FindOpenPeriodsQuery {
        playerIds = List.copyOf(playerIds);
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }
}
