package io.playmark.kernel.schedule;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

public record UpdateScheduleEntryCommand(@TargetAggregateIdentifier ScheduleEntryId entryId,
                                         ScheduleEntryDefinition definition) {

    public UpdateScheduleEntryCommand {
        Objects.requireNonNull(entryId, "entryId");
        Objects.requireNonNull(definition, "definition");
    }
}
