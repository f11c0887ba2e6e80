package io.playmark.query.play;

import java.time.Instant;
import java.util.List;

/**
 * A campaign's delivery over a time range, in periods of the chosen zone, with the players' periods whose plays may
 * still arrive: a figure touching an open period is provisional.
 */
public record CampaignDelivery(String campaignId, Instant from, Instant to, String zone, DeliveryInterval interval,
                        DeliveryCounts totals, List<Period> periods, List<OpenPeriod> openPeriods,
                        List<Breakdown> players, List<Breakdown> groups, List<Breakdown> topAssets,
                        List<FailureCount> failures) {

    enum DeliveryInterval { HOUR, DAY }

    /** One hour or day, starting at {@code start}; {@code localStart} is that moment in the chosen zone. */
    record Period(Instant start, String localStart, DeliveryCounts counts, boolean open) {
    }

    /** A player whose plays from {@code from} until {@code to} may not all be reported yet. */
    record OpenPeriod(String playerId, Instant from, Instant to) {
    }

    /** The plays of one player, group or asset, with the name its plays carry (null when unknown). */
    record Breakdown(String id, String name, DeliveryCounts counts) {
    }

    /** Failed plays that reported this error. */
    record FailureCount(String error, long plays) {
    }

    public boolean complete() {
        return openPeriods.isEmpty();
    }
}
