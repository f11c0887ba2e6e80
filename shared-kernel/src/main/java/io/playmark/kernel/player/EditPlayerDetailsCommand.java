package io.playmark.kernel.player;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

/** Renames a player or records its screen and loop anew; the same details change nothing. */
public record EditPlayerDetailsCommand(@TargetAggregateIdentifier PlayerId playerId, PlayerDetails details) {

    public EditPlayerDetailsCommand {
        Objects.requireNonNull(playerId, "playerId");
        Objects.requireNonNull(details, "details");
    }
}
