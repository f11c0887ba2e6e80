package io.playmark.infra.eventstore.benchmark;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.playmark.infra.embedded.EmbeddedMongoServer;
import io.playmark.infra.eventstore.GapAwareMongoEventStorageEngine;
import io.playmark.infra.eventstore.benchmark.EngineUnderTest.FollowOutcome;
import io.playmark.infra.eventstore.benchmark.Results.Cell;
import io.playmark.infra.eventstore.benchmark.Results.Figure;
import io.playmark.infra.eventstore.benchmark.StoreUnderTest.ReadOutcome;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.serialization.Serializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * One store under test on one backend, on a fresh server and data file: seed a small store with the aggregates to
 * load, load them, measure appends, fill to the big store size, load again, replay everything, follow live appends.
 */
final class BenchmarkRun {

    static final String DATABASE = "playmark";
    private static final int FILL_WRITERS = 4;
    private static final int FILL_BATCH = 100;
    private static final int BIG_AGGREGATE_EVENTS = 1_000;
    private static final int SMALL_AGGREGATE_EVENTS = 10;
    private static final int SEED_ROUNDS = 10;
    private static final int UNTIMED_LOADS = 3;
    /** Alternating turns per load-time comparison of the small and the big store. */
    private static final int LOAD_TURNS = 20;
    /** The small store that the big one is compared with in alternating turns, on the same server. */
    private static final String COMPARISON_DATABASE = "playmark_small";
    /** The gap-aware engine's events collection (its default name). */
    private static final String ENGINE_COLLECTION = "events";
    /** Enough writers that one slow append does not hold back the steady rate. */
    private static final int LAG_WRITERS = 16;
    /** A safety cap for the engine under test and raw; axon-mongo gets the (much shorter) configured budget. */
    private static final Duration SAFETY_BUDGET = Duration.ofMinutes(20);

    private final BenchmarkOptions options;
    private final String backend;
    private final String subject;
    private final Results results;
    private final PlayEvents events = new PlayEvents();
    private final EventLedger ledger = new EventLedger();
    private final List<String> bigAggregates = new ArrayList<>();
    private final List<String> smallAggregates = new ArrayList<>();
    private final long started = System.nanoTime();
    /** Events written into the same file besides the store's own: raw inserts beside appends, the comparison store. */
    private long otherEventsInFile;

    BenchmarkRun(BenchmarkOptions options, String backend, String subject, Results results) {
        this.options = options;
        this.backend = backend;
        this.subject = subject;
        this.results = results;
    }

    void execute() {
        Path directory = createDirectory();
        EmbeddedMongoServer server = EmbeddedMongoServer.start(
                backend.equals("h2") ? EmbeddedMongoServer.Backend.H2 : EmbeddedMongoServer.Backend.MEMORY, directory);
        log("started " + server.description());
        MongoClient client = MongoClients.create(server.connectionString());
        try (StoreUnderTest store = create(client, DATABASE)) {
            measure(store, client);
        } catch (RuntimeException e) {
            error("ABORTED: " + describe(e));
            e.printStackTrace(System.out);
        } finally {
            client.close();
            server.close();
            recordFileSize(directory);
            deleteRecursively(directory);
            log("done in %.0f s".formatted(elapsed()));
            // a memory store of a million events is gigabytes of garbage now: collect it here, or the concurrent
            // collector would still be at it during the next run's first figures
            System.gc();
        }
    }

    private StoreUnderTest create(MongoClient client, String databaseName) {
        Serializer serializer = PlayEvents.serializer();
        MongoDatabase database = client.getDatabase(databaseName);
        return switch (subject) {
            case Results.RAW -> new RawOperations(database, "events", serializer, options.batchSize());
            case Results.GAP_AWARE -> new EngineUnderTest(subject, GapAwareMongoEventStorageEngine.builder()
                    .database(database)
                    .eventSerializer(serializer)
                    .snapshotSerializer(serializer)
                    .batchSize(options.batchSize())
                    .gapTimeout(Duration.ofSeconds(60))
                    .writeTimeout(Duration.ofSeconds(10))
                    .build());
            case Results.AXON_MONGO -> new EngineUnderTest(subject, MongoEventStorageEngine.builder()
                    .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(client, databaseName).build())
                    .eventSerializer(serializer)
                    .snapshotSerializer(serializer)
                    .batchSize(options.batchSize())
                    .build());
            default -> throw new IllegalArgumentException("Unknown store " + subject);
        };
    }

    private void measure(StoreUnderTest store, MongoClient client) {
        MongoDatabase database = client.getDatabase(DATABASE);
        boolean axonMongo = subject.equals(Results.AXON_MONGO);
        Duration budget = axonMongo ? options.budget() : SAFETY_BUDGET;

        phase("seed " + Results.count(options.smallStore()), () -> seed(store, bigAggregates, smallAggregates, ledger));
        phase("loads at " + Results.count(ledger.appendedCount()), () -> {
            loads(store, Figure.LOAD_10_SMALL, smallAggregates, SMALL_AGGREGATE_EVENTS, options.smallLoads(), budget);
            loads(store, Figure.LOAD_1000_SMALL, bigAggregates, BIG_AGGREGATE_EVENTS, options.bigLoads(), budget);
        });
        phase("appends, 1 writer", () -> appendWindow(store, Figure.APPEND_1, 1));
        phase("appends, 8 writers", () -> appendWindow(store, Figure.APPEND_8, 8));
        if (subject.equals(Results.GAP_AWARE)) {
            RawOperations raw = new RawOperations(database, "rawEvents", PlayEvents.serializer(), options.batchSize());
            // on the H2 backend an insert costs more in a bigger collection: raw starts with as many documents as the
            // engine's store holds, not with an empty collection (docs/benchmarks.md)
            long engineDocuments = database.getCollection(ENGINE_COLLECTION).estimatedDocumentCount();
            phase("raw inserts up to the engine's %s documents".formatted(Results.count(engineDocuments)), () -> {
                appendInBatches(raw, engineDocuments, new EventLedger()); // raw's own, not the engine's ledger
                otherEventsInFile += engineDocuments;
            });
            phase("appends against raw inserts, 1 writer", () -> pairedAppends(store, raw, Figure.PAIRED_APPEND_1, 1));
            phase("appends against raw inserts, 8 writers", () -> pairedAppends(store, raw, Figure.PAIRED_APPEND_8, 8));
        }

        boolean fill = !(axonMongo && backend.equals("h2")) || options.fillAxonMongoOnH2();
        if (fill) {
            phase("fill to " + Results.count(options.events()), () -> fill(store));
            phase("loads at " + Results.count(ledger.appendedCount()), () -> {
                loads(store, Figure.LOAD_10_LARGE, smallAggregates, SMALL_AGGREGATE_EVENTS, options.smallLoads(),
                      budget);
                loads(store, Figure.LOAD_1000_LARGE, bigAggregates, BIG_AGGREGATE_EVENTS, options.bigLoads(), budget);
                growth(Figure.LOAD_10_GROWTH, Figure.LOAD_10_SMALL, Figure.LOAD_10_LARGE);
                growth(Figure.LOAD_1000_GROWTH, Figure.LOAD_1000_SMALL, Figure.LOAD_1000_LARGE);
            });
            phase("loads at %s and at %s in turns".formatted(Results.count(options.smallStore()),
                                                             Results.count(ledger.appendedCount())),
                  () -> loadsInTurns(client, store, budget));
        } else {
            String why = "not measured: axon-mongo's H2 store stays at %s events (its reads scan the collection; "
                    .formatted(Results.count(ledger.appendedCount())) + "--fill-axon-mongo-h2 fills it)";
            for (Figure figure : List.of(Figure.BULK_APPEND, Figure.LOAD_10_LARGE, Figure.LOAD_1000_LARGE,
                                         Figure.LOAD_10_IN_TURNS, Figure.LOAD_1000_IN_TURNS)) {
                results.put(backend, subject, figure, Cell.notMeasured(why));
            }
        }

        AtomicReference<ReadOutcome> replay = new AtomicReference<>();
        if (store instanceof EngineUnderTest engine) {
            phase("replay of " + Results.count(ledger.appendedCount()), () -> replay.set(record(Figure.REPLAY,
                    engine.readAll(ledger.forNewReader(), budget, this::readProgress), budget)));
            if (replay.get() != null && replay.get().finished()) {
                if (subject.equals(Results.GAP_AWARE)) {
                    phase("raw walk of this store", () -> pairedWalk(database, replay.get()));
                }
                phase("engine read of " + Results.count(ledger.appendedCount()), () -> record(Figure.READ_STREAM,
                        engine.readStream(ledger.appendedCount(), budget, this::readProgress), budget));
            } else {
                results.put(backend, subject, Figure.READ_STREAM, Cell.notMeasured(
                        "not measured: the replay, which makes the same reads, did not finish"));
            }
        } else {
            phase("$in walk of " + Results.count(ledger.appendedCount()), () -> {
                ReadOutcome walk = store.readAll(ledger.forNewReader(), budget, this::readProgress);
                replay.set(record(Figure.READ_STREAM, walk, budget));
                record(Figure.REPLAY, walk, budget);
            });
        }
        AtomicReference<FollowOutcome> follow = new AtomicReference<>();
        if (store instanceof EngineUnderTest engine) {
            phase("tracking at %,d events/s (%d per append) for %d s".formatted(
                          options.lagRate(), options.lagBatch(), options.lagDuration().toSeconds()),
                  () -> follow.set(follow(engine, axonMongo ? options.budget() : Duration.ofSeconds(120))));
        }
        skipped(replay.get(), follow.get());
    }

    /**
     * The aggregates to load, written in rounds between other events (so that an aggregate's events are spread through
     * the store, as a live aggregate's are), then other aggregates up to the small store size. One writer.
     */
    private void seed(StoreUnderTest store, List<String> big, List<String> small, EventLedger into) {
        for (int i = 0; i < options.bigAggregates(); i++) {
            big.add(UUID.randomUUID().toString());
        }
        for (int i = 0; i < options.smallAggregates(); i++) {
            small.add(UUID.randomUUID().toString());
        }
        int bigPerRound = BIG_AGGREGATE_EVENTS / SEED_ROUNDS;
        int smallPerRound = SMALL_AGGREGATE_EVENTS / SEED_ROUNDS;
        for (int round = 0; round < SEED_ROUNDS; round++) {
            for (String aggregate : big) {
                append(store, events.stream(aggregate, (long) round * bigPerRound, bigPerRound), into);
            }
            for (String aggregate : small) {
                append(store, events.stream(aggregate, (long) round * smallPerRound, smallPerRound), into);
            }
            long roundTarget = options.smallStore() * (round + 1L) / SEED_ROUNDS;
            while (into.appendedCount() < roundTarget) {
                int count = (int) Math.min(FILL_BATCH, roundTarget - into.appendedCount());
                append(store, events.stream(UUID.randomUUID().toString(), 0, count), into);
            }
        }
    }

    private void append(StoreUnderTest store, List<DomainEventMessage<?>> batch, EventLedger into) {
        store.append(batch);
        into.appended(batch);
    }

    /**
     * Median and 95th percentile of repeated loads, taking the aggregates in turn, after a few untimed ones; stops when
     * the budget is spent.
     */
    private void loads(StoreUnderTest store, Figure figure, List<String> aggregates, int expected, int count,
                       Duration budget) {
        Turn loads = new Turn(store, aggregates);
        loads.warmUp();
        long deadline = System.nanoTime() + budget.toNanos();
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < count && System.nanoTime() < deadline; i++) {
            loads.load(i, expected, millis);
        }
        millis.sort(Comparator.naturalOrder());
        double median = quantile(millis, 0.5);
        String text = "%s / %s ms (n=%d)".formatted(decimal(median), decimal(quantile(millis, 0.95)), millis.size());
        if (millis.size() < count) {
            text += ", budget of %d s spent after %d of %d loads".formatted(budget.toSeconds(), millis.size(), count);
        }
        results.put(backend, subject, figure, Cell.of(median, text));
    }

    /**
     * The growth with store size alone: a second store of the small size, seeded alike, on the same server, and the
     * big store are loaded in alternating turns, so that the JIT, the heap, the server's caches and the machine's other
     * load are the same for both. The sequential figures compare loads minutes apart, in other states of all of these.
     */
    private void loadsInTurns(MongoClient client, StoreUnderTest bigStore, Duration budget) {
        List<String> comparisonBig = new ArrayList<>();
        List<String> comparisonSmall = new ArrayList<>();
        try (StoreUnderTest smallStore = create(client, COMPARISON_DATABASE)) {
            EventLedger comparison = new EventLedger();
            seed(smallStore, comparisonBig, comparisonSmall, comparison);
            otherEventsInFile += comparison.appendedCount();
            loadsInTurns(Figure.LOAD_10_IN_TURNS, new Turn(smallStore, comparisonSmall),
                         new Turn(bigStore, smallAggregates), SMALL_AGGREGATE_EVENTS, options.smallLoads(), budget);
            loadsInTurns(Figure.LOAD_1000_IN_TURNS, new Turn(smallStore, comparisonBig),
                         new Turn(bigStore, bigAggregates), BIG_AGGREGATE_EVENTS, options.bigLoads(), budget);
        }
    }

    /** A store and the aggregates loaded from it, in turn. */
    private record Turn(StoreUnderTest store, List<String> aggregates) {

        /** A few untimed loads first. */
        void warmUp() {
            for (int i = 0; i < UNTIMED_LOADS; i++) {
                store.load(aggregates.get(i % aggregates.size()));
            }
        }

        /** Loads the aggregate at {@code index} (taken in turn), checks its size, and adds the time it took. */
        void load(int index, int expected, List<Double> millis) {
            String aggregate = aggregates.get(index % aggregates.size());
            long start = System.nanoTime();
            int loaded = store.load(aggregate);
            millis.add((System.nanoTime() - start) / 1e6);
            if (loaded != expected) {
                throw new IllegalStateException("Loaded %d events of aggregate %s, expected %d"
                                                        .formatted(loaded, aggregate, expected));
            }
        }
    }

    private void loadsInTurns(Figure figure, Turn small, Turn big, int expected, int count, Duration budget) {
        small.warmUp();
        big.warmUp();
        int turnLength = Math.max(1, count / LOAD_TURNS);
        long deadline = System.nanoTime() + budget.toNanos();
        List<Double> smallMillis = new ArrayList<>();
        List<Double> bigMillis = new ArrayList<>();
        for (int first = 0; first < count && System.nanoTime() < deadline; first += turnLength) {
            int end = Math.min(count, first + turnLength);
            // the store that goes first alternates too, so that neither always follows the other
            boolean smallFirst = (first / turnLength) % 2 == 0;
            for (Turn turn : smallFirst ? List.of(small, big) : List.of(big, small)) {
                List<Double> millis = turn == small ? smallMillis : bigMillis;
                for (int i = first; i < end; i++) {
                    turn.load(i, expected, millis);
                }
            }
        }
        smallMillis.sort(Comparator.naturalOrder());
        bigMillis.sort(Comparator.naturalOrder());
        double smallMedian = quantile(smallMillis, 0.5);
        double bigMedian = quantile(bigMillis, 0.5);
        double ratio = bigMedian / smallMedian;
        String text = "%.2f× (%s ms → %s ms, n=%d + %d)".formatted(ratio, decimal(smallMedian), decimal(bigMedian),
                                                                    smallMillis.size(), bigMillis.size());
        if (bigMillis.size() < count) {
            text += ", budget of %d s spent".formatted(budget.toSeconds());
        }
        results.put(backend, subject, figure, Cell.of(ratio, text));
    }

    private void growth(Figure figure, Figure small, Figure large) {
        Cell before = results.get(backend, subject, small);
        Cell after = results.get(backend, subject, large);
        if (before != null && after != null && !Double.isNaN(before.value()) && !Double.isNaN(after.value())) {
            double ratio = after.value() / before.value();
            results.put(backend, subject, figure, Cell.of(ratio, "%.2f×".formatted(ratio)));
        }
    }

    /** Single-event appends of new aggregates from {@code writers} threads for the append window (or its event cap). */
    private void appendWindow(StoreUnderTest store, Figure figure, int writers) {
        Window window = appendFor(store, true, writers, options.appendWindow(), options.appendWindowEvents());
        results.put(backend, subject, figure, Cell.of(window.rate(), "%,.0f/s (%,d in %.1f s)".formatted(
                window.rate(), window.events(), window.seconds())));
    }

    /**
     * The engine's appends and raw inserts of the same documents into another collection of the same server, in
     * alternating one-second turns: a ratio that background load on the machine cannot skew, as it can skew two runs
     * minutes apart. The raw documents are not part of the engine's store.
     */
    private void pairedAppends(StoreUnderTest engine, RawOperations raw, Figure figure, int writers) {
        List<Window> engineTurns = new ArrayList<>();
        List<Window> rawTurns = new ArrayList<>();
        Duration turn = Duration.ofSeconds(1);
        Runnable engineTurn = () -> engineTurns.add(appendFor(engine, true, writers, turn, Long.MAX_VALUE));
        Runnable rawTurn = () -> rawTurns.add(appendFor(raw, false, writers, turn, Long.MAX_VALUE));
        for (int pair = 0; pair < options.appendWindow().toSeconds(); pair++) {
            // which goes first alternates, so that neither always writes while the server still flushes the other
            (pair % 2 == 0 ? List.of(engineTurn, rawTurn) : List.of(rawTurn, engineTurn)).forEach(Runnable::run);
        }
        Window engineTotal = engineTurns.stream().reduce(new Window(0, 0), Window::plus);
        Window rawTotal = rawTurns.stream().reduce(new Window(0, 0), Window::plus);
        otherEventsInFile += rawTotal.events();
        double share = engineTotal.rate() / rawTotal.rate();
        results.put(backend, subject, figure, Cell.of(share, "%,.0f/s against raw %,.0f/s: %.0f %%".formatted(
                engineTotal.rate(), rawTotal.rate(), 100 * share)));
    }

    /** Events appended in a measured time. */
    private record Window(long events, double seconds) {

        double rate() {
            return events / seconds;
        }

        Window plus(Window other) {
            return new Window(events + other.events, seconds + other.seconds);
        }
    }

    private Window appendFor(StoreUnderTest store, boolean intoLedger, int writers, Duration duration, long cap) {
        AtomicLong claimed = new AtomicLong();
        AtomicLong appended = new AtomicLong();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        runWriters(writers, () -> {
            while (System.nanoTime() < deadline && claimed.incrementAndGet() <= cap && failure.get() == null) {
                try {
                    List<DomainEventMessage<?>> batch = events.singleEventOfNewAggregate();
                    store.append(batch);
                    if (intoLedger) {
                        ledger.appended(batch);
                    }
                    appended.incrementAndGet();
                } catch (RuntimeException e) {
                    failure.set(e);
                }
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        rethrow(failure.get());
        return new Window(appended.get(), seconds);
    }

    /** New aggregates of up to 100 events per append from 4 writers, until the store holds the big store size. */
    private void fill(StoreUnderTest store) {
        long target = options.events();
        long from = ledger.appendedCount();
        long start = System.nanoTime();
        Thread reporter = Thread.ofPlatform().daemon().start(() -> {
            try {
                while (true) {
                    Thread.sleep(10_000);
                    long done = ledger.appendedCount();
                    double seconds = (System.nanoTime() - start) / 1e9;
                    log("  fill %,d of %,d (%,.0f events/s)".formatted(done, target, (done - from) / seconds));
                }
            } catch (InterruptedException e) {
                // the fill is over
            }
        });
        try {
            appendInBatches(store, target - from, ledger);
        } finally {
            reporter.interrupt();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long filled = ledger.appendedCount() - from;
        double rate = filled / seconds;
        results.put(backend, subject, Figure.BULK_APPEND,
                    Cell.of(rate, "%,.0f/s (%,d in %.0f s)".formatted(rate, filled, seconds)));
    }

    /** {@code count} events as new aggregates, in appends of up to 100 from 4 writers, recorded in {@code into}. */
    private void appendInBatches(StoreUnderTest store, long count, EventLedger into) {
        AtomicLong claimed = new AtomicLong();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        runWriters(FILL_WRITERS, () -> {
            while (failure.get() == null) {
                long end = claimed.addAndGet(FILL_BATCH);
                int size = (int) Math.min(FILL_BATCH, count - (end - FILL_BATCH));
                if (size <= 0) {
                    return;
                }
                try {
                    append(store, events.stream(UUID.randomUUID().toString(), 0, size), into);
                } catch (RuntimeException e) {
                    failure.set(e);
                }
            }
        });
        rethrow(failure.get());
    }

    /**
     * The raw {@code $in} walk on the engine's own collection ({@code events}, {@code _id} = global position), on the
     * same server right after the replay: a comparison that background load on the machine cannot skew, as it can
     * skew two runs minutes apart.
     */
    private void pairedWalk(MongoDatabase database, ReadOutcome replay) {
        long length = Math.min(Results.pairedWalkLength(options.events()), ledger.appendedCount());
        ReadOutcome walk = RawOperations.walk(database.getCollection(ENGINE_COLLECTION), length, options.batchSize(),
                                              SAFETY_BUDGET, this::readProgress);
        double share = replay.eventsPerSecond() / walk.eventsPerSecond();
        results.put(backend, subject, Figure.PAIRED_WALK, Cell.of(share, "%,.0f/s (%,d in %.1f s); replay %.0f %%"
                .formatted(walk.eventsPerSecond(), walk.events(), walk.seconds(), 100 * share)));
    }

    private void readProgress(long done, long total, double seconds) {
        log("  read %,d of %,d (%,.0f events/s)".formatted(done, total, done / seconds));
    }

    private ReadOutcome record(Figure figure, ReadOutcome outcome, Duration budget) {
        String text = "%,.0f/s (%,d in %.1f s)".formatted(outcome.eventsPerSecond(), outcome.events(),
                                                          outcome.seconds());
        if (!outcome.finished()) {
            text = "did not finish in %d s: %,d of %,d events, %,.0f/s".formatted(
                    budget.toSeconds(), outcome.events(), outcome.verdict().expected(), outcome.eventsPerSecond());
        }
        if (outcome.error() != null) {
            text += "; reader error: " + outcome.error();
            error(figure.name() + ": reader error " + outcome.error());
        }
        results.put(backend, subject, figure,
                    outcome.finished() ? Cell.of(outcome.eventsPerSecond(), text) : Cell.failed(text));
        log("  " + figure.name().toLowerCase(Locale.ROOT) + ": "
                    + (outcome.finished() ? outcome.verdict() : outcome.verdict().whenAbandoned()));
        return outcome;
    }

    private FollowOutcome follow(EngineUnderTest engine, Duration catchUpBudget) {
        FollowOutcome outcome = engine.follow(events, options.lagRate(), options.lagBatch(), options.lagDuration(),
                                              LAG_WRITERS, catchUpBudget, (done, total, seconds) -> log(
                        "  catching up: %,d of %,d delivered".formatted(done, total)));
        String text = "%s / %s / %s ms (%d events per append; %,.0f events/s reached)".formatted(
                decimal(outcome.lagMillis(0.5)), decimal(outcome.lagMillis(0.99)), decimal(outcome.lagMillis(1.0)),
                options.lagBatch(), outcome.appendRate());
        if (!outcome.caughtUp()) {
            text += "; did not catch up within %d s of the last append: %s".formatted(
                    catchUpBudget.toSeconds(), outcome.verdict().whenAbandoned());
        }
        if (outcome.error() != null) {
            text += "; error: " + outcome.error();
            error("tracking: " + outcome.error());
        }
        results.put(backend, subject, Figure.LAG,
                    outcome.caughtUp() ? Cell.of(outcome.lagMillis(0.99), text) : Cell.failed(text));
        log("  tracking: " + (outcome.caughtUp() ? outcome.verdict() : outcome.verdict().whenAbandoned()));
        return outcome;
    }

    /** Skips and duplicates are only counted for readers that finished: an unfinished reader proves nothing. */
    private void skipped(ReadOutcome replay, FollowOutcome follow) {
        List<String> parts = new ArrayList<>();
        long bad = 0;
        boolean complete = true;
        if (replay != null) {
            parts.add("replay " + (replay.finished() ? replay.verdict() : "did not finish"));
            complete &= replay.finished();
            bad += replay.finished() ? replay.verdict().missing() + replay.verdict().duplicates() : 0;
        }
        if (follow != null) {
            parts.add("tracking " + (follow.caughtUp() ? follow.verdict() : "did not catch up"));
            complete &= follow.caughtUp();
            bad += follow.caughtUp() ? follow.verdict().missing() + follow.verdict().duplicates() : 0;
        }
        if (parts.isEmpty()) {
            return;
        }
        boolean proven = complete || bad > 0;
        String text = (proven ? String.valueOf(bad) : "not proven") + " (" + String.join("; ", parts) + ")";
        results.put(backend, subject, Figure.SKIPPED, proven ? Cell.of(bad, text) : Cell.failed(text));
    }

    private void recordFileSize(Path directory) {
        Path file = directory.resolve("mongo").resolve("playmark.mv");
        long stored = ledger.appendedCount() + otherEventsInFile;
        if (!backend.equals("h2") || !Files.exists(file) || stored == 0) {
            return;
        }
        try {
            double perEvent = Files.size(file) / (double) stored;
            results.put(backend, subject, Figure.FILE_BYTES, Cell.of(perEvent, "%,.0f B (%,.1f MB for %,d events)"
                    .formatted(perEvent, perEvent * stored / 1e6, stored)));
        } catch (IOException e) {
            log("could not size " + file + ": " + e);
        }
    }

    private static void runWriters(int writers, Runnable writer) {
        try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
            for (int i = 0; i < writers; i++) {
                pool.execute(writer);
            }
            pool.shutdown();
            while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                Thread.onSpinWait();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs one phase; an exception is reported with its figure left out, and the next phase still runs. */
    private void phase(String name, Runnable body) {
        System.gc(); // each phase starts without the previous one's garbage
        log(name + " ...");
        long start = System.nanoTime();
        try {
            body.run();
            log(name + ": %.1f s".formatted((System.nanoTime() - start) / 1e9));
        } catch (RuntimeException e) {
            error("ERROR in " + name + ": " + describe(e));
            e.printStackTrace(System.out);
        }
    }

    private static void rethrow(RuntimeException failure) {
        if (failure != null) {
            throw failure;
        }
    }

    /** The exception and its causes on one line: a server-side H2 error arrives wrapped by the driver. */
    static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(e.toString());
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append(" <- ").append(cause);
        }
        return text.toString();
    }

    /** Also kept for the summary, so that an error (such as H2's "Chunk … not found") cannot scroll away unseen. */
    private void error(String message) {
        log(message);
        results.error(backend + " " + subject + ": " + message);
    }

    private void log(String message) {
        if (results.quiet()) {
            return;
        }
        System.out.printf("[%6.1f s] %s %s: %s%n", elapsed(), backend, subject, message);
    }

    private double elapsed() {
        return (System.nanoTime() - started) / 1e9;
    }

    private static double quantile(List<Double> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(quantile * sorted.size()) - 1;
        return sorted.get(Math.clamp(index, 0, sorted.size() - 1));
    }

    private static String decimal(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (value >= 100) {
            return "%,.0f".formatted(value);
        }
        return value >= 10 ? "%.1f".formatted(value) : "%.2f".formatted(value);
    }

    private Path createDirectory() {
        try {
            Files.createDirectories(options.dataDir());
            return Files.createTempDirectory(options.dataDir(), "eventstore-bench-" + subject + "-" + backend + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.out.println("could not delete " + directory + ": " + e);
        }
    }
}
