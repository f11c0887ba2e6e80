package io.playmark.infra.eventstore;

import com.mongodb.client.MongoDatabase;
import io.playmark.infra.eventstore.TestEvents.ItemAdded;
import io.playmark.infra.eventstore.TestEvents.PriceSetV1;
import io.playmark.infra.eventstore.TestEvents.PriceSetV2;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What every {@link EventStorageEngine} of Playmark must do, against a real (embedded) MongoDB-compatible server.
 * A subclass supplies the engine and a way to stall an append after it has taken its place in the global order;
 * engines that cannot honour a case say so through a {@code supportsX()} method and the case is skipped by
 * assumption, visibly, in the test report.
 */
abstract class EventStorageEngineContractTest {

    /** Short timeouts so that the gap timeout case runs in about a second. */
    protected static final Duration GAP_TIMEOUT = Duration.ofMillis(1_200);
    protected static final Duration WRITE_TIMEOUT = Duration.ofMillis(600);

    @RegisterExtension
    static final EmbeddedMongo.PerTestClass mongo = EmbeddedMongo.perTestClass();

    protected MongoDatabase database;
    protected EventStorageEngine engine;
    private final List<EmbeddedEventStore> eventStores = new ArrayList<>();

    /** Engine settings the contract varies. */
    protected record Options(Serializer serializer, EventUpcaster upcaster, int batchSize, Duration gapTimeout,
                             Duration writeTimeout) {

        static Options defaults() {
            return new Options(TestEvents.serializer(), NoOpEventUpcaster.INSTANCE, 100, GAP_TIMEOUT, WRITE_TIMEOUT);
        }

        Options withUpcaster(EventUpcaster upcaster) {
            return new Options(serializer, upcaster, batchSize, gapTimeout, writeTimeout);
        }

        Options withBatchSize(int batchSize) {
            return new Options(serializer, upcaster, batchSize, gapTimeout, writeTimeout);
        }
    }

    /** An append that has taken its place in the global order but has not written its events yet. */
    protected interface DelayedAppend {

        /** Lets the append finish; returns its failure, if it failed. */
        Optional<Throwable> complete();
    }

    protected abstract EventStorageEngine createEngine(MongoDatabase database, Options options);

    /** Starts appending {@code events} and returns once the append holds its place in the order, not written yet. */
    protected abstract DelayedAppend beginDelayedAppend(EventStorageEngine engine,
                                                        List<? extends EventMessage<?>> events);

    /** An event committed after later-ordered events were read is still delivered. */
    protected boolean supportsLateFilledGaps() {
        return true;
    }

    /** Events are delivered in exactly the order they were appended, also within one append and one instant. */
    protected boolean supportsStrictAppendOrder() {
        return true;
    }

    /** A snapshot stored after a newer one (say by a slower snapshotter thread) does not replace it. */
    protected boolean supportsOutOfOrderSnapshots() {
        return true;
    }

    /** After the gap timeout a late append either fails or is delivered: a committed event is never skipped. */
    protected boolean supportsNoLossAfterGapTimeout() {
        return true;
    }

    @BeforeEach
    void createDefaultEngine() {
        database = mongo.newDatabase();
        engine = createEngine(database, Options.defaults());
    }

    @AfterEach
    void cleanUp() {
        GenericEventMessage.clock = Clock.systemUTC();
        eventStores.forEach(EmbeddedEventStore::shutDown);
    }

    // --------------------------------------------------------------------------------------------- aggregate streams

    @Test
    void appendsAndReadsAnAggregateStream() {
        MetaData metaData = MetaData.with("user", "u-1").and("traceId", "t-42");
        engine.appendEvents(TestEvents.itemAdded("A", 0, metaData), TestEvents.itemAdded("A", 1));
        engine.appendEvents(TestEvents.itemAdded("B", 0));
        engine.appendEvents(TestEvents.itemAdded("A", 2));

        List<? extends DomainEventMessage<?>> stream = engine.readEvents("A").asStream().toList();

        assertThat(stream).extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L, 1L, 2L);
        assertThat(stream).extracting(DomainEventMessage::getAggregateIdentifier).containsOnly("A");
        assertThat(stream).extracting(DomainEventMessage::getType).containsOnly(TestEvents.AGGREGATE_TYPE);
        assertThat(stream).extracting(m -> (Object) m.getPayload())
                          .containsExactly(new ItemAdded("A#0", 0), new ItemAdded("A#1", 1), new ItemAdded("A#2", 2));
        assertThat(stream.getFirst().getMetaData()).containsEntry("user", "u-1").containsEntry("traceId", "t-42");
        assertThat(engine.readEvents("A", 1).asStream()).extracting(DomainEventMessage::getSequenceNumber)
                                                        .containsExactly(1L, 2L);
        assertThat(engine.readEvents("unknown").asStream()).isEmpty();
        assertThat(engine.lastSequenceNumberFor("A")).contains(2L);
        assertThat(engine.lastSequenceNumberFor("unknown")).isEmpty();
    }

    @Test
    void readsStreamsLongerThanOneBatch() {
        engine = createEngine(database, Options.defaults().withBatchSize(10));
        List<DomainEventMessage<?>> events = new ArrayList<>();
        for (int seq = 0; seq < 25; seq++) {
            events.add(TestEvents.itemAdded("long", seq));
        }
        engine.appendEvents(events.subList(0, 7));
        engine.appendEvents(events.subList(7, 20));
        engine.appendEvents(events.subList(20, 25));

        assertThat(engine.readEvents("long").asStream()).extracting(DomainEventMessage::getSequenceNumber)
                                                        .containsExactlyElementsOf(range(0, 25));
        assertThat(engine.readEvents("long", 13).asStream()).extracting(DomainEventMessage::getSequenceNumber)
                                                            .containsExactlyElementsOf(range(13, 25));
        assertThat(engine.lastSequenceNumberFor("long")).contains(24L);
    }

    @Test
    void rejectsADuplicateSequenceNumberAsAConcurrencyConflict() {
        engine.appendEvents(TestEvents.itemAdded("A", 0), TestEvents.itemAdded("A", 1));

        assertThatThrownBy(() -> engine.appendEvents(new GenericDomainEventMessage<>(
                TestEvents.AGGREGATE_TYPE, "A", 1, new ItemAdded("intruder", 99))))
                .isInstanceOf(ConcurrencyException.class)
                .isNotInstanceOf(AggregateStreamCreationException.class);

        assertThat(engine.readEvents("A").asStream()).extracting(m -> (Object) m.getPayload())
                                                     .containsExactly(new ItemAdded("A#0", 0), new ItemAdded("A#1", 1));
    }

    @Test
    void rejectsCreatingAnAggregateThatExists() {
        engine.appendEvents(TestEvents.itemAdded("A", 0));

        assertThatThrownBy(() -> engine.appendEvents(TestEvents.itemAdded("A", 0)))
                .isInstanceOf(AggregateStreamCreationException.class);
        assertThat(engine.readEvents("A").asStream()).hasSize(1);
    }

    // --------------------------------------------------------------------------------------------- tracking

    @Test
    void trackingDeliversEveryEventOnceInAggregateOrder() {
        List<EventMessage<?>> appended = appendAMixOfEvents();

        List<TrackedEventMessage<?>> fromStart = readAll(null);
        assertThat(identifiers(fromStart)).containsExactlyInAnyOrderElementsOf(identifiers(appended));
        assertThat(fromStart.stream().filter(m -> m instanceof DomainEventMessage<?> d
                && d.getAggregateIdentifier().equals("A")).map(m -> ((DomainEventMessage<?>) m).getSequenceNumber()))
                .containsExactlyElementsOf(range(0, 150));
        assertThat(fromStart).filteredOn(m -> !(m instanceof DomainEventMessage<?>))
                             .extracting(m -> (Object) m.getPayload())
                             .containsExactly(new ItemAdded("not in an aggregate", 7));
        for (int i = 1; i < fromStart.size(); i++) {
            TrackingToken previous = fromStart.get(i - 1).trackingToken();
            TrackingToken current = fromStart.get(i).trackingToken();
            assertThat(current.covers(previous)).as("token %d covers token %d", i, i - 1).isTrue();
        }

        assertThat(identifiers(readAll(engine.createTailToken()))).containsExactlyElementsOf(identifiers(fromStart));
        assertThat(identifiers(readAll(fromStart.get(2).trackingToken())))
                .containsExactlyElementsOf(identifiers(fromStart.subList(3, fromStart.size())));
        assertThat(readAll(fromStart.getLast().trackingToken())).isEmpty();
    }

    @Test
    void trackingFollowsTheOrderOfAppendsExactly() {
        assumeTrue(supportsStrictAppendOrder(), "this engine orders events of one instant by other criteria");
        List<EventMessage<?>> appended = appendAMixOfEvents();

        List<TrackedEventMessage<?>> fromStart = readAll(null);

        assertThat(identifiers(fromStart)).containsExactlyElementsOf(identifiers(appended));
        for (int i = 1; i < fromStart.size(); i++) {
            TrackingToken previous = fromStart.get(i - 1).trackingToken();
            TrackingToken current = fromStart.get(i).trackingToken();
            assertThat(previous.covers(current)).as("token %d does not cover token %d", i - 1, i).isFalse();
        }
    }

    private List<EventMessage<?>> appendAMixOfEvents() {
        List<EventMessage<?>> appended = new ArrayList<>();
        appendAndRemember(appended, TestEvents.itemAdded("A", 0));
        appendAndRemember(appended, TestEvents.itemAdded("B", 0), TestEvents.itemAdded("B", 1));
        appendAndRemember(appended, GenericEventMessage.asEventMessage(new ItemAdded("not in an aggregate", 7)));
        appendAndRemember(appended, TestEvents.itemAdded("A", 1), TestEvents.itemAdded("C", 0));
        for (int seq = 2; seq < 150; seq++) {
            appendAndRemember(appended, TestEvents.itemAdded("A", seq));
        }
        return appended;
    }

    @Test
    void deliversAnEventCommittedAfterLaterEventsWereRead() {
        assumeTrue(supportsLateFilledGaps(), "this engine does not deliver late-filled gaps");
        DelayedAppend late = beginDelayedAppend(engine, List.of(TestEvents.itemAdded("late", 0)));
        engine.appendEvents(TestEvents.itemAdded("early", 0));

        List<TrackedEventMessage<?>> first = readAll(null);
        assertThat(first).extracting(m -> (Object) m.getPayload()).containsExactly(new ItemAdded("early#0", 0));

        assertThat(late.complete()).isEmpty();
        List<TrackedEventMessage<?>> second = readAll(first.getLast().trackingToken());
        assertThat(second).extracting(m -> (Object) m.getPayload()).containsExactly(new ItemAdded("late#0", 0));
        assertThat(readAll(second.getLast().trackingToken())).isEmpty();

        engine.appendEvents(TestEvents.itemAdded("after", 0));
        assertThat(readAll(second.getLast().trackingToken())).extracting(m -> (Object) m.getPayload())
                                                             .containsExactly(new ItemAdded("after#0", 0));
    }

    @Test
    void aGapIsGivenUpAfterTheGapTimeoutButACommittedEventIsNeverSkipped() throws InterruptedException {
        assumeTrue(supportsNoLossAfterGapTimeout(), "this engine may skip an event written late");
        DelayedAppend late = beginDelayedAppend(engine, List.of(TestEvents.itemAdded("late", 0)));
        engine.appendEvents(TestEvents.itemAdded("early", 0));
        List<TrackedEventMessage<?>> delivered = new ArrayList<>(readAll(null));
        assertThat(delivered).extracting(m -> (Object) m.getPayload()).containsExactly(new ItemAdded("early#0", 0));

        Thread.sleep(GAP_TIMEOUT.plusMillis(300).toMillis());
        // traffic goes on and the reader moves past the gap
        engine.appendEvents(TestEvents.itemAdded("middle", 0));
        List<TrackedEventMessage<?>> afterTimeout = readAll(delivered.getLast().trackingToken());
        assertThat(afterTimeout).extracting(m -> (Object) m.getPayload()).contains(new ItemAdded("middle#0", 0));
        delivered.addAll(afterTimeout);
        TrackingToken token = afterTimeout.getLast().trackingToken();

        Optional<Throwable> outcome = late.complete();
        engine.appendEvents(TestEvents.itemAdded("after", 0));
        delivered.addAll(readAll(token));

        List<Object> payloads = delivered.stream().map(EventMessage::getPayload).map(Object.class::cast).toList();
        assertThat(payloads).contains(new ItemAdded("after#0", 0)).doesNotHaveDuplicates();
        if (outcome.isEmpty()) {
            assertThat(payloads).as("a late append that succeeded is delivered").contains(new ItemAdded("late#0", 0));
        } else {
            assertThat(payloads).doesNotContain(new ItemAdded("late#0", 0));
            assertThat(engine.readEvents("late").asStream()).as("a failed append left no event").isEmpty();
        }
    }

    @Test
    void createsTokensAtATime() {
        Instant t0 = Instant.parse("2026-03-01T10:15:30Z");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            GenericEventMessage.clock = Clock.fixed(t0.plus(10L * i, ChronoUnit.MINUTES), ZoneOffset.UTC);
            DomainEventMessage<ItemAdded> event = TestEvents.itemAdded("timed", i);
            ids.add(event.getIdentifier());
            engine.appendEvents(event);
        }
        GenericEventMessage.clock = Clock.systemUTC();

        assertThat(identifiers(readAll(engine.createTokenAt(t0.plus(10, ChronoUnit.MINUTES)))))
                .containsExactly(ids.get(1), ids.get(2));
        assertThat(identifiers(readAll(engine.createTokenAt(t0.plus(15, ChronoUnit.MINUTES)))))
                .containsExactly(ids.get(2));
        assertThat(identifiers(readAll(engine.createTokenAt(t0.minus(400, ChronoUnit.DAYS)))))
                .containsExactlyElementsOf(ids);
        TrackingToken future = engine.createTokenAt(Instant.now().plus(1, ChronoUnit.HOURS));
        assertThat(readAll(future)).isEmpty();

        TrackingToken head = engine.createHeadToken();
        assertThat(readAll(head)).isEmpty();
        DomainEventMessage<ItemAdded> next = TestEvents.itemAdded("timed", 3);
        engine.appendEvents(next);
        assertThat(identifiers(readAll(head))).containsExactly(next.getIdentifier());
        assertThat(identifiers(readAll(engine.createTailToken()))).hasSize(4);
    }

    // --------------------------------------------------------------------------------------------- snapshots

    @Test
    void keepsTheLatestSnapshotOfEachAggregate() {
        engine.storeSnapshot(snapshot("S", 3));
        engine.storeSnapshot(snapshot("S", 5));
        engine.storeSnapshot(snapshot("T", 1));

        assertThat(engine.readSnapshot("S")).get().satisfies(s -> {
            assertThat(s.getSequenceNumber()).isEqualTo(5L);
            assertThat(s.getPayload()).isEqualTo(new ItemAdded("state of S at 5", 5));
            assertThat(s.getMetaData()).containsEntry("kind", "snapshot");
            assertThat(s.getAggregateIdentifier()).isEqualTo("S");
        });
        engine.storeSnapshot(snapshot("S", 7));
        assertThat(engine.readSnapshot("S")).get().extracting(DomainEventMessage::getSequenceNumber).isEqualTo(7L);
        assertThat(engine.readSnapshot("T")).get().extracting(DomainEventMessage::getSequenceNumber).isEqualTo(1L);
        assertThat(engine.readSnapshot("none")).isEmpty();
    }

    @Test
    void anOlderSnapshotStoredLateDoesNotReplaceANewerOne() {
        assumeTrue(supportsOutOfOrderSnapshots(), "this engine keeps the last snapshot stored, not the newest");
        engine.storeSnapshot(snapshot("S", 5));
        engine.storeSnapshot(snapshot("S", 3));

        assertThat(engine.readSnapshot("S")).get().extracting(DomainEventMessage::getSequenceNumber).isEqualTo(5L);
    }

    @Test
    void snapshotsAreTakenByAConfigurableTriggerAndUsedToLoad() {
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine).build();
        eventStores.add(store);
        AggregateSnapshotter snapshotter = AggregateSnapshotter.builder()
                                                               .eventStore(store)
                                                               .aggregateFactories(new GenericAggregateFactory<>(
                                                                       CounterAggregate.class))
                                                               .build();
        EventSourcingRepository<CounterAggregate> repository =
                EventSourcingRepository.builder(CounterAggregate.class)
                                       .eventStore(store)
                                       .snapshotTriggerDefinition(new EventCountSnapshotTriggerDefinition(snapshotter, 4))
                                       .build();

        runInUnitOfWork(() -> repository.newInstance(() -> new CounterAggregate("counter-1")));
        for (int i = 0; i < 6; i++) {
            runInUnitOfWork(() -> repository.load("counter-1").execute(CounterAggregate::increment));
        }

        assertThat(engine.readSnapshot("counter-1")).as("a snapshot was taken").isPresent();
        assertThat(engine.readSnapshot("counter-1").get().getSequenceNumber()).isBetween(3L, 6L);
        AtomicReference<Integer> count = new AtomicReference<>();
        runInUnitOfWork(() -> repository.load("counter-1").execute(c -> count.set(c.count())));
        assertThat(count.get()).isEqualTo(6);
    }

    // --------------------------------------------------------------------------------------------- upcasting

    @Test
    void upcastsStoredEventsOnEveryReadPath() {
        engine = createEngine(database, Options.defaults().withUpcaster(TestEvents.priceUpcaster()));
        engine.appendEvents(new GenericDomainEventMessage<>(TestEvents.AGGREGATE_TYPE, "P", 0, new PriceSetV1("10")),
                            TestEvents.itemAdded("P", 1));

        assertThat(engine.readEvents("P").asStream()).extracting(m -> (Object) m.getPayload())
                                                     .containsExactly(new PriceSetV2("10", "EUR"),
                                                                      new ItemAdded("P#1", 1));
        assertThat(readAll(null)).extracting(m -> (Object) m.getPayload())
                                 .containsExactly(new PriceSetV2("10", "EUR"), new ItemAdded("P#1", 1));
    }

    // --------------------------------------------------------------------------------------------- helpers

    protected List<TrackedEventMessage<?>> readAll(TrackingToken token) {
        try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(token, false)) {
            return stream.<TrackedEventMessage<?>>map(m -> m).toList();
        }
    }

    protected static List<String> identifiers(List<? extends EventMessage<?>> events) {
        return events.stream().map(EventMessage::getIdentifier).toList();
    }

    private void appendAndRemember(List<EventMessage<?>> appended, EventMessage<?>... events) {
        engine.appendEvents(events);
        appended.addAll(List.of(events));
    }

    private static DomainEventMessage<ItemAdded> snapshot(String aggregateId, long sequence) {
        return new GenericDomainEventMessage<>(TestEvents.AGGREGATE_TYPE, aggregateId, sequence,
                                               new ItemAdded("state of " + aggregateId + " at " + sequence,
                                                             (int) sequence),
                                               MetaData.with("kind", "snapshot"));
    }

    private static List<Long> range(long from, long to) {
        List<Long> values = new ArrayList<>();
        for (long v = from; v < to; v++) {
            values.add(v);
        }
        return values;
    }

    private static void runInUnitOfWork(ThrowingRunnable action) {
        DefaultUnitOfWork.startAndGet(null).executeWithResult(() -> {
            action.run();
            return null;
        });
    }

    @FunctionalInterface
    private interface ThrowingRunnable {

        void run() throws Exception;
    }
}
