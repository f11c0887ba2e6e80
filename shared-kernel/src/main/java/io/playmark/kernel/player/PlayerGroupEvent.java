package io.playmark.kernel.player;

/** Everything that happens to a display group. */
public sealed interface PlayerGroupEvent permits PlayerGroupCreatedEvent, PlayerGroupUpdatedEvent,
        PlayerGroupDeletedEvent {

    String groupId();
}
