package io.playmark.kernel.campaign;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

/** Sets the campaign's tier and whether a higher tier may preempt it. */
public record SetCampaignPriorityCommand(@TargetAggregateIdentifier CampaignId campaignId, PriorityTier tier, boolean preemptible) {

    public SetCampaignPriorityCommand {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(tier, "tier");
    }
}
