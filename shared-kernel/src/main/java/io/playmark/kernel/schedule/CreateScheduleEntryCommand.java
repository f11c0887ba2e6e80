package io.playmark.kernel.schedule;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

public record CreateScheduleEntryCommand(@TargetAggregateIdentifier ScheduleEntryId entryId,
                                         ScheduleEntryDefinition definition) {

    public CreateScheduleEntryCommand {
        Objects.requireNonNull(entryId, "entryId");
        Objects.requireNonNull(definition, "definition");
    }
}
