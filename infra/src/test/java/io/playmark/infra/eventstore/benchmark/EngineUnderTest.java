package io.playmark.infra.eventstore.benchmark;

import io.playmark.infra.eventstore.GapAwareMongoEventStorageEngine;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * An Axon event storage engine, driven the way Playmark drives it: appends and aggregate loads straight on the engine,
 * full reads and live following through a tracking processor on an {@link EmbeddedEventStore}.
 */
final class EngineUnderTest implements StoreUnderTest {

    private final String name;
    private final EventStorageEngine engine;
    private final EmbeddedEventStore eventStore;

    EngineUnderTest(String name, EventStorageEngine engine) {
        this.name = name;
        this.engine = engine;
        this.eventStore = EmbeddedEventStore.builder().storageEngine(engine).build();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void append(List<? extends DomainEventMessage<?>> events) {
        engine.appendEvents(events);
    }

    /** Deserializes every payload, as an aggregate applying its events would. */
    @Override
    public int load(String aggregateId) {
        DomainEventStream stream = engine.readEvents(aggregateId);
        int loaded = 0;
        while (stream.hasNext()) {
            stream.next().getPayload();
            loaded++;
        }
        return loaded;
    }

    /**
     * The engine's own share of a replay: {@code readEvents(tailToken, false)} consumed to its end, in the engine's
     * batches, without deserializing payloads (the raw {@code $in} walk does not decode them either). Counts events;
     * the projection's replay is the one that checks each event.
     */
    ReadOutcome readStream(long expected, Duration budget, Progress progress) {
        long started = System.nanoTime();
        long deadline = started + budget.toNanos();
        long lastReport = started;
        long events = 0;
        boolean finished = true;
        try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(engine.createTailToken(), false)) {
            Iterator<? extends TrackedEventMessage<?>> iterator = stream.iterator();
            while (iterator.hasNext()) {
                iterator.next();
                events++;
                long now = System.nanoTime();
                if (now > deadline) {
                    finished = false;
                    break;
                }
                if (now - lastReport > 10_000_000_000L) {
                    lastReport = now;
                    progress.report(events, expected, (now - started) / 1e9);
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long missing = finished ? expected - events : 0;
        EventLedger.Verdict verdict = new EventLedger.Verdict(expected, events, Math.max(0, missing), 0,
                                                              Math.max(0, -missing));
        return new ReadOutcome(events, seconds, finished, verdict, null);
    }

    /** A replay: a fresh processor from the tail of the store until it has delivered every appended event. */
    @Override
    public ReadOutcome readAll(EventLedger reader, Duration budget, Progress progress) {
        long expected = reader.verdict().expected();
        long started = System.nanoTime();
        try (CountingProjection projection = CountingProjection.start("replay", eventStore,
                                                                      eventStore.createTailToken(),
                                                                      reader::delivered)) {
            boolean finished = awaitDelivery(reader, expected, started, budget, projection, progress);
            long events = reader.deliveredCount();
            double seconds = (System.nanoTime() - started) / 1e9;
            return new ReadOutcome(events, seconds, finished, reader.verdict(), projection.error());
        }
    }

    /**
     * Appends new aggregates of {@code eventsPerAppend} events at a steady {@code rate} events/s for {@code duration},
     * from {@code writers} threads, through the event store (so a local append wakes the processor, as in Playmark),
     * while a processor that started at the head follows them. Lag is measured per event, from just before its append
     * call to its handler.
     */
    FollowOutcome follow(PlayEvents events, int rate, int eventsPerAppend, Duration duration, int writers,
                         Duration catchUpBudget, Progress catchingUp) {
        int plannedAppends = Math.toIntExact(rate * duration.toSeconds() / eventsPerAppend);
        int plannedEvents = plannedAppends * eventsPerAppend;
        long firstPlayNumber = events.issued();
        AtomicLongArray appendStarted = new AtomicLongArray(plannedEvents);
        long[] lagNanos = new long[plannedEvents];
        Arrays.fill(lagNanos, -1);
        EventLedger ledger = new EventLedger();
        AtomicReference<String> appendError = new AtomicReference<>();
        AtomicLong failedAppends = new AtomicLong();
        try (CountingProjection projection = CountingProjection.start(
                "follower", eventStore, eventStore.createHeadToken(), playNumber -> {
                    ledger.delivered(playNumber);
                    int index = (int) (playNumber - firstPlayNumber);
                    if (index >= 0 && index < plannedEvents && lagNanos[index] < 0) {
                        lagNanos[index] = System.nanoTime() - appendStarted.get(index);
                    }
                });
             ExecutorService pool = Executors.newFixedThreadPool(writers)) {
            AtomicLong nextAppend = new AtomicLong();
            long start = System.nanoTime() + 100_000_000L;
            long interval = 1_000_000_000L * eventsPerAppend / rate;
            // a store that cannot keep up (appends blocked behind a reader's scans) gets the catch-up budget as grace,
            // then the appends still due are dropped and the rate reached says so
            long lastStart = start + duration.toNanos() + catchUpBudget.toNanos();
            for (int w = 0; w < writers; w++) {
                pool.execute(() -> {
                    for (long slot = nextAppend.getAndIncrement();
                         slot < plannedAppends && System.nanoTime() < lastStart; slot = nextAppend.getAndIncrement()) {
                        LockSupport.parkNanos(start + slot * interval - System.nanoTime());
                        List<DomainEventMessage<?>> batch = events.stream(UUID.randomUUID().toString(), 0,
                                                                          eventsPerAppend);
                        long now = System.nanoTime();
                        for (DomainEventMessage<?> event : batch) {
                            appendStarted.set((int) (PlayEvents.playNumber(event) - firstPlayNumber), now);
                        }
                        try {
                            eventStore.publish(batch);
                            ledger.appended(batch);
                        } catch (RuntimeException e) {
                            failedAppends.incrementAndGet();
                            appendError.set(e.toString());
                        }
                    }
                });
            }
            pool.shutdown();
            awaitQuietly(pool);
            double appendSeconds = (System.nanoTime() - start) / 1e9;
            long appended = ledger.appendedCount();
            long waitStart = System.nanoTime();
            boolean caughtUp = awaitDelivery(ledger, appended, waitStart, catchUpBudget, projection, catchingUp);
            long[] lags = Arrays.stream(lagNanos).filter(lag -> lag >= 0).sorted().toArray();
            String error = appendError.get() != null ? failedAppends.get() + " appends failed, last: "
                    + appendError.get() : projection.error();
            return new FollowOutcome(appended / appendSeconds, lags, caughtUp, ledger.verdict(), error);
        }
    }

    private static void awaitQuietly(ExecutorService pool) {
        try {
            while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                Thread.onSpinWait();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until {@code expected} distinct events were delivered or the budget ran out; reports every 10 s. */
    private static boolean awaitDelivery(EventLedger ledger, long expected, long started, Duration budget,
                                         CountingProjection projection, Progress progress) {
        long deadline = started + budget.toNanos();
        long lastReport = System.nanoTime();
        while (ledger.deliveredCount() < expected) {
            long now = System.nanoTime();
            if (now > deadline) {
                return false;
            }
            if (now - lastReport > 10_000_000_000L) {
                lastReport = now;
                progress.report(ledger.deliveredCount(), expected, (now - started) / 1e9);
                String error = projection.error();
                if (error != null) {
                    System.out.println("    processor error: " + error);
                }
            }
            LockSupport.parkNanos(20_000_000L);
        }
        return true;
    }

    @Override
    public void close() {
        eventStore.shutDown();
        if (engine instanceof GapAwareMongoEventStorageEngine gapAware) {
            gapAware.close(); // closes its open position block while the server is still there
        }
    }

    /**
     * Live following: the append rate reached, the lags of the delivered events in nanoseconds (sorted), whether the
     * follower caught up with every acknowledged append, and what it skipped or duplicated.
     */
    record FollowOutcome(double appendRate, long[] sortedLagNanos, boolean caughtUp, EventLedger.Verdict verdict,
                         String error) {

        double lagMillis(double quantile) {
            if (sortedLagNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.min(sortedLagNanos.length - 1, Math.ceil(quantile * sortedLagNanos.length) - 1);
            return sortedLagNanos[Math.max(0, index)] / 1e6;
        }
    }
}
