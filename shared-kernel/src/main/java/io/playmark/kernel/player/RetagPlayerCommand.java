package io.playmark.kernel.player;

import io.playmark.kernel.asset.Tag;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;
import java.util.Set;

/** Gives a player exactly these tags; dynamic groups follow. */
public record RetagPlayerCommand(@TargetAggregateIdentifier PlayerId playerId, Set<Tag> tags) {

    public RetagPlayerCommand {
        Objects.requireNonNull(playerId, "playerId");
        tags = tags == null ? Set.of() : Set.copyOf(tags);
    }
}
