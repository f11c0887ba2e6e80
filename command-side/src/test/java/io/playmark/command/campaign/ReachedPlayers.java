package io.playmark.command.campaign;

import io.playmark.kernel.asset.Orientation;
import io.playmark.kernel.player.GeoPoint;
import io.playmark.kernel.player.PlayerId;
import io.playmark.kernel.player.PlayerTarget;
import io.playmark.kernel.player.TargetedPlayer;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The players every target reaches in a test; {@link #unknown()} stands for a Playmark where nothing answers for
 * players.
 */
final class ReachedPlayers implements TargetedPlayers {

    private final List<TargetedPlayer> players = new ArrayList<>();
    private boolean known = true;

    ReachedPlayers add(String hardwareProfile, Orientation orientation) {
        players.add(new TargetedPlayer(PlayerId.random(), "screen " + (players.size() + 1), ZoneId.of("Europe/Berlin"),
                hardwareProfile, orientation, Set.of("lobby"), new GeoPoint(52.52, 13.40), Duration.ofMinutes(5)));
        return this;
    }

    ReachedPlayers unknown() {
        known = false;
        return this;
    }

    @Override
    public Optional<List<TargetedPlayer>> find(PlayerTarget target) {
        return known ? Optional.of(List.copyOf(players)) : Optional.empty();
    }
}
