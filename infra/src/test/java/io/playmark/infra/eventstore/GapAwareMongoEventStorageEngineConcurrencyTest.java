package io.playmark.infra.eventstore;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 8 writers append 10,000 events each (1 to 4 events per append, mostly to their own aggregates, one append in ten
 * to aggregates all writers share, where they conflict and retry), half of them through one engine instance and half
 * through another, as two processes would (each hands out positions from its own blocks), while a tracking reader
 * reads with
 * {@code readEvents(token)}: every committed event is delivered, exactly once, in order within each aggregate. The
 * second test stops the reader in the middle of a batch and restarts it on a fresh engine instance from the last
 * token it stored: the only events delivered twice are those it had processed after storing that token.
 */
class GapAwareMongoEventStorageEngineConcurrencyTest {

    private static final int WRITERS = 8;
    private static final int EVENTS_PER_WRITER = 10_000;
    private static final int OWN_AGGREGATES = 25;
    private static final int SHARED_AGGREGATES = 4;
    private static final int STORE_TOKEN_EVERY = 100;
    private static final Duration DEADLINE = Duration.ofSeconds(90);

    private EmbeddedMongo mongo;
    private MongoDatabase database;

    @BeforeEach
    void startServer() {
        mongo = EmbeddedMongo.start();
        database = mongo.newDatabase();
    }

    @AfterEach
    void stopServer() {
        mongo.close();
    }

    @Test
    void everyEventIsDeliveredOnceAndInAggregateOrderWhileEightWritersAppend() throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(WRITERS + 1);
        try {
            long started = System.nanoTime();
            List<GapAwareMongoEventStorageEngine> writerEngines = List.of(engine(), engine());
            Reader reader = new Reader(engine(), null, new ArrayList<>());
            Future<?> reading = executor.submit(reader);

            int conflicts = awaitWriters(startWriters(writerEngines, executor));
            long written = System.nanoTime();
            int deliveredWhenWritten = reader.seenCount;
            Set<String> committed = committedEvents(writerEngines.getFirst());
            long collected = System.nanoTime();
            reader.awaitAll(committed.size(), DEADLINE);
            System.out.printf("writers %d ms (reader at %d), collecting %d ms, reader caught up %d ms later%n",
                              TimeUnit.NANOSECONDS.toMillis(written - started), deliveredWhenWritten,
                              TimeUnit.NANOSECONDS.toMillis(collected - written),
                              TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - collected));
            reader.stop.set(true);
            reading.get(30, TimeUnit.SECONDS);

            assertThat(committed.size()).isGreaterThanOrEqualTo(WRITERS * EVENTS_PER_WRITER);
            assertThat(reader.violations).isEmpty();
            assertThat(reader.seen).containsExactlyInAnyOrderElementsOf(committed);
            System.out.printf("delivered %d events; %d appends lost a conflict; %d gap fills; largest gap set %d; "
                                      + "%d ms%n", reader.seen.size(), conflicts, reader.lateDeliveries,
                              reader.largestGapSet, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aReaderRestartedMidwayFromItsStoredTokenMissesNothing() throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(WRITERS + 2);
        try {
            long started = System.nanoTime();
            List<GapAwareMongoEventStorageEngine> writerEngines = List.of(engine(), engine());
            List<Delivery> log = new ArrayList<>();
            Reader first = new Reader(engine(), null, log);
            first.crashAfter = WRITERS * EVENTS_PER_WRITER / 3 / STORE_TOKEN_EVERY * STORE_TOKEN_EVERY + STORE_TOKEN_EVERY / 3;
            Future<?> firstReading = executor.submit(first);
            List<CompletableFuture<Integer>> writers = startWriters(writerEngines, executor);

            firstReading.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
            assertThat(first.crashed).as("the first reader stopped in the middle of a batch").isTrue();
            boolean writersStillWriting = writers.stream().anyMatch(w -> !w.isDone());

            // what the first reader processed after its last stored token: a restart must deliver it again
            List<Delivery> checkpointed = new ArrayList<>(log.subList(0, first.storedCount));
            Set<String> processedAfterCheckpoint = new HashSet<>();
            log.subList(first.storedCount, log.size()).forEach(d -> processedAfterCheckpoint.add(d.id()));
            assertThat(processedAfterCheckpoint).hasSize(STORE_TOKEN_EVERY / 3);

            // a new process: a fresh engine instance, from the stored token
            Reader second = new Reader(engine(), first.storedToken, checkpointed);
            Future<?> secondReading = executor.submit(second);
            int conflicts = awaitWriters(writers);
            Set<String> committed = committedEvents(writerEngines.getFirst());
            second.awaitAll(committed.size(), DEADLINE);
            second.stop.set(true);
            secondReading.get(30, TimeUnit.SECONDS);

            assertThat(first.violations).isEmpty();
            assertThat(second.violations).isEmpty();
            assertThat(second.seen).containsExactlyInAnyOrderElementsOf(committed);
            Set<String> deliveredTwice = new HashSet<>(processedAfterCheckpoint);
            deliveredTwice.retainAll(second.deliveredHere);
            assertThat(deliveredTwice).as("redelivered after the restart").isEqualTo(processedAfterCheckpoint);
            System.out.printf("restart after %d events (checkpoint %d, writers still writing: %s): %d redelivered, "
                                      + "%d delivered in all; %d conflicts; %d gap fills; %d ms%n",
                              log.size(), first.storedCount, writersStillWriting, deliveredTwice.size(),
                              second.seen.size(), conflicts, first.lateDeliveries + second.lateDeliveries,
                              TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } finally {
            executor.shutdownNow();
        }
    }

    // ------------------------------------------------------------------------------------------------ writers

    private static List<CompletableFuture<Integer>> startWriters(List<GapAwareMongoEventStorageEngine> engines,
                                                                 ExecutorService executor) {
        List<CompletableFuture<Integer>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            GapAwareMongoEventStorageEngine engine = engines.get(w % engines.size());
            writers.add(CompletableFuture.supplyAsync(() -> write(engine, writer), executor));
        }
        return writers;
    }

    private static int awaitWriters(List<CompletableFuture<Integer>> writers) throws Exception {
        int conflicts = 0;
        for (CompletableFuture<Integer> writer : writers) {
            conflicts += writer.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        }
        return conflicts;
    }

    /** Appends EVENTS_PER_WRITER events; returns how many appends lost a conflict on a shared aggregate. */
    private static int write(GapAwareMongoEventStorageEngine engine, int writer) {
        Random random = new Random(writer);
        Map<String, Long> nextSequence = new HashMap<>();
        int written = 0;
        int conflicts = 0;
        int counter = 0;
        while (written < EVENTS_PER_WRITER) {
            boolean shared = random.nextInt(10) == 0;
            String aggregate = shared ? "shared-" + random.nextInt(SHARED_AGGREGATES)
                    : "w" + writer + "-" + random.nextInt(OWN_AGGREGATES);
            int count = Math.min(1 + random.nextInt(4), EVENTS_PER_WRITER - written);
            long first = shared ? engine.lastSequenceNumberFor(aggregate).map(s -> s + 1).orElse(0L)
                    : nextSequence.getOrDefault(aggregate, 0L);
            List<DomainEventMessage<?>> events = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                events.add(new org.axonframework.eventhandling.GenericDomainEventMessage<>(
                        TestEvents.AGGREGATE_TYPE, aggregate, first + i,
                        new TestEvents.ItemAdded("w" + writer, counter++)));
            }
            try {
                engine.appendEvents(events);
                written += count;
                if (!shared) {
                    nextSequence.put(aggregate, first + count);
                }
            } catch (ConcurrencyException | AggregateStreamCreationException e) {
                if (!shared) {
                    throw e;
                }
                conflicts++;
            }
        }
        return conflicts;
    }

    /** Everything in the store, read back through the aggregate streams. */
    private static Set<String> committedEvents(GapAwareMongoEventStorageEngine engine) {
        Set<String> committed = new HashSet<>();
        List<String> aggregates = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            for (int a = 0; a < OWN_AGGREGATES; a++) {
                aggregates.add("w" + w + "-" + a);
            }
        }
        for (int s = 0; s < SHARED_AGGREGATES; s++) {
            aggregates.add("shared-" + s);
        }
        for (String aggregate : aggregates) {
            engine.readEvents(aggregate).asStream().forEach(e -> committed.add(e.getIdentifier()));
        }
        return committed;
    }

    private GapAwareMongoEventStorageEngine engine() {
        return GapAwareMongoEventStorageEngine.builder()
                                              .database(database)
                                              .eventSerializer(TestEvents.serializer())
                                              .snapshotSerializer(TestEvents.serializer())
                                              .positionBlockSize(64) // blocks (the default), across two instances
                                              .gapTimeout(Duration.ofSeconds(20))
                                              .writeTimeout(Duration.ofSeconds(10))
                                              .build();
    }

    // ------------------------------------------------------------------------------------------------ the reader

    private record Delivery(String id, String aggregate, long sequence) {
    }

    /**
     * A tracking reader: reads with {@code readEvents(token, false)}, checks each event, and stores its token every
     * STORE_TOKEN_EVERY events (as a processor commits its token per batch).
     */
    private static final class Reader implements Runnable {

        final GapAwareMongoEventStorageEngine engine;
        final List<Delivery> log;
        final Set<String> seen = new HashSet<>();
        final Set<String> deliveredHere = new HashSet<>();
        final Map<String, Long> lastSequence = new HashMap<>();
        final List<String> violations = new ArrayList<>();
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicBoolean crashed = new AtomicBoolean();
        volatile int seenCount;
        int crashAfter = Integer.MAX_VALUE;
        TrackingToken token;
        volatile TrackingToken storedToken;
        volatile int storedCount;
        long highestPosition;
        int lateDeliveries;
        int largestGapSet;

        Reader(GapAwareMongoEventStorageEngine engine, TrackingToken startToken, List<Delivery> checkpointed) {
            this.engine = engine;
            this.token = startToken;
            this.storedToken = startToken;
            this.log = checkpointed;
            for (Delivery delivery : checkpointed) {
                seen.add(delivery.id());
                lastSequence.put(delivery.aggregate(), delivery.sequence());
            }
            this.storedCount = checkpointed.size();
            this.seenCount = seen.size();
        }

        @Override
        public void run() {
            while (!stop.get()) {
                int before = log.size();
                try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(token, false)) {
                    Iterator<? extends TrackedEventMessage<?>> events = stream.iterator();
                    while (events.hasNext()) {
                        if (log.size() >= crashAfter) {
                            crashed.set(true);
                            return;
                        }
                        process(events.next());
                    }
                }
                if (log.size() == before) {
                    sleep();
                }
            }
        }

        private void process(TrackedEventMessage<?> event) {
            DomainEventMessage<?> domainEvent = (DomainEventMessage<?>) event;
            String id = event.getIdentifier();
            if (!seen.add(id)) {
                violations.add("delivered twice: " + id);
            }
            deliveredHere.add(id);
            long expected = lastSequence.getOrDefault(domainEvent.getAggregateIdentifier(), -1L) + 1;
            if (domainEvent.getSequenceNumber() != expected) {
                violations.add(domainEvent.getAggregateIdentifier() + " delivered " + domainEvent.getSequenceNumber()
                                       + " where " + expected + " was due");
            }
            lastSequence.put(domainEvent.getAggregateIdentifier(), domainEvent.getSequenceNumber());
            log.add(new Delivery(id, domainEvent.getAggregateIdentifier(), domainEvent.getSequenceNumber()));
            GapAwareTrackingToken current = (GapAwareTrackingToken) event.trackingToken();
            largestGapSet = Math.max(largestGapSet, current.getGaps().size());
            if (current.getIndex() <= highestPosition) {
                lateDeliveries++;
            }
            highestPosition = Math.max(highestPosition, current.getIndex());
            token = current;
            seenCount = seen.size();
            if (log.size() % STORE_TOKEN_EVERY == 0) {
                storedToken = token;
                storedCount = log.size();
            }
        }

        void awaitAll(int expected, Duration deadline) throws InterruptedException {
            long until = System.nanoTime() + deadline.toNanos();
            while (seenCount < expected && System.nanoTime() < until) {
                Thread.sleep(20);
            }
        }

        private static void sleep() {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
