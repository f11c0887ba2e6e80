package io.playmark.kernel.player;

import java.util.List;
import java.util.Set;

/** A player's name, tags, time zone, place and display groups, as other features copy them. */
public record PlayerSummary(String playerId, String name, Set<String> tags, String timeZone, GeoPoint location,
                            List<Group> groups) {

    public PlayerSummary {
        tags = tags == null ? Set.of() : Set.copyOf(tags);
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    /** A display group the player is in. */
    public record Group(String id, String name) {
    }
}
