package io.playmark.kernel.player;

import io.playmark.kernel.asset.Orientation;
import org.axonframework.serialization.Revision;

import java.time.Duration;

/** A player's name, screen or loop changed: all of them as they are now. */
@Revision("1")
public record PlayerDetailsEditedEvent(String playerId, String name, int width, int height, Orientation orientation,
                                       Duration loopLength) implements PlayerEvent {
}
