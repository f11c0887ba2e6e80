package io.playmark.infra.audit;

import io.playmark.command.campaign.Campaign;
import io.playmark.command.player.PlayerGroup;
import io.playmark.command.schedule.ScheduleEntry;
import io.playmark.query.audit.AuditSearchIndex;
import io.playmark.query.campaign.CampaignView;
import io.playmark.query.player.PlayerGroupView;
import io.playmark.query.schedule.ScheduleEntryView;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which aggregates of a type may have existed at a moment. The event store reads streams by id only, so the ids come
 * from the audit search index (every aggregate with an event at or before the moment, deleted ones too) together
 * with today's read model (small collections, read by {@code _id} only), which covers events the index has not
 * taken in yet. An id that did not exist then replays to nothing.
 */
@Component
class PastAggregates {

    private static final Map<Class<?>, String> READ_MODELS = Map.of(
            PlayerGroup.class, PlayerGroupView.COLLECTION,
            ScheduleEntry.class, ScheduleEntryView.COLLECTION,
            Campaign.class, CampaignView.COLLECTION);

    private final AuditSearchIndex index;
    private final MongoTemplate mongo;

    PastAggregates(AuditSearchIndex index, MongoTemplate mongo) {
        this.index = index;
        this.mongo = mongo;
    }

    Set<String> ids(Class<?> aggregate, Instant at) {
        Set<String> ids = new TreeSet<>(index.aggregateIds(aggregate.getSimpleName(), at));
        String collection = READ_MODELS.get(aggregate);
        if (collection != null) {
            mongo.getCollection(collection).find().projection(new Document("_id", 1))
                    .forEach(document -> ids.add(String.valueOf(document.get("_id"))));
        }
        return ids;
    }
}
