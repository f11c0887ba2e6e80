package io.playmark.kernel.campaign;

import org.axonframework.serialization.Revision;

/** The advertiser category and its competitive separation; a null category clears it. */
@Revision("1")
public record CampaignSeparationSetEvent(String campaignId, String category, int minMinutesApart) {
}
