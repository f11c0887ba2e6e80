package io.playmark.kernel.campaign;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

/** Sets the per-player frequency caps and the minimum time between two plays. */
public record SetCampaignCapsCommand(@TargetAggregateIdentifier CampaignId campaignId, FrequencyCaps caps) {

    public SetCampaignCapsCommand {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(caps, "caps");
    }
}
