package io.playmark.kernel.schedule;

import io.playmark.kernel.InvalidValueException;
import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRuleIterator;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * When a schedule entry plays, in local wall-clock time: a first occurrence starting at {@code start} and lasting
 * {@code length}, repeated by an RFC 5545 RRULE (none: once), except at the EXDATE local starts. The times are
 * floating, as RFC 5545 calls them: one entry means "07:00 local" on every player, each in its own zone. Expanding
 * in local time and converting each start on its own keeps 07:00 at 07:00 across daylight-saving changes; a start
 * that falls in a spring-forward gap moves forward by the gap, as {@link ZonedDateTime#of} does.
 */
public record Recurrence(LocalDateTime start, Duration length, String rrule, Set<LocalDateTime> exceptions) {

    public static final Duration MAX_LENGTH = Duration.ofDays(31);
    /** A guard against rules like FREQ=SECONDLY asked for over a long window. */
    public static final int MAX_OCCURRENCES = 10_000;

    public Recurrence {
        if (start == null) {
            throw new InvalidValueException("recurrence.start", "a schedule needs a local start date and time");
        }
        if (length == null || length.isNegative() || length.isZero() || length.compareTo(MAX_LENGTH) > 0) {
            throw new InvalidValueException("recurrence.length", "an occurrence lasts more than nothing and at most "
                    + MAX_LENGTH + ", was " + length);
        }
        rrule = rrule == null || rrule.isBlank() ? null : normalised(rrule);
        exceptions = exceptions == null ? Set.of() : Set.copyOf(new TreeSet<>(exceptions));
        if (rrule != null) {
            parse(rrule);
        }
    }

    public static Recurrence once(LocalDateTime start, Duration length) {
        return new Recurrence(start, length, null, Set.of());
    }

    /** The occurrences overlapping [from, to) on a player in {@code zone}, in order of start. */
    public List<Occurrence> between(Instant from, Instant to, ZoneId zone) {
        List<Occurrence> found = new ArrayList<>();
        if (!from.isBefore(to)) {
            return found;
        }
        if (rrule == null) {
            add(start, from, to, zone, found);
            return found;
        }
        RecurrenceRuleIterator iterator = parse(rrule).iterator(floating(start));
        // an occurrence overlapping from starts at most length earlier; a day more covers any zone offset
        iterator.fastForward(floating(LocalDateTime.ofInstant(from.minus(length), zone).minusDays(1)));
        LocalDateTime last = LocalDateTime.ofInstant(to, zone).plusDays(1);
        for (int seen = 0; iterator.hasNext() && seen < MAX_OCCURRENCES; seen++) {
            LocalDateTime local = local(iterator.nextDateTime());
            if (local.isAfter(last)) {
                break;
            }
            if (!exceptions.contains(local)) {
                add(local, from, to, zone, found);
            }
        }
        return found;
    }

    private void add(LocalDateTime local, Instant from, Instant to, ZoneId zone, List<Occurrence> found) {
        Instant begins = ZonedDateTime.of(local, zone).toInstant();
        // the length is wall-clock time: 07:00-10:00 stays 07:00-10:00 on a change day, whatever it lasts
        Instant ends = ZonedDateTime.of(local.plus(length), zone).toInstant();
        if (!ends.isAfter(begins)) {
            // start and end both fell into a spring-forward gap: the occurrence keeps its length instead
            ends = begins.plus(length);
        }
        if (begins.isBefore(to) && ends.isAfter(from)) {
            found.add(new Occurrence(begins, ends, local));
        }
    }

    private static String normalised(String rule) {
        String stripped = rule.strip();
        return stripped.regionMatches(true, 0, "RRULE:", 0, 6) ? stripped.substring(6) : stripped;
    }

    private static RecurrenceRule parse(String rule) {
        try {
            RecurrenceRule parsed = new RecurrenceRule(rule, RecurrenceRule.RfcMode.RFC5545_STRICT);
            if (parsed.getUntil() != null && !parsed.getUntil().isFloating()) {
                throw new InvalidValueException("recurrence.rrule", "UNTIL must be a local date or date-time "
                        + "(without Z), as the schedule's start is: '" + rule + "'");
            }
            return parsed;
        } catch (InvalidRecurrenceRuleException | IllegalArgumentException invalid) {
            if (invalid instanceof InvalidValueException named) {
                throw named;
            }
            throw new InvalidValueException("recurrence.rrule", "not an RFC 5545 RRULE: '" + rule + "' ("
                    + invalid.getMessage() + ")");
        }
    }

    private static DateTime floating(LocalDateTime local) {
        // lib-recur counts months from 0
        return new DateTime(local.getYear(), local.getMonthValue() - 1, local.getDayOfMonth(), local.getHour(),
                local.getMinute(), local.getSecond());
    }

    private static LocalDateTime local(DateTime time) {
        return LocalDateTime.of(time.getYear(), time.getMonth() + 1, time.getDayOfMonth(), time.getHours(),
                time.getMinutes(), time.getSeconds());
    }
}
