package io.playmark.command.schedule;

import io.playmark.kernel.player.PlayerId;

import java.util.Set;

/** Which of some players are registered and not decommissioned, as the player directory knows them. */
public interface KnownPlayers {

    /** The players among {@code players} that are unknown or decommissioned. */
    Set<PlayerId> unknownAmong(Set<PlayerId> players);
}
