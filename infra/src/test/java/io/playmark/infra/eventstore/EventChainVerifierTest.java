package io.playmark.infra.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Hashes chained at append, checkpoints over the global order, and what verification finds when either is touched. */
class EventChainVerifierTest {

    @RegisterExtension
    static final EmbeddedMongo.PerTestClass mongo = EmbeddedMongo.perTestClass();
    private MongoDatabase database;
    private GapAwareMongoEventStorageEngine engine;
    private EventCheckpoints checkpoints;
    private EventChainVerifier verifier;

    @BeforeEach
    void createStore() {
        database = mongo.newDatabase();
        engine = GapAwareMongoEventStorageEngine.builder().database(database).positionBlockSize(1)
                .eventSerializer(TestEvents.serializer()).snapshotSerializer(TestEvents.serializer()).build();
        checkpoints = new EventCheckpoints(database, 4);
        verifier = new EventChainVerifier(checkpoints);
    }

    @Test
    void events_appended_one_by_one_and_in_batches_chain_per_aggregate_and_an_untouched_store_verifies_clean() {
        engine.appendEvents(TestEvents.itemAdded("a", 0), TestEvents.itemAdded("a", 1), TestEvents.itemAdded("b", 0));
        engine.appendEvents(TestEvents.itemAdded("a", 2));
        engine.appendEvents(TestEvents.itemAdded("b", 1), TestEvents.itemAdded("a", 3));

        assertThat(checkpoints.extend()).as("one checkpoint per 4 positions written").isEqualTo(1);
        assertThat(checkpoints.extend()).as("nothing new to cover").isZero();
        Report all = verifyAll();
        assertThat(all.breaks).isEmpty();
        assertThat(all.outcome.chained()).isEqualTo(6);
        assertThat(all.outcome.checkpoints()).isEqualTo(1);
        Document a2 = event("a:2");
        assertThat(EventChain.storedHash(a2))
                .isEqualTo(EventChain.hash(EventChain.storedHash(event("a:1")), a2));
        assertThat(verifyAggregate("a").outcome.chained()).isEqualTo(4);
    }

    @Test
    void a_changed_payload_is_found_at_its_position_in_its_aggregate_and_its_checkpoint() {
        engine.appendEvents(TestEvents.itemAdded("a", 0), TestEvents.itemAdded("a", 1), TestEvents.itemAdded("a", 2),
                TestEvents.itemAdded("b", 0));
        checkpoints.extend();
        long position = event("a:1").getLong("_id");

        events().updateOne(Filters.eq("streamKey", "a:1"), Updates.set("payload",
                new Binary("{\"name\":\"forged\",\"price\":1}".getBytes(StandardCharsets.UTF_8))));

        Report one = verifyAggregate("a");
        assertThat(one.breaks).singleElement().satisfies(found -> {
            assertThat(found.position()).isEqualTo(position);
            assertThat(found.aggregateId()).isEqualTo("a");
            assertThat(found.sequenceNumber()).isEqualTo(1L);
            assertThat(found.expected()).isEqualTo(EventChain.hex(EventChain.storedHash(event("a:1"))));
            assertThat(found.found()).isNotEqualTo(found.expected());
        });
        assertThat(verifyAll().breaks).extracting(EventChainBreak::position).containsExactly(position);
    }

    @Test
    void rewriting_an_event_with_all_the_hashes_after_it_still_breaks_the_checkpoint() {
        engine.appendEvents(TestEvents.itemAdded("a", 0), TestEvents.itemAdded("a", 1), TestEvents.itemAdded("b", 0),
                TestEvents.itemAdded("b", 1));
        checkpoints.extend();
        Document forged = event("a:1").append("payload",
                new Binary("{\"name\":\"forged\",\"price\":1}".getBytes(StandardCharsets.UTF_8)));
        byte[] rehashed = EventChain.hash(EventChain.storedHash(event("a:0")), forged);
        events().updateOne(Filters.eq("streamKey", "a:1"), Updates.combine(
                Updates.set("payload", forged.get("payload")), Updates.set(EventChain.HASH, new Binary(rehashed))));

        assertThat(verifyAggregate("a").breaks).as("the chain alone was rewritten consistently").isEmpty();
        assertThat(verifyAll().breaks).singleElement().satisfies(found -> {
            assertThat(found.position()).as("the checkpoint's last position").isEqualTo(4L);
            assertThat(found.problem()).contains("checkpoint over positions 1 to 4");
        });
    }

    @Test
    void a_removed_event_and_a_removed_hash_are_breaks_and_events_from_before_hashes_are_unchained() {
        events().insertOne(legacy(1, "old", 0));
        events().insertOne(legacy(2, "old", 1));
        database.getCollection("eventSequence").updateOne(Filters.eq("_id", "events"), Updates.set("seq", 2L));
        engine.appendEvents(TestEvents.itemAdded("old", 2), TestEvents.itemAdded("a", 0), TestEvents.itemAdded("a", 1),
                TestEvents.itemAdded("a", 2), TestEvents.itemAdded("c", 0), TestEvents.itemAdded("c", 1));
        assertThat(verifyAll().breaks).as("chained from an unchained predecessor").isEmpty();
        assertThat(verifyAll().outcome.unchained()).isEqualTo(2);
        checkpoints.extend();

        long removed = event("a:1").getLong("_id");
        events().deleteOne(Filters.eq("streamKey", "a:1"));
        events().updateOne(Filters.eq("streamKey", "c:1"), Updates.unset(EventChain.HASH));

        List<String> problems = verifyAll().breaks.stream().map(found -> found.position() + " " + found.problem())
                .toList();
        assertThat(problems).anyMatch(problem -> problem.startsWith(removed + " no event"))
                .anyMatch(problem -> problem.contains("(sequence 1) is missing"))
                .anyMatch(problem -> problem.contains("its hash was removed"))
                .anyMatch(problem -> problem.contains("checkpoint over positions 5 to 8"));
    }

    private Document legacy(long position, String aggregate, long sequence) {
        Document document = EventDocuments.event(position, TestEvents.itemAdded(aggregate, sequence),
                TestEvents.serializer(), byte[].class);
        return document;
    }

    private MongoCollection<Document> events() {
        return database.getCollection("events");
    }

    private Document event(String streamKey) {
        return events().find(Filters.eq("streamKey", streamKey)).first();
    }

    private record Report(EventChainVerifier.Outcome outcome, List<EventChainBreak> breaks) {
    }

    private Report verifyAll() {
        Collector collector = new Collector();
        return new Report(verifier.verifyAll(collector), collector.breaks);
    }

    private Report verifyAggregate(String aggregateId) {
        Collector collector = new Collector();
        return new Report(verifier.verifyAggregate(aggregateId, collector), collector.breaks);
    }

    private static final class Collector implements EventChainVerifier.Listener {
        final List<EventChainBreak> breaks = new ArrayList<>();

        @Override
        public void progress(long checked, long total) {
        }

        @Override
        public void broken(EventChainBreak found) {
            breaks.add(found);
        }
    }
}
