package io.playmark.kernel.campaign;

/** A campaign's name and advertiser, as other features copy them. */
public record CampaignSummary(String campaignId, String name, String advertiser) {
}
