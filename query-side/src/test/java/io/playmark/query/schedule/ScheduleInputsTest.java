package io.playmark.query.schedule;

import io.playmark.kernel.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.DayOfWeek;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScheduleInputsTest {

    private static final String ID = UUID.randomUUID().toString();
    private static final ScheduleInputs.RecurrenceInput MORNINGS = new ScheduleInputs.RecurrenceInput(
            "2026-03-23T07:00", 180, "FREQ=DAILY", List.of());

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("an item naming both an asset and a playlist", (Runnable) () ->
                        new ScheduleInputs.PlaylistItemInput(ID, ID, null).item(), "items"),
                Arguments.of("an item naming neither", (Runnable) () ->
                        new ScheduleInputs.PlaylistItemInput(null, null, 1_000).item(), "items"),
                Arguments.of("a nested playlist with a duration", (Runnable) () ->
                        new ScheduleInputs.PlaylistItemInput(null, ID, 1_000).item(), "items.duration"),
                Arguments.of("a start without a time", (Runnable) () ->
                        new ScheduleInputs.RecurrenceInput("2026-03-23", 60, null, null).recurrence(),
                        "recurrence.start"),
                Arguments.of("an exception that is no local date-time", (Runnable) () ->
                        new ScheduleInputs.RecurrenceInput("2026-03-23T07:00", 60, "FREQ=DAILY",
                                List.of("tomorrow")).recurrence(), "recurrence.exceptions"),
                Arguments.of("a length of nothing", (Runnable) () ->
                        new ScheduleInputs.RecurrenceInput("2026-03-23T07:00", 0, null, null).recurrence(),
                        "recurrence.length"),
                Arguments.of("an entry on nobody", (Runnable) () ->
                        new ScheduleInputs.ScheduleEntryInput(null, ID, List.of(), null, MORNINGS, 0, false)
                                .definition(), "target"),
                Arguments.of("a priority out of range", (Runnable) () ->
                        new ScheduleInputs.ScheduleEntryInput(null, ID, List.of(ID), null, MORNINGS, 1_001, false)
                                .definition(), "priority"),
                Arguments.of("ad slots as a count and a share", (Runnable) () ->
                        new ScheduleInputs.AdSlotsInput(2, 15, 10).slots(), "adSlots"),
                Arguments.of("a count of ad slots without a length", (Runnable) () ->
                        new ScheduleInputs.AdSlotsInput(2, 0, 0).slots(), "adSlots.length"),
                Arguments.of("a week plan slot with a malformed time", (Runnable) () ->
                        new ScheduleInputs.WeekPlanSlotInput(List.of(DayOfWeek.MONDAY), "7am", "10:00", ID)
                                .slot(), "slots.from"),
                Arguments.of("a week plan without a start date", (Runnable) () ->
                        new ScheduleInputs.WeekPlanInput(ID, List.of(ID), null, List.of(), 0, false).firstDay(),
                        "startDate"));
    }

    @ParameterizedTest(name = "{0} is refused naming {2}")
    @MethodSource("refusals")
    void refusals_name_the_field_to_fix(String input, Runnable convert, String field) {
        assertThatThrownBy(convert::run)
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void an_entry_input_becomes_a_definition_with_its_exceptions() {
        var input = new ScheduleInputs.ScheduleEntryInput(null, ID, List.of(ID), null,
                new ScheduleInputs.RecurrenceInput(" 2026-03-23T07:00 ", 180, "RRULE:FREQ=DAILY",
                        List.of("2026-03-24T07:00")), null, null);
        var definition = input.definition();
        assertThat(definition.recurrence().rrule()).isEqualTo("FREQ=DAILY");
        assertThat(definition.recurrence().exceptions()).hasSize(1);
        assertThat(definition.priority().value()).isZero();
        assertThat(definition.priority().exclusive()).isFalse();
    }
}
