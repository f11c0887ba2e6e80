package io.playmark.infra.eventstore.benchmark;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * Measures Playmark's gap-aware MongoDB event storage engine against axon-mongo's engine and against the raw rates of
 * the embedded mongo-java-server on the same documents, on its memory and H2 file backends, and prints each figure
 * and a Markdown table with the targets. See docs/benchmarks.md for how to run it and what it measures.
 * <p>
 * Each store under test gets its own fresh server (and H2 file), so that runs do not disturb each other. It is a
 * program, not a test: timings are printed, never asserted.
 */
public final class EventStoreBenchmark {

    private EventStoreBenchmark() {
    }

    public static void main(String[] args) {
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        quietLogging();
        Results results = new Results(options.events(), options.smallStore(), false);
        long started = System.nanoTime();
        System.out.printf("Event store benchmark, %s: %d cores, max heap %,d MB, Java %s, load average %.2f%n",
                          Instant.now().truncatedTo(ChronoUnit.SECONDS), Runtime.getRuntime().availableProcessors(),
                          Runtime.getRuntime().maxMemory() >> 20, Runtime.version(),
                          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println("Options: " + options);
        if (options.warmUp()) {
            // raw runs first on each backend: without this its figures would pay for the JIT's warm-up of the driver
            // and of the backend's code
            System.out.println("Warming up (an unrecorded small run of raw and gap-aware on each backend) ...");
            BenchmarkOptions warmUp = options.forWarmUp();
            Results discarded = new Results(warmUp.events(), warmUp.smallStore(), true);
            for (String backend : warmUp.backends()) {
                warmUp.subjects().forEach(subject -> new BenchmarkRun(warmUp, backend, subject, discarded).execute());
            }
            System.out.printf("Warm-up took %.0f s%n", (System.nanoTime() - started) / 1e9);
        }
        // axon-mongo last: its abandoned scans and gigabytes of garbage must not weigh on figures compared with raw
        List<String> subjects = options.subjects().stream().filter(s -> !s.equals(Results.AXON_MONGO)).toList();
        for (String backend : options.backends()) {
            subjects.forEach(subject -> new BenchmarkRun(options, backend, subject, results).execute());
        }
        if (options.subjects().contains(Results.AXON_MONGO)) {
            for (String backend : options.backends()) {
                new BenchmarkRun(options, backend, Results.AXON_MONGO, results).execute();
            }
        }
        System.out.printf("%nAll runs took %.1f min; load average now %.2f.%n%n", (System.nanoTime() - started) / 60e9,
                          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println(results.markdownTable(options.backends()));
        System.out.println();
        System.out.println(results.errors().isEmpty() ? "No errors." : "Errors:");
        results.errors().forEach(error -> System.out.println("- " + error));
        // the servers' threads are stopped, but a processor that did not stop in time would keep the JVM alive
        System.exit(0);
    }

    /** Without a logback configuration on the classpath everything logs at DEBUG: keep libraries to warnings. */
    static void quietLogging() {
        Map<String, Level> levels = Map.of(org.slf4j.Logger.ROOT_LOGGER_NAME, Level.INFO, "org.mongodb", Level.WARN,
                                           "de.bwaldvogel", Level.WARN, "org.axonframework", Level.WARN,
                                           // its warning that tokens are lost at exit is the point here
                                           "org.axonframework.eventhandling.tokenstore.inmemory", Level.ERROR,
                                           "io.playmark", Level.INFO,
                                           // the benchmark logs the server's start and stop itself
                                           "io.playmark.infra.embedded", Level.WARN);
        levels.forEach((name, level) -> {
            if (LoggerFactory.getLogger(name) instanceof Logger logger) {
                logger.setLevel(level);
            }
        });
    }
}
