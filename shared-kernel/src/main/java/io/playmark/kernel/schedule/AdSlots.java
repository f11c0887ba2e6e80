package io.playmark.kernel.schedule;

import io.playmark.kernel.InvalidValueException;

import java.time.Duration;

/**
 * The room a playlist's loop leaves for ads: {@code count} slots of {@code slotMillis} each, or a share of the loop
 * in percent, or none. Decisioning fills them; booking-time capacity counts them ({@code AdCapacity.playsPerHour}).
 */
public record AdSlots(int count, long slotMillis, int sharePercent) {

    public static final int MAX_COUNT = 100;
    public static final int MAX_SHARE_PERCENT = 90;

    public AdSlots {
        if (count < 0 || count > MAX_COUNT) {
            throw new InvalidValueException("adSlots.count", "between 0 and " + MAX_COUNT + " ad slots, was " + count);
        }
        if (sharePercent < 0 || sharePercent > MAX_SHARE_PERCENT) {
            throw new InvalidValueException("adSlots.sharePercent", "an ad share must be between 0 and "
                    + MAX_SHARE_PERCENT + " percent, was " + sharePercent);
        }
        if (count > 0 && sharePercent > 0) {
            throw new InvalidValueException("adSlots", "ad slots are a count of slots or a share of the loop, not both");
        }
        if ((count > 0) != (slotMillis > 0)) {
            throw new InvalidValueException("adSlots.length", "a count of ad slots needs a positive slot length, "
                    + "and a slot length needs a count");
        }
        if (slotMillis > Duration.ofMinutes(10).toMillis()) {
            throw new InvalidValueException("adSlots.length", "an ad slot is at most 10 minutes long");
        }
    }

    public static AdSlots none() {
        return new AdSlots(0, 0, 0);
    }

    public static AdSlots slots(int count, Duration length) {
        return new AdSlots(count, length.toMillis(), 0);
    }

    public static AdSlots share(int percent) {
        return new AdSlots(0, 0, percent);
    }
}
