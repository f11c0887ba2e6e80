package io.playmark.kernel.campaign;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

public record CreateCampaignCommand(@TargetAggregateIdentifier CampaignId campaignId, CampaignName name,
                                    Advertiser advertiser) {

    public CreateCampaignCommand {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(advertiser, "advertiser");
    }
}
