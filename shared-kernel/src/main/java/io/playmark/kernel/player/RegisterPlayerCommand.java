package io.playmark.kernel.player;

import io.playmark.kernel.Texts;
import io.playmark.kernel.asset.Tag;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;
import java.util.Set;

/**
 * Registers a screen and issues its API key, answered as {@link PlayerCredentials}. The same id again with the same
 * values is a retry: it issues a fresh key in place of the first (whose answer was most likely lost); with other
 * values it is a conflict.
 */
public record RegisterPlayerCommand(@TargetAggregateIdentifier PlayerId playerId, PlayerDetails details,
                                    PlayerLocation location, Set<Tag> tags, String hardwareProfile) {

    public RegisterPlayerCommand {
        Objects.requireNonNull(playerId, "playerId");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(location, "location");
        tags = tags == null ? Set.of() : Set.copyOf(tags);
        hardwareProfile = Texts.requireText("hardwareProfile", hardwareProfile, 50);
    }
}
