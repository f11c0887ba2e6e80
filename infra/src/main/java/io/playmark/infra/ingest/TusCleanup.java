package io.playmark.infra.ingest;

import io.playmark.infra.jobs.MaintenanceResult;
import io.playmark.infra.jobs.MaintenanceTask;
import me.desair.tus.server.TusFileUploadService;
import org.jobrunr.jobs.context.JobContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/** Removes expired unfinished uploads and stale locks (tus-java-server's cleanup), counting the uploads it removed. */
public class TusCleanup implements MaintenanceTask {

    static final String JOB_ID = "tus-cleanup";

    record Result(long removed, long remaining) implements MaintenanceResult {

        @Override
        public Map<String, Long> figures() {
            return Map.of("removed", removed, "remaining", remaining);
        }

        @Override
        public String summary() {
            return "Removed " + removed + " expired tus uploads; " + remaining + " remain";
        }
    }

    private final TusFileUploadService uploads;
    private final Path storage;
    private final Path uploadsDirectory;

    /** {@code storage}: tus-java-server's storage path, where it keeps "uploads" and "locks". */
    TusCleanup(TusFileUploadService uploads, Path storage) {
        this.uploads = uploads;
        this.storage = storage;
        this.uploadsDirectory = storage.resolve("uploads");
    }

    @Override
    public String jobId() {
        return JOB_ID;
    }

    @Override
    public Result run(JobContext job) throws IOException {
        // tus-java-server's cleanup fails on directories that its first upload has not made yet
        Files.createDirectories(storage.resolve("locks"));
        Files.createDirectories(uploadsDirectory);
        long before = uploadsHeld();
        uploads.cleanup();
        long after = uploadsHeld();
        return new Result(Math.max(0, before - after), after);
    }

    private long uploadsHeld() throws IOException {
        try (Stream<Path> entries = Files.list(uploadsDirectory)) {
            return entries.count();
        }
    }
}
