package io.playmark.query.schedule;

import io.playmark.kernel.ErrorKind;
import io.playmark.kernel.InvalidValueException;
import io.playmark.kernel.NotFoundException;
import io.playmark.kernel.player.PlayerId;
import io.playmark.kernel.schedule.CreatePlaylistCommand;
import io.playmark.kernel.schedule.CheckScheduleEntryCommand;
import io.playmark.kernel.schedule.CreateScheduleEntryCommand;
import io.playmark.kernel.schedule.DeletePlaylistCommand;
import io.playmark.kernel.schedule.DeleteScheduleEntryCommand;
import io.playmark.kernel.schedule.PlaylistId;
import io.playmark.kernel.schedule.PlaylistName;
import io.playmark.kernel.schedule.ScheduleEntryDefinedEvent;
import io.playmark.kernel.schedule.ScheduleEntryDefinition;
import io.playmark.kernel.schedule.ScheduleEntryId;
import io.playmark.kernel.schedule.UpdatePlaylistCommand;
import io.playmark.kernel.schedule.UpdateScheduleEntryCommand;
import io.playmark.kernel.schedule.WeekPlan;
import io.playmark.query.consistency.ProjectionCatchUp;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/** Sends the schedule's commands and answers once the schedule read model has caught up (callers read their writes). */
@Component
class ScheduleChanges {

    private static final Logger log = LoggerFactory.getLogger(ScheduleChanges.class);
    static final int MAX_PLAYERS = 1_000;
    private static final List<String> PROJECTIONS = List.of(ScheduleProjection.PROCESSING_GROUP);

    /** One player's outcome in a bulk scheduling. */
    record PlayerScheduleResult(String player, boolean ok, ScheduleEntryNode entry, ItemError error) {
    }

    /** One player's outcome in applying a week plan: an entry per slot, or why not. */
    record PlayerWeekPlanResult(String player, boolean ok, List<ScheduleEntryNode> entries, ItemError error) {
    }

    record ItemError(ErrorKind classification, String message) {
    }

    private final CommandGateway commands;
    private final ProjectionCatchUp catchUp;
    private final ScheduleReadModel reads;

    ScheduleChanges(CommandGateway commands, ProjectionCatchUp catchUp, ScheduleReadModel reads) {
        this.commands = commands;
        this.catchUp = catchUp;
        this.reads = reads;
    }

    PlaylistView createPlaylist(ScheduleInputs.PlaylistInput input) {
        PlaylistId id = input.id() == null ? PlaylistId.random() : new PlaylistId(input.id());
        var command = new CreatePlaylistCommand(id, new PlaylistName(input.name()), input.content());
        creating(() -> commands.sendAndWait(command));
        return caughtUp(id);
    }

    PlaylistView updatePlaylist(ScheduleInputs.PlaylistInput input) {
        PlaylistId id = new PlaylistId(required("id", input.id()));
        var command = new UpdatePlaylistCommand(id, new PlaylistName(input.name()), input.content());
        existing("playlist", id.value(), () -> commands.sendAndWait(command));
        return caughtUp(id);
    }

    String deletePlaylist(String playlistId) {
        PlaylistId id = new PlaylistId(playlistId);
        existing("playlist", id.value(), () -> commands.sendAndWait(new DeletePlaylistCommand(id)));
        catchUp.awaitCaughtUp(id.value(), PROJECTIONS);
        return id.value();
    }

    ScheduleEntryNode createEntry(ScheduleInputs.ScheduleEntryInput input, boolean dryRun) {
        ScheduleEntryId id = input.id() == null ? ScheduleEntryId.random() : new ScheduleEntryId(input.id());
        return create(id, input.definition(), dryRun);
    }

    /**
     * Creates the entry and reads it back; a dry run checks the same rules (refusing as the create would) and
     * answers the entry it would have made, unrecorded.
     */
    private ScheduleEntryNode create(ScheduleEntryId id, ScheduleEntryDefinition definition, boolean dryRun) {
        if (dryRun) {
            commands.sendAndWait(new CheckScheduleEntryCommand(id, definition));
            Instant now = Instant.now();
            return new ScheduleEntryNode(new ScheduleEntryView(id.value(), ScheduleEntryDefinedEvent.of(id, definition),
                    now, now, 0), null);
        }
        creating(() -> commands.sendAndWait(new CreateScheduleEntryCommand(id, definition)));
        return caughtUp(id);
    }

    ScheduleEntryNode updateEntry(ScheduleInputs.ScheduleEntryInput input) {
        ScheduleEntryId id = new ScheduleEntryId(required("id", input.id()));
        var command = new UpdateScheduleEntryCommand(id, input.definition());
        existing("schedule entry", id.value(), () -> commands.sendAndWait(command));
        return caughtUp(id);
    }

    String deleteEntry(String entryId) {
        ScheduleEntryId id = new ScheduleEntryId(entryId);
        existing("schedule entry", id.value(), () -> commands.sendAndWait(new DeleteScheduleEntryCommand(id)));
        catchUp.awaitCaughtUp(id.value(), PROJECTIONS);
        return id.value();
    }

    /**
     * One entry per player, each its own command, so that one player's refusal leaves the others scheduled. The
     * entry id is a name-based UUID of the request id and the player: the same request again is a retry.
     */
    List<PlayerScheduleResult> scheduleOnPlayers(ScheduleInputs.BulkScheduleInput input, boolean dryRun) {
        String request = new ScheduleEntryId(required("requestId", input.requestId())).value();
        List<String> players = requirePlayers(input.players());
        input.definitionFor(PlayerId.random()); // the shared parts are checked once, before any player
        List<PlayerScheduleResult> results = new ArrayList<>(players.size());
        for (String player : players) {
            results.add(scheduleOn(request, player, input, dryRun));
        }
        return results;
    }

    /**
     * For each player, an entry per slot, sent in slot order; the first refusal ends that player's answer (slots
     * already created stay, and a retry completes them). Entry ids: request id, player and slot index.
     */
    List<PlayerWeekPlanResult> applyWeekPlan(ScheduleInputs.WeekPlanInput input, boolean dryRun) {
        String request = new ScheduleEntryId(required("requestId", input.requestId())).value();
        List<String> players = requirePlayers(input.players());
        WeekPlan plan = input.plan();
        LocalDate firstDay = input.firstDay();
        List<PlayerWeekPlanResult> results = new ArrayList<>(players.size());
        for (String player : players) {
            try {
                PlayerId playerId = new PlayerId(player);
                List<ScheduleEntryNode> entries = new ArrayList<>();
                for (int slot = 0; slot < plan.slots().size(); slot++) {
                    ScheduleEntryId id = entryId(request + "/" + playerId.value() + "/" + slot);
                    entries.add(create(id, input.definitionFor(playerId, plan.slots().get(slot), firstDay), dryRun));
                }
                results.add(new PlayerWeekPlanResult(player, true, entries, null));
            } catch (RuntimeException failure) {
                results.add(new PlayerWeekPlanResult(player, false, List.of(), itemError(player, failure)));
            }
        }
        return results;
    }

    private static List<String> requirePlayers(List<String> given) {
        List<String> players = given == null ? List.of() : given;
        if (players.isEmpty() || players.size() > MAX_PLAYERS) {
            throw new InvalidValueException("players", "between 1 and " + MAX_PLAYERS + " players, "
                    + players.size() + " were given");
        }
        return players;
    }

    /** A name-based UUID, so that the same request makes the same entries. */
    private static ScheduleEntryId entryId(String name) {
        return new ScheduleEntryId(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString());
    }

    private PlayerScheduleResult scheduleOn(String request, String player, ScheduleInputs.BulkScheduleInput input,
                                            boolean dryRun) {
        try {
            PlayerId playerId = new PlayerId(player);
            ScheduleEntryId id = entryId(request + "/" + playerId.value());
            return new PlayerScheduleResult(player, true, create(id, input.definitionFor(playerId), dryRun), null);
        } catch (RuntimeException failure) {
            return new PlayerScheduleResult(player, false, null, itemError(player, failure));
        }
    }

    private static ItemError itemError(String player, RuntimeException failure) {
        return ErrorKind.domainCause(failure)
                .map(cause -> new ItemError(ErrorKind.of(cause).orElseThrow(), cause.getMessage()))
                .orElseGet(() -> {
                    log.error("Scheduling on player {} in a bulk request failed", player, failure);
                    return new ItemError(ErrorKind.INTERNAL_ERROR,
                            "Playmark failed to schedule on this player; its log tells why");
                });
    }

    private PlaylistView caughtUp(PlaylistId id) {
        catchUp.awaitCaughtUp(id.value(), PROJECTIONS);
        return reads.playlist(id);
    }

    private ScheduleEntryNode caughtUp(ScheduleEntryId id) {
        catchUp.awaitCaughtUp(id.value(), PROJECTIONS);
        return reads.entry(id);
    }

    private static String required(String field, String value) {
        if (value == null) {
            throw new InvalidValueException(field, field + " is required");
        }
        return value;
    }

    /**
     * A create that lost the race to another create of the same id is sent once more: it then finds the aggregate,
     * and the same values make it a retry, other values a conflict.
     */
    private static void creating(Supplier<?> send) {
        try {
            send.get();
        } catch (AggregateStreamCreationException lostTheRace) {
            send.get();
        }
    }

    private static void existing(String what, String id, Supplier<?> send) {
        try {
            send.get();
        } catch (AggregateNotFoundException unknown) {
            throw new NotFoundException("No " + what + " with id " + id);
        }
    }
}
