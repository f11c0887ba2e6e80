package io.playmark.command.player;

import io.playmark.kernel.player.PlayerId;

/** The API keys players authenticate with: one per player, bound to its id, with the PLAYER role only. */
public interface PlayerKeys {

    /** Issues the player a new key, revoking the one it had; answers the plain text, which is never kept. */
    String issue(PlayerId player, String playerName);

    /** Revokes the player's key, if it has one. */
    void revoke(PlayerId player);
}
