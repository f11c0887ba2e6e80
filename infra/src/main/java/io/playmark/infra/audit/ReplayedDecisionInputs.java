package io.playmark.infra.audit;

import io.playmark.command.campaign.Campaign;
import io.playmark.command.player.Player;
import io.playmark.command.player.PlayerGroup;
import io.playmark.command.schedule.Playlist;
import io.playmark.command.schedule.ScheduleEntry;
import io.playmark.kernel.asset.PlayableFile;
import io.playmark.kernel.campaign.CampaignPlan;
import io.playmark.kernel.player.PlayerId;
import io.playmark.kernel.player.PlayerMembership;
import io.playmark.kernel.player.TargetedPlayer;
import io.playmark.kernel.schedule.NestedPlaylists;
import io.playmark.kernel.schedule.Occurrence;
import io.playmark.kernel.schedule.PlaylistContent;
import io.playmark.kernel.schedule.PlaylistItem;
import io.playmark.kernel.schedule.ScheduleEntryDefinedEvent;
import io.playmark.kernel.schedule.ScheduledPlaylist;
import io.playmark.query.asset.PastPlayableFiles;
import io.playmark.query.audit.PastScreenInputs;
import io.playmark.query.audit.ScreenPast;
import io.playmark.query.decisioning.PastDecisionInputs;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A player's decision inputs as they were at a moment: the player, every display group, schedule entry, playlist,
 * campaign and asset that existed then, each replayed from its own events up to the moment through the command
 * side's aggregates (assets through the asset projections' own fold), and turned into the kernel types decisioning
 * reads. Which aggregates existed is told by {@link PastAggregates}. Each call replays afresh: past states never
 * change, but they are asked for rarely. The audit's list of a screen's inputs is the same replay, a day either side
 * of the moment (as a loop looks ahead a day at most).
 */
@Component
class ReplayedDecisionInputs implements PastDecisionInputs, PastScreenInputs {

    private static final Duration AROUND = Duration.ofDays(1);

    /** The inputs, and every playlist they played (nested ones too), which the inputs hold as played through. */
    private record Replayed(PastInputs inputs, Set<String> playlists) {
    }

    private final ReplayedStates states;
    private final PastAggregates aggregates;
    private final EventStore eventStore;
    private final PastPlayableFiles playable;

    ReplayedDecisionInputs(ReplayedStates states, PastAggregates aggregates, EventStore eventStore,
                           PastPlayableFiles playable) {
        this.states = states;
        this.aggregates = aggregates;
        this.eventStore = eventStore;
        this.playable = playable;
    }

    @Override
    public Optional<PastInputs> at(PlayerId playerId, Instant at, Instant from, Instant to) {
        return replay(playerId, at, from, to).map(Replayed::inputs);
    }

    @Override
    public List<ScreenPast.Input> at(PlayerId playerId, Instant at) {
        return replay(playerId, at, at.minus(AROUND), at.plus(AROUND)).map(replayed -> {
            PastInputs inputs = replayed.inputs();
            List<ScreenPast.Input> named = new ArrayList<>();
            inputs.membership().groups().forEach(group -> named.add(input("player-group", group, "group")));
            inputs.entries().forEach(entry -> named.add(input("schedule-entry", entry.entryId(), "schedule-entry")));
            replayed.playlists().forEach(playlist -> named.add(input("playlist", playlist, "playlist")));
            inputs.plans().forEach(plan -> named.add(input("campaign", plan.id().value(), "campaign")));
            return named;
        }).orElse(List.of());
    }

    private static ScreenPast.Input input(String type, String aggregateId, String role) {
        return new ScreenPast.Input(type, aggregateId, role, true);
    }

    private Optional<Replayed> replay(PlayerId playerId, Instant at, Instant from, Instant to) {
        return states.rootAt(Player.class, playerId.value(), at).flatMap(Player::targeted).map(player -> {
            PlayerMembership membership = new PlayerMembership(player, groups(player, at));
            Map<String, Optional<Playlist>> playlists = new TreeMap<>();
            List<ScheduledPlaylist> entries = entries(membership, at, from, to, playlists);
            List<CampaignPlan> plans = plans(membership, at, from, to);
            Set<String> played = new TreeSet<>();
            playlists.forEach((id, playlist) -> playlist.ifPresent(found -> played.add(id)));
            return new Replayed(new PastInputs(membership, entries, plans, files(player, entries, plans, at)), played);
        });
    }

    private Set<String> groups(TargetedPlayer player, Instant at) {
        Set<String> groups = new TreeSet<>();
        for (String id : aggregates.ids(PlayerGroup.class, at)) {
            states.rootAt(PlayerGroup.class, id, at).filter(group -> group.holds(player))
                    .ifPresent(group -> groups.add(id));
        }
        return groups;
    }

    /** As the schedule read model answers them: highest priority first, then exclusive first, then id. */
    private List<ScheduledPlaylist> entries(PlayerMembership membership, Instant at, Instant from, Instant to,
                                            Map<String, Optional<Playlist>> playlists) {
        List<ScheduledPlaylist> entries = new ArrayList<>();
        for (String id : aggregates.ids(ScheduleEntry.class, at)) {
            states.rootAt(ScheduleEntry.class, id, at).flatMap(ScheduleEntry::definition)
                    .filter(entry -> names(entry, membership))
                    .flatMap(entry -> scheduled(entry, membership.player(), from, to, playlist -> playlists
                            .computeIfAbsent(playlist, key -> states.rootAt(Playlist.class, key, at))))
                    .ifPresent(entries::add);
        }
        entries.sort(Comparator.comparingInt(ScheduledPlaylist::priority).reversed()
                .thenComparing(ScheduledPlaylist::exclusive, Comparator.reverseOrder())
                .thenComparing(ScheduledPlaylist::entryId));
        return entries;
    }

    private static boolean names(ScheduleEntryDefinedEvent entry, PlayerMembership membership) {
        return entry.players().contains(membership.player().id().value())
                || !Collections.disjoint(entry.groups(), membership.groups());
    }

    private static Optional<ScheduledPlaylist> scheduled(ScheduleEntryDefinedEvent entry, TargetedPlayer player,
                                                         Instant from, Instant to,
                                                         Function<String, Optional<Playlist>> find) {
        List<Occurrence> occurrences = entry.recurrence().between(from, to, player.zone());
        if (occurrences.isEmpty()) {
            return Optional.empty();
        }
        Optional<Playlist> playlist = find.apply(entry.playlistId());
        Optional<PlaylistContent> content = playlist.flatMap(Playlist::content);
        if (content.isEmpty()) {
            return Optional.empty();
        }
        List<PlaylistItem> items = NestedPlaylists.playedThrough(entry.playlistId(), content.get().items(),
                nested -> find.apply(nested).flatMap(Playlist::content).map(PlaylistContent::items));
        return Optional.of(new ScheduledPlaylist(entry.entryId(), entry.playlistId(), playlist.get().name(), items,
                content.get().shuffle(), content.get().adSlots(), entry.priority(), entry.exclusive(), occurrences));
    }

    /** As the campaign read model answers them: booked, with a flight meeting the window; then those targeting it. */
    private List<CampaignPlan> plans(PlayerMembership membership, Instant at, Instant from, Instant to) {
        List<CampaignPlan> plans = new ArrayList<>();
        for (String id : aggregates.ids(Campaign.class, at)) {
            states.rootAt(Campaign.class, id, at).map(Campaign::plan)
                    .filter(plan -> plan.status().isBooked() && plan.flight() != null
                            && plan.flight().start().isBefore(to) && plan.flight().end().isAfter(from))
                    .filter(plan -> plan.target() != null && membership.targetedBy(plan.target()))
                    .ifPresent(plans::add);
        }
        return plans;
    }

    private Map<String, PlayableFile> files(TargetedPlayer player, List<ScheduledPlaylist> entries,
                                            List<CampaignPlan> plans, Instant at) {
        Set<String> assetIds = new TreeSet<>();
        entries.forEach(entry -> entry.items().forEach(item -> assetIds.add(item.id())));
        plans.forEach(plan -> plan.creatives().forEach(creative -> assetIds.add(creative.assetId())));
        Map<String, PlayableFile> files = new TreeMap<>();
        for (String assetId : assetIds) {
            playable.after(eventsUpTo(assetId, at), player.hardwareProfile())
                    .ifPresent(file -> files.put(assetId, file));
        }
        return files;
    }

    private List<DomainEventMessage<?>> eventsUpTo(String aggregateId, Instant at) {
        DomainEventStream stream = eventStore.readEvents(aggregateId, 0);
        List<DomainEventMessage<?>> events = new ArrayList<>();
        while (stream.hasNext() && !stream.peek().getTimestamp().isAfter(at)) {
            events.add(stream.next());
        }
        return events;
    }
}
