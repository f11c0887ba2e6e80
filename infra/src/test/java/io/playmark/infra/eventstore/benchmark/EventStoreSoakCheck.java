package io.playmark.infra.eventstore.benchmark;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.playmark.infra.embedded.EmbeddedMongoServer;
import io.playmark.infra.eventstore.GapAwareMongoEventStorageEngine;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The long check of the persistent default: on the H2 file backend, 8 writers append {@code --events} events (new
 * aggregates of 1 to 50 events per append) while a tracking processor follows them and a loader re-reads aggregates;
 * then the server is stopped (closing the H2 file), started again on the same file, and a fresh processor replays
 * everything. It verifies that every acknowledged event is delivered exactly once, before and after the restart, that
 * no global position was given up by a reader, and prints every error on the way: above all H2's "Chunk … not
 * found", which was once seen from a full scan right after a million inserts, to show whether it can reach Playmark
 * through the engine.
 * <p>
 * Not part of any test command: it takes about a quarter of an hour for a million events. Exit code 0 when clean.
 */
public final class EventStoreSoakCheck {

    private static final int WRITERS = 8;
    private static final int MAX_EVENTS_PER_APPEND = 50;
    private static final Duration CATCH_UP_BUDGET = Duration.ofMinutes(5);

    private final long events;
    private final int batchSize;
    private final int positionBlockSize;
    private final Path directory;
    private final PlayEvents playEvents = new PlayEvents();
    private final EventLedger ledger = new EventLedger();
    /** Aggregates written so far with their event counts, for the loader to re-read. */
    private final ConcurrentLinkedQueue<Written> written = new ConcurrentLinkedQueue<>();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong chunkErrors = new AtomicLong();
    private final long started = System.nanoTime();

    private record Written(String aggregateId, int events) {
    }

    private EventStoreSoakCheck(long events, int batchSize, int positionBlockSize, Path directory) {
        this.events = events;
        this.batchSize = batchSize;
        this.positionBlockSize = positionBlockSize;
        this.directory = directory;
    }

    public static void main(String[] args) throws IOException {
        long events = 1_000_000;
        int batchSize = 500;
        int positionBlockSize = GapAwareMongoEventStorageEngine.DEFAULT_POSITION_BLOCK_SIZE;
        Path dataDir = Path.of(System.getProperty("java.io.tmpdir"));
        boolean keep = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--events" -> events = Long.parseLong(args[++i].replace("_", ""));
                case "--batch-size" -> batchSize = Integer.parseInt(args[++i]);
                case "--position-block-size" -> positionBlockSize = Integer.parseInt(args[++i]);
                case "--data-dir" -> dataDir = Path.of(args[++i]);
                case "--keep" -> keep = true;
                default -> {
                    System.err.println("EventStoreSoakCheck [--events 1000000] [--batch-size 500] "
                                               + "[--position-block-size 64] [--data-dir DIR] [--keep]   "
                                               + "(--keep leaves the H2 file for inspection)");
                    System.exit(2);
                }
            }
        }
        EventStoreBenchmark.quietLogging();
        Files.createDirectories(dataDir);
        Path directory = Files.createTempDirectory(dataDir, "eventstore-soak-");
        boolean clean;
        try {
            clean = new EventStoreSoakCheck(events, batchSize, positionBlockSize, directory).run();
        } finally {
            if (!keep) {
                BenchmarkRun.deleteRecursively(directory);
            }
        }
        System.exit(clean ? 0 : 1);
    }

    private boolean run() {
        log("H2 file in %s; %,d events, %d writers, batch size %d, position blocks of up to %d".formatted(
                directory, events, WRITERS, batchSize, positionBlockSize));
        boolean firstClean = appendWhileReading();
        boolean secondClean = replayAfterRestart();
        log("%s: %d errors (%d of them H2 'Chunk … not found')".formatted(
                firstClean && secondClean && errors.get() == 0 ? "CLEAN" : "NOT CLEAN", errors.get(),
                chunkErrors.get()));
        return firstClean && secondClean && errors.get() == 0;
    }

    private boolean appendWhileReading() {
        log("phase 1: appending while a processor follows and a loader re-reads aggregates");
        EmbeddedMongoServer server = EmbeddedMongoServer.start(EmbeddedMongoServer.Backend.H2, directory);
        MongoClient client = MongoClients.create(server.connectionString());
        GapAwareMongoEventStorageEngine engine = engine(client);
        EmbeddedEventStore eventStore = EmbeddedEventStore.builder().storageEngine(engine).build();
        EventLedger follower = new EventLedger();
        AtomicBoolean appending = new AtomicBoolean(true);
        try (CountingProjection projection = CountingProjection.start("soak-follower", eventStore,
                                                                      eventStore.createTailToken(),
                                                                      follower::delivered);
             ExecutorService writers = Executors.newFixedThreadPool(WRITERS)) {
            Thread loader = Thread.ofPlatform().name("soak-loader").start(() -> loadWhile(eventStore, appending));
            AtomicLong claimed = new AtomicLong();
            for (int i = 0; i < WRITERS; i++) {
                writers.execute(() -> appendUntilDone(eventStore, claimed, follower));
            }
            writers.shutdown();
            while (!awaitTermination(writers)) {
                report("appended %,d of %,d; follower delivered %,d".formatted(ledger.appendedCount(), events,
                                                                               follower.deliveredCount()), projection);
            }
            appending.set(false);
            joinQuietly(loader);
            log("appends done: %,d acknowledged in %.0f s".formatted(ledger.appendedCount(), elapsed()));
            long deadline = System.nanoTime() + CATCH_UP_BUDGET.toNanos();
            long lastReport = System.nanoTime();
            while (follower.deliveredCount() < ledger.appendedCount() && System.nanoTime() < deadline) {
                sleep(200);
                if (System.nanoTime() - lastReport > 10_000_000_000L) {
                    lastReport = System.nanoTime();
                    report("follower delivered %,d of %,d".formatted(follower.deliveredCount(),
                                                                     ledger.appendedCount()), projection);
                }
            }
            EventLedger.Verdict verdict = follower.verdict();
            log("follower: " + verdict + ", last token " + describe(projection.token()));
            return verdict.clean() && nothingGivenUp(projection.token(), verdict.expected(), engine);
        } catch (RuntimeException e) {
            error("phase 1", e);
            return false;
        } finally {
            eventStore.shutDown();
            engine.close();
            client.close();
            server.close();
            log("server stopped, H2 file closed: %,.0f MB".formatted(fileSize() / 1e6));
        }
    }

    /** Appends new aggregates of 1 to 50 events until the target is claimed; a failed append is counted, not fatal. */
    private void appendUntilDone(EmbeddedEventStore eventStore, AtomicLong claimed, EventLedger follower) {
        while (true) {
            int size = ThreadLocalRandom.current().nextInt(1, MAX_EVENTS_PER_APPEND + 1);
            long end = claimed.addAndGet(size);
            int count = (int) Math.min(size, events - (end - size));
            if (count <= 0) {
                return;
            }
            String aggregateId = UUID.randomUUID().toString();
            List<DomainEventMessage<?>> batch = playEvents.stream(aggregateId, 0, count);
            try {
                eventStore.publish(batch);
                ledger.appended(batch);
                follower.appended(batch);
                written.add(new Written(aggregateId, count));
            } catch (RuntimeException e) {
                error("append of " + count + " events", e);
            }
        }
    }

    /** Re-reads a random recent aggregate over and over, checking it has exactly the events written. */
    private void loadWhile(EmbeddedEventStore eventStore, AtomicBoolean appending) {
        long loads = 0;
        while (appending.get()) {
            Written aggregate = written.peek();
            if (aggregate == null) {
                sleep(100);
                continue;
            }
            if (written.size() > 1_000) {
                written.poll(); // keep re-reading recent aggregates, spread over the growing store
            }
            try {
                long loaded = eventStore.readEvents(aggregate.aggregateId()).asStream().count();
                loads++;
                if (loaded != aggregate.events()) {
                    error("load", new IllegalStateException("aggregate %s has %d events, %d were written"
                                                                    .formatted(aggregate.aggregateId(), loaded,
                                                                               aggregate.events())));
                }
            } catch (RuntimeException e) {
                error("load of " + aggregate.aggregateId(), e);
            }
        }
        log("loader: %,d aggregate loads".formatted(loads));
    }

    private boolean replayAfterRestart() {
        log("phase 2: restart on the same file and replay everything");
        long restart = System.nanoTime();
        EmbeddedMongoServer server;
        try {
            server = EmbeddedMongoServer.start(EmbeddedMongoServer.Backend.H2, directory);
        } catch (RuntimeException e) {
            error("restart", e);
            return false;
        }
        MongoClient client = MongoClients.create(server.connectionString());
        EmbeddedEventStore eventStore = null;
        GapAwareMongoEventStorageEngine engine = engine(client);
        try {
            eventStore = EmbeddedEventStore.builder().storageEngine(engine).build();
            log("restarted in %.1f s".formatted((System.nanoTime() - restart) / 1e9));
            EventLedger replay = ledger.forNewReader();
            long replayStart = System.nanoTime();
            try (CountingProjection projection = CountingProjection.start("soak-replay", eventStore,
                                                                          eventStore.createTailToken(),
                                                                          replay::delivered)) {
                long deadline = replayStart + CATCH_UP_BUDGET.toNanos() * 2;
                long lastReport = replayStart;
                while (replay.deliveredCount() < ledger.appendedCount() && System.nanoTime() < deadline) {
                    sleep(200);
                    if (System.nanoTime() - lastReport > 10_000_000_000L) {
                        lastReport = System.nanoTime();
                        report("replayed %,d of %,d".formatted(replay.deliveredCount(), ledger.appendedCount()),
                               projection);
                    }
                }
                double seconds = (System.nanoTime() - replayStart) / 1e9;
                EventLedger.Verdict verdict = replay.verdict();
                log("replay after restart: %s in %.1f s (%,.0f events/s), last token %s".formatted(
                        verdict, seconds, verdict.delivered() / seconds, describe(projection.token())));
                return verdict.clean() && nothingGivenUp(projection.token(), verdict.expected(), engine);
            }
        } catch (RuntimeException e) {
            error("phase 2", e);
            return false;
        } finally {
            if (eventStore != null) {
                eventStore.shutDown();
            }
            engine.close();
            client.close();
            server.close();
        }
    }

    private GapAwareMongoEventStorageEngine engine(MongoClient client) {
        var serializer = PlayEvents.serializer();
        return GapAwareMongoEventStorageEngine.builder()
                                              .database(client.getDatabase(BenchmarkRun.DATABASE))
                                              .eventSerializer(serializer)
                                              .snapshotSerializer(serializer)
                                              .batchSize(batchSize)
                                              .positionBlockSize(positionBlockSize)
                                              .gapTimeout(Duration.ofSeconds(60))
                                              .writeTimeout(Duration.ofSeconds(10))
                                              .build();
    }

    /**
     * No position was given up by a reader and none is still open. Positions that hold no event are counted: unused
     * block positions that writers closed (ADR 0004) and the positions of failed appends.
     */
    private boolean nothingGivenUp(TrackingToken token, long expected, GapAwareMongoEventStorageEngine engine) {
        if (!(token instanceof GapAwareTrackingToken gapAware)) {
            log("unexpected token " + token);
            return false;
        }
        long givenUp = engine.givenUpPositions();
        log("positions without events: %,d for %,d events (%.2f %%); given up by readers: %,d; open gaps: %d"
                    .formatted(gapAware.getIndex() - expected, expected,
                               100.0 * (gapAware.getIndex() - expected) / Math.max(1, expected), givenUp,
                               gapAware.getGaps().size()));
        return givenUp == 0 && gapAware.getGaps().isEmpty() && gapAware.getIndex() >= expected;
    }

    private static String describe(TrackingToken token) {
        return token instanceof GapAwareTrackingToken gapAware
                ? "index %,d with %d gaps".formatted(gapAware.getIndex(), gapAware.getGaps().size())
                : String.valueOf(token);
    }

    private void report(String progress, CountingProjection projection) {
        String processorError = projection.error();
        String processor = processorError == null ? "" : "; processor: " + processorError;
        log("%s; %,.0f MB on disk; %d errors%s".formatted(progress, fileSize() / 1e6, errors.get(), processor));
        if (processorError != null) {
            countIfChunkError(processorError);
        }
    }

    private void error(String what, Throwable e) {
        errors.incrementAndGet();
        String description = BenchmarkRun.describe(e);
        countIfChunkError(description);
        log("ERROR in " + what + ": " + description);
    }

    private void countIfChunkError(String description) {
        if (description.contains("Chunk") && description.contains("not found")) {
            chunkErrors.incrementAndGet();
            log("!!! H2 'Chunk … not found' reached the engine's caller: " + description);
        }
    }

    private long fileSize() {
        try {
            return Files.size(directory.resolve("mongo").resolve("playmark.mv"));
        } catch (IOException e) {
            return -1;
        }
    }

    private static boolean awaitTermination(ExecutorService pool) {
        try {
            return pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void log(String message) {
        System.out.printf("[%7.1f s] %s%n", elapsed(), message);
    }

    private double elapsed() {
        return (System.nanoTime() - started) / 1e9;
    }
}
