package io.playmark.infra.play;

import io.playmark.infra.jobs.MaintenanceResult;
import io.playmark.infra.jobs.MaintenanceTask;
import io.playmark.query.play.PlayIndex;
import org.jobrunr.jobs.context.JobContext;
import org.jobrunr.jobs.context.JobDashboardProgressBar;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Force-merges the monthly play indices of months that ended at least {@code playmark.plays.merge-after} ago into
 * one segment each: their plays are read by every report over them and rarely change (only a late backlog adds
 * some), and one segment answers aggregations faster and holds less. An index already in one segment is left alone,
 * so a month is merged again only after late plays reached it.
 */
class ClosedPlayIndexMerge implements MaintenanceTask {

    static final String JOB_ID = "play-index-merge";

    record Result(long closed, long merged, long segmentsBefore, long segmentsAfter) implements MaintenanceResult {

        @Override
        public Map<String, Long> figures() {
            return MaintenanceResult.figures("closedIndices", closed, "merged", merged,
                    "segmentsBefore", segmentsBefore, "segmentsAfter", segmentsAfter);
        }

        @Override
        public String summary() {
            return "Merged " + merged + " of " + closed + " closed play indices, from " + segmentsBefore
                    + " segments to " + segmentsAfter;
        }
    }

    private final PlayIndex index;
    private final Duration mergeAfter;
    private final Clock clock;

    ClosedPlayIndexMerge(PlayIndex index, Duration mergeAfter, Clock clock) {
        this.index = index;
        this.mergeAfter = mergeAfter;
        this.clock = clock;
    }

    @Override
    public String jobId() {
        return JOB_ID;
    }

    @Override
    public Result run(JobContext job) {
        List<String> closed = index.monthsEndedBy(clock.instant().minus(mergeAfter));
        JobDashboardProgressBar progress = job.progressBar(closed.size());
        long merged = 0;
        long before = 0;
        long after = 0;
        for (String month : closed) {
            PlayIndex.Merge merge = index.mergeToOneSegment(month);
            merged += merge.merged() ? 1 : 0;
            before += merge.segmentsBefore();
            after += merge.segmentsAfter();
            progress.incrementSucceeded();
        }
        return new Result(closed.size(), merged, before, after);
    }
}
