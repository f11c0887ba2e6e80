package io.playmark.query.schedule;

import org.springframework.data.annotation.Id;

import java.util.Set;

/**
 * The entries naming one player, or one group: read by the player's or group's id, so that finding a player's
 * entries never scans the entries (they grow with use). Kept in two collections, one for players, one for groups.
 */
public record TargetedEntries(@Id String targetId, Set<String> entryIds) {

    public static final String PLAYERS = "schedule_players";
    public static final String GROUPS = "schedule_groups";
}
