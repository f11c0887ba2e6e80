package io.playmark.kernel.campaign;

import org.axonframework.serialization.Revision;

/** The campaign is for these players. */
@Revision("1")
public record CampaignTargetingSetEvent(String campaignId, Targeting targeting) {
}
