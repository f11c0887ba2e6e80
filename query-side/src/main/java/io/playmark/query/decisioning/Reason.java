package io.playmark.query.decisioning;

/** Why a campaign's ad plays, or does not play, on a player at a moment. */
public enum Reason {
    PLAYS,
    NOT_TARGETED,
    PAUSED,
    NOT_ACTIVE,
    OUT_OF_FLIGHT,
    OUTSIDE_DAYPART,
    NO_PLAYABLE_CREATIVE,
    NO_AD_SLOT,
    PREEMPTED,
    CAP_REACHED,
    SEPARATION,
    COMPETITIVE_SEPARATION,
    SHARE_OF_VOICE_REACHED,
    AHEAD_OF_PACE
}
