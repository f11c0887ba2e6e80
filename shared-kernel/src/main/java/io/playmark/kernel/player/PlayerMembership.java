package io.playmark.kernel.player;

import java.util.Set;

/** An active player with the ids of the groups it is a member of now. */
public record PlayerMembership(TargetedPlayer player, Set<String> groups) {

    public PlayerMembership {
        groups = groups == null ? Set.of() : Set.copyOf(groups);
    }

    /** Whether the target means this player: the rule of {@link PlayerTarget#matches}. */
    public boolean targetedBy(PlayerTarget target) {
        return target.matches(player.id().value(), player.tags(), player.location(), groups);
    }
}
