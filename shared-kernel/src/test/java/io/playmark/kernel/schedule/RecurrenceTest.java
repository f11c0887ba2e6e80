package io.playmark.kernel.schedule;

import io.playmark.kernel.InvalidValueException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecurrenceTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final LocalDateTime MONDAY_7 = LocalDateTime.parse("2026-03-23T07:00");
    private static final String WEEKDAYS = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR";

    static Stream<Arguments> expansions() {
        return Stream.of(
                Arguments.of("weekday mornings, one week in Berlin before the March change (UTC+1)",
                        new Recurrence(MONDAY_7, Duration.ofHours(3), WEEKDAYS, Set.of()), BERLIN,
                        "2026-03-23T00:00:00Z", "2026-03-28T00:00:00Z",
                        List.of("2026-03-23T06:00:00Z/2026-03-23T09:00:00Z", "2026-03-24T06:00:00Z/2026-03-24T09:00:00Z",
                                "2026-03-25T06:00:00Z/2026-03-25T09:00:00Z", "2026-03-26T06:00:00Z/2026-03-26T09:00:00Z",
                                "2026-03-27T06:00:00Z/2026-03-27T09:00:00Z")),
                Arguments.of("07:00 local stays 07:00 after the last Sunday of March (UTC+2 from 29 March)",
                        new Recurrence(MONDAY_7, Duration.ofHours(3), WEEKDAYS, Set.of()), BERLIN,
                        "2026-03-27T00:00:00Z", "2026-03-31T00:00:00Z",
                        List.of("2026-03-27T06:00:00Z/2026-03-27T09:00:00Z", "2026-03-30T05:00:00Z/2026-03-30T08:00:00Z")),
                Arguments.of("a daily 01:00-04:00 on the March change day lasts two real hours",
                        new Recurrence(LocalDateTime.parse("2026-03-28T01:00"), Duration.ofHours(3), "FREQ=DAILY",
                                Set.of()), BERLIN, "2026-03-29T00:00:00Z", "2026-03-29T12:00:00Z",
                        List.of("2026-03-29T00:00:00Z/2026-03-29T02:00:00Z")),
                Arguments.of("a start in the spring-forward gap (02:30) moves to 03:30 summer time and keeps its hour",
                        new Recurrence(LocalDateTime.parse("2026-03-28T02:30"), Duration.ofHours(1), "FREQ=DAILY",
                                Set.of()), BERLIN, "2026-03-29T00:00:00Z", "2026-03-29T12:00:00Z",
                        List.of("2026-03-29T01:30:00Z/2026-03-29T02:30:00Z")),
                Arguments.of("back to UTC+1 after the last Sunday of October",
                        new Recurrence(LocalDateTime.parse("2026-10-19T07:00"), Duration.ofHours(3), WEEKDAYS,
                                Set.of()), BERLIN, "2026-10-23T00:00:00Z", "2026-10-27T00:00:00Z",
                        List.of("2026-10-23T05:00:00Z/2026-10-23T08:00:00Z", "2026-10-26T06:00:00Z/2026-10-26T09:00:00Z")),
                Arguments.of("an EXDATE drops that one occurrence",
                        new Recurrence(MONDAY_7, Duration.ofHours(3), WEEKDAYS,
                                Set.of(LocalDateTime.parse("2026-03-25T07:00"))), BERLIN,
                        "2026-03-24T00:00:00Z", "2026-03-27T00:00:00Z",
                        List.of("2026-03-24T06:00:00Z/2026-03-24T09:00:00Z", "2026-03-26T06:00:00Z/2026-03-26T09:00:00Z")),
                Arguments.of("the same entry in New York is 07:00 there",
                        new Recurrence(MONDAY_7, Duration.ofHours(3), WEEKDAYS, Set.of()), NEW_YORK,
                        "2026-03-23T00:00:00Z", "2026-03-24T00:00:00Z",
                        List.of("2026-03-23T11:00:00Z/2026-03-23T14:00:00Z")),
                Arguments.of("an occurrence begun before the window still overlaps it",
                        new Recurrence(MONDAY_7, Duration.ofHours(3), WEEKDAYS, Set.of()), BERLIN,
                        "2026-03-24T08:00:00Z", "2026-03-24T10:00:00Z",
                        List.of("2026-03-24T06:00:00Z/2026-03-24T09:00:00Z")),
                Arguments.of("UNTIL ends the rule",
                        new Recurrence(MONDAY_7, Duration.ofHours(1), "FREQ=DAILY;UNTIL=20260324T235959", Set.of()),
                        BERLIN, "2026-03-20T00:00:00Z", "2026-04-20T00:00:00Z",
                        List.of("2026-03-23T06:00:00Z/2026-03-23T07:00:00Z", "2026-03-24T06:00:00Z/2026-03-24T07:00:00Z")),
                Arguments.of("no RRULE: once",
                        Recurrence.once(MONDAY_7, Duration.ofHours(2)), BERLIN,
                        "2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z",
                        List.of("2026-03-23T06:00:00Z/2026-03-23T08:00:00Z")),
                Arguments.of("nothing before the first occurrence",
                        new Recurrence(MONDAY_7, Duration.ofHours(3), WEEKDAYS, Set.of()), BERLIN,
                        "2026-03-01T00:00:00Z", "2026-03-23T00:00:00Z", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expansions")
    void expands_occurrences_in_the_players_zone(String rule, Recurrence recurrence, ZoneId zone, String from,
                                                 String to, List<String> expected) {
        List<String> spans = recurrence.between(Instant.parse(from), Instant.parse(to), zone).stream()
                .map(occurrence -> occurrence.start() + "/" + occurrence.end()).toList();
        assertThat(spans).as(rule).containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("FREQ=SOMETIMES", "recurrence.rrule"),
                Arguments.of("FREQ=DAILY;UNTIL=20260324T235959Z", "recurrence.rrule"),
                Arguments.of("BYDAY=MO", "recurrence.rrule"));
    }

    @ParameterizedTest(name = "{0} is refused")
    @MethodSource("refusals")
    void refuses_rules_that_are_not_rfc_5545_or_not_local(String rule, String field) {
        assertThatThrownBy(() -> new Recurrence(MONDAY_7, Duration.ofHours(1), rule, Set.of()))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void an_occurrence_must_last() {
        assertThatThrownBy(() -> Recurrence.once(MONDAY_7, Duration.ZERO))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.field()).isEqualTo("recurrence.length"));
    }

    @Test
    void an_rrule_prefix_is_accepted_and_dropped() {
        assertThat(new Recurrence(MONDAY_7, Duration.ofHours(1), "RRULE:FREQ=DAILY", Set.of()).rrule())
                .isEqualTo("FREQ=DAILY");
    }
}
