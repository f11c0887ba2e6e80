package io.playmark.kernel.campaign;

/** What a campaign promises to deliver over its flight. */
public enum GoalKind {
    /** A number of plays. */
    PLAYS,
    /** A number of estimated viewers over all plays. */
    IMPRESSIONS,
    /** A percentage of each targeted player's ad time. */
    SHARE_OF_VOICE
}
