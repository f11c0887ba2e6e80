package io.playmark.query.campaign;

import io.playmark.kernel.campaign.AdCapacityReport;
import io.playmark.kernel.campaign.Dayparts;
import io.playmark.kernel.campaign.FindAdCapacityQuery;
import io.playmark.kernel.campaign.Flight;
import io.playmark.kernel.campaign.GoalKind;
import io.playmark.kernel.campaign.ProposedCampaign;
import io.playmark.kernel.player.FindTargetedPlayersQuery;
import io.playmark.kernel.player.PlayerId;
import io.playmark.kernel.player.PlayerTarget;
import io.playmark.kernel.player.TargetedPlayer;
import io.playmark.kernel.schedule.FindScheduleEntriesForPlayerQuery;
import io.playmark.kernel.schedule.ScheduledPlaylist;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Answers {@link FindAdCapacityQuery}: gathers the targeted players (player directory), what each plays over the
 * window (schedule read model) and the campaigns booked there (found in the campaigns index, read from the read
 * model), and leaves the arithmetic to {@link CapacitySweep}. Booking asks it through the query bus; availability
 * and a campaign's risk read it too.
 */
@Component
class AdInventory {

    private final QueryGateway queries;
    private final CampaignSearchIndex index;
    private final MongoTemplate mongo;

    AdInventory(QueryGateway queries, CampaignSearchIndex index, MongoTemplate mongo) {
        this.queries = queries;
        this.index = index;
        this.mongo = mongo;
    }

    @QueryHandler
    AdCapacityReport find(FindAdCapacityQuery query) {
        ProposedCampaign campaign = query.campaign();
        Instant from = query.from();
        Instant to = query.to();
        List<TargetedPlayer> players = reached(campaign.target());
        if (!from.isBefore(to)) {
            return CapacitySweep.sweep(campaign, 0, from, from, players, Map.of(), List.of());
        }
        Map<PlayerId, List<ScheduledPlaylist>> entries = new HashMap<>();
        players.forEach(player -> entries.put(player.id(), queries.query(
                new FindScheduleEntriesForPlayerQuery(player.id(), from, to),
                ResponseTypes.multipleInstancesOf(ScheduledPlaylist.class)).join()));
        return CapacitySweep.sweep(campaign, playerHours(campaign.flight(), campaign.dayparts(), players), from, to,
                players, entries, booked(from, to));
    }

    /** Only campaigns whose goal asks something of capacity: plays or share of voice. */
    private List<CapacitySweep.Booked> booked(Instant from, Instant to) {
        List<String> ids = index.bookedBetween(from, to);
        if (ids.isEmpty()) {
            return List.of();
        }
        return mongo.find(new Query(where("_id").in(ids)), CampaignView.class).stream()
                .filter(view -> view.status().isBooked())
                .flatMap(view -> view.proposal().stream())
                .filter(campaign -> campaign.goal() != null && campaign.goal().kind() != GoalKind.IMPRESSIONS)
                .map(this::booked).toList();
    }

    private CapacitySweep.Booked booked(ProposedCampaign campaign) {
        List<TargetedPlayer> players = reached(campaign.target());
        return new CapacitySweep.Booked(campaign.campaignId().value(), campaign.tier(), campaign.preemptible(),
                campaign.flight(), campaign.dayparts(), campaign.goal(),
                players.stream().map(TargetedPlayer::id).collect(Collectors.toUnmodifiableSet()),
                playerHours(campaign.flight(), campaign.dayparts(), players));
    }

    /** Players in one zone share their count, so a long flight is walked once per zone. */
    private static long playerHours(Flight flight, Dayparts dayparts, List<TargetedPlayer> players) {
        Map<ZoneId, Long> perZone = new LinkedHashMap<>();
        return players.stream().mapToLong(player -> perZone.computeIfAbsent(player.zone(),
                zone -> CapacitySweep.playerHours(flight, dayparts, zone))).sum();
    }

    private List<TargetedPlayer> reached(PlayerTarget target) {
        return queries.query(new FindTargetedPlayersQuery(target),
                ResponseTypes.multipleInstancesOf(TargetedPlayer.class)).join();
    }
}
