package io.playmark.query.play;

import io.playmark.kernel.play.Outcome;
import io.playmark.kernel.play.PlayRecordedEvent;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
 * {@code counted}: counted once however often its event is delivered (ADR 0014).
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
                  List<String> counted) {
        static final String COLLECTION = "play_rollups";
    }

    static String key(String playerId, String campaignId, String assetId, Instant hour) {
        return String.join("|", playerId, campaignId == null ? NO_CAMPAIGN : campaignId, assetId,
                hour.truncatedTo(ChronoUnit.HOURS).toString());
    }

    /**
     * Counts the plays into their hours: one update per rollup when none of its plays was counted before (the usual
     * case), else play by play, each unless counted before.
     */
    void countAll(Collection<PlayRecordedEvent> plays) {
        Map<String, List<PlayRecordedEvent>> byRollup = plays.stream().collect(Collectors.groupingBy(
                play -> key(play.playerId(), play.campaignId(), play.assetId(), play.startedAt()),
                LinkedHashMap::new, Collectors.toList()));
        byRollup.forEach((id, counted) -> {
            List<String> ids = counted.stream().map(PlayRecordedEvent::playId).toList();
            boolean applied = upsert(Query.query(where("_id").is(id).and("counted").nin(ids)), update(counted));
            if (!applied) {
                counted.forEach(this::count);
            }
        });
    }

    /** Counts the play into its hour unless it was counted before. */
    void count(PlayRecordedEvent play) {
        String id = key(play.playerId(), play.campaignId(), play.assetId(), play.startedAt());
        Query notCountedYet = Query.query(where("_id").is(id).and("counted").ne(play.playId()));
        // a collision: the rollup lists the play, or another play made it a moment ago; asked again, the update
        // counts the play unless it is listed, and a second collision means it is
        if (!upsert(notCountedYet, update(List.of(play)))) {
            upsert(notCountedYet, update(List.of(play)));
        }
    }

    /** False when the upsert found no rollup to update and collided with the one there is. */
    private boolean upsert(Query query, Update update) {
        try {
            mongo.upsert(query, update, Rollup.class);
            return true;
        } catch (DuplicateKeyException exists) {
            return false;
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
                .push("counted").each(plays.stream().map(PlayRecordedEvent::playId).toArray())
                .setOnInsert("playerId", first.playerId())
                .setOnInsert("campaignId", first.campaignId() == null ? NO_CAMPAIGN : first.campaignId())
                .setOnInsert("assetId", first.assetId())
                .setOnInsert("hour", first.startedAt().truncatedTo(ChronoUnit.HOURS));
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
