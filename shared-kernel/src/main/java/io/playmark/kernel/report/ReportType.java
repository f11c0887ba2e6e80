package io.playmark.kernel.report;

/** What a report is for; the ready-made types come with the metrics and dimensions {@link ReportSpec#preset} gives. */
public enum ReportType {
    CAMPAIGN_PROOF_OF_PLAY, DELIVERY_AGAINST_GOAL, PLAYER_UPTIME, ASSET_USAGE, FAILURES_BY_ERROR,
    /** One row per play, no grouping. */
    RAW_PLAY_LOG,
    CUSTOM
}
