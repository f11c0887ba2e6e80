package io.playmark.kernel.campaign;

import org.axonframework.serialization.Revision;

/**
 * Events hold plain values, not value objects: they are facts already accepted, and must still load
 * when the rules for new input are tightened.
 */
@Revision("1")
public record CampaignCreatedEvent(String campaignId, String name, String advertiser) {
}
