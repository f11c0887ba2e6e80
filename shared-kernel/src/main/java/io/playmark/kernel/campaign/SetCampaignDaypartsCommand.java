package io.playmark.kernel.campaign;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

/** Sets when in the week the campaign may play; no dayparts: at any time of its flight. */
public record SetCampaignDaypartsCommand(@TargetAggregateIdentifier CampaignId campaignId, Dayparts dayparts) {

    public SetCampaignDaypartsCommand {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(dayparts, "dayparts");
    }
}
