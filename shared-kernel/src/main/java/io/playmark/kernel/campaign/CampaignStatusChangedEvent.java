package io.playmark.kernel.campaign;

import org.axonframework.serialization.Revision;

/** The campaign moved in its lifecycle, and why (who asked, or the flight's start or end). */
@Revision("1")
public record CampaignStatusChangedEvent(String campaignId, CampaignStatus from, CampaignStatus to, String reason) {
}
