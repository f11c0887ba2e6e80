package io.playmark.kernel.campaign;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

/** Sets when the campaign runs. */
public record SetCampaignFlightCommand(@TargetAggregateIdentifier CampaignId campaignId, Flight flight) {

    public SetCampaignFlightCommand {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(flight, "flight");
    }
}
