package io.playmark.kernel.report;

import io.playmark.kernel.InvalidValueException;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/**
 * The plays a report covers by their start: an absolute range ({@code from} inclusive, {@code to} exclusive), the
 * last {@code days} days up to the moment it runs, or the day, week (Monday to Monday) or month just closed in the
 * report's zone. Resolved when a run starts, so a scheduled report covers a new period each time.
 */
public record TimeRange(Kind kind, Instant from, Instant to, int days) {

    /** The longest range one report covers. */
    public static final Duration MAX = Duration.ofDays(400);

    public enum Kind { ABSOLUTE, LAST_DAYS, PREVIOUS_DAY, PREVIOUS_WEEK, PREVIOUS_MONTH }

    /** A resolved range. */
    public record Interval(Instant from, Instant to) {
    }

    public TimeRange {
        if (kind == null) {
            throw new InvalidValueException("range", "range must say its kind");
        }
        if (kind == Kind.ABSOLUTE) {
            if (from == null || to == null || !from.isBefore(to) || Duration.between(from, to).compareTo(MAX) > 0) {
                throw new InvalidValueException("range", "an absolute range needs from before to, at most "
                        + MAX.toDays() + " days apart, was " + from + " to " + to);
            }
        } else {
            from = null;
            to = null;
        }
        if (kind == Kind.LAST_DAYS && (days < 1 || days > MAX.toDays())) {
            throw new InvalidValueException("range", "the last days must be 1 to " + MAX.toDays() + ", was " + days);
        }
        if (kind != Kind.LAST_DAYS) {
            days = 0;
        }
    }

    public static TimeRange absolute(Instant from, Instant to) {
        return new TimeRange(Kind.ABSOLUTE, from, to, 0);
    }

    public static TimeRange lastDays(int days) {
        return new TimeRange(Kind.LAST_DAYS, null, null, days);
    }

    public static TimeRange previous(Kind kind) {
        return new TimeRange(kind, null, null, 0);
    }

    public Interval resolve(Instant now, ZoneId zone) {
        LocalDate today = now.atZone(zone).toLocalDate();
        return switch (kind) {
            case ABSOLUTE -> new Interval(from, to);
            case LAST_DAYS -> new Interval(now.minus(Duration.ofDays(days)), now);
            case PREVIOUS_DAY -> days(today.minusDays(1), today, zone);
            case PREVIOUS_WEEK -> {
                LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield days(monday.minusWeeks(1), monday, zone);
            }
            case PREVIOUS_MONTH -> {
                LocalDate first = today.withDayOfMonth(1);
                yield days(first.minusMonths(1), first, zone);
            }
        };
    }

    private static Interval days(LocalDate from, LocalDate to, ZoneId zone) {
        return new Interval(from.atStartOfDay(zone).toInstant(), to.atStartOfDay(zone).toInstant());
    }
}
