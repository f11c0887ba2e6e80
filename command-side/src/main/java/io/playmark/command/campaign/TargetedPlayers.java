package io.playmark.command.campaign;

import io.playmark.kernel.player.PlayerTarget;
import io.playmark.kernel.player.TargetedPlayer;

import java.util.List;
import java.util.Optional;

/** The active players a targeting reaches now, each with its hardware profile and orientation. */
public interface TargetedPlayers {

    /**
     * The players the target matches; empty (not an empty list) when this Playmark cannot tell, because no part
     * of it answers for players.
     */
    Optional<List<TargetedPlayer>> find(PlayerTarget target);
}
