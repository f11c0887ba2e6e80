package io.playmark.kernel.campaign;

import io.playmark.kernel.schedule.FindScheduleEntriesForPlayerQuery;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What the targeted players' ad slots hold for a campaign, answered as an {@link AdCapacityReport}: over the
 * flight's first {@link #HORIZON} from {@code now} on (the window the schedule answers at most), per player and
 * hour, against the campaigns booked, active or paused there.
 */
public record FindAdCapacityQuery(ProposedCampaign campaign, Instant now) {

    public static final Duration HORIZON = FindScheduleEntriesForPlayerQuery.MAX_WINDOW;

    public FindAdCapacityQuery {
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(now, "now");
    }

    /** Where the report starts: now, or the flight's start if later. */
    public Instant from() {
        return campaign.flight().start().isAfter(now) ? campaign.flight().start() : now;
    }

    /** Where it ends: the flight's end, or the horizon if sooner. */
    public Instant to() {
        Instant horizon = from().plus(HORIZON);
        return campaign.flight().end().isBefore(horizon) ? campaign.flight().end() : horizon;
    }
}
