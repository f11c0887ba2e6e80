package io.playmark.command.schedule;

import io.playmark.kernel.schedule.CheckScheduleEntryCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.springframework.stereotype.Component;

/**
 * Dry runs of creating a schedule entry: the create's rules, answered as the create would answer them (a
 * {@code BrokenRulesException} naming every rule broken), and nothing recorded. Outside the aggregate, since a dry
 * run must not create one.
 */
@Component
class ScheduleEntryChecks {

    private final PlaylistLibrary library;
    private final KnownPlayers players;
    private final ScheduleConflicts conflicts;

    ScheduleEntryChecks(PlaylistLibrary library, KnownPlayers players, ScheduleConflicts conflicts) {
        this.library = library;
        this.players = players;
        this.conflicts = conflicts;
    }

    @CommandHandler
    void handle(CheckScheduleEntryCommand command) {
        ScheduleEntryRules.require(command.entryId(), command.definition(), library, players, conflicts);
    }
}
