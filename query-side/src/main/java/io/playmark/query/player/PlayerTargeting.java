package io.playmark.query.player;

import io.playmark.kernel.player.PlayerTarget;

import java.util.Set;

/**
 * The rule of {@link PlayerTarget}: an active player matches when it is named, a member of a named group or carries
 * a named tag, and stands in the area when one is given; an area alone matches every active player in it.
 */
final class PlayerTargeting {

    private PlayerTargeting() {
    }

    static boolean matches(PlayerTarget target, Set<String> membersOfGroups, PlayerView player) {
        if (!player.active() || target.isEmpty()) {
            return false;
        }
        boolean selects = !target.players().isEmpty() || !target.groups().isEmpty() || !target.tags().isEmpty();
        boolean selected = !selects
                || target.players().stream().anyMatch(id -> id.value().equals(player.id()))
                || membersOfGroups.contains(player.id())
                || target.tags().stream().anyMatch(tag -> player.tags().contains(tag.value()));
        return selected && (target.area() == null || target.area().contains(player.location()));
    }
}
