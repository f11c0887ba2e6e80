package io.playmark.kernel.campaign;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

/** Lets a paused campaign play again. */
public record ResumeCampaignCommand(@TargetAggregateIdentifier CampaignId campaignId) {

    public ResumeCampaignCommand {
        Objects.requireNonNull(campaignId, "campaignId");
    }
}
