package io.playmark.kernel.player;

import java.util.Set;

/** A player's name, tags, time zone and place, as other features copy them. */
public record PlayerSummary(String playerId, String name, Set<String> tags, String timeZone, GeoPoint location) {

    public PlayerSummary {
        tags = tags == null ? Set.of() : Set.copyOf(tags);
    }
}
