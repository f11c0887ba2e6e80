package io.playmark.infra.instance;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The instances sharing the stores, each seen by its heartbeat in a small collection (one document an
 * instance, read by id or whole): an instance that stopped beating for longer than the claim timeout is gone.
 */
@Component
public class InstanceRegistry {

    static final String COLLECTION = "playmark_instances";

    private final MongoTemplate mongo;
    private final PlaymarkInstance instance;
    private final Clock clock;

    InstanceRegistry(MongoTemplate mongo, PlaymarkInstance instance, Clock clock) {
        this.mongo = mongo;
        this.instance = instance;
        this.clock = clock;
    }

    /**
     * A live instance: its id, roles, whether its projections were running (a query instance's can be stopped, e.g.
     * for a replay or at shutdown) and when it last said so.
     */
    public record LiveInstance(String id, List<String> roles, boolean projecting, Instant lastSeen) {
    }

    void beat(boolean projecting) {
        mongo.upsert(Query.query(Criteria.where("_id").is(instance.id())),
                Update.update("roles", instance.roleNames()).set("projecting", projecting)
                        .set("lastSeen", clock.instant()), COLLECTION);
    }

    void leave() {
        mongo.remove(Query.query(Criteria.where("_id").is(instance.id())), COLLECTION);
    }

    /** The instances that beat within {@code within}, this one included once it has beaten. */
    public List<LiveInstance> live(Duration within) {
        Instant since = clock.instant().minus(within);
        return mongo.findAll(Document.class, COLLECTION).stream()
                .map(document -> new LiveInstance(document.getString("_id"), document.getList("roles", String.class),
                        Boolean.TRUE.equals(document.getBoolean("projecting")), document.getDate("lastSeen").toInstant()))
                .filter(live -> live.lastSeen().isAfter(since))
                .toList();
    }
}
