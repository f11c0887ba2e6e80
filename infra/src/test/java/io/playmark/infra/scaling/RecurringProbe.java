package io.playmark.infra.scaling;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A job for JobRunr that records when it ran, registered as a bean in each instance (JobRunr runs a job on a bean
 * it finds in the application context). Instances started in one JVM share the list, so a test sees the runs of
 * every instance's background job server.
 */
public final class RecurringProbe {

    private static final List<Instant> RUNS = new CopyOnWriteArrayList<>();

    public void run() {
        RUNS.add(Instant.now());
    }

    public static List<Instant> runs() {
        return List.copyOf(RUNS);
    }
}
