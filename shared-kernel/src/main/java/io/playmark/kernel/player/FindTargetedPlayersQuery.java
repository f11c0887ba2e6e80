package io.playmark.kernel.player;

/** The active players a target matches, answered as a {@code List<TargetedPlayer>} sorted by player id. */
public record FindTargetedPlayersQuery(PlayerTarget target) {
}
