package io.playmark.infra.support;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** What the benchmark programs share: the machine line they start with, and their exit status. */
public final class BenchmarkProgram {

    private BenchmarkProgram() {
    }

    /** A benchmark's run: true when every target held. */
    public interface Run {
        boolean passed(String[] args) throws Exception;
    }

    /** Prints the benchmark's name with the machine it runs on, runs it, and exits 0 (PASS), 1 (FAIL) or 2 (broke). */
    public static void main(String name, String[] args, Run run) {
        System.out.printf("%s, %s: %d cores, max heap %,d MB, Java %s, load average %.2f%n", name,
                Instant.now().truncatedTo(ChronoUnit.SECONDS), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, Runtime.version(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        try {
            System.exit(run.passed(args) ? 0 : 1);
        } catch (Exception failed) {
            failed.printStackTrace();
            System.exit(2);
        }
    }
}
