package io.playmark.infra.report;

import io.playmark.query.report.ReportRunView;
import io.playmark.query.report.ReportRuns;
import io.playmark.infra.jobs.MaintenanceResult;
import io.playmark.infra.jobs.MaintenanceTask;
import org.jobrunr.jobs.context.JobContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Removes report files past their expiry ({@code playmark.reports.retention}, 30 days), the recurring JobRunr job
 * {@code report-file-retention}: it walks the report folders (one per run), reads each run by its id, and removes
 * the folders of expired runs and of runs that are gone; it says in numbers what it did.
 */
public class ReportFileRetention implements MaintenanceTask {

    private final ReportFiles files;
    private final ReportRuns runs;
    private final Clock clock;

    ReportFileRetention(ReportFiles files, ReportRuns runs, Clock clock) {
        this.files = files;
        this.runs = runs;
        this.clock = clock;
    }

    /** What one cleanup did. */
    public record Result(long checked, long removedRuns, long removedFiles, long freedBytes)
            implements MaintenanceResult {

        @Override
        public Map<String, Long> figures() {
            return MaintenanceResult.figures("checked", checked, "removedRuns", removedRuns,
                    "removedFiles", removedFiles, "freedBytes", freedBytes);
        }

        @Override
        public String summary() {
            return checked + " report run folders checked, " + removedRuns + " removed (" + removedFiles + " files, "
                    + freedBytes + " bytes freed)";
        }
    }

    @Override
    public String jobId() {
        return ReportsConfiguration.RETENTION_JOB_ID;
    }

    @Override
    public Result run(JobContext job) throws IOException {
        Instant now = clock.instant();
        long checked = 0;
        long removedRuns = 0;
        long removedFiles = 0;
        long freed = 0;
        if (Files.isDirectory(files.root())) {
            List<Path> folders;
            try (Stream<Path> listing = Files.list(files.root())) {
                folders = listing.filter(Files::isDirectory).toList();
            }
            for (Path folder : folders) {
                checked++;
                String runId = folder.getFileName().toString();
                ReportRunView run = runs.find(runId);
                boolean expired = run == null || run.files().isEmpty() && run.status().isFinal()
                        || run.files().stream().allMatch(file -> file.expiresAt().isBefore(now))
                        && !run.files().isEmpty();
                if (!expired) {
                    continue;
                }
                try (Stream<Path> inside = Files.list(folder)) {
                    removedFiles += inside.count();
                }
                freed += files.delete(runId);
                if (run != null) {
                    runs.filesRemoved(runId);
                }
                removedRuns++;
            }
        }
        return new Result(checked, removedRuns, removedFiles, freed);
    }
}
