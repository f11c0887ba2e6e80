package io.playmark.kernel.campaign;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

/** Takes a booked campaign, not yet started, back to draft. */
public record UnbookCampaignCommand(@TargetAggregateIdentifier CampaignId campaignId) {

    public UnbookCampaignCommand {
        Objects.requireNonNull(campaignId, "campaignId");
    }
}
