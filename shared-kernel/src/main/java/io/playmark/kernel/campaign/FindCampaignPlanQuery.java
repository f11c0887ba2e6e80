package io.playmark.kernel.campaign;

import java.util.Objects;

/** One campaign's rules whatever its status, answered as a {@link CampaignPlan}; null for an unknown id. */
public record FindCampaignPlanQuery(CampaignId campaignId) {

    public FindCampaignPlanQuery {
        Objects.requireNonNull(campaignId, "campaignId");
    }
}
