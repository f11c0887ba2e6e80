package io.playmark.kernel.player;

import org.axonframework.serialization.Revision;

/** A new API key was issued to the player, replacing any earlier one; the key itself is never recorded. */
@Revision("1")
public record PlayerApiKeyIssuedEvent(String playerId) implements PlayerEvent {
}
