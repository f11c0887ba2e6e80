package io.playmark.kernel.campaign;

import org.axonframework.serialization.Revision;

/** Per-player caps; a null cap is no cap. */
@Revision("1")
public record CampaignCapsSetEvent(String campaignId, Integer maxPlaysPerHour, Integer maxPlaysPerDay, Integer minMinutesBetweenPlays) {
}
