package io.playmark.kernel.report;

/** What a report groups plays by; TIME groups by the report's {@link TimeGrouping} in its {@link TimeBasis}. */
public enum Dimension {
    CAMPAIGN, ADVERTISER, ASSET, PLAYER,
    /** A play counts for each display group its player was in. */
    PLAYER_GROUP,
    /** A play counts for each of its player's tags. */
    PLAYER_TAG,
    /** Map tiles of zoom 8 (about 150 km) around the players' positions, as "8/x/y". */
    LOCATION,
    OUTCOME,
    /** The error a failed play reported. */
    ERROR,
    TIME
}
