package io.playmark.query.rebuild;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import io.playmark.query.rebuild.Rebuild.Target;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Rebuilds without downtime: a replayed projection writes into a new index or a shadow collection while queries
 * read the live one, and the new one is swapped in once every segment has caught up (ADR 0020). The
 * {@link Rebuild} document is the coordination point between instances.
 */
@Component
public class Rebuilds {

    /** How long one instance's swap may take before another instance takes it over (the first died at it). */
    public static final Duration SWAP_TIMEOUT = Duration.ofSeconds(30);
    static final String SHADOW_SUFFIX = "__rebuild";
    /** Longer than any search takes: the searches that found the old index behind the alias are over by then. */
    static final Duration RETIRE_GRACE = Duration.ofSeconds(2);
    private static final Logger log = LoggerFactory.getLogger(Rebuilds.class);

    private final MongoTemplate mongo;
    private final ElasticsearchClient elasticsearch;

    public Rebuilds(MongoTemplate mongo, ElasticsearchClient elasticsearch) {
        this.mongo = mongo;
        this.elasticsearch = elasticsearch;
    }

    public Optional<Rebuild> find(String processingGroup) {
        return Optional.ofNullable(mongo.findById(processingGroup, Rebuild.class));
    }

    public List<Rebuild> all() {
        return mongo.findAll(Rebuild.class);
    }

    /**
     * Records that the replay of {@code processingGroup} builds {@code target}; called from the projection's reset
     * handler, which runs on the one instance that reset every segment, before any segment replays.
     */
    public void building(String processingGroup, Target target) {
        Rebuild rebuild = find(processingGroup)
                .orElseGet(() -> new Rebuild(processingGroup, List.of(), Instant.now(), null, null));
        mongo.save(rebuild.with(target));
        log.info("Rebuilding {} of {} into {} while queries read {}", target.name(), processingGroup,
                target.building(), target.live());
    }

    /** Forgets a rebuild whose replay did not start: what it built stays until the next one starts afresh. */
    public void abandon(String processingGroup) {
        mongo.remove(Query.query(where("_id").is(processingGroup)), Rebuild.class);
    }

    /**
     * Starts the shadow of a MongoDB read model: drops what an earlier, unfinished rebuild left there.
     *
     * @return the shadow collection's name, for the projection to create its indexes on
     */
    public String buildShadowCollection(String processingGroup, String collection) {
        String shadow = collection + SHADOW_SUFFIX;
        mongo.dropCollection(shadow);
        building(processingGroup, new Target(Rebuild.Kind.COLLECTION, collection, collection, shadow));
        return shadow;
    }

    /**
     * Where a projection reads and writes {@code name} for the event at {@code token}. Outside a rebuild: the live
     * name. During one: the building target, and, for an event past the replay (live), the live name too, after
     * the building one, so that queries stay current until the swap. Read once per unit of work (one batch).
     */
    public Destination destination(String processingGroup, String name, TrackingToken token) {
        Optional<Target> target = current(processingGroup).flatMap(rebuild -> rebuild.target(name));
        if (target.isEmpty()) {
            return new Destination(name, List.of(name), true);
        }
        String building = target.get().building();
        boolean live = !ReplayToken.isReplay(token);
        return new Destination(building, live ? List.of(building, name) : List.of(building), live);
    }

    private Optional<Rebuild> current(String processingGroup) {
        if (!CurrentUnitOfWork.isStarted()) {
            return find(processingGroup);
        }
        return CurrentUnitOfWork.get().getOrComputeResource(Rebuilds.class.getName() + "." + processingGroup,
                key -> find(processingGroup));
    }

    /**
     * @param read   where the projection reads what it has built so far
     * @param writes where it writes, in order
     * @param live   the event is past the replay: its writes should be visible to queries at once
     */
    public record Destination(String read, List<String> writes, boolean live) {
    }

    /**
     * Takes the swap of a caught-up rebuild for {@code instance}, unless another instance took it less than
     * {@link #SWAP_TIMEOUT} ago: the swap happens once, wherever the segments ran.
     */
    public Optional<Rebuild> claimSwap(String processingGroup, String instance) {
        Instant now = Instant.now();
        Query free = Query.query(where("_id").is(processingGroup).orOperator(where("swappingBy").isNull(),
                where("swappingSince").lt(now.minus(SWAP_TIMEOUT))));
        return Optional.ofNullable(mongo.findAndModify(free,
                Update.update("swappingBy", instance).set("swappingSince", now),
                FindAndModifyOptions.options().returnNew(true), Rebuild.class));
    }

    /**
     * Puts every built target in place of its live one, and ends the rebuild. Each step can be repeated after a
     * crash: a target already swapped is left as it is.
     */
    public void swap(Rebuild rebuild) {
        for (Target target : rebuild.targets()) {
            switch (target.kind()) {
                case INDEX -> swapIndex(target);
                case COLLECTION -> swapCollection(target);
            }
        }
        mongo.remove(Query.query(Criteria.where("_id").is(rebuild.processingGroup())), Rebuild.class);
        log.info("Rebuilt {}: {}", rebuild.processingGroup(), rebuild.targets());
    }

    /**
     * One {@code _aliases} request moves the alias, so a search reads the one index or the other, never neither nor
     * both. The old index goes a little later: deleting it in the same request fails the searches that are running
     * on it at that moment.
     */
    private void swapIndex(Target target) {
        try {
            Set<String> behindAlias = elasticsearch.indices().getAlias(a -> a.name(target.name())).aliases().keySet();
            if (!behindAlias.equals(Set.of(target.building()))) {
                // back to the default refresh interval, which the build went without
                elasticsearch.indices().putSettings(p -> p.index(target.building())
                        .settings(s -> s.refreshInterval(t -> t.time("1s"))));
                elasticsearch.indices().refresh(r -> r.index(target.building()));
                elasticsearch.indices().updateAliases(u -> {
                    behindAlias.forEach(old -> u.actions(a -> a.remove(r -> r.index(old).alias(target.name()))));
                    return u.actions(a -> a.add(add -> add.index(target.building()).alias(target.name())
                            .isWriteIndex(true)));
                });
                sleep(RETIRE_GRACE);
            }
            if (elasticsearch.indices().exists(e -> e.index(target.live())).value()) {
                elasticsearch.indices().delete(d -> d.index(target.live()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch did not answer: " + e.getMessage(), e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted before retiring the old index", e);
        }
    }

    /**
     * Copies the shadow over the live collection, view by view, and then removes the views the rebuild did not
     * produce: every view stays readable throughout. {@code renameCollection} with {@code dropTarget} would swap at
     * once, but the embedded server's H2 backend loses the renamed collection on restart. A view is replaced only by
     * one at least as recent (its {@code version}), so a live write that lands during the copy stays.
     */
    private void swapCollection(Target target) {
        if (!mongo.collectionExists(target.building())) {
            return;
        }
        MongoCollection<Document> shadow = mongo.getCollection(target.building());
        MongoCollection<Document> live = mongo.getCollection(target.live());
        for (Document view : shadow.find()) {
            Object id = view.get("_id");
            Bson notNewer = view.get("version") instanceof Number version
                    ? Filters.and(Filters.eq("_id", id), Filters.or(Filters.exists("version", false),
                            Filters.lte("version", version.longValue())))
                    : Filters.eq("_id", id);
            try {
                live.replaceOne(notNewer, view, new ReplaceOptions().upsert(true));
            } catch (MongoWriteException newer) {
                if (newer.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw newer;
                }
            }
        }
        // writes reach the shadow before the live collection, so a view missing from the shadow was not rebuilt
        for (Document view : live.find().projection(Projections.include("_id"))) {
            if (shadow.find(Filters.eq("_id", view.get("_id"))).first() == null) {
                live.deleteOne(Filters.eq("_id", view.get("_id")));
            }
        }
        mongo.dropCollection(target.building());
    }
}
