package io.playmark.kernel.schedule;

import io.playmark.kernel.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WeekPlanTest {

    private static final PlaylistId PLAYLIST = new PlaylistId("3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a");

    @ParameterizedTest(name = "{0} {1}-{2} from {3}: starts {4}, {5} minutes, {6}")
    @CsvSource({
            // days, from, to, applied from (a Thursday), first start, minutes, rule
            "MONDAY TUESDAY WEDNESDAY THURSDAY FRIDAY, 07:00, 10:00, 2026-03-26, 2026-03-26T07:00, 180, 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR'",
            "SATURDAY SUNDAY, 10:00, 18:00, 2026-03-26, 2026-03-28T10:00, 480, 'FREQ=WEEKLY;BYDAY=SA,SU'",
            "MONDAY, 22:00, 02:00, 2026-03-26, 2026-03-30T22:00, 240, 'FREQ=WEEKLY;BYDAY=MO'",
    })
    void a_slot_becomes_a_weekly_recurrence(String days, String from, String to, String appliedFrom,
                                            String firstStart, long minutes, String rule) {
        Recurrence recurrence = slot(days, from, to).recurrenceFrom(LocalDate.parse(appliedFrom));
        assertThat(recurrence.start()).hasToString(firstStart);
        assertThat(recurrence.length().toMinutes()).isEqualTo(minutes);
        assertThat(recurrence.rrule()).isEqualTo(rule);
    }

    @Test
    void a_slot_across_midnight_on_the_october_change_ends_at_the_first_of_the_repeated_local_times() {
        // Saturday 24 October 2026 22:00 to Sunday 02:00 in Berlin: summer time ends at 03:00 that night, so local
        // 02:00 comes twice; the first (summer time, 00:00Z) ends the slot, as ZonedDateTime.of picks the earlier
        Recurrence recurrence = slot("SATURDAY", "22:00", "02:00").recurrenceFrom(LocalDate.parse("2026-10-24"));
        assertThat(recurrence.between(Instant.parse("2026-10-24T00:00:00Z"), Instant.parse("2026-10-26T00:00:00Z"),
                ZoneId.of("Europe/Berlin")))
                .extracting(occurrence -> occurrence.start() + "/" + occurrence.end())
                .containsExactly("2026-10-24T20:00:00Z/2026-10-25T00:00:00Z");
    }

    @Test
    void a_slot_needs_days_and_a_range() {
        assertThatThrownBy(() -> new WeekPlan.Slot(Set.of(), LocalTime.NOON, LocalTime.MIDNIGHT, PLAYLIST))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("slots.days"));
        assertThatThrownBy(() -> slot("MONDAY", "07:00", "07:00"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("slots.from"));
        assertThatThrownBy(() -> new WeekPlan(List.of()))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("slots"));
    }

    private static WeekPlan.Slot slot(String days, String from, String to) {
        Set<DayOfWeek> parsed = Arrays.stream(days.split(" ")).map(DayOfWeek::valueOf).collect(Collectors.toSet());
        return new WeekPlan.Slot(parsed, LocalTime.parse(from), LocalTime.parse(to), PLAYLIST);
    }
}
