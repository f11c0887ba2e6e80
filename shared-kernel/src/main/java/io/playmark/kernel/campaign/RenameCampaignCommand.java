package io.playmark.kernel.campaign;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

public record RenameCampaignCommand(@TargetAggregateIdentifier CampaignId campaignId, CampaignName name) {

    public RenameCampaignCommand {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(name, "name");
    }
}
