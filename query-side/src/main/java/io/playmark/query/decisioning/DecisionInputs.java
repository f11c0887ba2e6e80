package io.playmark.query.decisioning;

import io.playmark.kernel.NotFoundException;
import io.playmark.kernel.asset.FindPlayableFilesQuery;
import io.playmark.kernel.asset.PlayableFile;
import io.playmark.kernel.campaign.CampaignPlan;
import io.playmark.kernel.campaign.FindCampaignPlansQuery;
import io.playmark.kernel.player.FindPlayerMembershipQuery;
import io.playmark.kernel.player.PlayerId;
import io.playmark.kernel.player.PlayerMembership;
import io.playmark.kernel.player.TargetedPlayer;
import io.playmark.kernel.schedule.FindScheduleEntriesForPlayerQuery;
import io.playmark.kernel.schedule.PlaylistItem;
import io.playmark.kernel.schedule.ScheduledPlaylist;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Gathers what resolving one player's timeline needs from the other features' read models, over the query bus: the
 * player and its groups, its schedule entries, the campaigns that target it (with their pacing) and the files its
 * profile plays.
 */
@Component
class DecisionInputs {

    private final QueryGateway queries;
    private final CampaignPacing pacing;

    DecisionInputs(QueryGateway queries, CampaignPacing pacing) {
        this.queries = queries;
        this.pacing = pacing;
    }

    /** Everything one resolution reads; {@code campaigns} hold only the creatives the player can show. */
    record Inputs(TargetedPlayer player, PlayerMembership membership, List<ScheduledPlaylist> entries,
                  List<CampaignPlan> plans, List<DecisionCampaign> campaigns, Map<String, PlayableFile> files) {
    }

    Inputs gather(PlayerId id, Instant from, Instant to) {
        return gather(membership(id), from, to);
    }

    /** The inputs for explaining an instant: from the start of the player's local day to an hour after it. */
    Inputs around(PlayerId id, Instant at) {
        PlayerMembership membership = membership(id);
        return gather(membership, AdExplainer.windowStart(membership.player(), at), at.plus(Duration.ofHours(1)));
    }

    private Inputs gather(PlayerMembership membership, Instant from, Instant to) {
        PlayerId id = membership.player().id();
        List<ScheduledPlaylist> entries = queries.query(new FindScheduleEntriesForPlayerQuery(id, from, to),
                ResponseTypes.multipleInstancesOf(ScheduledPlaylist.class)).join();
        List<CampaignPlan> plans = queries.query(new FindCampaignPlansQuery(from, to),
                        ResponseTypes.multipleInstancesOf(CampaignPlan.class)).join().stream()
                .filter(plan -> plan.target() != null && membership.targetedBy(plan.target())).toList();
        return withFiles(membership, entries, plans);
    }

    /** The same inputs with one more campaign among those that target the player (explain asks of any campaign). */
    Inputs including(Inputs inputs, CampaignPlan plan) {
        if (inputs.plans().stream().anyMatch(known -> known.id().equals(plan.id()))) {
            return inputs;
        }
        List<CampaignPlan> plans = new ArrayList<>(inputs.plans());
        plans.add(plan);
        return withFiles(inputs.membership(), inputs.entries(), plans);
    }

    private Inputs withFiles(PlayerMembership membership, List<ScheduledPlaylist> entries, List<CampaignPlan> plans) {
        TargetedPlayer player = membership.player();
        Set<String> assetIds = new TreeSet<>();
        entries.forEach(entry -> entry.items().stream().filter(item -> item.kind() == PlaylistItem.Kind.ASSET)
                .forEach(item -> assetIds.add(item.id())));
        plans.forEach(plan -> plan.creatives().forEach(creative -> assetIds.add(creative.assetId())));
        Map<String, PlayableFile> files = queries.query(new FindPlayableFilesQuery(player.hardwareProfile(), assetIds),
                        ResponseTypes.multipleInstancesOf(PlayableFile.class)).join().stream()
                .collect(Collectors.toMap(PlayableFile::assetId, Function.identity()));
        return of(membership, entries, plans, files, pacing.paces(plans));
    }

    /** The inputs with each campaign's creatives narrowed to those with a file here; a campaign without a pace is not paced. */
    static Inputs of(PlayerMembership membership, List<ScheduledPlaylist> entries, List<CampaignPlan> plans,
                     Map<String, PlayableFile> files, Map<String, Double> paces) {
        List<DecisionCampaign> campaigns = plans.stream().map(plan -> DecisionCampaign.of(plan,
                creative -> files.containsKey(creative.assetId()), paces.get(plan.id().value()))).toList();
        return new Inputs(membership.player(), membership, entries, plans, campaigns, files);
    }

    private PlayerMembership membership(PlayerId id) {
        PlayerMembership membership = queries.query(new FindPlayerMembershipQuery(id),
                ResponseTypes.instanceOf(PlayerMembership.class)).join();
        if (membership == null) {
            throw new NotFoundException("No active player with id " + id.value());
        }
        return membership;
    }
}
