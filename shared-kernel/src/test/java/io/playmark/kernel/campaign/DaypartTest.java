package io.playmark.kernel.campaign;

import io.playmark.kernel.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Dayparts read on the player's wall clock; 2026-12-04 is a Friday. */
class DaypartTest {

    @ParameterizedTest(name = "{0} {1}–{2}: {3} → {4}")
    @CsvSource(delimiter = '|', textBlock = """
            # days          | from  | to    | local time          | inside
            MONDAY FRIDAY   | 09:00 | 17:00 | 2026-12-04T09:00    | true
            MONDAY FRIDAY   | 09:00 | 17:00 | 2026-12-04T16:59:59 | true
            MONDAY FRIDAY   | 09:00 | 17:00 | 2026-12-04T17:00    | false
            MONDAY FRIDAY   | 09:00 | 17:00 | 2026-12-04T08:59    | false
            MONDAY FRIDAY   | 09:00 | 17:00 | 2026-12-03T12:00    | false
            FRIDAY          | 22:00 | 02:00 | 2026-12-04T22:00    | true
            FRIDAY          | 22:00 | 02:00 | 2026-12-04T23:59:59 | true
            FRIDAY          | 22:00 | 02:00 | 2026-12-05T00:00    | true
            FRIDAY          | 22:00 | 02:00 | 2026-12-05T01:59    | true
            FRIDAY          | 22:00 | 02:00 | 2026-12-05T02:00    | false
            FRIDAY          | 22:00 | 02:00 | 2026-12-05T22:30    | false
            FRIDAY          | 22:00 | 02:00 | 2026-12-04T01:00    | false
            FRIDAY          | 22:00 | 02:00 | 2026-12-04T21:59    | false
            SUNDAY          | 23:00 | 01:00 | 2026-12-07T00:30    | true
            SUNDAY          | 23:00 | 01:00 | 2026-12-06T00:30    | false
            SATURDAY        | 00:00 | 00:00 | 2026-12-05T00:00    | true
            SATURDAY        | 00:00 | 00:00 | 2026-12-05T23:59:59 | true
            SATURDAY        | 00:00 | 00:00 | 2026-12-06T00:00    | false
            SATURDAY        | 00:00 | 00:00 | 2026-12-04T23:59    | false
            FRIDAY          | 18:00 | 00:00 | 2026-12-04T23:59    | true
            FRIDAY          | 18:00 | 00:00 | 2026-12-05T00:00    | false
            """)
    void a_local_time_is_in_a_daypart_by_the_day_its_range_starts_on(String days, LocalTime from, LocalTime to,
                                                                     LocalDateTime local, boolean inside) {
        assertThat(new Daypart(days(days), from, to).contains(local)).isEqualTo(inside);
    }

    @Test
    void a_daypart_is_read_on_each_players_wall_clock() {
        var evenings = new Dayparts(List.of(new Daypart(Set.of(DayOfWeek.FRIDAY), LocalTime.of(18, 0),
                LocalTime.of(20, 0))));
        var instant = ZonedDateTime.of(2026, 12, 4, 18, 30, 0, 0, ZoneId.of("UTC")).toInstant();

        assertThat(evenings.contains(instant.atZone(ZoneId.of("Europe/London")))).isTrue();
        assertThat(evenings.contains(instant.atZone(ZoneId.of("Europe/Berlin")))).isTrue();
        assertThat(evenings.contains(instant.atZone(ZoneId.of("America/New_York")))).isFalse();
        assertThat(evenings.contains(instant.atZone(ZoneId.of("Asia/Tokyo")))).isFalse();
    }

    @Test
    void an_hour_skipped_by_daylight_saving_never_happens_and_one_repeated_happens_twice() {
        var smallHours = new Dayparts(List.of(new Daypart(Set.of(DayOfWeek.SUNDAY), LocalTime.of(2, 0),
                LocalTime.of(3, 0))));
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        // 2026-03-29: clocks go from 02:00 to 03:00; 2026-10-25: from 03:00 back to 02:00
        long springMinutes = minutesInside(smallHours, ZonedDateTime.of(2026, 3, 29, 0, 0, 0, 0, berlin));
        long autumnMinutes = minutesInside(smallHours, ZonedDateTime.of(2026, 10, 25, 0, 0, 0, 0, berlin));

        assertThat(springMinutes).isZero();
        assertThat(autumnMinutes).isEqualTo(120);
    }

    @Test
    void no_dayparts_is_any_time() {
        assertThat(Dayparts.ALWAYS.contains(ZonedDateTime.now())).isTrue();
    }

    @Test
    void a_daypart_needs_days_and_times() {
        assertThatThrownBy(() -> new Daypart(Set.of(), LocalTime.NOON, LocalTime.MIDNIGHT))
                .isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("dayparts.days");
        assertThatThrownBy(() -> new Daypart(Set.of(DayOfWeek.MONDAY), null, LocalTime.MIDNIGHT))
                .isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("dayparts.from");
    }

    /** Minutes of real time, from local midnight on, for a whole day, that fall inside the dayparts. */
    private static long minutesInside(Dayparts dayparts, ZonedDateTime start) {
        var instant = start.toInstant();
        long inside = 0;
        for (int minute = 0; minute < 25 * 60; minute++) {
            if (dayparts.contains(instant.plusSeconds(60L * minute).atZone(start.getZone()))) {
                inside++;
            }
        }
        return inside;
    }

    private static Set<DayOfWeek> days(String names) {
        return Arrays.stream(names.trim().split("\\s+")).map(DayOfWeek::valueOf).collect(Collectors.toSet());
    }
}
