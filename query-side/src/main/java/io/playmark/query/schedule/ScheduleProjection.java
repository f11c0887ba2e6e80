package io.playmark.query.schedule;

import io.playmark.kernel.schedule.PlaylistCreatedEvent;
import io.playmark.kernel.schedule.PlaylistDeletedEvent;
import io.playmark.kernel.schedule.PlaylistUpdatedEvent;
import io.playmark.kernel.schedule.ScheduleEntryDefinedEvent;
import io.playmark.kernel.schedule.ScheduleEntryDeletedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Keeps playlists, schedule entries and, per player and per group, the entries naming it. Each aggregate's events
 * arrive in order; an event at or below the version already kept is a replay and changes nothing.
 */
@Component
@ProcessingGroup(ScheduleProjection.PROCESSING_GROUP)
public class ScheduleProjection {

    public static final String PROCESSING_GROUP = "schedule";

    private final MongoTemplate mongo;

    public ScheduleProjection(MongoTemplate mongo) {
        this.mongo = mongo;
        // playlist pages sort by name (a small collection; a real MongoDB would use this index)
        mongo.indexOps(PlaylistView.class).createIndex(new Index("name", Sort.Direction.ASC));
    }

    @EventHandler
    void on(PlaylistCreatedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        if (mongo.findById(event.playlistId(), PlaylistView.class) == null) {
            mongo.save(new PlaylistView(event.playlistId(), event.name(), event.items(), event.shuffle(),
                    event.adSlots(), at, at, version));
        }
    }

    @EventHandler
    void on(PlaylistUpdatedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        PlaylistView current = mongo.findById(event.playlistId(), PlaylistView.class);
        if (current != null && current.version() < version) {
            mongo.save(new PlaylistView(event.playlistId(), event.name(), event.items(), event.shuffle(),
                    event.adSlots(), current.createdAt(), at, version));
        }
    }

    @EventHandler
    void on(PlaylistDeletedEvent event) {
        mongo.remove(new Query(where("_id").is(event.playlistId())), PlaylistView.class);
    }

    @EventHandler
    void on(ScheduleEntryDefinedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        ScheduleEntryView current = mongo.findById(event.entryId(), ScheduleEntryView.class);
        if (current != null && current.version() >= version) {
            return;
        }
        if (current != null) {
            unlink(current.definition());
        }
        link(event);
        mongo.save(new ScheduleEntryView(event.entryId(), event, current == null ? at : current.createdAt(), at,
                version));
    }

    @EventHandler
    void on(ScheduleEntryDeletedEvent event) {
        ScheduleEntryView current = mongo.findById(event.entryId(), ScheduleEntryView.class);
        if (current != null) {
            unlink(current.definition());
            mongo.remove(current);
        }
    }

    @ResetHandler
    void reset() {
        List.of(PlaylistView.COLLECTION, ScheduleEntryView.COLLECTION, TargetedEntries.PLAYERS,
                TargetedEntries.GROUPS).forEach(collection -> mongo.remove(new Query(), collection));
    }

    private void link(ScheduleEntryDefinedEvent entry) {
        change(entry, new Update().addToSet("entryIds", entry.entryId()));
    }

    private void unlink(ScheduleEntryDefinedEvent entry) {
        change(entry, new Update().pull("entryIds", entry.entryId()));
    }

    private void change(ScheduleEntryDefinedEvent entry, Update update) {
        entry.players().forEach(player -> mongo.upsert(new Query(where("_id").is(player)), update,
                TargetedEntries.class, TargetedEntries.PLAYERS));
        entry.groups().forEach(group -> mongo.upsert(new Query(where("_id").is(group)), update,
                TargetedEntries.class, TargetedEntries.GROUPS));
    }
}
