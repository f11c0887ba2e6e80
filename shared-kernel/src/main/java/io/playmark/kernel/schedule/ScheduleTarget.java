package io.playmark.kernel.schedule;

import io.playmark.kernel.InvalidValueException;
import io.playmark.kernel.player.PlayerGroupId;
import io.playmark.kernel.player.PlayerId;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The players a schedule entry plays on: named players and the members of groups, at least one of either. */
public record ScheduleTarget(Set<PlayerId> players, Set<PlayerGroupId> groups) {

    public static final int MAX_NAMED = 1_000;

    public ScheduleTarget {
        players = players == null ? Set.of() : Set.copyOf(players);
        groups = groups == null ? Set.of() : Set.copyOf(groups);
        if (players.isEmpty() && groups.isEmpty()) {
            throw new InvalidValueException("target", "a schedule entry plays on at least one player or group");
        }
        if (players.size() + groups.size() > MAX_NAMED) {
            throw new InvalidValueException("target", "a schedule entry names at most " + MAX_NAMED
                    + " players and groups; schedule more through a group");
        }
    }

    /** Sorted ids, as events carry them. */
    public Set<String> playerIds() {
        return players.stream().map(PlayerId::value).collect(Collectors.toCollection(TreeSet::new));
    }

    public Set<String> groupIds() {
        return groups.stream().map(PlayerGroupId::value).collect(Collectors.toCollection(TreeSet::new));
    }
}
