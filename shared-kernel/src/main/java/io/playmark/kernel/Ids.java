package io.playmark.kernel;

import java.util.UUID;

/** The check shared by the ids clients may choose: a UUID, so that a retried create is recognised. */
public final class Ids {

    private Ids() {
    }

    /** Returns the UUID in its canonical form, or fails naming {@code what} (e.g. "campaign id"). */
    public static String requireUuid(String field, String what, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(field, what + " must not be blank");
        }
        try {
            return UUID.fromString(value.strip()).toString();
        } catch (IllegalArgumentException notAUuid) {
            throw new InvalidValueException(field, what + " must be a UUID, was '" + value + "'");
        }
    }
}
