package io.playmark.kernel.campaign;

import io.playmark.kernel.schedule.AdSlots;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The arithmetic of booking-time capacity, for one player and one hour, pure so that it is specified by a table
 * ({@code AdCapacityTest}). Supply is what the loop's ad slots hold in an hour, in plays; demand is what booked
 * campaigns' goals ask of that hour: a plays goal spread evenly over every player-hour of its flight inside its
 * dayparts, a share of voice as that fraction of the hour's ad plays. Impressions goals need an audience figure
 * Playmark does not have, and ask nothing.
 */
public final class AdCapacity {

    private static final double HOUR_MILLIS = Duration.ofHours(1).toMillis();

    private AdCapacity() {
    }

    /**
     * The ad plays one hour of a loop holds: its ad slots per pass times the passes an hour holds. A pass is the
     * content's length and then its ad slots: {@code count} slots of their length, or for a share one slot of that
     * share of the player's loop length.
     */
    public static double playsPerHour(AdSlots slots, Duration content, Duration loopLength) {
        long slotMillis;
        int perPass;
        if (slots.count() > 0) {
            slotMillis = slots.slotMillis();
            perPass = slots.count();
        } else if (slots.sharePercent() > 0) {
            slotMillis = loopLength.toMillis() * slots.sharePercent() / 100;
            perPass = 1;
        } else {
            return 0;
        }
        long passMillis = content.toMillis() + slotMillis * perPass;
        return passMillis <= 0 ? 0 : perPass * HOUR_MILLIS / passMillis;
    }

    /** What a goal asks of one player-hour, given the hour's supply and the player-hours the goal is spread over. */
    public static double demand(Goal goal, double playsPerHour, long playerHours) {
        if (goal == null) {
            return 0;
        }
        return switch (goal.kind()) {
            case PLAYS -> playerHours <= 0 ? 0 : (double) goal.target() / playerHours;
            case SHARE_OF_VOICE -> playsPerHour * goal.target() / 100.0;
            case IMPRESSIONS -> 0;
        };
    }

    /** One campaign's demand on the hour; a campaign not preemptible keeps it whatever books after it. */
    public record Demand(String campaignId, PriorityTier tier, double plays, boolean preemptible) {

        public Demand(String campaignId, PriorityTier tier, double plays) {
            this(campaignId, tier, plays, true);
        }

        private boolean keptFrom(PriorityTier candidate) {
            return tier.compareTo(candidate) <= 0 || !preemptible;
        }
    }

    /**
     * The verdict on booking a candidate into an hour already holding {@code booked}.
     *
     * @param free      the plays left for the candidate's tier: supply less what equal and better tiers ask
     * @param fits      whether the candidate fits into {@code free}
     * @param displaced the campaigns of worse tiers that no longer fit once the candidate is in, by tier then id
     */
    public record Verdict(double supply, double free, double asked, boolean fits, List<String> displaced) {
    }

    /**
     * A campaign may use what equal and better tiers, and campaigns that are not preemptible, leave; worse tiers
     * give way, and those whose demand no longer fits are displaced (at risk): better worse-tiers are served first
     * from what is left.
     */
    public static Verdict book(double supply, Demand candidate, List<Demand> booked) {
        double taken = booked.stream().filter(d -> d.keptFrom(candidate.tier())).mapToDouble(Demand::plays).sum();
        double free = Math.max(0, supply - taken);
        boolean fits = candidate.plays() <= free + 1e-9;
        List<String> displaced = new ArrayList<>();
        if (fits) {
            double left = free - candidate.plays();
            List<Demand> worse = booked.stream().filter(d -> !d.keptFrom(candidate.tier()))
                    .sorted(Comparator.comparing(Demand::tier).thenComparing(Demand::campaignId)).toList();
            for (PriorityTier tier : PriorityTier.values()) {
                List<Demand> ofTier = worse.stream().filter(d -> d.tier() == tier).toList();
                double asked = ofTier.stream().mapToDouble(Demand::plays).sum();
                if (asked > left + 1e-9) {
                    ofTier.forEach(d -> displaced.add(d.campaignId()));
                }
                left = Math.max(0, left - asked);
            }
        }
        return new Verdict(supply, free, candidate.plays(), fits, List.copyOf(displaced));
    }
}
