package io.playmark.kernel.player;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

/** Records where a player now stands (point, address, time zone); groups by area and zone follow. */
public record MovePlayerCommand(@TargetAggregateIdentifier PlayerId playerId, PlayerLocation location) {

    public MovePlayerCommand {
        Objects.requireNonNull(playerId, "playerId");
        Objects.requireNonNull(location, "location");
    }
}
