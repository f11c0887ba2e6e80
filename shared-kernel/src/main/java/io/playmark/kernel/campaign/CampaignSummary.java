package io.playmark.kernel.campaign;

import java.time.Instant;

/**
 * A campaign's name and advertiser, as other features copy them, and its goal and flight, against which delivery is
 * paced.
 *
 * @param goalKind    null when no goal is set
 * @param flightStart null (with flightEnd) when no flight is set
 */
public record CampaignSummary(String campaignId, String name, String advertiser, GoalKind goalKind, long goalTarget,
                              Instant flightStart, Instant flightEnd) {
}
