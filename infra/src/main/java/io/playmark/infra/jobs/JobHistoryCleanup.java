package io.playmark.infra.jobs;

import org.jobrunr.jobs.context.JobContext;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.storage.StorageProvider;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Deletes finished jobs from JobRunr's own history once they are older than their keep time: succeeded, failed and
 * deleted jobs each have theirs ({@code playmark.jobs.history}), so a failure stays visible longer than a success.
 */
class JobHistoryCleanup implements MaintenanceTask {

    static final String JOB_ID = "job-history-cleanup";

    /** How long finished jobs stay in the history, by the state they finished in. */
    record Keep(Duration succeeded, Duration failed, Duration deleted) {
    }

    record Result(long succeeded, long failed, long deleted) implements MaintenanceResult {
        @Override
        public Map<String, Long> figures() {
            return MaintenanceResult.figures("succeededDeleted", succeeded, "failedDeleted", failed,
                    "deletedDeleted", deleted);
        }

        @Override
        public String summary() {
            return "Removed from the job history: " + succeeded + " succeeded, " + failed + " failed and " + deleted
                    + " deleted jobs";
        }
    }

    private final StorageProvider jobs;
    private final Keep keep;
    private final Clock clock;

    JobHistoryCleanup(StorageProvider jobs, Keep keep, Clock clock) {
        this.jobs = jobs;
        this.keep = keep;
        this.clock = clock;
    }

    @Override
    public String jobId() {
        return JOB_ID;
    }

    @Override
    public Result run(JobContext job) {
        Instant now = clock.instant();
        return new Result(jobs.deleteJobsPermanently(StateName.SUCCEEDED, now.minus(keep.succeeded())),
                jobs.deleteJobsPermanently(StateName.FAILED, now.minus(keep.failed())),
                jobs.deleteJobsPermanently(StateName.DELETED, now.minus(keep.deleted())));
    }
}
