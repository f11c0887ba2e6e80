package io.playmark.kernel.campaign;

import org.axonframework.serialization.Revision;

import java.util.List;

/** The campaign plays only in these dayparts (none: at any time of its flight). */
@Revision("1")
public record CampaignDaypartsSetEvent(String campaignId, List<Daypart> dayparts) {
}
