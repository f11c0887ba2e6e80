package io.playmark.kernel.player;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

/** Replaces a player's API key: the old one stops working, the new one's plain text is the answer, shown once. */
public record RotatePlayerApiKeyCommand(@TargetAggregateIdentifier PlayerId playerId) {

    public RotatePlayerApiKeyCommand {
        Objects.requireNonNull(playerId, "playerId");
    }
}
