package io.playmark.query.schedule;

import io.playmark.kernel.InvalidValueException;
import io.playmark.kernel.asset.AssetId;
import io.playmark.kernel.player.PlayerGroupId;
import io.playmark.kernel.player.PlayerId;
import io.playmark.kernel.schedule.AdSlots;
import io.playmark.kernel.schedule.PlaylistContent;
import io.playmark.kernel.schedule.PlaylistId;
import io.playmark.kernel.schedule.PlaylistItem;
import io.playmark.kernel.schedule.Recurrence;
import io.playmark.kernel.schedule.ScheduleEntryDefinition;
import io.playmark.kernel.schedule.SchedulePriority;
import io.playmark.kernel.schedule.ScheduleTarget;
import io.playmark.kernel.schedule.WeekPlan;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The GraphQL inputs of playlists and schedule entries, turned into kernel values that name the field at fault. */
final class ScheduleInputs {

    private ScheduleInputs() {
    }

    record PlaylistInput(String id, String name, List<PlaylistItemInput> items, Boolean shuffle,
                         AdSlotsInput adSlots) {

        PlaylistContent content() {
            List<PlaylistItem> resolved = items == null ? List.of() : items.stream().map(PlaylistItemInput::item)
                    .toList();
            return new PlaylistContent(resolved, Boolean.TRUE.equals(shuffle),
                    adSlots == null ? AdSlots.none() : adSlots.slots());
        }
    }

    record PlaylistItemInput(String assetId, String playlistId, Integer durationMillis) {

        PlaylistItem item() {
            if ((assetId == null) == (playlistId == null)) {
                throw new InvalidValueException("items", "an item names an assetId or a playlistId, exactly one");
            }
            return assetId != null
                    ? PlaylistItem.asset(new AssetId(assetId), durationMillis == null ? null
                    : Duration.ofMillis(durationMillis))
                    : new PlaylistItem(PlaylistItem.Kind.PLAYLIST, new PlaylistId(playlistId).value(),
                    durationMillis == null ? null : durationMillis.longValue());
        }
    }

    record AdSlotsInput(Integer count, Integer lengthSeconds, Integer sharePercent) {

        AdSlots slots() {
            return new AdSlots(orZero(count), Duration.ofSeconds(orZero(lengthSeconds)).toMillis(),
                    orZero(sharePercent));
        }
    }

    record RecurrenceInput(String start, int durationMinutes, String rrule, List<String> exceptions) {

        Recurrence recurrence() {
            Set<LocalDateTime> skipped = exceptions == null ? Set.of() : exceptions.stream()
                    .map(exception -> local("recurrence.exceptions", exception)).collect(Collectors.toSet());
            return new Recurrence(local("recurrence.start", start), Duration.ofMinutes(durationMinutes), rrule,
                    skipped);
        }
    }

    record ScheduleEntryInput(String id, String playlistId, List<String> players, List<String> groups,
                              RecurrenceInput recurrence, Integer priority, Boolean exclusive) {

        ScheduleEntryDefinition definition() {
            return new ScheduleEntryDefinition(new PlaylistId(playlistId), new ScheduleTarget(
                    ScheduleInputs.players(players), groups == null ? Set.of() : groups.stream().map(PlayerGroupId::new)
                    .collect(Collectors.toSet())), Objects.requireNonNull(recurrence, "recurrence").recurrence(),
                    new SchedulePriority(orZero(priority), Boolean.TRUE.equals(exclusive)));
        }
    }

    record BulkScheduleInput(String requestId, String playlistId, List<String> players, RecurrenceInput recurrence,
                             Integer priority, Boolean exclusive) {

        /** The definition for one player: the same playlist, recurrence and rank. */
        ScheduleEntryDefinition definitionFor(PlayerId player) {
            return new ScheduleEntryDefinition(new PlaylistId(playlistId), new ScheduleTarget(Set.of(player),
                    Set.of()), recurrence.recurrence(), new SchedulePriority(orZero(priority),
                    Boolean.TRUE.equals(exclusive)));
        }
    }

    record WeekPlanInput(String requestId, List<String> players, String startDate, List<WeekPlanSlotInput> slots,
                         Integer priority, Boolean exclusive) {

        WeekPlan plan() {
            return new WeekPlan(slots == null ? List.of() : slots.stream().map(WeekPlanSlotInput::slot).toList());
        }

        LocalDate firstDay() {
            return parsed("startDate", startDate, LocalDate::parse, "a date like 2026-03-23");
        }

        /** The entry one slot of the plan makes for one player. */
        ScheduleEntryDefinition definitionFor(PlayerId player, WeekPlan.Slot slot, LocalDate firstDay) {
            return new ScheduleEntryDefinition(slot.playlistId(), new ScheduleTarget(Set.of(player), Set.of()),
                    slot.recurrenceFrom(firstDay), new SchedulePriority(orZero(priority),
                    Boolean.TRUE.equals(exclusive)));
        }
    }

    record WeekPlanSlotInput(List<DayOfWeek> days, String from, String to, String playlistId) {

        WeekPlan.Slot slot() {
            return new WeekPlan.Slot(days == null ? Set.of() : Set.copyOf(days), time("slots.from", from),
                    time("slots.to", to), new PlaylistId(playlistId));
        }
    }

    static Set<PlayerId> players(List<String> ids) {
        return ids == null ? Set.of() : ids.stream().map(PlayerId::new).collect(Collectors.toSet());
    }

    private static LocalDateTime local(String field, String value) {
        return parsed(field, value, LocalDateTime::parse, "a local date and time like 2026-03-23T07:00");
    }

    private static <T> T parsed(String field, String value, Function<String, T> parse, String expected) {
        try {
            return parse.apply(Objects.requireNonNull(value, field).strip());
        } catch (DateTimeParseException | NullPointerException malformed) {
            throw new InvalidValueException(field, field + " must be " + expected + ", was '" + value + "'");
        }
    }

    private static LocalTime time(String field, String value) {
        return parsed(field, value, LocalTime::parse, "a local time like 07:00");
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
