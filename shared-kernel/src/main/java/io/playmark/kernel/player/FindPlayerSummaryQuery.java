package io.playmark.kernel.player;

import java.util.Objects;

/**
 * What other features copy of a player (proof of play), decommissioned or not: answers a {@link PlayerSummary} or
 * null for an unknown player.
 */
public record FindPlayerSummaryQuery(PlayerId playerId) {

    public FindPlayerSummaryQuery {
        Objects.requireNonNull(playerId, "playerId");
    }
}
