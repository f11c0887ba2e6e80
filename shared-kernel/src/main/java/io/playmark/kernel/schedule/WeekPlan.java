package io.playmark.kernel.schedule;

import io.playmark.kernel.InvalidValueException;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A schedule template: a week of slots, each days of the week and a local time range playing a playlist. Applied
 * from a date, each slot becomes one weekly recurrence starting on the first of its days on or after that date. A
 * range whose end is not after its start runs across midnight (22:00-02:00 ends the next day).
 */
public record WeekPlan(List<Slot> slots) {

    public static final int MAX_SLOTS = 50;

    public record Slot(Set<DayOfWeek> days, LocalTime from, LocalTime to, PlaylistId playlistId) {

        public Slot {
            if (days == null || days.isEmpty()) {
                throw new InvalidValueException("slots.days", "a slot plays on at least one day of the week");
            }
            days = Set.copyOf(days);
            if (from == null || to == null || from.equals(to)) {
                throw new InvalidValueException("slots.from", "a slot needs a start and an end that differ");
            }
            if (playlistId == null) {
                throw new InvalidValueException("slots.playlistId", "a slot plays a playlist");
            }
        }

        /** The weekly recurrence this slot stands for, its first occurrence on or after {@code firstDay}. */
        public Recurrence recurrenceFrom(LocalDate firstDay) {
            LocalDate start = days.stream().map(day -> firstDay.with(TemporalAdjusters.nextOrSame(day)))
                    .min(LocalDate::compareTo).orElseThrow();
            Duration length = Duration.between(from, to);
            if (!to.isAfter(from)) {
                length = length.plusDays(1);
            }
            String byDay = days.stream().sorted().map(day -> day.name().substring(0, 2))
                    .collect(Collectors.joining(","));
            return new Recurrence(LocalDateTime.of(start, from), length, "FREQ=WEEKLY;BYDAY=" + byDay, Set.of());
        }
    }

    public WeekPlan {
        if (slots == null || slots.isEmpty() || slots.size() > MAX_SLOTS) {
            throw new InvalidValueException("slots", "a week plan has 1 to " + MAX_SLOTS + " slots");
        }
        slots = List.copyOf(slots);
    }

    /** The playlists the plan plays, each once. */
    public Set<PlaylistId> playlists() {
        return slots.stream().map(Slot::playlistId).collect(Collectors.toCollection(() -> new TreeSet<>(
                Comparator.comparing(PlaylistId::value))));
    }
}
