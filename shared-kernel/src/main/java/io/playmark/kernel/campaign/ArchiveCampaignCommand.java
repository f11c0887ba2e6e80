package io.playmark.kernel.campaign;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

/** Puts a completed campaign, or a draft never booked, away. */
public record ArchiveCampaignCommand(@TargetAggregateIdentifier CampaignId campaignId) {

    public ArchiveCampaignCommand {
        Objects.requireNonNull(campaignId, "campaignId");
    }
}
