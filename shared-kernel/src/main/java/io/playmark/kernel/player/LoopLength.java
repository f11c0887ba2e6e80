package io.playmark.kernel.player;

import io.playmark.kernel.InvalidValueException;

import java.time.Duration;

/** How long a player's repeating loop runs: from 30 seconds to an hour, five minutes unless told. */
public record LoopLength(Duration value) {

    private static final Duration MIN = Duration.ofSeconds(30);
    private static final Duration MAX = Duration.ofHours(1);
    public static final LoopLength DEFAULT = new LoopLength(Duration.ofMinutes(5));

    public LoopLength {
        if (value == null || value.compareTo(MIN) < 0 || value.compareTo(MAX) > 0 || value.toMillisPart() != 0) {
            throw new InvalidValueException("loopLengthSeconds", "the loop must last whole seconds from "
                    + MIN.toSeconds() + " to " + MAX.toSeconds() + ", was " + value);
        }
    }

    /** The default when no length is given. */
    public static LoopLength ofSeconds(Integer seconds) {
        return seconds == null ? DEFAULT : new LoopLength(Duration.ofSeconds(seconds));
    }
}
