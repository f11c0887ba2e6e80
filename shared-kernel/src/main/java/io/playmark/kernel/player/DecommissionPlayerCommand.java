package io.playmark.kernel.player;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

/** Takes a player out of service for good: its key is revoked, it leaves every group and is targeted no more. */
public record DecommissionPlayerCommand(@TargetAggregateIdentifier PlayerId playerId) {

    public DecommissionPlayerCommand {
        Objects.requireNonNull(playerId, "playerId");
    }
}
