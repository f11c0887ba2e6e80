package io.playmark.infra.scaling.benchmark;

import io.playmark.infra.PlaymarkApplication;
import io.playmark.infra.embedded.EmbeddedElasticsearch;
import io.playmark.infra.embedded.EmbeddedMongoServer;
import io.playmark.infra.support.PlaymarkApi;
import io.playmark.infra.support.PlaymarkProcess;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Many instances on shared stores (a MongoDB-compatible server and an Elasticsearch node started here, as real
 * clusters would be): 1. the latency of a campaign mutation, read-your-writes included, on an instance that owns every
 * projection segment and on a command-only instance that owns none (it waits on the shared token store), in
 * alternating turns of the same run; target: the non-owning instance's median within 1.5 times the owning one's.
 * 2. how long after an instance is killed (a separate process, SIGKILL) its segments are held again; target: within
 * the claim timeout plus two claim intervals, Playmark's defaults. Run with the fetch delay docs/scaling.md gives for
 * several instances (20 ms). A program, not a test: {@code ./playmark bench-scaling}.
 */
public final class ScalingBenchmark {

    private static final String ADMIN_KEY = "pmk_scaling-benchmark-admin-key-0123456789";
    private static final double LATENCY_TARGET = 1.5;
    private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration CLAIM_INTERVAL = Duration.ofSeconds(2);
    /** The setting docs/scaling.md gives for several instances. */
    private static final String FETCH_DELAY = "20ms";
    private static final int TURNS = 10;
    private static final int MUTATIONS_PER_TURN = 20;

    private ScalingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf("Scaling benchmark, %s: %d cores, max heap %,d MB, Java %s, load average %.2f%n",
                Instant.now().truncatedTo(ChronoUnit.SECONDS), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, Runtime.version(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Path directory = Files.createTempDirectory("playmark-scaling-benchmark-");
        boolean passed;
        try (EmbeddedMongoServer mongo = EmbeddedMongoServer.start(EmbeddedMongoServer.Backend.MEMORY, directory);
             EmbeddedElasticsearch elasticsearch = EmbeddedElasticsearch.start(directory.resolve("es"), 0)) {
            Map<String, String> stores = Map.of("playmark.mongodb.uri", mongo.connectionString(),
                    "playmark.elasticsearch.uris", elasticsearch.httpUri().toString());
            try (ConfigurableApplicationContext owner = start(directory, "owner", "all", stores);
                 ConfigurableApplicationContext commandOnly = start(directory, "command-only", "command", stores)) {
                boolean latency = latency(api(owner), api(commandOnly));
                boolean takeover = takeover(owner, directory, mongo, elasticsearch);
                passed = latency && takeover;
            }
        } finally {
            FileSystemUtils.deleteRecursively(directory);
        }
        System.out.println(passed ? "PASS" : "FAIL");
        System.exit(passed ? 0 : 1);
    }

    private static boolean latency(PlaymarkApi owner, PlaymarkApi commandOnly) {
        System.out.printf("%nMutation latency (createCampaign, answered after read-your-writes): %d turns of %d, "
                + "alternating which instance goes first, after %d unrecorded on each%n", TURNS, MUTATIONS_PER_TURN,
                MUTATIONS_PER_TURN);
        create(owner, MUTATIONS_PER_TURN, new ArrayList<>());
        create(commandOnly, MUTATIONS_PER_TURN, new ArrayList<>());
        List<Long> owning = new ArrayList<>();
        List<Long> notOwning = new ArrayList<>();
        for (int turn = 0; turn < TURNS; turn++) {
            boolean ownerFirst = turn % 2 == 0;
            create(ownerFirst ? owner : commandOnly, MUTATIONS_PER_TURN, ownerFirst ? owning : notOwning);
            create(ownerFirst ? commandOnly : owner, MUTATIONS_PER_TURN, ownerFirst ? notOwning : owning);
        }
        double owningMedian = percentile(owning, 50);
        double notOwningMedian = percentile(notOwning, 50);
        double ratio = notOwningMedian / owningMedian;
        System.out.printf("| Instance | mutations | p50 | p95 | max |%n|---|---|---|---|---|%n");
        System.out.printf("| owns every segment | %d | %.1f ms | %.1f ms | %.1f ms |%n", owning.size(),
                owningMedian, percentile(owning, 95), percentile(owning, 100));
        System.out.printf("| command-only, owns none | %d | %.1f ms | %.1f ms | %.1f ms |%n", notOwning.size(),
                notOwningMedian, percentile(notOwning, 95), percentile(notOwning, 100));
        boolean passed = ratio <= LATENCY_TARGET;
        System.out.printf("RESULT non-owning / owning p50: %.2f× (target ≤ %.1f×) %s%n", ratio, LATENCY_TARGET,
                passed ? "PASS" : "FAIL");
        return passed;
    }

    private static boolean takeover(ConfigurableApplicationContext owner, Path directory, EmbeddedMongoServer mongo,
                                    EmbeddedElasticsearch elasticsearch) {
        System.out.printf("%nSegment takeover: a second query instance (a separate process) starts, takes its share, "
                + "and is killed (claim timeout %d s, claim interval %d s)%n", CLAIM_TIMEOUT.toSeconds(),
                CLAIM_INTERVAL.toSeconds());
        long started = System.nanoTime();
        try (PlaymarkProcess doomed = PlaymarkProcess.start("scaling-benchmark-doomed", Map.of(
                "PLAYMARK_MONGODB_URI", mongo.connectionString(),
                "PLAYMARK_ELASTICSEARCH_URIS", elasticsearch.httpUri().toString(),
                "PLAYMARK_ROLES", "query",
                "PLAYMARK_INSTANCE_ID", "doomed",
                "PLAYMARK_ADMIN_API_KEY", ADMIN_KEY,
                "PLAYMARK_DATA_DIR", directory.resolve("doomed").toString(),
                "PLAYMARK_JOBS_DASHBOARD_ENABLED", "false",
                "PLAYMARK_EVENT_STORE_FETCH_DELAY", FETCH_DELAY), Duration.ofSeconds(180))) {
            System.out.printf("The second instance is healthy after %.1f s%n", (System.nanoTime() - started) / 1e9);
            long balancing = System.nanoTime();
            awaitHeld(owner, 2, Duration.ofSeconds(60));
            System.out.printf("Shares settled (2 of 4 segments each, every projection) %.1f s after that%n",
                    (System.nanoTime() - balancing) / 1e9);
            doomed.kill();
        }
        long killed = System.nanoTime();
        Duration limit = CLAIM_TIMEOUT.plus(CLAIM_INTERVAL.multipliedBy(2));
        boolean held = awaitHeld(owner, 4, limit.multipliedBy(3));
        double seconds = (System.nanoTime() - killed) / 1e9;
        boolean passed = held && seconds <= limit.toMillis() / 1000.0;
        System.out.printf("RESULT takeover after a kill: %s (target ≤ %d s, the claim timeout plus two claim intervals) %s%n",
                held ? "%.1f s".formatted(seconds) : "not within " + limit.multipliedBy(3).toSeconds() + " s",
                limit.toSeconds(), passed ? "PASS" : "FAIL");
        return passed;
    }

    /** Waits until the instance holds this many segments of every projection; false when the time ran out. */
    private static boolean awaitHeld(ConfigurableApplicationContext instance, int segments, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            boolean all = true;
            for (EventProcessor processor : instance.getBean(EventProcessingConfiguration.class).eventProcessors().values()) {
                all &= processor instanceof StreamingEventProcessor streaming
                        && streaming.processingStatus().size() == segments;
            }
            if (all) {
                return true;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private static void create(PlaymarkApi instance, int count, List<Long> latencies) {
        for (int i = 0; i < count; i++) {
            long started = System.nanoTime();
            JsonNode created = instance.graphQl("mutation { createCampaign(input: {name: \"Benchmark\", advertiser: "
                    + "\"Scaling\"}) { id } }");
            long micros = (System.nanoTime() - started) / 1_000;
            if (created.get("errors") != null) {
                throw new IllegalStateException("a mutation failed: " + created);
            }
            latencies.add(micros);
        }
    }

    /** The percentile of microsecond latencies, in milliseconds (nearest rank). */
    private static double percentile(List<Long> micros, int percentile) {
        List<Long> sorted = micros.stream().sorted().toList();
        int rank = Math.max(1, (int) Math.ceil(percentile / 100.0 * sorted.size()));
        return sorted.get(rank - 1) / 1000.0;
    }

    private static ConfigurableApplicationContext start(Path directory, String id, String roles, Map<String, String> stores) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--playmark.instance-id=" + id,
                "--playmark.roles=" + roles,
                "--playmark.data-dir=" + directory.resolve(id),
                "--playmark.security.admin-api-key=" + ADMIN_KEY,
                "--playmark.jobs.dashboard.enabled=false",
                "--playmark.event-store.fetch-delay=" + FETCH_DELAY,
                "--logging.level.root=WARN",
                "--spring.main.banner-mode=off"));
        stores.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        return new SpringApplicationBuilder(PlaymarkApplication.class).run(arguments.toArray(String[]::new));
    }

    private static PlaymarkApi api(ConfigurableApplicationContext context) {
        return PlaymarkApi.of(context, ADMIN_KEY);
    }
}
