package io.playmark.kernel.player;

import org.axonframework.serialization.Revision;

/** A player runs on other hardware: what it can decode is now this profile's. */
@Revision("1")
public record PlayerProfileChangedEvent(String playerId, String hardwareProfile) implements PlayerEvent {
}
