package io.playmark.kernel.player;

import java.time.Instant;

/**
 * Records that a player was heard from (a heartbeat, a play upload). Kept outside the event store, since a
 * network of screens reporting every minute would flood it; only the latest time per player is kept.
 */
public interface PlayerSightings {

    /** Records {@code at} as the player's last-seen time unless a later one is already recorded. */
    void seen(PlayerId player, Instant at);
}
