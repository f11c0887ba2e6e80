package io.playmark.kernel.campaign;

import io.playmark.kernel.InvalidValueException;
import io.playmark.kernel.player.PlayerTarget;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

/** Sets which players the campaign is for. */
public record SetCampaignTargetingCommand(@TargetAggregateIdentifier CampaignId campaignId, PlayerTarget target) {

    public SetCampaignTargetingCommand {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(target, "target");
        if (target.isEmpty()) {
            throw new InvalidValueException("targeting", "a targeting names players, groups, tags or an area");
        }
    }
}
