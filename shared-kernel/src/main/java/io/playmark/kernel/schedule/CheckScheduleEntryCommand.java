package io.playmark.kernel.schedule;

import java.util.Objects;

/** A dry run of creating an entry: checks every rule a create would, records nothing. */
public record CheckScheduleEntryCommand(ScheduleEntryId entryId, ScheduleEntryDefinition definition) {

    public CheckScheduleEntryCommand {
        Objects.requireNonNull(entryId, "entryId");
        Objects.requireNonNull(definition, "definition");
    }
}
