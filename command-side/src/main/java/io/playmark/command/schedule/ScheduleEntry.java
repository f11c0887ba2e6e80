package io.playmark.command.schedule;

import io.playmark.kernel.BrokenRulesException;
import io.playmark.kernel.BrokenRulesException.BrokenRule;
import io.playmark.kernel.ConflictException;
import io.playmark.kernel.player.PlayerId;
import io.playmark.kernel.schedule.CreateScheduleEntryCommand;
import io.playmark.kernel.schedule.DeleteScheduleEntryCommand;
import io.playmark.kernel.schedule.PlaylistId;
import io.playmark.kernel.schedule.ScheduleEntryDefinedEvent;
import io.playmark.kernel.schedule.ScheduleEntryDefinition;
import io.playmark.kernel.schedule.ScheduleEntryDeletedEvent;
import io.playmark.kernel.schedule.UpdateScheduleEntryCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.ArrayList;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Puts a playlist on players and groups for the occurrences of a recurrence, with a priority among overlapping
 * entries. Extension point: booking-time conflict checks (overlapping exclusive entries) belong in the create and
 * update handlers, before the event is applied; they are not built yet.
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
    public void handle(CreateScheduleEntryCommand command, PlaylistLibrary library, KnownPlayers players) {
        var wanted = ScheduleEntryDefinedEvent.of(command.entryId(), command.definition());
        if (entryId == null) {
            requireTargets(command.definition(), library, players);
            apply(wanted);
            return;
        }
        if (deleted || !wanted.equals(defined)) {
            throw new ConflictException("Schedule entry " + entryId + " already exists with other values"
                    + (deleted ? " (it was deleted)" : ""));
        }
    }

    @CommandHandler
    public void handle(UpdateScheduleEntryCommand command, PlaylistLibrary library, KnownPlayers players) {
        if (deleted) {
            throw new ConflictException("Schedule entry " + entryId + " was deleted");
        }
        var wanted = ScheduleEntryDefinedEvent.of(command.entryId(), command.definition());
        if (!wanted.equals(defined)) {
            requireTargets(command.definition(), library, players);
            apply(wanted);
        }
    }

    @CommandHandler
    public void handle(DeleteScheduleEntryCommand command) {
        if (!deleted) {
            apply(new ScheduleEntryDeletedEvent(entryId));
        }
    }

    /** The playlist must exist and every named player be registered; a group may gain its players later. */
    private static void requireTargets(ScheduleEntryDefinition definition, PlaylistLibrary library,
                                       KnownPlayers players) {
        List<BrokenRule> broken = new ArrayList<>();
        PlaylistId playlist = definition.playlistId();
        if (!library.nesting(playlist).exists()) {
            broken.add(new BrokenRule("playlistId", "exists", "playlist " + playlist + " does not exist"));
        }
        players.unknownAmong(definition.target().players()).stream().map(PlayerId::value).sorted()
                .forEach(unknown -> broken.add(new BrokenRule("target.players", "exists", "player " + unknown
                        + " is not registered or was decommissioned")));
        if (!broken.isEmpty()) {
            throw new BrokenRulesException("Schedule entry refused", broken);
        }
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
