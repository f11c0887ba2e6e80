package io.playmark.kernel.campaign;

import org.axonframework.serialization.Revision;

import java.util.List;

/** The campaign shows these creatives (they replace the ones before). */
@Revision("1")
public record CampaignCreativesSetEvent(String campaignId, List<Creative> creatives) {
}
