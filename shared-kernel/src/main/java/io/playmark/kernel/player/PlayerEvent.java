package io.playmark.kernel.player;

/** Everything that happens to a player, so that a projection can follow one player's life in one place. */
public sealed interface PlayerEvent permits PlayerRegisteredEvent, PlayerDetailsEditedEvent, PlayerTaggedEvent,
        PlayerMovedEvent, PlayerProfileChangedEvent, PlayerApiKeyIssuedEvent, PlayerDecommissionedEvent {

    String playerId();
}
