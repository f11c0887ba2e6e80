package io.playmark.query.play;

/** What is wrong with a play's references: the play is kept and counted, and listed in the data-quality view. */
public enum PlayFlag {
    /** No player with the play's player id is in the directory. */
    UNKNOWN_PLAYER,
    /** No asset with the play's asset id is in the library. */
    UNKNOWN_ASSET,
    /** The asset was deleted before the play was indexed. */
    DELETED_ASSET,
    /** No campaign with the play's campaign id exists. */
    UNKNOWN_CAMPAIGN
}
