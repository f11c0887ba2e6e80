package io.playmark.kernel.player;

import org.axonframework.serialization.Revision;

/** The player was taken out of service for good; its API key was revoked. */
@Revision("1")
public record PlayerDecommissionedEvent(String playerId) implements PlayerEvent {
}
