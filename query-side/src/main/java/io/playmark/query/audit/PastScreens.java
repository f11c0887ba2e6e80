package io.playmark.query.audit;

import io.playmark.kernel.NotFoundException;
import io.playmark.kernel.audit.PointInTime;
import io.playmark.kernel.campaign.CampaignPlan;
import io.playmark.kernel.campaign.FindCampaignPlansQuery;
import io.playmark.kernel.player.FindPlayerMembershipQuery;
import io.playmark.kernel.player.PlayerId;
import io.playmark.kernel.player.PlayerMembership;
import io.playmark.kernel.schedule.FindScheduleEntriesForPlayerQuery;
import io.playmark.kernel.schedule.PlaylistItem;
import io.playmark.kernel.schedule.ScheduledPlaylist;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The past of a screen: the inputs decisioning reads for a player (through the same kernel queries), each replayed
 * or read back from its own events up to the moment. Which aggregates count is taken from today's read models (the
 * player's groups, the schedule entries placing playlists on it around the moment, the campaigns targeting it), so
 * an input that was removed since is not found; see docs/audit.md.
 */
@Component
public class PastScreens {

    /** The schedule and campaigns around the moment: a day either side, as a loop looks ahead a day at most. */
    private static final Duration AROUND = Duration.ofDays(1);
    private static final int MAX_CHANGES = 200;

    private final QueryGateway queries;
    private final AggregateHistories histories;
    private final AggregateStates states;

    PastScreens(QueryGateway queries, AggregateHistories histories, AggregateStates states) {
        this.queries = queries;
        this.histories = histories;
        this.states = states;
    }

    public ScreenPast at(String playerId, Instant at) {
        PlayerId id = new PlayerId(playerId);
        AggregateState player = states.stateAt("player", id.value(), new PointInTime(null, at));
        if (!player.existed()) {
            throw new NotFoundException("Player " + playerId + " did not exist at " + at);
        }
        Map<String, ScreenPast.Input> inputs = new LinkedHashMap<>();
        PlayerMembership membership = queries.query(new FindPlayerMembershipQuery(id),
                ResponseTypes.instanceOf(PlayerMembership.class)).join();
        if (membership != null) {
            membership.groups().forEach(group -> inputs.put(group, input("player-group", group, "group")));
            queries.query(new FindScheduleEntriesForPlayerQuery(id, at.minus(AROUND), at.plus(AROUND)),
                    ResponseTypes.multipleInstancesOf(ScheduledPlaylist.class)).join().forEach(entry -> {
                        inputs.put(entry.entryId(), input("schedule-entry", entry.entryId(), "schedule-entry"));
                        inputs.put(entry.playlistId(), input("playlist", entry.playlistId(), "playlist"));
                        entry.items().stream().filter(item -> item.kind() == PlaylistItem.Kind.PLAYLIST)
                                .forEach(item -> inputs.put(item.id(), input("playlist", item.id(), "playlist")));
                    });
            queries.query(new FindCampaignPlansQuery(at.minus(AROUND), at.plus(AROUND)),
                            ResponseTypes.multipleInstancesOf(CampaignPlan.class)).join().stream()
                    .filter(plan -> plan.target() != null && membership.targetedBy(plan.target()))
                    .forEach(plan -> inputs.put(plan.id().value(),
                            input("campaign", plan.id().value(), "campaign")));
        }
        List<AuditedEvent> changes = new ArrayList<>();
        collectChanges("player", id.value(), at, changes);
        List<ScreenPast.Input> answered = new ArrayList<>();
        for (ScreenPast.Input input : inputs.values()) {
            int before = changes.size();
            collectChanges(input.aggregateType(), input.aggregateId(), at, changes);
            answered.add(new ScreenPast.Input(input.aggregateType(), input.aggregateId(), input.role(),
                    changes.size() > before));
        }
        changes.sort(Comparator.comparing(AuditedEvent::timestamp).reversed());
        return new ScreenPast(id.value(), at, player, answered,
                changes.subList(0, Math.min(MAX_CHANGES, changes.size())));
    }

    private void collectChanges(String type, String aggregateId, Instant at, List<AuditedEvent> changes) {
        try {
            histories.each(type, aggregateId, event -> {
                if (!event.timestamp().isAfter(at)) {
                    changes.add(event);
                }
            });
        } catch (NotFoundException gone) {
            // an input named by a read model but without events of that type: nothing it changed
        }
    }

    private static ScreenPast.Input input(String type, String aggregateId, String role) {
        return new ScreenPast.Input(type, aggregateId, role, false);
    }
}
