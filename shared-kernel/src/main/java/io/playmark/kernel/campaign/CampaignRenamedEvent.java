package io.playmark.kernel.campaign;

import org.axonframework.serialization.Revision;

@Revision("1")
public record CampaignRenamedEvent(String campaignId, String name) {
}
