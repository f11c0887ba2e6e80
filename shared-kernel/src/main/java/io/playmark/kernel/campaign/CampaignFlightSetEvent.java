package io.playmark.kernel.campaign;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The campaign runs from {@code start} (inclusive) to {@code end} (exclusive). */
@Revision("1")
public record CampaignFlightSetEvent(String campaignId, Instant start, Instant end) {
}
