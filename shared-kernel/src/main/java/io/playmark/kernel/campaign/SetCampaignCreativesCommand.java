package io.playmark.kernel.campaign;

import io.playmark.kernel.InvalidValueException;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Replaces the campaign's creatives: at most {@value #MAX_CREATIVES}, each asset at most once per orientation. */
public record SetCampaignCreativesCommand(@TargetAggregateIdentifier CampaignId campaignId, List<Creative> creatives) {

    public static final int MAX_CREATIVES = 50;

    public SetCampaignCreativesCommand {
        Objects.requireNonNull(campaignId, "campaignId");
        creatives = creatives == null ? List.of() : List.copyOf(creatives);
        if (creatives.size() > MAX_CREATIVES) {
            throw new InvalidValueException("creatives", "a campaign has at most " + MAX_CREATIVES
                    + " creatives, " + creatives.size() + " were given");
        }
        Set<String> seen = new HashSet<>();
        for (Creative creative : creatives) {
            if (!seen.add(creative.assetId() + "/" + creative.orientation())) {
                throw new InvalidValueException("creatives", "asset " + creative.assetId() + " is given twice for "
                        + creative.orientation());
            }
        }
    }
}
