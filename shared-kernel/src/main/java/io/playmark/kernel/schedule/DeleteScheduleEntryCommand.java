package io.playmark.kernel.schedule;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

public record DeleteScheduleEntryCommand(@TargetAggregateIdentifier ScheduleEntryId entryId) {

    public DeleteScheduleEntryCommand {
        Objects.requireNonNull(entryId, "entryId");
    }
}
