package io.playmark.query.schedule;

import io.playmark.query.graphql.KeyConnection;
import io.playmark.kernel.NotFoundException;
import io.playmark.kernel.player.PlayerId;
import io.playmark.kernel.schedule.FindScheduleEntriesForPlayerQuery;
import io.playmark.kernel.schedule.PlaylistId;
import io.playmark.kernel.schedule.ScheduleEntryId;
import io.playmark.kernel.schedule.SchedulePriority;
import io.playmark.kernel.schedule.ScheduledPlaylist;
import io.playmark.query.graphql.KeyConnection;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Reads playlists and schedule entries for GraphQL: by id, in pages, and as they apply to one player. */
@Component
class ScheduleReadModel {

    static final Duration DEFAULT_WINDOW = Duration.ofDays(7);

    private final MongoTemplate mongo;
    private final ScheduleQueries queries;

    ScheduleReadModel(MongoTemplate mongo, ScheduleQueries queries) {
        this.mongo = mongo;
        this.queries = queries;
    }

    PlaylistView playlist(PlaylistId id) {
        PlaylistView playlist = mongo.findById(id.value(), PlaylistView.class);
        if (playlist == null) {
            throw new NotFoundException("No playlist with id " + id);
        }
        return playlist;
    }

    Map<String, PlaylistView> playlists(List<String> ids) {
        return mongo.find(new Query(where("_id").in(ids)), PlaylistView.class).stream()
                .collect(Collectors.toMap(PlaylistView::id, Function.identity()));
    }

    /** Playlists are few (a network has tens to hundreds): a page is cut from the sorted collection. */
    KeyConnection<PlaylistView> playlists(int first, String after) {
        KeyConnection.requireSize(first);
        String from = KeyConnection.keyOf(after);
        List<PlaylistView> sorted = mongo.find(new Query().with(Sort.by("name", "_id")), PlaylistView.class);
        return KeyConnection.of(sorted.stream().filter(playlist -> from == null || nameKey(playlist).compareTo(from) > 0)
                .limit(first + 1L).toList(), ScheduleReadModel::nameKey, first, from != null);
    }

    ScheduleEntryNode entry(ScheduleEntryId id) {
        ScheduleEntryView entry = mongo.findById(id.value(), ScheduleEntryView.class);
        if (entry == null) {
            throw new NotFoundException("No schedule entry with id " + id);
        }
        return new ScheduleEntryNode(entry, null);
    }

    /** Entries grow with use, so a page is read by _id, from the cursor on. */
    KeyConnection<ScheduleEntryNode> entries(int first, String after) {
        KeyConnection.requireSize(first);
        String from = KeyConnection.keyOf(after);
        Query page = new Query(from == null ? new Criteria()
                : where("_id").gt(from)).with(Sort.by("_id")).limit(first + 1);
        return KeyConnection.of(mongo.find(page, ScheduleEntryView.class).stream()
                .map(entry -> new ScheduleEntryNode(entry, null)).toList(), node -> node.entry().id(), first,
                from != null);
    }

    /** The entries applying to a player in the window, in the order decisioning ranks them. */
    KeyConnection<ScheduleEntryNode> entriesFor(PlayerId player, Instant from, Instant to, int first, String after) {
        KeyConnection.requireSize(first);
        String cursor = KeyConnection.keyOf(after);
        Instant start = from == null ? Instant.now() : from;
        Instant end = to == null ? start.plus(DEFAULT_WINDOW) : to;
        List<ScheduledPlaylist> applying = queries.find(new FindScheduleEntriesForPlayerQuery(player, start, end));
        Map<String, ScheduleEntryView> entries = mongo.find(new Query(where("_id").in(applying.stream()
                .map(ScheduledPlaylist::entryId).toList())), ScheduleEntryView.class).stream()
                .collect(Collectors.toMap(ScheduleEntryView::id, Function.identity()));
        return KeyConnection.of(applying.stream()
                .filter(scheduled -> entries.containsKey(scheduled.entryId()))
                .filter(scheduled -> cursor == null || rankKey(scheduled).compareTo(cursor) > 0)
                .limit(first + 1L)
                .map(scheduled -> new ScheduleEntryNode(entries.get(scheduled.entryId()), scheduled.occurrences()))
                .toList(), node -> rankKey(node.entry()), first, cursor != null);
    }

    private static String nameKey(PlaylistView playlist) {
        return playlist.name() + '\u0000' + playlist.id();
    }

    /** Sorts as the ranking does: higher priority first, exclusive first, then by id. */
    private static String rankKey(ScheduledPlaylist scheduled) {
        return rankKey(scheduled.priority(), scheduled.exclusive(), scheduled.entryId());
    }

    private static String rankKey(ScheduleEntryView entry) {
        return rankKey(entry.definition().priority(), entry.definition().exclusive(), entry.id());
    }

    private static String rankKey(int priority, boolean exclusive, String id) {
        return String.format("%04d%d%s", SchedulePriority.MAX - priority, exclusive ? 0 : 1, id);
    }
}
