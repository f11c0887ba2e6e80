package io.playmark.query.decisioning;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;

/** One step of a player's resolved timeline; {@code campaignId} is null for content. */
public record TimelineItem(Instant start, LocalDateTime localStart, Duration duration, String assetId,
                           String campaignId) {
    public Instant end() {
        return start.plus(duration);
    }

    boolean covers(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end());
    }
}
