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
import java.util.List;
import java.util.Locale;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Hourly counts per player × campaign × asset × hour (UTC) in {@value Rollup#COLLECTION}, read by {@code _id} only. A
 * play is counted by one atomic update that matches only while the rollup does not list the play yet and adds it
 * to {@code plays}: counted once however often its event is delivered (ADR 0012).
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

    /** Counts the play into its hour unless it was counted before. */
    void count(PlayRecordedEvent play) {
        Instant hour = play.startedAt().truncatedTo(ChronoUnit.HOURS);
        String id = key(play.playerId(), play.campaignId(), play.assetId(), hour);
        Update update = new Update()
                .inc("plays", 1)
                .inc(play.outcome().name().toLowerCase(Locale.ROOT), 1)
                .inc("playedMs", play.durationMs())
                .inc("impressions", play.audience() == null ? 0 : play.audience().impressions())
                .push("counted", play.playId())
                .setOnInsert("playerId", play.playerId())
                .setOnInsert("campaignId", play.campaignId() == null ? NO_CAMPAIGN : play.campaignId())
                .setOnInsert("assetId", play.assetId())
                .setOnInsert("hour", hour);
        for (Outcome other : Outcome.values()) {
            if (other != play.outcome()) {
                update.inc(other.name().toLowerCase(Locale.ROOT), 0);
            }
        }
        Query notCountedYet = Query.query(where("_id").is(id).and("counted").ne(play.playId()));
        try {
            mongo.upsert(notCountedYet, update, Rollup.class);
        } catch (DuplicateKeyException existsNow) {
            // the rollup exists: it lists the play, or another play made it a moment ago; asked again, the update
            // counts the play unless it is listed, and a second collision means it is
            try {
                mongo.upsert(notCountedYet, update, Rollup.class);
            } catch (DuplicateKeyException countedBefore) {
                // counted before
            }
        }
    }

    /** The rollups of these keys that exist. */
    List<Rollup> find(List<String> ids) {
        return mongo.find(Query.query(where("_id").in(ids)), Rollup.class);
    }

    void dropAll() {
        mongo.dropCollection(Rollup.class);
    }
}
