package io.playmark.query.audit;

import io.playmark.kernel.player.PlayerId;

import java.time.Instant;
import java.util.List;

/**
 * The aggregates a player's playlist was made from at a moment, as they were then (infra replays them): the groups it
 * was in, the schedule entries on it around the moment with their playlists (nested ones too), and the booked
 * campaigns that targeted it. An input deleted since is still named.
 */
public interface PastScreenInputs {

    /** In that order: groups, entries, playlists, campaigns; empty when the player was not in service then. */
    List<ScreenPast.Input> at(PlayerId player, Instant at);
}
