package io.playmark.kernel.play;

import java.util.Map;

/** Plays delivered per campaign id. */
public record DeliveredPlays(Map<String, Long> plays) {

    public DeliveredPlays {
        plays = plays == null ? Map.of() : Map.copyOf(plays);
    }

    public long of(String campaignId) {
        return plays.getOrDefault(campaignId, 0L);
    }
}
