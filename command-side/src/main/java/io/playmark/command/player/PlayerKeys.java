package io.playmark.command.player;

import io.playmark.kernel.player.PlayerId;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/** The API keys players authenticate with: one per player, bound to its id, with the PLAYER role only. */
public interface PlayerKeys {

    /** A new key's plain text; it works only once {@link #bind bound}. */
    String newKey();

    /** Makes {@code key} the player's only key, revoking the one it had. */
    void bind(PlayerId player, String playerName, String key);

    /** Revokes the player's key, if it has one. */
    void revoke(PlayerId player);

    /**
     * A new key for the player, bound once the command's events are committed: a key never works for a registration
     * or rotation the event store refused, and a rotation that failed leaves the old key working.
     */
    default String issueOnCommit(PlayerId player, String playerName) {
        String key = newKey();
        CurrentUnitOfWork.get().afterCommit(unitOfWork -> bind(player, playerName, key));
        return key;
    }

    /** Revokes the player's key once the command's events are committed. */
    default void revokeOnCommit(PlayerId player) {
        CurrentUnitOfWork.get().afterCommit(unitOfWork -> revoke(player));
    }
}
