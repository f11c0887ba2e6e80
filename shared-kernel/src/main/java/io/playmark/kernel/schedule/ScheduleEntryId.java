package io.playmark.kernel.schedule;

import io.playmark.kernel.Ids;

import java.util.UUID;

/** Identifies a schedule entry; a UUID the client may choose, so that a retried create is recognised. */
public record ScheduleEntryId(String value) {

    public ScheduleEntryId {
        value = Ids.requireUuid("id", "schedule entry id", value);
    }

    public static ScheduleEntryId random() {
        return new ScheduleEntryId(UUID.randomUUID().toString());
    }

    /** Axon routes commands by the target identifier's string form. */
    @Override
    public String toString() {
        return value;
    }
}
