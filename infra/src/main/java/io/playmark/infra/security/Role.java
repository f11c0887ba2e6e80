package io.playmark.infra.security;

/** What a caller may do; an API key or a token carries one or more. */
public enum Role {
    /** Everything, including keys, jobs and operations. */
    ADMIN,
    /** Plans and changes campaigns, assets and schedules. */
    MANAGER,
    /** Reads delivery and search. */
    ANALYST,
    /** Reads history and replays it. */
    AUDITOR,
    /** A screen: fetches its playlist and reports plays, for its own player id only. */
    PLAYER;

    public String authority() {
        return "ROLE_" + name();
    }
}
