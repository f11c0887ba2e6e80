package io.playmark.kernel.campaign;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

/** Sets the advertiser category and how far apart competitors play; null clears it. */
public record SetCampaignSeparationCommand(@TargetAggregateIdentifier CampaignId campaignId, CompetitiveSeparation separation) {

    public SetCampaignSeparationCommand {
        Objects.requireNonNull(campaignId, "campaignId");
    }
}
