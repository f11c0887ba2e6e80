package io.playmark.kernel.report;

/** What a report counts for each group of plays. */
public enum Metric {
    PLAYS, COMPLETED, COMPLETION_RATE, INTERRUPTED, FAILED, PLAYED_TIME, IMPRESSIONS,
    /** Plays (or impressions, by the campaign's goal) as a share of the campaign's goal; needs the CAMPAIGN dimension. */
    SHARE_OF_GOAL,
    /** Hours (UTC) in which the group had at least one play: how long a player was up and playing. */
    ACTIVE_HOURS
}
