package io.playmark.query.play;

import io.playmark.kernel.play.Outcome;
import io.playmark.kernel.play.PlayRecordedEvent;
import com.mongodb.ErrorCategory;
import com.mongodb.bulk.BulkWriteError;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Hourly counts per player × campaign × asset × hour (UTC) in {@value Rollup#COLLECTION}, read by {@code _id} only. A
 * play is counted by an atomic update that matches only while the rollup does not list the play yet and adds it to
 * {@value Rollup#COUNTED}: counted once however often its event is delivered (ADR 0014). A batch's updates go in one
 * bulk write (ADR 0024).
 */
@Component
class PlayRollups {

    /** Content played outside campaigns is counted under this campaign key. */
    static final String NO_CAMPAIGN = "none";

    private final MongoTemplate mongo;

    PlayRollups(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Document(Rollup.COLLECTION)
    record Rollup(@Id String id, String playerId, String campaignId, String assetId, Instant hour, long plays,
                  long completed, long interrupted, long failed, long skipped, long playedMs, long impressions,
                  Map<String, Boolean> countedPlays) {
        static final String COLLECTION = "play_rollups";
        /**
         * The ids of the plays counted, as the fields of one embedded document: whether one is there is a lookup of
         * one field, where an array was searched whole for every play of every update.
         */
        static final String COUNTED = "countedPlays";
    }

    static String key(String playerId, String campaignId, String assetId, Instant hour) {
        return String.join("|", playerId, campaignId == null ? NO_CAMPAIGN : campaignId, assetId,
                hour.truncatedTo(ChronoUnit.HOURS).toString());
    }

    /**
     * Counts the plays into their hours in one bulk write: one update per rollup that matches while none of its plays
     * is listed (the usual case). A rollup whose update collided (it lists one of them: a redelivery; or another
     * batch made it a moment ago) has its plays counted one by one, in a second bulk write, each unless listed; a
     * play whose update collides there too is asked once more, and a second collision means it is listed.
     */
    void countAll(Collection<PlayRecordedEvent> plays) {
        Map<String, List<PlayRecordedEvent>> byRollup = plays.stream().collect(Collectors.groupingBy(
                play -> key(play.playerId(), play.campaignId(), play.assetId(), play.startedAt()),
                LinkedHashMap::new, Collectors.toList()));
        List<List<PlayRecordedEvent>> groups = new ArrayList<>(byRollup.values());
        List<PlayRecordedEvent> single = new ArrayList<>();
        for (int collided : upsertAll(groups)) {
            single.addAll(groups.get(collided));
        }
        for (int attempt = 0; attempt < 2 && !single.isEmpty(); attempt++) {
            List<List<PlayRecordedEvent>> each = single.stream().map(List::of).toList();
            single = upsertAll(each).stream().map(collided -> each.get(collided).getFirst()).toList();
        }
    }

    /**
     * Adds each group of plays (all of one rollup) to its rollup unless the rollup lists one of them, in one unordered
     * bulk write; answers the groups whose upsert found no rollup to update and collided with the one there is.
     */
    private List<Integer> upsertAll(List<List<PlayRecordedEvent>> groups) {
        if (groups.isEmpty()) {
            return List.of();
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Rollup.class);
        for (List<PlayRecordedEvent> group : groups) {
            PlayRecordedEvent first = group.getFirst();
            String id = key(first.playerId(), first.campaignId(), first.assetId(), first.startedAt());
            Criteria notCounted = where("_id").is(id);
            group.forEach(play -> notCounted.and(Rollup.COUNTED + "." + play.playId()).exists(false));
            bulk.upsert(Query.query(notCounted), update(group));
        }
        try {
            bulk.execute();
            return List.of();
        } catch (BulkOperationException failed) {
            List<Integer> collided = new ArrayList<>();
            for (BulkWriteError error : failed.getErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw failed;
                }
                collided.add(error.getIndex());
            }
            return collided;
        }
    }

    /** The plays of one rollup, added to it. */
    private static Update update(List<PlayRecordedEvent> plays) {
        PlayRecordedEvent first = plays.getFirst();
        Update update = new Update()
                .inc("plays", plays.size())
                .inc("playedMs", plays.stream().mapToLong(PlayRecordedEvent::durationMs).sum())
                .inc("impressions", plays.stream().mapToLong(play -> play.audience() == null ? 0
                        : play.audience().impressions()).sum())
                .setOnInsert("playerId", first.playerId())
                .setOnInsert("campaignId", first.campaignId() == null ? NO_CAMPAIGN : first.campaignId())
                .setOnInsert("assetId", first.assetId())
                .setOnInsert("hour", first.startedAt().truncatedTo(ChronoUnit.HOURS));
        plays.forEach(play -> update.set(Rollup.COUNTED + "." + play.playId(), true));
        for (Outcome outcome : Outcome.values()) {
            update.inc(outcome.name().toLowerCase(Locale.ROOT),
                    plays.stream().filter(play -> play.outcome() == outcome).count());
        }
        return update;
    }

    /** The rollups of these keys that exist. */
    List<Rollup> find(List<String> ids) {
        return mongo.find(Query.query(where("_id").in(ids)), Rollup.class);
    }

    void dropAll() {
        mongo.dropCollection(Rollup.class);
    }
}
