package io.playmark.kernel.campaign;

import java.util.Objects;

/** What other features copy of a campaign (proof of play): answers a {@link CampaignSummary} or null. */
public record FindCampaignSummaryQuery(CampaignId campaignId) {

    public FindCampaignSummaryQuery {
        Objects.requireNonNull(campaignId, "campaignId");
    }
}
