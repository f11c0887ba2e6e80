package io.playmark.kernel.play;

import io.playmark.kernel.InvalidValueException;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How a play ended, as the player reports it. */
public enum Outcome {
    /** Played to its end. */
    COMPLETED,
    /** Cut short (a higher priority took over, the screen was switched off). */
    INTERRUPTED,
    /** Could not play (decoding failed, the file was missing); the play's error says why. */
    FAILED,
    /** Passed over by the player without playing. */
    SKIPPED;

    /** The outcome named {@code value}, or an error naming the field and the outcomes there are. */
    public static Outcome of(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(field, "outcome must not be blank");
        }
        try {
            return valueOf(value.strip());
        } catch (IllegalArgumentException unknown) {
            throw new InvalidValueException(field, "'" + value + "' is not one of " + Arrays.stream(values())
                    .map(Enum::name).collect(Collectors.joining(", ")));
        }
    }
}
