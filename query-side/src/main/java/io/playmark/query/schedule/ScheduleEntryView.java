package io.playmark.query.schedule;

import io.playmark.kernel.schedule.ScheduleEntryDefinedEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** A schedule entry as read: the last definition recorded. A deleted entry is removed. */
@Document(ScheduleEntryView.COLLECTION)
public record ScheduleEntryView(@Id String id, ScheduleEntryDefinedEvent definition, Instant createdAt,
                                Instant updatedAt, long version) {

    public static final String COLLECTION = "schedule_entries";
}
