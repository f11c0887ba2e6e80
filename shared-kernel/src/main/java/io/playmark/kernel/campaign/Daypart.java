package io.playmark.kernel.campaign;

import io.playmark.kernel.InvalidValueException;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * Days of the week and a range of local wall-clock time, from {@code from} (inclusive) to {@code to} (exclusive),
 * read in each player's own zone. A range whose end is not after its start runs across midnight: 22:00–02:00 on
 * FRIDAY is Friday 22:00 to Saturday 02:00, so the days name the day a range <em>starts</em> on. {@code from}
 * equal to {@code to} is the whole 24 hours from that time (00:00–00:00 is the whole day).
 */
public record Daypart(Set<DayOfWeek> days, LocalTime from, LocalTime to) {

    public Daypart {
        if (days == null || days.isEmpty()) {
            throw new InvalidValueException("dayparts.days", "a daypart needs at least one day of the week");
        }
        if (from == null || to == null) {
            throw new InvalidValueException(from == null ? "dayparts.from" : "dayparts.to",
                    "a daypart needs both a start and an end time");
        }
        days = Set.copyOf(EnumSet.copyOf(days));
    }

    public boolean crossesMidnight() {
        return !to.isAfter(from);
    }

    /** Whether a local date and time (the player's wall clock) falls in this daypart. */
    public boolean contains(LocalDateTime local) {
        LocalTime time = local.toLocalTime();
        DayOfWeek day = local.getDayOfWeek();
        if (!crossesMidnight()) {
            return days.contains(day) && !time.isBefore(from) && time.isBefore(to);
        }
        // the evening part belongs to today's range, the small hours to the range that started yesterday
        return days.contains(day) && !time.isBefore(from) || days.contains(day.minus(1)) && time.isBefore(to);
    }
}
