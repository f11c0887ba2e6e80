package io.playmark.kernel.play;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * How many plays each of these campaigns has delivered, on all players, of plays started before {@code until},
 * answered as {@link DeliveredPlays}; a campaign without plays counts 0.
 */
public record FindDeliveredPlaysQuery(Set<String> campaignIds, Instant until) {

    public FindDeliveredPlaysQuery {
        campaignIds = campaignIds == null ? Set.of() : Set.copyOf(campaignIds);
        Objects.requireNonNull(until, "until");
    }
}
