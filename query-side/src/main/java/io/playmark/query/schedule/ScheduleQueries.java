package io.playmark.query.schedule;

import io.playmark.kernel.asset.AssetUse;
import io.playmark.kernel.asset.FindAssetUsesQuery;

import io.playmark.kernel.player.FindPlayerMembershipQuery;
import io.playmark.kernel.player.PlayerMembership;
import io.playmark.kernel.player.TargetedPlayer;
import io.playmark.kernel.schedule.FindPlaylistNestingQuery;
import io.playmark.kernel.schedule.FindScheduleEntriesForPlayerQuery;
import io.playmark.kernel.schedule.NestedPlaylists;
import io.playmark.kernel.schedule.Occurrence;
import io.playmark.kernel.schedule.PlaylistItem;
import io.playmark.kernel.schedule.PlaylistNesting;
import io.playmark.kernel.schedule.ScheduleEntryDefinedEvent;
import io.playmark.kernel.schedule.ScheduledPlaylist;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Answers the schedule's kernel queries, for the command side (nesting) and for decisioning (a player's entries). */
@Component
public class ScheduleQueries {

    private final MongoTemplate mongo;
    private final QueryGateway queries;

    public ScheduleQueries(MongoTemplate mongo, QueryGateway queries) {
        this.mongo = mongo;
        this.queries = queries;
    }

    /** Playlists that play the asset (the playlists collection is small: read through, as its index is per item). */
    @QueryHandler
    public List<AssetUse> find(FindAssetUsesQuery query) {
        String assetId = query.assetId().value();
        return mongo.findAll(PlaylistView.class).stream()
                .filter(playlist -> playlist.items().stream()
                        .anyMatch(item -> item.kind() == PlaylistItem.Kind.ASSET && item.id().equals(assetId)))
                .map(playlist -> new AssetUse(AssetUse.Kind.PLAYLIST, playlist.id(), playlist.name())).toList();
    }

    /** Walks the nested playlists breadth first; a playlist already seen is not walked again, so a loop ends. */
    @QueryHandler
    public PlaylistNesting find(FindPlaylistNestingQuery query) {
        PlaylistView root = mongo.findById(query.playlistId().value(), PlaylistView.class);
        if (root == null) {
            return new PlaylistNesting(false, Set.of());
        }
        Set<String> seen = new LinkedHashSet<>();
        Deque<PlaylistView> pending = new ArrayDeque<>(List.of(root));
        while (!pending.isEmpty()) {
            for (String child : nestedIds(pending.removeFirst())) {
                if (seen.add(child)) {
                    Optional.ofNullable(mongo.findById(child, PlaylistView.class)).ifPresent(pending::addLast);
                }
            }
        }
        return new PlaylistNesting(true, seen);
    }

    /**
     * The entries naming the player, and those naming a group it is in, each with its occurrences in the window
     * in the player's zone; entries with none are left out. Highest priority first, then exclusive first, then id.
     */
    @QueryHandler
    public List<ScheduledPlaylist> find(FindScheduleEntriesForPlayerQuery query) {
        PlayerMembership membership = queries.query(new FindPlayerMembershipQuery(query.playerId()),
                ResponseTypes.instanceOf(PlayerMembership.class)).join();
        if (membership == null) {
            return List.of();
        }
        TargetedPlayer player = membership.player();
        Set<String> entryIds = new TreeSet<>(entriesNaming(TargetedEntries.PLAYERS, player.id().value()));
        membership.groups().forEach(group -> entryIds.addAll(entriesNaming(TargetedEntries.GROUPS, group)));
        return mongo.find(new Query(where("_id").in(entryIds)), ScheduleEntryView.class).stream()
                .map(entry -> scheduled(entry.definition(), query, player))
                .flatMap(Optional::stream)
                .sorted(Comparator.comparingInt(ScheduledPlaylist::priority).reversed()
                        .thenComparing(ScheduledPlaylist::exclusive, Comparator.reverseOrder())
                        .thenComparing(ScheduledPlaylist::entryId))
                .toList();
    }

    private Optional<ScheduledPlaylist> scheduled(ScheduleEntryDefinedEvent entry,
                                                  FindScheduleEntriesForPlayerQuery query, TargetedPlayer player) {
        List<Occurrence> occurrences = entry.recurrence().between(query.from(), query.to(), player.zone());
        PlaylistView playlist = mongo.findById(entry.playlistId(), PlaylistView.class);
        if (occurrences.isEmpty() || playlist == null) {
            return Optional.empty();
        }
        return Optional.of(new ScheduledPlaylist(entry.entryId(), playlist.id(), playlist.name(),
                NestedPlaylists.playedThrough(playlist.id(), playlist.items(),
                        nested -> Optional.ofNullable(mongo.findById(nested, PlaylistView.class))
                                .map(PlaylistView::items)),
                playlist.shuffle(), playlist.adSlots(), entry.priority(), entry.exclusive(), occurrences));
    }

    private Set<String> entriesNaming(String collection, String targetId) {
        TargetedEntries entries = mongo.findById(targetId, TargetedEntries.class, collection);
        return entries == null ? Set.of() : entries.entryIds();
    }

    private static List<String> nestedIds(PlaylistView playlist) {
        return playlist.items().stream().filter(item -> item.kind() == PlaylistItem.Kind.PLAYLIST)
                .map(PlaylistItem::id).toList();
    }
}
