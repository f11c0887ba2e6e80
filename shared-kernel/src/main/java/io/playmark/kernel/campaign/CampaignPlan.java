package io.playmark.kernel.campaign;

import io.playmark.kernel.player.PlayerTarget;

import java.util.List;
import java.util.Objects;

/**
 * A campaign's rules as decisioning applies them, in kernel types: where (target), when (flight, dayparts), how
 * strongly (tier, preemptible, goal), how often (caps, separation) and what (creatives). Null parts are not set yet.
 */
public record CampaignPlan(CampaignId id, String name, String advertiser, CampaignStatus status, Flight flight,
                           Dayparts dayparts, PlayerTarget target, List<Creative> creatives, PriorityTier tier,
                           boolean preemptible, Goal goal, FrequencyCaps caps, CompetitiveSeparation separation) {

    public CampaignPlan {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        dayparts = Objects.requireNonNullElse(dayparts, Dayparts.ALWAYS);
        creatives = creatives == null ? List.of() : List.copyOf(creatives);
        tier = Objects.requireNonNullElse(tier, PriorityTier.STANDARD);
        caps = Objects.requireNonNullElse(caps, FrequencyCaps.NONE);
    }
}
