package io.playmark.query.decisioning;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * How one ad slot was filled: the winner (null when no campaign could play) and, for every campaign that did not
 * win, why — the record that explain reads.
 */
public record SlotDecision(Instant start, Duration duration, DecisionCampaign winner,
                           Map<String, Explanation> losers) {
    public SlotDecision {
        losers = Map.copyOf(losers);
    }

    boolean covers(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(start.plus(duration));
    }
}
