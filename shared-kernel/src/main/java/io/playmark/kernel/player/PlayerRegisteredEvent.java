package io.playmark.kernel.player;

import io.playmark.kernel.asset.Orientation;
import org.axonframework.serialization.Revision;

import java.time.Duration;
import java.util.Set;

/** A screen was registered; its first API key follows in a {@link PlayerApiKeyIssuedEvent}. */
@Revision("1")
public record PlayerRegisteredEvent(String playerId, String name, GeoPoint location, String address, String timeZone,
                                    Set<String> tags, int width, int height, Orientation orientation,
                                    String hardwareProfile, Duration loopLength) implements PlayerEvent {
}
