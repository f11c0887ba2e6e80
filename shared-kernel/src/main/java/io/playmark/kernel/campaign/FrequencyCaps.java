package io.playmark.kernel.campaign;

import io.playmark.kernel.InvalidValueException;

/**
 * How often one player may show the campaign: at most {@code maxPlaysPerHour} plays in a local clock hour and
 * {@code maxPlaysPerDay} in a local day, and at least {@code minMinutesBetweenPlays} minutes between two of its
 * plays. A null cap is no cap.
 */
public record FrequencyCaps(Integer maxPlaysPerHour, Integer maxPlaysPerDay, Integer minMinutesBetweenPlays) {

    public static final FrequencyCaps NONE = new FrequencyCaps(null, null, null);

    public FrequencyCaps {
        positive("caps.maxPlaysPerHour", maxPlaysPerHour, 3600);
        positive("caps.maxPlaysPerDay", maxPlaysPerDay, 86_400);
        positive("caps.minMinutesBetweenPlays", minMinutesBetweenPlays, 1440);
        if (maxPlaysPerHour != null && maxPlaysPerDay != null && maxPlaysPerHour > maxPlaysPerDay) {
            throw new InvalidValueException("caps.maxPlaysPerHour", "caps.maxPlaysPerHour (" + maxPlaysPerHour
                    + ") must not be more than caps.maxPlaysPerDay (" + maxPlaysPerDay + ")");
        }
    }

    private static void positive(String field, Integer value, int max) {
        if (value != null && (value < 1 || value > max)) {
            throw new InvalidValueException(field, field + " must be between 1 and " + max + ", was " + value);
        }
    }
}
