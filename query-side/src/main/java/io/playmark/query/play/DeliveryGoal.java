package io.playmark.query.play;

import io.playmark.kernel.campaign.Flight;
import io.playmark.kernel.campaign.GoalKind;

import java.time.Instant;

/**
 * A campaign's delivery over its flight so far against its goal of plays or impressions. Pacing compares it with an
 * even delivery over the flight: 1 is on pace, below 1 behind.
 */
public record DeliveryGoal(GoalKind kind, long target, long delivered, double expected) {

    /** What an even delivery would have reached by {@code now}. */
    static double expected(long target, Instant flightStart, Instant flightEnd, Instant now) {
        return target * new Flight(flightStart, flightEnd).elapsedShare(now);
    }

    /** delivered / target, 0 to 1 and beyond. */
    public double progress() {
        return target == 0 ? 0 : (double) delivered / target;
    }

    /** delivered / expected; null before the flight starts. */
    public Double pacing() {
        return expected == 0 ? null : delivered / expected;
    }
}
