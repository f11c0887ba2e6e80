package io.playmark.query.report;

import io.playmark.kernel.NotFoundException;
import io.playmark.kernel.play.OpenPeriod;
import io.playmark.kernel.report.TimeRange;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The runs of reports in MongoDB, each changed by one conditional update, so that whichever instance's job server
 * runs it, a run moves only forward (a cancelled run is not started, a finished one not changed).
 */
@Component
public class ReportRuns {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoTemplate mongo;
    private final Clock clock;

    ReportRuns(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        mongo.indexOps(ReportRunView.class).createIndex(new Index("reportKey", Sort.Direction.ASC).unique());
    }

    /** A new id: the time in milliseconds (hex, fixed width) then random bits, so ids sort by creation. */
    static String newId(Instant at) {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        String hex = String.format("%012x", at.toEpochMilli()) + HexFormat.of().formatHex(random);
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-7" + hex.substring(13, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20, 32);
    }

    public ReportRunView queue(ReportView report, TimeRange.Interval range, String trigger, String requestedBy) {
        Instant now = clock.instant();
        String id = newId(now);
        ReportRunView run = new ReportRunView(id, report.id(), report.name(), report.id() + "|" + id,
                ReportRunStatus.QUEUED, 0, 0, range.from(), range.to(), trigger, requestedBy, now, null, null, false,
                0, null, List.of(), List.of(), List.of());
        return mongo.insert(run);
    }

    public ReportRunView find(String id) {
        return mongo.findById(id, ReportRunView.class);
    }

    public ReportRunView require(String id) {
        ReportRunView run = find(id);
        if (run == null) {
            throw new NotFoundException("no report run " + id);
        }
        return run;
    }

    /** Up to {@code first} + 1 runs, newest first: of one report by its key, or of all by id. */
    List<ReportRunView> page(String reportId, int first, String after) {
        Criteria criteria;
        if (reportId == null) {
            criteria = after == null ? new Criteria() : where("_id").lt(after);
            return mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "_id")).limit(first + 1),
                    ReportRunView.class);
        }
        String prefix = reportId + "|";
        criteria = where("reportKey").gt(prefix).lt(after == null ? prefix + "~" : prefix + after);
        return mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "reportKey")).limit(first + 1),
                ReportRunView.class);
    }

    /** Takes a queued run (or one being retried); null when it was cancelled or has finished. */
    public ReportRunView start(String id) {
        return mongo.findAndModify(Query.query(where("_id").is(id).and("status").is(ReportRunStatus.QUEUED)
                        .and("cancelRequested").is(false)),
                new Update().set("status", ReportRunStatus.RUNNING).set("startedAt", clock.instant())
                        .set("progress", 0).inc("attempts", 1),
                FindAndModifyOptions.options().returnNew(true), ReportRunView.class);
    }

    public void progress(String id, double progress, long rows) {
        mongo.updateFirst(running(id), new Update().set("progress", progress).set("rows", rows), ReportRunView.class);
    }

    public boolean cancelRequested(String id) {
        ReportRunView run = find(id);
        return run == null || run.cancelRequested();
    }

    public void succeeded(String id, long rows, List<ReportRunView.ReportFile> files, List<OpenPeriod> open) {
        mongo.updateFirst(running(id), new Update().set("status", ReportRunStatus.SUCCEEDED).set("progress", 1)
                .set("rows", rows).set("files", files).set("openPeriods", open).set("finishedAt", clock.instant())
                .set("error", null), ReportRunView.class);
    }

    /** A failed attempt: queued again for JobRunr's next try, or failed for good after the last. */
    public void failed(String id, String error, boolean willRetry) {
        Update update = new Update().set("error", error).set("status",
                willRetry ? ReportRunStatus.QUEUED : ReportRunStatus.FAILED);
        if (!willRetry) {
            update.set("finishedAt", clock.instant());
        }
        mongo.updateFirst(running(id), update, ReportRunView.class);
    }

    public void cancelled(String id) {
        mongo.updateFirst(Query.query(where("_id").is(id).and("status").in(ReportRunStatus.QUEUED,
                ReportRunStatus.RUNNING)), new Update().set("status", ReportRunStatus.CANCELLED)
                .set("finishedAt", clock.instant()), ReportRunView.class);
    }

    /** Asks a run to stop: a queued run is cancelled at once, a running one at its next page of data. */
    public ReportRunView requestCancel(String id) {
        require(id);
        mongo.updateFirst(Query.query(where("_id").is(id).and("status").in(ReportRunStatus.QUEUED,
                ReportRunStatus.RUNNING)), new Update().set("cancelRequested", true), ReportRunView.class);
        cancelled(id, ReportRunStatus.QUEUED);
        return find(id);
    }

    private void cancelled(String id, ReportRunStatus from) {
        mongo.updateFirst(Query.query(where("_id").is(id).and("status").is(from)),
                new Update().set("status", ReportRunStatus.CANCELLED).set("finishedAt", clock.instant()),
                ReportRunView.class);
    }

    public void delivered(String id, ReportRunView.DeliveryAttempt attempt) {
        mongo.updateFirst(Query.query(where("_id").is(id)), new Update().push("deliveries", attempt),
                ReportRunView.class);
    }

    /** The run's files are gone (past the retention). */
    public void filesRemoved(String id) {
        mongo.updateFirst(Query.query(where("_id").is(id)), new Update().set("files", List.of()), ReportRunView.class);
    }

    private static Query running(String id) {
        return Query.query(where("_id").is(id).and("status").is(ReportRunStatus.RUNNING));
    }
}
