package io.playmark.command.schedule;

import io.playmark.kernel.BrokenRulesException.BrokenRule;
import io.playmark.kernel.player.TargetedPlayer;
import io.playmark.kernel.schedule.Occurrence;
import io.playmark.kernel.schedule.Recurrence;
import io.playmark.kernel.schedule.ScheduledPlaylist;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The conflict rule, pure: nothing may be put on a player at a time an exclusive entry already holds it. An
 * exclusive entry may be put over shared ones, whose time it then takes. Each conflicting entry is named once per
 * player, with the first time the two overlap.
 */
final class ExclusiveOverlaps {

    private ExclusiveOverlaps() {
    }

    /** One player's conflicts with the proposed recurrence in [from, to), in the order of {@code existing}. */
    static List<BrokenRule> on(TargetedPlayer player, String entryId, Recurrence proposed,
                               List<ScheduledPlaylist> existing, Instant from, Instant to) {
        List<Occurrence> wanted = proposed.between(from, to, player.zone());
        List<BrokenRule> conflicts = new ArrayList<>();
        for (ScheduledPlaylist other : existing) {
            if (other.exclusive() && !other.entryId().equals(entryId)) {
                firstOverlap(wanted, other.occurrences()).ifPresent(overlap -> conflicts.add(new BrokenRule(
                        "recurrence", "exclusive-conflict", "overlaps exclusive entry " + other.entryId() + " ("
                        + other.playlistName() + ") on player " + player.id().value() + " (" + player.name()
                        + ") from " + overlap.start() + " to " + overlap.end())));
            }
        }
        return conflicts;
    }

    private static Optional<Occurrence> firstOverlap(List<Occurrence> wanted, List<Occurrence> held) {
        Occurrence first = null;
        for (Occurrence a : wanted) {
            for (Occurrence b : held) {
                if (a.start().isBefore(b.end()) && b.start().isBefore(a.end())) {
                    Instant start = a.start().isAfter(b.start()) ? a.start() : b.start();
                    Instant end = a.end().isBefore(b.end()) ? a.end() : b.end();
                    if (first == null || start.isBefore(first.start())) {
                        first = new Occurrence(start, end, null);
                    }
                }
            }
        }
        return Optional.ofNullable(first);
    }
}
