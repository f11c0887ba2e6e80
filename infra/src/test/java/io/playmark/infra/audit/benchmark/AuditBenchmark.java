package io.playmark.infra.audit.benchmark;

import io.playmark.infra.PlaymarkApplication;
import io.playmark.infra.support.PlaymarkApi;
import io.playmark.kernel.campaign.CampaignRenamedEvent;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The audit trail's first two targets of issue 13: one Playmark in this process on the embedded servers (memory
 * backend), a campaign with 10,000 events (created, renamed 9,998 times straight into the event store, then renamed
 * once more through the API so that the aggregate loads them all and takes its snapshot), and over loopback: pages of
 * 100 events at random places, the state at the latest point (from the snapshot) and the state at random sequence
 * numbers before the snapshot (replayed from the first event; 40 of them). Prints p50/p99 and PASS or FAIL. A program, not a test.
 */
public final class AuditBenchmark {

    private static final String ADMIN_KEY = "pmk_audit-benchmark-admin-key-0123456789";
    private static final int EVENTS = 10_000;
    private static final int REQUESTS = 200;
    /** Replays from the first event are long: fewer of them. */
    private static final int REPLAYS = 40;

    private AuditBenchmark() {
    }

    public static void main(String[] args) {
        try {
            System.exit(run() ? 0 : 1);
        } catch (Exception failed) {
            failed.printStackTrace();
            System.exit(2);
        }
    }

    private static boolean run() throws Exception {
        System.out.printf("Audit benchmark, %s: %d cores, max heap %,d MB, Java %s, load average %.2f%n",
                Instant.now().truncatedTo(ChronoUnit.SECONDS), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, Runtime.version(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Path dataDir = Files.createTempDirectory("playmark-audit-benchmark-");
        try (ConfigurableApplicationContext playmark = start(dataDir)) {
            PlaymarkApi api = new PlaymarkApi(((WebServerApplicationContext) playmark).getWebServer().getPort(),
                    ADMIN_KEY);
            String campaign = fixture(playmark, api);
            String base = "/api/v1/audit/campaign/" + campaign;
            Random random = new Random(13);
            double[] page = measure(REQUESTS, () -> {
                JsonNode answer = api.get(base + "/events?first=100&after=" + random.nextInt(EVENTS - 101)).body();
                require(answer.get("events").size() == 100, "a page of 100 events: " + answer);
            });
            double[] latest = measure(REQUESTS, () -> {
                JsonNode answer = api.get(base + "/state?at=" + Instant.now()).body();
                require(answer.get("fromSnapshot").asBoolean(), "the latest state from the snapshot: " + answer);
            });
            double[] replayed = measure(REPLAYS, () -> {
                int at = random.nextInt(EVENTS - 1);
                JsonNode answer = api.get(base + "/state?at=" + at).body();
                require(answer.get("sequenceNumber").asLong() == at, "the state at " + at + ": " + answer);
            });
            System.out.printf("%n%-52s %10s %10s %10s%n", "", "p50", "p99", "target");
            System.out.printf("%-52s %7.1f ms %7.1f ms %10s%n", "page of 100 events", page[0], page[1], "<= 100 ms");
            System.out.printf("%-52s %7.1f ms %7.1f ms %10s%n", "state at now (snapshot + events after it)",
                    latest[0], latest[1], "<= 200 ms");
            System.out.printf("%-52s %7.1f ms %7.1f ms %10s%n", "state at a random sequence (replay from event 0)",
                    replayed[0], replayed[1], "(none)");
            boolean passed = page[1] <= 100 && latest[1] <= 200;
            System.out.println(passed ? "PASS" : "FAIL");
            return passed;
        } finally {
            FileSystemUtils.deleteRecursively(dataDir);
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        System.out.println("Starting Playmark (embedded servers, memory backend) ...");
        return new SpringApplicationBuilder(PlaymarkApplication.class)
                .run("--server.port=0", "--server.address=127.0.0.1", "--playmark.data-dir=" + dataDir,
                        "--playmark.mongodb.embedded.backend=memory", "--playmark.security.admin-api-key=" + ADMIN_KEY,
                        "--playmark.jobs.dashboard.enabled=false", "--jobrunr.background-job-server.enabled=false",
                        "--playmark.limits.rate.roles.ADMIN.capacity=1000000000", "--logging.level.root=WARN",
                        "--spring.main.banner-mode=off");
    }

    /** A campaign with {@value #EVENTS} events, the last one through the API so that it is snapshotted. */
    private static String fixture(ConfigurableApplicationContext playmark, PlaymarkApi api) throws Exception {
        System.out.println("Building a campaign with " + EVENTS + " events ...");
        String campaign = api.graphQl("mutation { createCampaign(input: {name: \"Bench 0\", advertiser: \"Acme\"}) "
                + "{ id } }").get("data").get("createCampaign").get("id").asString();
        EventStorageEngine engine = playmark.getBean(EventStorageEngine.class);
        MetaData who = MetaData.from(Map.of("principal", "benchmark", "authentication", "system"));
        List<GenericDomainEventMessage<?>> batch = new ArrayList<>();
        for (long sequence = 1; sequence < EVENTS - 1; sequence++) {
            batch.add(new GenericDomainEventMessage<>("Campaign", campaign, sequence,
                    new CampaignRenamedEvent(campaign, "Bench " + sequence, "Bench " + (sequence - 1)), who));
            if (batch.size() == 500 || sequence == EVENTS - 2) {
                engine.appendEvents(batch);
                batch.clear();
            }
        }
        JsonNode renamed = api.graphQl("mutation($id: ID!) { renameCampaign(id: $id, name: \"Bench last\") { id } }",
                "id", campaign);
        require(renamed.get("errors") == null, "the last rename: " + renamed);
        for (int wait = 0; wait < 100; wait++) {
            if (engine.readSnapshot(campaign).isPresent()) {
                return campaign;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no snapshot of the campaign after loading " + EVENTS + " events");
    }

    /** p50 and p99 in milliseconds of {@code requests} calls, after a tenth as many (at least 5) not counted. */
    private static double[] measure(int requests, Runnable call) {
        for (int i = 0; i < Math.max(5, requests / 10); i++) {
            call.run();
        }
        double[] millis = new double[requests];
        for (int i = 0; i < requests; i++) {
            long started = System.nanoTime();
            call.run();
            millis[i] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(millis);
        return new double[]{millis[requests / 2], millis[(int) Math.ceil(requests * 0.99) - 1]};
    }

    private static void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("unexpected answer, expected " + what);
        }
    }
}
