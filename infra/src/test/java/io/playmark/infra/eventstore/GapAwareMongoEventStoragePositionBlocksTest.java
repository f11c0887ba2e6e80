package io.playmark.infra.eventstore;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Position blocks: an engine instance reserves global positions for its appends in blocks sized to demand. Two engine
 * instances on one database stand for two processes.
 */
class GapAwareMongoEventStoragePositionBlocksTest {

    private static final Duration LEASE = Duration.ofMillis(300);

    @RegisterExtension
    static final EmbeddedMongo.PerTestClass mongo = EmbeddedMongo.perTestClass();
    private MongoDatabase database;

    @BeforeEach
    void newDatabase() {
        database = mongo.newDatabase();
    }

    private static GapAwareMongoEventStorageEngine engine(MongoDatabase database,
                                                          UnaryOperator<GapAwareMongoEventStorageEngine.Builder> settings) {
        return settings.apply(GapAwareMongoEventStorageEngine.builder()
                                                             .database(database)
                                                             .eventSerializer(TestEvents.serializer())
                                                             .snapshotSerializer(TestEvents.serializer())
                                                             .positionBlockSize(64)
                                                             .gapTimeout(Duration.ofSeconds(20))
                                                             .writeTimeout(Duration.ofSeconds(10))
                                                             .positionLease(LEASE))
                       .build();
    }

    private GapAwareMongoEventStorageEngine engine() {
        return engine(database, b -> b);
    }

    @Test
    void aSteadyWriterReservesItsPositionsInBlocksAndWritesThemWithoutHoles() {
        AtomicInteger reservations = new AtomicInteger();
        CommandListener listener = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (event.getCommand().containsKey("findAndModify")) {
                    reservations.incrementAndGet();
                }
            }
        };
        MongoClientSettings settings = MongoClientSettings.builder()
                                                          .applyConnectionString(new ConnectionString(mongo.connectionString()))
                                                          .addCommandListener(listener)
                                                          .build();
        try (MongoClient client = MongoClients.create(settings)) {
            GapAwareMongoEventStorageEngine engine = engine(client.getDatabase(database.getName()),
                                                            b -> b.positionBlockSize(64)
                                                                  .positionLease(Duration.ofSeconds(2)));
            for (int i = 0; i < 1_000; i++) {
                engine.appendEvents(TestEvents.itemAdded("steady-" + i, 0));
            }
            engine.close();
        }

        // blocks of 1, 2, 4, ... 64: about 1,000 / 64 + 6 reservations, not 1,000
        assertThat(reservations.get()).isBetween(16, 40);
        List<TrackedEventMessage<?>> read = readAll(engine(), null);
        assertThat(read).hasSize(1_000);
        assertThat(gaps(read.getLast().trackingToken())).isEmpty();
        assertThat(positionOf("steady-999", 0)).as("one writer uses its blocks up").isEqualTo(1_000L);
    }

    @Test
    void sporadicAppendsReserveExactlyWhatTheyWrite() throws InterruptedException {
        GapAwareMongoEventStorageEngine engine = engine();
        for (int i = 0; i < 3; i++) {
            engine.appendEvents(TestEvents.itemAdded("sporadic-" + i, 0));
            Thread.sleep(LEASE.toMillis() + 100);
        }

        assertThat(headPosition()).isEqualTo(3L);
        assertThat(database.getCollection("events").countDocuments(Filters.eq("tombstone", true))).isZero();
    }

    @Test
    void whatABlockHasLeftWhenItsLeaseEndsIsClosedSoNoReaderWaitsForIt() throws InterruptedException {
        GapAwareMongoEventStorageEngine first = engine();
        GapAwareMongoEventStorageEngine second = engine();
        appendBurst(first, "burst", 4); // blocks of 1, 2 and 4: positions 1..4 written, 5..7 held open
        assertThat(headPosition()).isEqualTo(7L);

        Thread.sleep(LEASE.toMillis() + 300);
        second.appendEvents(TestEvents.itemAdded("other", 0));

        List<TrackedEventMessage<?>> read = readAll(engine(), null);
        assertThat(read).extracting(m -> ((org.axonframework.eventhandling.DomainEventMessage<?>) m)
                .getAggregateIdentifier()).containsExactly("burst-0", "burst-1", "burst-2", "burst-3", "other");
        assertThat(gaps(read.getLast().trackingToken())).as("positions 5..7 were closed, not left as gaps").isEmpty();
        assertThat(database.getCollection("events").countDocuments(Filters.eq("tombstone", true))).isEqualTo(3);
    }

    @Test
    void closingTheEngineClosesItsOpenBlock() {
        GapAwareMongoEventStorageEngine engine = engineHoldingAnOpenBlock();

        engine.close();

        assertThat(database.getCollection("events").countDocuments(Filters.eq("tombstone", true))).isEqualTo(3);
        engine.appendEvents(TestEvents.itemAdded("after-close", 0));
        assertThat(headPosition()).as("after closing, each append reserves its own").isEqualTo(8L);
    }

    @Test
    void anAppendLargerThanWhatTheOpenBlockHasLeftTakesTheRestAndANewBlockLeavingNothingOver() {
        GapAwareMongoEventStorageEngine engine = engineHoldingAnOpenBlock(); // positions 5..7 held open
        engine(database, b -> b.positionBlockSize(1)).appendEvents(TestEvents.itemAdded("elsewhere", 0)); // 8

        engine.appendEvents(IntStream.range(0, 5).mapToObj(i -> TestEvents.itemAdded("large", i)).toList());

        assertThat(IntStream.range(0, 5).mapToObj(i -> positionOf("large", i)))
                .as("the open block's rest, then the start of a new block of 8 above the other process's event")
                .containsExactly(5L, 6L, 7L, 9L, 10L);
        assertThat(headPosition()).isEqualTo(16L);
        assertThat(database.getCollection("events").countDocuments(Filters.eq("tombstone", true))).isZero();
        engine.close();
        assertThat(database.getCollection("events").countDocuments(Filters.eq("tombstone", true)))
                .as("only the new block's unused 11..16, at close").isEqualTo(6);
        List<TrackedEventMessage<?>> read = readAll(engine(), null);
        assertThat(read).hasSize(10);
        assertThat(read.stream().filter(m -> ((TestEvents.ItemAdded) m.getPayload()).item().startsWith("large"))
                       .map(m -> ((TestEvents.ItemAdded) m.getPayload()).number())).containsExactly(0, 1, 2, 3, 4);
        assertThat(gaps(read.getLast().trackingToken())).isEmpty();
    }

    /**
     * Another process writes an aggregate's event above this process's open block; once this process has read it, as
     * it must before appending the next event of that aggregate, it does not place that event below it.
     */
    @Test
    void anAggregatesNextEventIsPlacedAboveTheEventItFollowsWhenAnotherProcessWroteThat() {
        GapAwareMongoEventStorageEngine here = engineHoldingAnOpenBlock(); // positions 5..7 held open here
        GapAwareMongoEventStorageEngine there = engine();
        there.appendEvents(TestEvents.itemAdded("shared", 0)); // position 8

        assertThat(here.readEvents("shared").asStream()).hasSize(1);
        here.appendEvents(TestEvents.itemAdded("shared", 1));

        assertThat(positionOf("shared", 1)).isGreaterThan(positionOf("shared", 0));
        List<TrackedEventMessage<?>> read = readAll(engine(), null);
        assertThat(read.stream().filter(m -> m.getPayload() instanceof TestEvents.ItemAdded item
                && item.item().startsWith("shared")).map(m -> ((TestEvents.ItemAdded) m.getPayload()).number()))
                .containsExactly(0, 1);
    }

    @Test
    void anAggregateLoadedFromASnapshotGetsItsNextEventAboveTheSnapshotsEvent() {
        GapAwareMongoEventStorageEngine here = engineHoldingAnOpenBlock();
        GapAwareMongoEventStorageEngine there = engine();
        there.appendEvents(TestEvents.itemAdded("snapshotted", 0));
        there.storeSnapshot(TestEvents.itemAdded("snapshotted", 0));

        assertThat(here.readEvents("snapshotted").asStream()).hasSize(1); // the snapshot, no event after it
        here.appendEvents(TestEvents.itemAdded("snapshotted", 1));

        assertThat(positionOf("snapshotted", 1)).isGreaterThan(positionOf("snapshotted", 0));
    }

    @Test
    void anEventCausedByAnEventThisProcessHasReadIsPlacedAboveIt() {
        GapAwareMongoEventStorageEngine here = engineHoldingAnOpenBlock();
        GapAwareMongoEventStorageEngine there = engine();
        there.appendEvents(TestEvents.itemAdded("cause", 0));

        assertThat(readAll(here, null)).hasSize(5); // a handler here reacts to "cause"...
        here.appendEvents(TestEvents.itemAdded("effect", 0)); // ...with an event of another aggregate

        assertThat(positionOf("effect", 0)).isGreaterThan(positionOf("cause", 0));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** An engine that has written positions 1..4 with blocks of 1, 2 and 4, and holds 5..7 open for 4 s. */
    private GapAwareMongoEventStorageEngine engineHoldingAnOpenBlock() {
        GapAwareMongoEventStorageEngine engine = engine(database, b -> b.positionLease(Duration.ofSeconds(4)));
        appendBurst(engine, "local", 4);
        return engine;
    }

    /** {@code count} single-event appends in quick succession, each to a new aggregate. */
    private static void appendBurst(GapAwareMongoEventStorageEngine engine, String prefix, int count) {
        for (int i = 0; i < count; i++) {
            engine.appendEvents(TestEvents.itemAdded(prefix + "-" + i, 0));
        }
    }

    private long positionOf(String aggregate, long sequence) {
        Document event = database.getCollection("events")
                                 .find(Filters.eq("streamKey", EventDocuments.streamKey(aggregate, sequence))).first();
        assertThat(event).as("%s:%d", aggregate, sequence).isNotNull();
        return event.get("_id", Number.class).longValue();
    }

    private long headPosition() {
        Document counter = database.getCollection("eventSequence").find(Filters.eq("_id", "events")).first();
        return counter == null ? 0 : counter.get("seq", Number.class).longValue();
    }

    private static java.util.Set<Long> gaps(TrackingToken token) {
        return ((GapAwareTrackingToken) token).getGaps();
    }

    private static List<TrackedEventMessage<?>> readAll(GapAwareMongoEventStorageEngine engine, TrackingToken token) {
        try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(token, false)) {
            return stream.<TrackedEventMessage<?>>map(m -> m).toList();
        }
    }
}
