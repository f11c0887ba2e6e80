package io.playmark.infra.eventstore.benchmark;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.playmark.infra.embedded.EmbeddedMongoServer;
import io.playmark.infra.eventstore.EventChainBreak;
import io.playmark.infra.eventstore.EventChainVerifier;
import io.playmark.infra.eventstore.EventCheckpoints;
import io.playmark.infra.eventstore.GapAwareMongoEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

/**
 * Issue 13's verify target: verification of the whole store (every event's hash chain and the checkpoints) against a
 * raw walk of the events collection, the same {@code _id $in} batches of 500 with nothing done per document, both
 * on the same store in the same run. {@code ./playmark bench-verify [--events 1000000] [--backend memory|h2]
 * [--aggregate-events 10] [--checkpoint-every 1000]}.
 */
public final class VerifyBenchmark {

    private static final int WRITERS = 4;
    private static final int READ_BATCH = 500;

    private VerifyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long events = 1_000_000;
        String backend = "memory";
        int perAggregate = 10;
        int every = 1_000;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--events" -> events = Long.parseLong(args[i + 1]);
                case "--backend" -> backend = args[i + 1];
                case "--aggregate-events" -> perAggregate = Integer.parseInt(args[i + 1]);
                case "--checkpoint-every" -> every = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        Path directory = Files.createTempDirectory("playmark-bench-verify-");
        EmbeddedMongoServer server = EmbeddedMongoServer.start(backend.equals("h2")
                ? EmbeddedMongoServer.Backend.H2 : EmbeddedMongoServer.Backend.MEMORY, directory);
        MongoClient client = MongoClients.create(server.connectionString());
        try {
            run(client.getDatabase("verifybench"), events, perAggregate, every, backend);
        } finally {
            client.close();
            server.close();
            deleteQuietly(directory);
        }
        // the embedded server's threads would keep the JVM alive
        System.exit(0);
    }

    private static void run(MongoDatabase database, long events, int perAggregate, int every, String backend)
            throws Exception {
        Serializer serializer = PlayEvents.serializer();
        GapAwareMongoEventStorageEngine engine = GapAwareMongoEventStorageEngine.builder().database(database)
                .eventSerializer(serializer).snapshotSerializer(serializer)
                .gapTimeout(Duration.ofSeconds(60)).writeTimeout(Duration.ofSeconds(10)).build();
        System.out.printf("bench-verify: %,d events (%d per aggregate, appended by %d writers), %s backend, "
                + "checkpoint every %,d positions, Java %s, %d cores%n", events, perAggregate, WRITERS, backend, every,
                Runtime.version(), Runtime.getRuntime().availableProcessors());
        long started = System.nanoTime();
        fill(engine, events, perAggregate);
        engine.close();
        report("appended (hash chained)", events, started);

        EventCheckpoints checkpoints = new EventCheckpoints(database, every);
        started = System.nanoTime();
        int added = checkpoints.extend();
        report("checkpoints (" + added + ")", checkpoints.head(), started);

        long head = checkpoints.head();
        MongoCollection<Document> collection = database.getCollection("events");
        rawWalk(collection, Math.min(head, 100_000));
        started = System.nanoTime();
        long walked = rawWalk(collection, head);
        double rawRate = report("raw walk of the events collection", walked, started);

        EventChainVerifier verifier = new EventChainVerifier(checkpoints);
        AtomicLong breaks = new AtomicLong();
        started = System.nanoTime();
        EventChainVerifier.Outcome outcome = verifier.verifyAll(new EventChainVerifier.Listener() {
            @Override
            public void progress(long checked, long total) {
            }

            @Override
            public void broken(EventChainBreak found) {
                breaks.incrementAndGet();
            }
        });
        double verifyRate = report("verify (chains + " + outcome.checkpoints() + " checkpoints, " + outcome.chained()
                + " chained, " + breaks.get() + " breaks)", outcome.checked(), started);
        System.out.printf("verify / raw walk: %.0f %% (target >= 50 %%): %s%n", 100 * verifyRate / rawRate,
                verifyRate >= rawRate / 2 ? "PASS" : "FAIL");
    }

    private static void fill(GapAwareMongoEventStorageEngine engine, long events, int perAggregate) throws Exception {
        PlayEvents plays = new PlayEvents();
        long aggregates = Math.max(1, events / perAggregate);
        AtomicLong next = new AtomicLong();
        AtomicLong written = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            writers.add(pool.submit(() -> {
                // each aggregate's events in appends of a few, so chains are built both in memory and from the store
                for (long a = next.getAndIncrement(); a < aggregates; a = next.getAndIncrement()) {
                    String id = UUID.randomUUID().toString();
                    for (int first = 0; first < perAggregate; first += 5) {
                        int count = Math.min(5, perAggregate - first);
                        engine.appendEvents(plays.stream(id, first, count));
                        long done = written.addAndGet(count);
                        if (done % 100_000 < count) {
                            System.out.printf("  %,d appended%n", done);
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> writer : writers) {
            writer.get();
        }
        pool.shutdown();
    }

    /** Reads positions 1 to {@code head} as verification does, doing nothing with them; returns documents read. */
    private static long rawWalk(MongoCollection<Document> events, long head) {
        long read = 0;
        for (long first = 1; first <= head; first += READ_BATCH) {
            List<Long> ids = LongStream.rangeClosed(first, Math.min(first + READ_BATCH - 1, head)).boxed().toList();
            for (Document ignored : events.find(Filters.in("_id", ids))) {
                read++;
            }
        }
        return read;
    }

    private static double report(String what, long count, long startedNanos) {
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        double rate = count / seconds;
        System.out.printf("%-80s %,12d in %7.1f s = %,9.0f/s%n", what, count, seconds, rate);
        return rate;
    }

    private static void deleteQuietly(Path directory) {
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
