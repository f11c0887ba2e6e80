package io.playmark.query.decisioning;

import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * A counter of changes to what timelines are resolved from (campaigns, schedules, players, assets), shared by
 * every instance in one MongoDB document: a resolved timeline is reused while the counter stands still. The
 * projections that keep those read models move it after each change they write ({@link #changed()}); an
 * instance that serves players but runs no projections sees their changes within {@code refresh}.
 */
@Component
public class TimelineVersion {

    static final String COLLECTION = "decisioning_state";
    private static final String ID = "timelines";

    private final MongoTemplate mongo;
    private final Duration refresh;
    private final Clock clock;
    private volatile long version = -1;
    private volatile Instant readAt = Instant.MIN;

    TimelineVersion(MongoTemplate mongo, @Value("${playmark.decisioning.version-refresh}") Duration refresh,
                    Clock clock) {
        this.mongo = mongo;
        this.refresh = refresh;
        this.clock = clock;
    }

    /** Records a change: every cached timeline is resolved again when next asked for. */
    public void changed() {
        Document counter = mongo.findAndModify(Query.query(where("_id").is(ID)), new Update().inc("version", 1L),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION);
        remember(counter);
    }

    /** The counter as this instance last read it, read again when older than the refresh interval. */
    public long current() {
        Instant now = clock.instant();
        if (version < 0 || readAt.plus(refresh).isBefore(now)) {
            remember(mongo.findById(ID, Document.class, COLLECTION));
            readAt = now;
        }
        return version;
    }

    private synchronized void remember(Document counter) {
        long stored = counter == null ? 0 : counter.get("version", Number.class).longValue();
        version = Math.max(version, stored);
    }
}
