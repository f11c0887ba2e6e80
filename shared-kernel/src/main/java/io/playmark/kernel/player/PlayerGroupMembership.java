package io.playmark.kernel.player;

import io.playmark.kernel.InvalidValueException;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * How a group picks its players: a fixed list of player ids, or a {@link PlayerGroupRule} (then {@code players} is
 * empty). A fixed list may name a player not registered yet: it is a member once it is.
 */
public record PlayerGroupMembership(Set<String> players, PlayerGroupRule rule) {

    private static final int MAX_FIXED = 10_000;

    public PlayerGroupMembership {
        players = players == null ? Set.of() : players.stream().map(id -> new PlayerId(id).value())
                .collect(Collectors.toCollection(TreeSet::new));
        if (rule != null && !players.isEmpty()) {
            throw new InvalidValueException("players", "a group is either a fixed list of players or a rule, not both");
        }
        if (players.size() > MAX_FIXED) {
            throw new InvalidValueException("players", "a fixed group has at most " + MAX_FIXED + " players, "
                    + players.size() + " were given");
        }
    }

    public static PlayerGroupMembership fixed(Set<String> players) {
        return new PlayerGroupMembership(players, null);
    }

    public static PlayerGroupMembership byRule(PlayerGroupRule rule) {
        return new PlayerGroupMembership(Set.of(), rule);
    }

    public boolean dynamic() {
        return rule != null;
    }

    /** Whether an active player with these facts belongs to the group. */
    public boolean includes(String playerId, Set<String> tags, GeoPoint location, String timeZone) {
        return dynamic() ? rule.matches(tags, location, timeZone) : players.contains(playerId);
    }
}
