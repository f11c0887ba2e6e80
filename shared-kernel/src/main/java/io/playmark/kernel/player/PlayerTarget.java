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

    /** Whether an active player with this id, these tags, this location and these groups is meant. */
    public boolean matches(String playerId, Set<String> playerTags, GeoPoint location, Set<String> playerGroups) {
        if (isEmpty()) {
            return false;
        }
        boolean selects = !players.isEmpty() || !groups.isEmpty() || !tags.isEmpty();
        boolean selected = !selects
                || players.stream().anyMatch(id -> id.value().equals(playerId))
                || groups.stream().anyMatch(group -> playerGroups.contains(group.value()))
                || tags.stream().anyMatch(tag -> playerTags.contains(tag.value()));
        return selected && (area == null || area.contains(location));
    }
}
