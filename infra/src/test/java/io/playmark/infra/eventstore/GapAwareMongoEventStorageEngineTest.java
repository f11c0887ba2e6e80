package io.playmark.infra.eventstore;

import com.mongodb.MongoClientSettings;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import io.playmark.infra.eventstore.EventStorageEngineContractTest.DelayedAppend;
import io.playmark.infra.eventstore.TestEvents.ItemAdded;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What is particular to {@link GapAwareMongoEventStorageEngine}: gaps, tombstones, positions, indexes, queries. */
class GapAwareMongoEventStorageEngineTest {

    private static final Duration GAP_TIMEOUT = Duration.ofMillis(1_000);
    private static final Duration WRITE_TIMEOUT = Duration.ofMillis(500);

    @RegisterExtension
    static final EmbeddedMongo.PerTestClass mongo = EmbeddedMongo.perTestClass();
    private MongoDatabase database;
    private StallableEngine engine;

    @BeforeEach
    void createEngine() {
        database = mongo.newDatabase();
        engine = engine(database, b -> b);
    }

    /** Blocks of one position, so that each append reserves exactly its own: the positions below are exact. */
    private static StallableEngine engine(MongoDatabase database,
                                          UnaryOperator<GapAwareMongoEventStorageEngine.Builder> settings) {
        return new StallableEngine(settings.apply(GapAwareMongoEventStorageEngine.builder()
                                                                                 .database(database)
                                                                                 .positionBlockSize(1)
                                                                                 .eventSerializer(TestEvents.serializer())
                                                                                 .snapshotSerializer(TestEvents.serializer())
                                                                                 .gapTimeout(GAP_TIMEOUT)
                                                                                 .writeTimeout(WRITE_TIMEOUT)));
    }

    @Test
    void aGapPastTheTimeoutIsClosedWithATombstoneAndTheLateWriterFails() throws InterruptedException {
        DelayedAppend late = engine.beginStalledAppend(List.of(TestEvents.itemAdded("late", 0)));
        engine.appendEvents(TestEvents.itemAdded("early", 0));
        List<TrackedEventMessage<?>> first = readAll(engine, null);
        assertThat(gaps(first.getLast().trackingToken())).containsExactly(1L);
        assertThat(engine.givenUpPositions()).isZero();

        Thread.sleep(GAP_TIMEOUT.plusMillis(200).toMillis());
        engine.appendEvents(TestEvents.itemAdded("middle", 0));
        List<TrackedEventMessage<?>> second = readAll(engine, first.getLast().trackingToken());

        assertThat(second).extracting(m -> (Object) m.getPayload()).containsExactly(new ItemAdded("middle#0", 0));
        assertThat(gaps(second.getLast().trackingToken())).isEmpty();
        assertThat(events().find(Filters.eq("_id", 1L)).first()).containsEntry("tombstone", true);
        assertThat(engine.givenUpPositions()).as("counted for the operators' meter").isEqualTo(1);
        assertThat(late.complete()).get().isInstanceOf(EventStoreException.class);
        assertThat(engine.readEvents("late").asStream()).isEmpty();
    }

    @Test
    void aGapFarBehindTheTokenIsGivenUpBeforeTheTimeoutAndTheSlowWriterIsTold() {
        StallableEngine engine = engine(database, b -> b.maxGapOffset(5).writeTimeout(Duration.ofSeconds(20))
                                                        .gapTimeout(Duration.ofSeconds(30)));
        DelayedAppend slow = engine.beginStalledAppend(List.of(TestEvents.itemAdded("slow", 0)));
        for (int seq = 0; seq < 10; seq++) {
            engine.appendEvents(TestEvents.itemAdded("busy", seq));
        }
        List<TrackedEventMessage<?>> read = readAll(engine, null);
        assertThat(read).hasSize(10);
        assertThat(gaps(read.getLast().trackingToken())).containsExactly(1L);

        engine.appendEvents(TestEvents.itemAdded("busy", 10));
        List<TrackedEventMessage<?>> next = readAll(engine, read.getLast().trackingToken());

        assertThat(gaps(next.getLast().trackingToken())).isEmpty();
        assertThat(slow.complete()).get().asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.THROWABLE)
                                   .isInstanceOf(EventStoreException.class)
                                   .hasMessageContaining("given up by a tracking reader");
    }

    @Test
    void aFailedAppendClosesItsPositionsSoNoReaderWaits() {
        engine.appendEvents(TestEvents.itemAdded("X", 1));
        List<DomainEventMessage<?>> append = List.of(TestEvents.itemAdded("X", 0), TestEvents.itemAdded("X", 1),
                                                     TestEvents.itemAdded("X", 2));

        assertThatThrownBy(() -> engine.appendEvents(append)).isInstanceOf(ConcurrencyException.class);
        engine.appendEvents(TestEvents.itemAdded("Y", 0));

        List<TrackedEventMessage<?>> read = readAll(engine, null);
        assertThat(gaps(read.getLast().trackingToken())).as("no position left open").isEmpty();
        // the documented half-way case: the event before the conflicting one stays written
        assertThat(read).extracting(m -> (Object) m.getPayload())
                        .containsExactly(new ItemAdded("X#1", 1), new ItemAdded("X#0", 0), new ItemAdded("Y#0", 0));
        assertThat(events().countDocuments(Filters.eq("tombstone", true))).isEqualTo(2);
    }

    @Test
    void anAppendSpanningAggregatesIsCheckedBeforeAnythingIsWritten() {
        engine.appendEvents(TestEvents.itemAdded("A", 0));
        long head = headPosition();

        assertThatThrownBy(() -> engine.appendEvents(TestEvents.itemAdded("B", 0), TestEvents.itemAdded("A", 0)))
                .isInstanceOf(AggregateStreamCreationException.class);

        assertThat(engine.readEvents("B").asStream()).isEmpty();
        assertThat(headPosition()).as("no position reserved").isEqualTo(head);
    }

    @Test
    void readsPastARunOfPositionsStillBeingWrittenAndLongerThanABatch() {
        StallableEngine engine = engine(database, b -> b.batchSize(20));
        List<DomainEventMessage<?>> big = new ArrayList<>();
        for (int seq = 0; seq < 75; seq++) {
            big.add(TestEvents.itemAdded("big", seq));
        }
        DelayedAppend slow = engine.beginStalledAppend(big);
        engine.appendEvents(TestEvents.itemAdded("after", 0));

        List<TrackedEventMessage<?>> first = readAll(engine, null);
        assertThat(first).extracting(m -> (Object) m.getPayload()).containsExactly(new ItemAdded("after#0", 0));
        assertThat(gaps(first.getLast().trackingToken())).hasSize(75);

        assertThat(slow.complete()).isEmpty();
        List<TrackedEventMessage<?>> second = readAll(engine, first.getLast().trackingToken());
        assertThat(second).hasSize(75);
        assertThat(gaps(second.getLast().trackingToken())).isEmpty();
    }

    @Test
    void stepsOverRunsOfTombstonesLongerThanABatch() {
        StallableEngine engine = engine(database, b -> b.batchSize(10));
        engine.appendEvents(TestEvents.itemAdded("Z", 0));
        List<DomainEventMessage<?>> conflicting = new ArrayList<>();
        for (int seq = 0; seq < 35; seq++) {
            conflicting.add(TestEvents.itemAdded("Z", seq));
        }
        assertThatThrownBy(() -> engine.appendEvents(conflicting)).isInstanceOf(AggregateStreamCreationException.class);
        engine.appendEvents(TestEvents.itemAdded("Z", 1));

        List<TrackedEventMessage<?>> read = readAll(engine, null);

        assertThat(read).extracting(m -> (Object) m.getPayload())
                        .containsExactly(new ItemAdded("Z#0", 0), new ItemAdded("Z#1", 1));
        assertThat(((GapAwareTrackingToken) read.getLast().trackingToken()).getIndex()).isEqualTo(37L);
    }

    @Test
    void headAndTimeTokensKeepPositionsStillBeingWrittenAsGaps() {
        DelayedAppend slow = engine.beginStalledAppend(List.of(TestEvents.itemAdded("slow", 0)));
        engine.appendEvents(TestEvents.itemAdded("fast", 0));

        TrackingToken head = engine.createHeadToken();
        TrackingToken atTime = engine.createTokenAt(Instant.now().minusSeconds(3600));
        assertThat(head).isEqualTo(GapAwareTrackingToken.newInstance(2, Set.of(1L)));
        assertThat(readAll(engine, head)).isEmpty();

        assertThat(slow.complete()).isEmpty();
        assertThat(readAll(engine, head)).extracting(m -> (Object) m.getPayload())
                                         .containsExactly(new ItemAdded("slow#0", 0));
        assertThat(readAll(engine, atTime)).hasSize(2);
    }

    @Test
    void findsTheLastSequenceNumberOfStreamsOfAnyLength() {
        StallableEngine engine = engineWithRoomForLongAppends();
        for (int length : new int[]{1, 2, 3, 64, 130, 1000}) {
            String id = appendStream(engine, "len-", length);
            assertThat(engine.lastSequenceNumberFor(id)).as(id).contains((long) length - 1);
        }
        assertThat(engine.lastSequenceNumberFor("len-0")).isEmpty();
    }

    @Test
    void theHeadTokenEndsAtTheLastEventNotAtTombstonesAfterIt() {
        engine.appendEvents(TestEvents.itemAdded("A", 0));
        assertThatThrownBy(() -> engine.appendEvents(TestEvents.itemAdded("A", 0), TestEvents.itemAdded("A", 1)))
                .isInstanceOf(AggregateStreamCreationException.class);
        assertThat(headPosition()).as("positions 2 and 3 hold tombstones").isEqualTo(3L);

        TrackingToken head = engine.createHeadToken();

        assertThat(head).isEqualTo(GapAwareTrackingToken.newInstance(1, Set.of()));
        List<TrackedEventMessage<?>> all = readAll(engine, null);
        assertThat(all.getLast().trackingToken().position()).as("a processor that read everything is level with it")
                                                            .isEqualTo(head.position());
        assertThat(readAll(engine, head)).isEmpty();
    }

    /** A stream is read with a few keys first, then the rest of the batch: every length reads whole and in order. */
    @Test
    void readsStreamsOfAnyLengthAcrossTheFirstProbeAndBatches() {
        StallableEngine engine = engineWithRoomForLongAppends();
        for (int length : new int[]{31, 32, 33, 100, 101, 250}) {
            String id = appendStream(engine, "read-", length);
            assertThat(engine.readEvents(id).asStream()).as(id).extracting(DomainEventMessage::getSequenceNumber)
                                                        .containsExactlyElementsOf(
                                                                LongStream.range(0, length).boxed().toList());
        }
    }

    /** Appends of hundreds of events must not race this class's short write timeout on a busy machine. */
    private StallableEngine engineWithRoomForLongAppends() {
        return engine(database, b -> b.writeTimeout(Duration.ofSeconds(10)).gapTimeout(Duration.ofSeconds(20)));
    }

    /** Appends a stream of {@code length} events in one append; returns its aggregate id. */
    private static String appendStream(StallableEngine engine, String prefix, int length) {
        String id = prefix + length;
        List<DomainEventMessage<?>> events = new ArrayList<>();
        for (int seq = 0; seq < length; seq++) {
            events.add(TestEvents.itemAdded(id, seq));
        }
        engine.appendEvents(events);
        return id;
    }

    @Test
    void storesPayloadsAsTextWhenAsked() {
        StallableEngine engine = engine(database, b -> b.dataType(String.class).eventsCollectionName("textEvents"));
        engine.appendEvents(TestEvents.itemAdded("T", 0));

        assertThat(database.getCollection("textEvents").find().first().get("payload"))
                .isEqualTo("{\"item\":\"T#0\",\"number\":0}");
        assertThat(engine.readEvents("T").asStream()).extracting(m -> (Object) m.getPayload())
                                                     .containsExactly(new ItemAdded("T#0", 0));
    }

    @Test
    void createsItsIndexesAndCounterIdempotently() {
        engine.appendEvents(TestEvents.itemAdded("A", 0));
        engine(database, b -> b);

        List<String> names = events().listIndexes().map(d -> d.getString("name")).into(new ArrayList<>());
        assertThat(names).contains("_id_", "streamKey_unique", "eventIdentifier_unique");
        assertThat(headPosition()).isEqualTo(1L);
    }

    @Test
    void refusesAGapTimeoutThatDoesNotExceedTheWriteTimeout() {
        assertThatThrownBy(() -> engine(database, b -> b.gapTimeout(Duration.ofSeconds(5))
                                                        .writeTimeout(Duration.ofSeconds(5))))
                .isInstanceOf(AxonConfigurationException.class)
                .hasMessageContaining("must be longer than the write timeout");
    }

    /**
     * Every query the engine sends is an equality or {@code $in} on {@code _id} or {@code streamKey} (both unique),
     * unsorted: index-served on MongoDB and on mongo-java-server alike.
     */
    @Test
    void everyReadIsAnEqualityOrInLookupOnAUniqueField() {
        List<BsonDocument> commands = new CopyOnWriteArrayList<>();
        CommandListener listener = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                commands.add(event.getCommand().clone());
            }
        };
        MongoClientSettings settings = MongoClientSettings.builder()
                                                          .applyConnectionString(new ConnectionString(mongo.connectionString()))
                                                          .addCommandListener(listener)
                                                          .build();
        try (MongoClient client = MongoClients.create(settings)) {
            StallableEngine engine = engine(client.getDatabase(database.getName()), b -> b.batchSize(10));
            commands.clear();
            for (int seq = 0; seq < 30; seq++) {
                engine.appendEvents(TestEvents.itemAdded("Q", seq), TestEvents.itemAdded("R", seq));
            }
            engine.storeSnapshot(TestEvents.itemAdded("Q", 29));
            assertThat(engine.readEvents("Q").asStream()).hasSize(30);
            assertThat(engine.readSnapshot("Q")).isPresent();
            assertThat(engine.lastSequenceNumberFor("R")).contains(29L);
            assertThat(readAll(engine, null)).hasSize(60);
            engine.createHeadToken();
            engine.createTokenAt(Instant.now().minusSeconds(86_400L * 400));
            engine.createTailToken();
        }

        List<BsonDocument> reads = commands.stream().filter(c -> c.containsKey("find") || c.containsKey("aggregate")
                || c.containsKey("count") || c.containsKey("distinct")).toList();
        assertThat(reads).isNotEmpty().allSatisfy(command -> {
            assertThat(command.containsKey("find")).as("only find: %s", command).isTrue();
            assertThat(command.containsKey("sort")).as("no sort: %s", command).isFalse();
            BsonDocument filter = command.getDocument("filter");
            assertThat(filter.keySet()).as("one field: %s", filter).hasSize(1);
            String field = filter.getFirstKey();
            assertThat(field).isIn("_id", "streamKey");
            BsonValue condition = filter.get(field);
            if (condition.isDocument()) {
                assertThat(condition.asDocument().keySet()).as("equality or $in: %s", filter).containsOnly("$in");
            }
        });
        List<BsonDocument> writes = commands.stream().filter(c -> c.containsKey("update")
                || c.containsKey("findAndModify") || c.containsKey("delete")).toList();
        assertThat(writes).allSatisfy(command -> assertThat(command.toJson()).contains("\"_id\""));
        assertThat(commands).noneMatch(c -> c.containsKey("delete"));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private com.mongodb.client.MongoCollection<Document> events() {
        return database.getCollection("events");
    }

    private long headPosition() {
        Document counter = database.getCollection("eventSequence").find(Filters.eq("_id", "events")).first();
        return counter == null ? 0 : counter.get("seq", Number.class).longValue();
    }

    private static Set<Long> gaps(TrackingToken token) {
        return ((GapAwareTrackingToken) token).getGaps();
    }

    private static List<TrackedEventMessage<?>> readAll(GapAwareMongoEventStorageEngine engine, TrackingToken token) {
        try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(token, false)) {
            return stream.<TrackedEventMessage<?>>map(m -> m).toList();
        }
    }
}
