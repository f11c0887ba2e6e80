package io.playmark.kernel.player;

import io.playmark.kernel.asset.Tag;

import java.util.Set;

/**
 * Which players something is meant for: named players, the members of groups, players carrying any of the tags, and,
 * when an area is given, only players inside it. A player matches when it is named, in a group or tagged, and (if an
 * area is set) stands in the area; a target with an area alone matches every player in the area.
 */
public record PlayerTarget(Set<PlayerId> players, Set<PlayerGroupId> groups, Set<Tag> tags, GeoArea area) {

    public PlayerTarget {
        players = players == null ? Set.of() : Set.copyOf(players);
        groups = groups == null ? Set.of() : Set.copyOf(groups);
        tags = tags == null ? Set.of() : Set.copyOf(tags);
    }

    public boolean isEmpty() {
        return players.isEmpty() && groups.isEmpty() && tags.isEmpty() && area == null;
    }
}
