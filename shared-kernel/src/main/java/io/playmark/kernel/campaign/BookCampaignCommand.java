package io.playmark.kernel.campaign;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

/**
 * Books a draft: checks it can run (including the capacity its goal asks), then waits for its flight to start.
 *
 * @param dryRun check every rule and refuse as booking would, but record nothing
 */
public record BookCampaignCommand(@TargetAggregateIdentifier CampaignId campaignId, boolean dryRun) {

    public BookCampaignCommand {
        Objects.requireNonNull(campaignId, "campaignId");
    }

    public BookCampaignCommand(CampaignId campaignId) {
        this(campaignId, false);
    }
}
