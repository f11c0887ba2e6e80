package io.playmark.command.schedule;

import io.playmark.kernel.BrokenRulesException;
import io.playmark.kernel.BrokenRulesException.BrokenRule;
import io.playmark.kernel.player.PlayerId;
import io.playmark.kernel.schedule.PlaylistId;
import io.playmark.kernel.schedule.ScheduleEntryDefinition;
import io.playmark.kernel.schedule.ScheduleEntryId;

import java.util.ArrayList;
import java.util.List;

/**
 * What a schedule entry must be to be recorded, for a create, an update and their dry runs alike: its playlist
 * exists, every named player is registered (a group may gain its players later), and it overlaps no exclusive
 * entry on any player it reaches. Answers every rule broken at once.
 */
final class ScheduleEntryRules {

    private ScheduleEntryRules() {
    }

    static void require(ScheduleEntryId entryId, ScheduleEntryDefinition definition, PlaylistLibrary library,
                        KnownPlayers players, ScheduleConflicts conflicts) {
        List<BrokenRule> broken = new ArrayList<>();
        PlaylistId playlist = definition.playlistId();
        if (!library.nesting(playlist).exists()) {
            broken.add(new BrokenRule("playlistId", "exists", "playlist " + playlist + " does not exist"));
        }
        players.unknownAmong(definition.target().players()).stream().map(PlayerId::value).sorted()
                .forEach(unknown -> broken.add(new BrokenRule("target.players", "exists", "player " + unknown
                        + " is not registered or was decommissioned")));
        broken.addAll(conflicts.of(entryId, definition));
        if (!broken.isEmpty()) {
            throw new BrokenRulesException("Schedule entry refused", broken);
        }
    }
}
