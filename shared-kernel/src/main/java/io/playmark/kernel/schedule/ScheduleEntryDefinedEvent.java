package io.playmark.kernel.schedule;

import org.axonframework.serialization.Revision;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

/**
 * A schedule entry created or changed: the whole definition as plain values (floating local start, length,
 * RRULE or null, EXDATE local starts), so that a reader needs no earlier event.
 */
@Revision("1")
public record ScheduleEntryDefinedEvent(String entryId, String playlistId, List<String> players, List<String> groups,
                                        LocalDateTime start, long lengthMillis, String rrule,
                                        List<LocalDateTime> exceptions, int priority, boolean exclusive) {

    public static ScheduleEntryDefinedEvent of(ScheduleEntryId id, ScheduleEntryDefinition definition) {
        Recurrence recurrence = definition.recurrence();
        return new ScheduleEntryDefinedEvent(id.value(), definition.playlistId().value(),
                List.copyOf(definition.target().playerIds()), List.copyOf(definition.target().groupIds()),
                recurrence.start(), recurrence.length().toMillis(), recurrence.rrule(),
                recurrence.exceptions().stream().sorted().toList(), definition.priority().value(),
                definition.priority().exclusive());
    }

    public Recurrence recurrence() {
        return new Recurrence(start, Duration.ofMillis(lengthMillis), rrule, Set.copyOf(exceptions));
    }
}
