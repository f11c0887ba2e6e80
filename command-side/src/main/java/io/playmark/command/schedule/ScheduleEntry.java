package io.playmark.command.schedule;

import io.playmark.kernel.ConflictException;
import io.playmark.kernel.schedule.CreateScheduleEntryCommand;
import io.playmark.kernel.schedule.DeleteScheduleEntryCommand;
import io.playmark.kernel.schedule.ScheduleEntryDefinedEvent;
import io.playmark.kernel.schedule.ScheduleEntryDeletedEvent;
import io.playmark.kernel.schedule.UpdateScheduleEntryCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.Optional;


import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Puts a playlist on players and groups for the occurrences of a recurrence, with a priority among overlapping
 * entries. A create or update that would overlap an exclusive entry on a player it reaches is refused
 * ({@link ScheduleEntryRules}); {@link ScheduleEntryChecks} runs the same rules as a dry run.
 */
@Aggregate(snapshotTriggerDefinition = "aggregateSnapshotTrigger")
public class ScheduleEntry {

    @AggregateIdentifier
    private String entryId;
    private ScheduleEntryDefinedEvent defined;
    private boolean deleted;

    protected ScheduleEntry() {
        // Axon rebuilds the aggregate from its events.
    }

    /** A create retried with the same values changes nothing; with other values it is a conflict. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(CreateScheduleEntryCommand command, PlaylistLibrary library, KnownPlayers players,
                       ScheduleConflicts conflicts) {
        var wanted = ScheduleEntryDefinedEvent.of(command.entryId(), command.definition());
        if (entryId == null) {
            ScheduleEntryRules.require(command.entryId(), command.definition(), library, players, conflicts);
            apply(wanted);
            return;
        }
        if (deleted || !wanted.equals(defined)) {
            throw new ConflictException("Schedule entry " + entryId + " already exists with other values"
                    + (deleted ? " (it was deleted)" : ""));
        }
    }

    @CommandHandler
    public void handle(UpdateScheduleEntryCommand command, PlaylistLibrary library, KnownPlayers players,
                       ScheduleConflicts conflicts) {
        if (deleted) {
            throw new ConflictException("Schedule entry " + entryId + " was deleted");
        }
        var wanted = ScheduleEntryDefinedEvent.of(command.entryId(), command.definition());
        if (!wanted.equals(defined)) {
            ScheduleEntryRules.require(command.entryId(), command.definition(), library, players, conflicts);
            apply(wanted);
        }
    }

    @CommandHandler
    public void handle(DeleteScheduleEntryCommand command) {
        if (!deleted) {
            apply(new ScheduleEntryDeletedEvent(entryId));
        }
    }

    /** The entry's definition as last recorded; empty once deleted. */
    public Optional<ScheduleEntryDefinedEvent> definition() {
        return deleted ? Optional.empty() : Optional.ofNullable(defined);
    }

    @EventSourcingHandler
    void on(ScheduleEntryDefinedEvent event) {
        entryId = event.entryId();
        defined = event;
    }

    @EventSourcingHandler
    void on(ScheduleEntryDeletedEvent event) {
        deleted = true;
    }
}
