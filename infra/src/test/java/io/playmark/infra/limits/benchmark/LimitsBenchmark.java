package io.playmark.infra.limits.benchmark;

import io.playmark.infra.PlaymarkApplication;
import io.playmark.infra.limits.LimitsSwitch;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the HTTP limits (body sizes, authentication failures, rate limits) cost: starts Playmark once, in this process,
 * on the embedded servers (memory backend), and has client threads send one cheap authenticated request (an API key
 * looked up by id) over loopback in turns with the limits on and off ({@link LimitsSwitch}; off, every limit filter
 * passes the request straight on). The quotas are set so high that nothing is refused. Prints requests per second on
 * and off and their ratio, PASS when the limits keep at least 95 % of the throughput. A program, not a test.
 */
public final class LimitsBenchmark {

    private static final double TARGET = 0.95;
    private static final String ADMIN_KEY = "pmk_limits-benchmark-admin-key-0123456789";
    private static final String PATH = "/api/v1/admin/api-keys/configured-admin";

    private LimitsBenchmark() {
    }

    private record Turn(boolean limitsOn, long requests, long failures, double seconds) {

        double rate() {
            return requests / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        LimitsBenchmarkOptions options;
        try {
            options = LimitsBenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.out.printf("Limits benchmark, %s: %d cores, max heap %,d MB, Java %s, load average %.2f%n",
                Instant.now().truncatedTo(ChronoUnit.SECONDS), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, Runtime.version(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println("Options: " + options + "; request: GET " + PATH + " with the admin key");
        Path dataDir = Files.createTempDirectory("playmark-limits-benchmark-");
        boolean passed;
        try (ConfigurableApplicationContext playmark = start(dataDir)) {
            int port = ((WebServerApplicationContext) playmark).getWebServer().getPort();
            LimitsSwitch limits = playmark.getBean(LimitsSwitch.class);
            passed = run(options, port, limits);
        } finally {
            FileSystemUtils.deleteRecursively(dataDir);
        }
        System.exit(passed ? 0 : 1);
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        System.out.println("Starting Playmark (embedded servers, memory backend) ...");
        return new SpringApplicationBuilder(PlaymarkApplication.class).run(
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--playmark.data-dir=" + dataDir,
                "--playmark.mongodb.embedded.backend=memory",
                "--playmark.security.admin-api-key=" + ADMIN_KEY,
                "--playmark.jobs.dashboard.enabled=false",
                "--jobrunr.background-job-server.enabled=false",
                // high enough that no request is refused: the buckets are still consulted on every request
                "--playmark.limits.rate.roles.ADMIN.capacity=1000000000",
                "--logging.level.root=WARN",
                "--spring.main.banner-mode=off");
    }

    private static boolean run(LimitsBenchmarkOptions options, int port, LimitsSwitch limits)
            throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + PATH))
                .header("X-Api-Key", ADMIN_KEY).GET().build();
        List<HttpClient> clients = new ArrayList<>();
        for (int i = 0; i < options.threads(); i++) {
            clients.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
        }
        if (!options.warmUp().isZero()) {
            System.out.printf("Warming up for %d s (unrecorded) ...%n", options.warmUp().toSeconds());
            turn(clients, request, limits, true, options.warmUp().dividedBy(2));
            turn(clients, request, limits, false, options.warmUp().dividedBy(2));
        }
        List<Turn> turns = new ArrayList<>();
        for (int i = 0; i < options.turns(); i++) {
            // on, off, off, on, on, off, ...
            boolean on = ((i + 1) / 2) % 2 == 0;
            Turn turn = turn(clients, request, limits, on, options.turn());
            turns.add(turn);
            System.out.printf("Turn %2d, limits %-3s: %,8.0f requests/s (%,d requests%s)%n", i + 1, on ? "on" : "off",
                    turn.rate(), turn.requests(), turn.failures() == 0 ? "" : ", " + turn.failures() + " FAILED");
        }
        limits.turn(true);
        return report(turns);
    }

    /** One turn: every client sends requests back to back until the turn's time is up. */
    private static Turn turn(List<HttpClient> clients, HttpRequest request, LimitsSwitch limits, boolean on,
                             java.time.Duration length) throws InterruptedException {
        limits.turn(on);
        checkSwitch(clients.getFirst(), request, on);
        AtomicLong requests = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        long started = System.nanoTime();
        long deadline = started + length.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (HttpClient client : clients) {
            threads.add(Thread.ofPlatform().start(() -> {
                while (System.nanoTime() < deadline) {
                    try {
                        int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        (status == 200 ? requests : failures).incrementAndGet();
                    } catch (IOException e) {
                        failures.incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return new Turn(on, requests.get(), failures.get(), (System.nanoTime() - started) / 1e9);
    }

    /** The switch really took: with the limits on, answers carry the RateLimit headers; off, they do not. */
    private static void checkSwitch(HttpClient client, HttpRequest request, boolean on) {
        try {
            HttpResponse<Void> probe = client.send(request, HttpResponse.BodyHandlers.discarding());
            if (probe.headers().firstValue("RateLimit").isPresent() != on) {
                throw new IllegalStateException("the limits were switched " + (on ? "on" : "off")
                        + " but the answer's headers say otherwise: " + probe.headers().map());
            }
        } catch (IOException e) {
            throw new IllegalStateException("Playmark did not answer the probe request", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean report(List<Turn> turns) {
        double on = rate(turns, true);
        double off = rate(turns, false);
        long failures = turns.stream().mapToLong(Turn::failures).sum();
        double ratio = on / off;
        boolean passed = ratio >= TARGET && failures == 0;
        System.out.printf("%nLimits on:  %,8.0f requests/s%nLimits off: %,8.0f requests/s%n", on, off);
        System.out.printf("On / off:   %.1f %% (target: at least %.0f %%)%s%n", 100 * ratio, 100 * TARGET,
                failures == 0 ? "" : "; " + failures + " requests failed or were refused");
        System.out.println("Spread: " + blockRatios(turns));
        System.out.printf("Load average now %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println(passed ? "PASS" : "FAIL");
        return passed;
    }

    /**
     * The ratio within each block of four turns (on, off, off, on or off, on, on, off): how much the figure moves from
     * one part of the run to the next, on a machine shared with other work.
     */
    private static String blockRatios(List<Turn> turns) {
        List<Double> ratios = new ArrayList<>();
        for (int start = 0; start + 4 <= turns.size(); start += 4) {
            List<Turn> block = turns.subList(start, start + 4);
            ratios.add(rate(block, true) / rate(block, false));
        }
        if (ratios.isEmpty()) {
            return "too few turns for blocks of four";
        }
        List<Double> sorted = ratios.stream().sorted().toList();
        return "%d blocks of four turns, on / off from %.1f %% to %.1f %%, median %.1f %%".formatted(sorted.size(),
                100 * sorted.getFirst(), 100 * sorted.getLast(), 100 * sorted.get(sorted.size() / 2));
    }

    /** Requests per second over all turns of one kind: their requests over their time. */
    private static double rate(List<Turn> turns, boolean limitsOn) {
        long requests = 0;
        double seconds = 0;
        for (Turn turn : turns) {
            if (turn.limitsOn() == limitsOn) {
                requests += turn.requests();
                seconds += turn.seconds();
            }
        }
        return requests / seconds;
    }
}
