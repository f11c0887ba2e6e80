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
        // not copied: the filler hands over a map it no longer touches, and a day has hundreds of slots
        losers = java.util.Collections.unmodifiableMap(losers);
    }

    boolean covers(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(start.plus(duration));
    }
}
