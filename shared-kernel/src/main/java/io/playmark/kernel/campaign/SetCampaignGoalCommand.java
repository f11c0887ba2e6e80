package io.playmark.kernel.campaign;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

/** Sets what the campaign is to deliver over its flight. */
public record SetCampaignGoalCommand(@TargetAggregateIdentifier CampaignId campaignId, Goal goal) {

    public SetCampaignGoalCommand {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(goal, "goal");
    }
}
