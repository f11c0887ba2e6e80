package io.playmark.kernel.player;

import io.playmark.kernel.InvalidValueException;

import java.time.ZoneId;
import java.util.Objects;

/** Where a player stands: a point, a postal address people recognise, and the IANA zone its local time is in. */
public record PlayerLocation(GeoPoint point, String address, ZoneId zone) {

    public PlayerLocation {
        if (point == null) {
            throw new InvalidValueException("location", "a player needs a location (latitude and longitude)");
        }
        address = address == null ? "" : address.strip();
        if (address.length() > 500) {
            throw new InvalidValueException("address", "address must be at most 500 characters, was " + address.length());
        }
        Objects.requireNonNull(zone, "zone");
    }
}
