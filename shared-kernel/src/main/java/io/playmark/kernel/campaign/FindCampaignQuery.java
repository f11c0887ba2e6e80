package io.playmark.kernel.campaign;

public record FindCampaignQuery(CampaignId campaignId) {
}
