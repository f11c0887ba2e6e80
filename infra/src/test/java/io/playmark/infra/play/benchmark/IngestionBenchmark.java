package io.playmark.infra.play.benchmark;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.playmark.infra.PlaymarkApplication;
import io.playmark.infra.support.BenchmarkProgram;
import io.playmark.infra.support.PlaymarkApi;
import io.playmark.infra.support.TestAssets;
import io.playmark.infra.support.TestScreens;
import io.playmark.infra.support.TestScreens.Screen;
import io.playmark.kernel.asset.MediaKind;
import io.playmark.query.play.PlayIndex;
import org.bson.Document;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static io.playmark.infra.support.TestScreens.play;

/**
 * Proof-of-play ingestion as issue 12 measures it: one Playmark in this process on the embedded servers, screens
 * uploading batches of 500 plays over loopback (one batch in ten sent a second time) for a while, and beside it the
 * raw rate at which the same MongoDB server inserts documents of an event's size in batches of 500 (the upper
 * bound). Samples the play index's count twice a second for the projection's lag (how old the newest indexed play's
 * upload is), and at the end checks that the plays accepted equal the plays in the event store, the documents in
 * Elasticsearch and the rollup totals. On the H2 backend also the bytes on disk per play. A program, not a test.
 * Arguments: [seconds per backend, default 300] [backends: memory,h2].
 */
public final class IngestionBenchmark {

    private static final String ADMIN_KEY = "pmk_ingestion-benchmark-admin-key-0123456789";
    private static final int SCREENS = 40;
    private static final int THREADS = 4;
    private static final int BATCH = 500;

    private IngestionBenchmark() {
    }

    private record Figures(String backend, long seconds, long accepted, long duplicates, double rate, double rawRate,
                           double lagP50, double lagP99, long stored, long indexed, long rolledUp,
                           double bytesPerPlay) {
        boolean consistent() {
            return accepted == stored && accepted == indexed && accepted == rolledUp;
        }

        boolean passed() {
            return consistent() && ("memory".equals(backend) ? rate >= 5_000 && lagP99 <= 5 : rate >= 0.6 * rawRate);
        }
    }

    public static void main(String[] args) {
        BenchmarkProgram.main("Ingestion benchmark", args, IngestionBenchmark::run);
    }

    private static boolean run(String[] args) throws Exception {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 300;
        String[] backends = (args.length > 1 ? args[1] : "memory,h2").split(",");
        List<Figures> figures = new ArrayList<>();
        for (String backend : backends) {
            figures.add(measure(backend, Duration.ofSeconds(seconds)));
        }
        System.out.printf("%n%-7s %8s %12s %10s %12s %12s %7s %9s %9s %10s %s%n", "backend", "seconds", "accepted",
                "resent", "plays/s", "raw ins./s", "ratio", "lag p50", "lag p99", "bytes/play", "sent = stored = "
                        + "indexed = rolled up");
        for (Figures f : figures) {
            System.out.printf("%-7s %8d %,12d %,10d %,12.0f %,12.0f %6.0f %% %7.1f s %7.1f s %10s %s%n", f.backend(),
                    f.seconds(), f.accepted(), f.duplicates(), f.rate(), f.rawRate(), 100 * f.rate() / f.rawRate(),
                    f.lagP50(), f.lagP99(), f.bytesPerPlay() > 0 ? "%,.0f".formatted(f.bytesPerPlay()) : "-",
                    f.consistent() ? "yes" : "NO: stored " + f.stored() + ", indexed " + f.indexed() + ", rolled up "
                            + f.rolledUp());
        }
        System.out.println("Targets: memory >= 5,000 plays/s with lag p99 <= 5 s; h2 >= 60 % of its raw insert rate; "
                + "every run consistent");
        boolean passed = figures.stream().allMatch(Figures::passed);
        System.out.println(passed ? "PASS" : "FAIL");
        return passed;
    }

    private static Figures measure(String backend, Duration duration) throws Exception {
        Path dataDir = Files.createTempDirectory("playmark-ingestion-benchmark-");
        try (ConfigurableApplicationContext playmark = start(dataDir, backend)) {
            int port = ((WebServerApplicationContext) playmark).getWebServer().getPort();
            PlaymarkApi admin = new PlaymarkApi(port, ADMIN_KEY);
            String asset = TestAssets.of(playmark).approved("Benchmark spot", "/benchmark", MediaKind.IMAGE).value();
            String campaign = admin.graphQl("mutation($input: CreateCampaignInput!) { createCampaign(input: $input) "
                    + "{ id } }", "input", Map.of("name", "Benchmark", "advertiser", "Acme"))
                    .get("data").get("createCampaign").get("id").asString();
            List<Screen> screens = new ArrayList<>();
            for (int i = 0; i < SCREENS; i++) {
                screens.add(TestScreens.register(admin, port, "Screen " + i, "Europe/Berlin", 52.5, 13.4,
                        List.of("bench")));
            }
            MongoDatabase mongo = playmark.getBean(MongoClient.class).getDatabase(
                    playmark.getEnvironment().getProperty("playmark.mongodb.database", "playmark"));
            ElasticsearchClient elasticsearch = playmark.getBean(ElasticsearchClient.class);
            System.out.printf("[%s] raw insert rate of the same server ...%n", backend);
            double rawRate = rawInsertRate(mongo, Duration.ofSeconds(Math.min(30, Math.max(10, duration.toSeconds() / 10))));

            System.out.printf("[%s] uploading batches of %d plays from %d screens for %d s ...%n", backend, BATCH,
                    SCREENS, duration.toSeconds());
            AtomicLong accepted = new AtomicLong();
            AtomicLong duplicates = new AtomicLong();
            List<long[]> acceptedAt = java.util.Collections.synchronizedList(new ArrayList<>());
            List<long[]> indexedAt = new ArrayList<>();
            long start = System.nanoTime();
            long deadline = start + duration.toNanos();
            try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
                List<Future<?>> uploaders = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    List<Screen> own = screens.subList(t * SCREENS / THREADS, (t + 1) * SCREENS / THREADS);
                    uploaders.add(pool.submit(() -> upload(own, asset, campaign, deadline, accepted, duplicates,
                            acceptedAt, start)));
                }
                while (System.nanoTime() < deadline) {
                    Thread.sleep(500);
                    indexedAt.add(new long[]{System.nanoTime() - start, indexed(elasticsearch)});
                    progress(indexedAt, accepted);
                }
                for (Future<?> uploader : uploaders) {
                    uploader.get();
                }
            }
            double took = (System.nanoTime() - start) / 1e9;
            long target = accepted.get();
            long catchUp = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            long indexed;
            while ((indexed = indexed(elasticsearch)) < target && System.nanoTime() < catchUp) {
                Thread.sleep(500);
                indexedAt.add(new long[]{System.nanoTime() - start, indexed});
                progress(indexedAt, accepted);
            }
            double[] lags = lags(acceptedAt, indexedAt);
            long stored = mongo.getCollection("events").countDocuments(new Document("payloadType",
                    "io.playmark.kernel.play.PlayRecordedEvent"));
            long rolledUp = 0;
            for (Document rollup : mongo.getCollection("play_rollups").find()) {
                rolledUp += rollup.get("plays", Number.class).longValue();
            }
            double bytesPerPlay = "h2".equals(backend) ? (double) sizeOf(dataDir.resolve("mongo")) / Math.max(1, target) : 0;
            return new Figures(backend, Math.round(took), target, duplicates.get(), target / took, rawRate,
                    percentile(lags, 0.5), percentile(lags, 0.99), stored, indexed, rolledUp, bytesPerPlay);
        } finally {
            FileSystemUtils.deleteRecursively(dataDir);
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir, String backend) {
        System.out.printf("Starting Playmark (embedded servers, %s backend) ...%n", backend);
        return new SpringApplicationBuilder(PlaymarkApplication.class)
                .run("--server.port=0", "--server.address=127.0.0.1", "--playmark.data-dir=" + dataDir,
                        "--playmark.mongodb.embedded.backend=" + backend, "--playmark.security.admin-api-key=" + ADMIN_KEY,
                        "--playmark.jobs.dashboard.enabled=false",
                        "--playmark.limits.rate.roles.PLAYER.capacity=1000000000",
                        "--playmark.limits.rate.roles.ADMIN.capacity=1000000000", "--logging.level.root=WARN",
                        "--spring.main.banner-mode=off");
    }

    /** Each thread's screens upload in turn until the deadline; one batch in ten is the previous one again. */
    private static void upload(List<Screen> screens, String asset, String campaign, long deadline, AtomicLong accepted,
                               AtomicLong duplicates, List<long[]> acceptedAt, long start) {
        Map<Screen, List<Map<String, Object>>> previous = new java.util.HashMap<>();
        Instant base = Instant.now().minus(Duration.ofDays(2));
        long n = 0;
        while (System.nanoTime() < deadline) {
            Screen screen = screens.get((int) (n++ % screens.size()));
            List<Map<String, Object>> batch = previous.get(screen);
            boolean resend = batch != null && ThreadLocalRandom.current().nextInt(10) == 0;
            if (!resend) {
                batch = new ArrayList<>(BATCH);
                for (int i = 0; i < BATCH; i++) {
                    Instant at = base.plusSeconds(ThreadLocalRandom.current().nextLong(2 * 86_400));
                    batch.add(play(asset, campaign, at, 15_000, i % 20 == 0 ? "INTERRUPTED" : "COMPLETED"));
                }
                previous.put(screen, batch);
            }
            PlaymarkApi.Response answer = screen.upload(batch);
            if (answer.status() != 200) {
                throw new IllegalStateException("upload answered " + answer.status() + ": " + answer.text());
            }
            accepted.addAndGet(answer.body().get("accepted").asLong());
            duplicates.addAndGet(answer.body().get("duplicates").asLong());
            acceptedAt.add(new long[]{System.nanoTime() - start, accepted.get()});
        }
    }

    /** Documents of an event's size, inserted in batches of 500 into a scratch collection for a while. */
    private static double rawInsertRate(MongoDatabase mongo, Duration duration) {
        MongoCollection<Document> scratch = mongo.getCollection("benchmark_raw_inserts");
        String payload = "x".repeat(600);
        long inserted = 0;
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        while (System.nanoTime() < deadline) {
            List<Document> batch = new ArrayList<>(BATCH);
            for (int i = 0; i < BATCH; i++) {
                batch.add(new Document("_id", inserted + i).append("streamKey", UUID.randomUUID() + ":0")
                        .append("payload", payload).append("timestamp", new java.util.Date()));
            }
            scratch.insertMany(batch);
            inserted += BATCH;
        }
        double rate = inserted / ((System.nanoTime() - start) / 1e9);
        scratch.drop();
        return rate;
    }

    /** The plays the index holds. */
    private static long indexed(ElasticsearchClient elasticsearch) throws IOException {
        return elasticsearch.count(c -> c.index(PlayIndex.ALIAS).ignoreUnavailable(true).allowNoIndices(true)).count();
    }

    /** Every tenth sample (5 s): the plays accepted and indexed so far. */
    private static void progress(List<long[]> indexedAt, AtomicLong accepted) {
        if (indexedAt.size() % 10 == 0) {
            long[] last = indexedAt.getLast();
            System.out.printf("  %4d s: %,d accepted, %,d indexed%n", Math.round(last[0] / 1e9), accepted.get(), last[1]);
        }
    }

    /**
     * At each sample of the index's count, how long ago the uploads had reached that count: the age of the newest
     * play the index holds, zero when it holds them all.
     */
    private static double[] lags(List<long[]> acceptedAt, List<long[]> indexedAt) {
        List<long[]> accepted;
        synchronized (acceptedAt) {
            accepted = new ArrayList<>(acceptedAt);
        }
        accepted.sort(java.util.Comparator.comparingLong(sample -> sample[0]));
        double[] lags = new double[indexedAt.size()];
        for (int i = 0; i < indexedAt.size(); i++) {
            long at = indexedAt.get(i)[0];
            long count = indexedAt.get(i)[1];
            long reachedAt = at;
            for (long[] sample : accepted) {
                if (sample[0] > at) {
                    break;
                }
                if (sample[1] > count) {
                    reachedAt = sample[0];
                    break;
                }
            }
            lags[i] = (at - reachedAt) / 1e9;
        }
        return lags;
    }

    private static double percentile(double[] values, double p) {
        if (values.length == 0) {
            return 0;
        }
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static long sizeOf(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }
}
