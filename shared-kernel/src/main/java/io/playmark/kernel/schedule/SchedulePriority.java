package io.playmark.kernel.schedule;

import io.playmark.kernel.InvalidValueException;

/**
 * How an entry ranks among entries overlapping it on a player: the higher wins. An exclusive entry, while it plays,
 * leaves no room to lower ones; a non-exclusive one shares the time with them (decisioning decides how).
 */
public record SchedulePriority(int value, boolean exclusive) {

    public static final int MAX = 1_000;

    public SchedulePriority {
        if (value < 0 || value > MAX) {
            throw new InvalidValueException("priority", "a priority is between 0 and " + MAX + ", was " + value);
        }
    }
}
