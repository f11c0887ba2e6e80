package io.playmark.kernel.player;

import java.util.Objects;

/** One active player and its groups, answered as a {@link PlayerMembership}; null when unknown or decommissioned. */
public record FindPlayerMembershipQuery(PlayerId playerId) {

    public FindPlayerMembershipQuery {
        Objects.requireNonNull(playerId, "playerId");
    }
}
