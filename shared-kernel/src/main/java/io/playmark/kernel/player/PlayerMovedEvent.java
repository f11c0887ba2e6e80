package io.playmark.kernel.player;

import org.axonframework.serialization.Revision;

/** A player stands somewhere else now, or its address or time zone was corrected. */
@Revision("1")
public record PlayerMovedEvent(String playerId, GeoPoint location, String address, String timeZone)
        implements PlayerEvent {
}
