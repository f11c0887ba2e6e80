package io.playmark.kernel.play;

import io.playmark.kernel.InvalidValueException;

/** Who saw a play, as the player's audience sensor estimates it: viewers and how long they looked. */
public record Audience(long impressions, long dwellMs) {

    public Audience {
        if (impressions < 0) {
            throw new InvalidValueException("audience.impressions", "impressions must not be negative, was "
                    + impressions);
        }
        if (dwellMs < 0) {
            throw new InvalidValueException("audience.dwellMs", "dwellMs must not be negative, was " + dwellMs);
        }
    }

    public static final Audience NONE = new Audience(0, 0);
}
