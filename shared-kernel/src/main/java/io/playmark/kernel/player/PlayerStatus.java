package io.playmark.kernel.player;

/** Whether a player is heard from: online within the offline threshold, offline past it, or decommissioned for good. */
public enum PlayerStatus {
    ONLINE,
    OFFLINE,
    DECOMMISSIONED
}
