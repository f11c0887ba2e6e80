package io.playmark.kernel.campaign;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

/** Books a draft: checks it can run, then waits for its flight to start. */
public record BookCampaignCommand(@TargetAggregateIdentifier CampaignId campaignId) {

    public BookCampaignCommand {
        Objects.requireNonNull(campaignId, "campaignId");
    }
}
