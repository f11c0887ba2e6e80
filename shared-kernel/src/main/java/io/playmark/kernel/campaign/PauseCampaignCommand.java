package io.playmark.kernel.campaign;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

/** Stops an active campaign from playing, until resumed. */
public record PauseCampaignCommand(@TargetAggregateIdentifier CampaignId campaignId) {

    public PauseCampaignCommand {
        Objects.requireNonNull(campaignId, "campaignId");
    }
}
