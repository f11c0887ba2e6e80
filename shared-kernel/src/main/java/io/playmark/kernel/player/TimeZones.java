package io.playmark.kernel.player;

import io.playmark.kernel.InvalidValueException;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** IANA time zones as a player's local time is evaluated in: region ids only ("Europe/Berlin"), no fixed offsets. */
public final class TimeZones {

    private TimeZones() {
    }

    public static ZoneId of(String field, String id) {
        if (id == null || id.isBlank()) {
            throw new InvalidValueException(field, field + " must be an IANA time zone such as Europe/Berlin");
        }
        try {
            ZoneId zone = ZoneId.of(id.strip());
            if (zone instanceof ZoneOffset || !zone.getId().contains("/") && !zone.getId().equals("UTC")) {
                throw new InvalidValueException(field, "'" + id + "' is an offset, not an IANA time zone: "
                        + "daylight saving would be lost; use a region such as Europe/Berlin");
            }
            return zone;
        } catch (DateTimeException unknown) {
            throw new InvalidValueException(field, "'" + id + "' is not an IANA time zone");
        }
    }
}
