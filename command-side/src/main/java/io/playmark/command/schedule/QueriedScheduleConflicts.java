package io.playmark.command.schedule;

import io.playmark.kernel.BrokenRulesException.BrokenRule;
import io.playmark.kernel.player.FindTargetedPlayersQuery;
import io.playmark.kernel.player.PlayerTarget;
import io.playmark.kernel.player.TargetedPlayer;
import io.playmark.kernel.schedule.FindScheduleEntriesForPlayerQuery;
import io.playmark.kernel.schedule.ScheduleEntryDefinition;
import io.playmark.kernel.schedule.ScheduleEntryId;
import io.playmark.kernel.schedule.ScheduledPlaylist;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks the player directory which players the entry reaches now (named players and groups' members) and the schedule
 * read model what each has over the next {@link FindScheduleEntriesForPlayerQuery#MAX_WINDOW}, the longest window it
 * answers.
 * An entry created within the read model's lag is not seen yet.
 */
@Component
class QueriedScheduleConflicts implements ScheduleConflicts {

    /** Enough for a person to act on; the rest of a long list adds nothing. */
    private static final int MAX_REASONS = 50;

    private final QueryGateway queries;
    private final Clock clock;

    QueriedScheduleConflicts(QueryGateway queries) {
        this.queries = queries;
        this.clock = Clock.systemUTC();
    }

    @Override
    public List<BrokenRule> of(ScheduleEntryId entryId, ScheduleEntryDefinition definition) {
        Instant from = clock.instant();
        Instant to = from.plus(FindScheduleEntriesForPlayerQuery.MAX_WINDOW);
        PlayerTarget reach = new PlayerTarget(definition.target().players(), definition.target().groups(), null, null);
        List<TargetedPlayer> players = queries.query(new FindTargetedPlayersQuery(reach),
                ResponseTypes.multipleInstancesOf(TargetedPlayer.class)).join();
        List<BrokenRule> conflicts = new ArrayList<>();
        for (TargetedPlayer player : players) {
            List<ScheduledPlaylist> existing = queries.query(new FindScheduleEntriesForPlayerQuery(player.id(), from,
                    to), ResponseTypes.multipleInstancesOf(ScheduledPlaylist.class)).join();
            conflicts.addAll(ExclusiveOverlaps.on(player, entryId.value(), definition.recurrence(), existing, from,
                    to));
            if (conflicts.size() >= MAX_REASONS) {
                return List.copyOf(conflicts.subList(0, MAX_REASONS));
            }
        }
        return conflicts;
    }
}
