package io.playmark.kernel.campaign;

import io.playmark.kernel.player.PlayerTarget;

import java.util.Objects;

/**
 * A campaign as capacity planning sees it: who it targets, when it runs, at which tier, towards which goal.
 *
 * @param campaignId the campaign itself when it exists, so that its own booking is not counted against it; null
 *                   for one only proposed
 * @param goal       null for none: it asks nothing of capacity, and is told what it could get
 * @param preemptible false: once booked, no better tier takes what it asks
 */
public record ProposedCampaign(CampaignId campaignId, PlayerTarget target, Flight flight, Dayparts dayparts,
                               PriorityTier tier, Goal goal, boolean preemptible) {

    public ProposedCampaign {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(flight, "flight");
        dayparts = Objects.requireNonNullElse(dayparts, Dayparts.ALWAYS);
        tier = Objects.requireNonNullElse(tier, PriorityTier.STANDARD);
    }
}
