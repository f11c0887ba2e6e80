package io.playmark.infra.audit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.playmark.infra.eventstore.EventChainBreak;
import io.playmark.infra.eventstore.EventChainVerifier;
import io.playmark.kernel.InvalidValueException;
import io.playmark.kernel.NotFoundException;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jobrunr.jobs.context.JobContext;
import org.jobrunr.jobs.context.JobDashboardProgressBar;
import org.jobrunr.scheduling.JobScheduler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Verifications of the event store as JobRunr jobs: one is recorded in {@value #COLLECTION} when asked for, run by
 * whichever instance's job server takes it, with a progress bar in the job dashboard and its progress and breaks in
 * its record, which any instance answers from.
 */
@Component
public class VerificationJobs {

    static final String COLLECTION = "eventVerifications";
    /** The most breaks one record keeps; the count goes on beyond it. */
    static final int KEPT_BREAKS = 1_000;
    private static final long PROGRESS_EVERY = 20;
    private static final String WHOLE_STORE = "";

    private final MongoCollection<Document> verifications;
    private final EventChainVerifier verifier;
    private final JobScheduler jobs;
    private final Clock clock;

    VerificationJobs(MongoClient client, @Value("${playmark.mongodb.database}") String database,
                     EventChainVerifier verifier, JobScheduler jobs, Clock clock) {
        this.verifications = client.getDatabase(database).getCollection(COLLECTION);
        this.verifier = verifier;
        this.jobs = jobs;
        this.clock = clock;
    }

    /** Records and enqueues a verification of the whole store (both null) or of one aggregate. */
    public VerificationStatus start(String aggregateType, String aggregateId, String requestedBy) {
        if ((aggregateType == null) != (aggregateId == null)) {
            throw new InvalidValueException(aggregateType == null ? "aggregateType" : "aggregateId",
                    "An aggregate is verified by its type and id together; give both or neither");
        }
        if (aggregateId != null && !verifier.exists(aggregateId, aggregateType)) {
            throw new NotFoundException("No " + aggregateType + " has the id " + aggregateId);
        }
        UUID id = UUID.randomUUID();
        verifications.insertOne(new Document("_id", id.toString())
                .append("aggregateType", aggregateType).append("aggregateId", aggregateId)
                .append("status", VerificationStatus.State.QUEUED.name()).append("requestedBy", requestedBy)
                .append("requestedAt", Date.from(clock.instant())).append("checked", 0L).append("total", 0L)
                .append("breaks", List.of()).append("breakCount", 0L));
        // the whole store as "": JobRunr reuses what it read of a job lambda, and a captured null did not survive it
        String scope = aggregateId == null ? WHOLE_STORE : aggregateId;
        jobs.<VerificationJobs>enqueue(id, job -> job.run(id.toString(), scope, JobContext.Null));
        return status(id.toString());
    }

    public VerificationStatus status(String id) {
        Document found = verifications.find(Filters.eq("_id", id)).first();
        if (found == null) {
            throw new NotFoundException("No verification has the id " + id);
        }
        return VerificationStatus.of(found);
    }

    /** The job: verifies, reporting progress to the dashboard and the record, and then the outcome. */
    public void run(String id, String aggregateId, JobContext context) {
        boolean wholeStore = WHOLE_STORE.equals(aggregateId);
        update(id, Updates.combine(Updates.set("status", VerificationStatus.State.RUNNING.name()),
                Updates.set("startedAt", Date.from(clock.instant()))));
        Recorder recorder = new Recorder(id, context);
        try {
            EventChainVerifier.Outcome outcome = wholeStore ? verifier.verifyAll(recorder)
                    : verifier.verifyAggregate(aggregateId, recorder);
            update(id, Updates.combine(recorder.progressUpdate(),
                    Updates.set("status", VerificationStatus.State.COMPLETED.name()),
                    Updates.set("chained", outcome.chained()), Updates.set("unchained", outcome.unchained()),
                    Updates.set("checkpoints", outcome.checkpoints()),
                    Updates.set("finishedAt", Date.from(clock.instant()))));
        } catch (RuntimeException e) {
            update(id, Updates.combine(recorder.progressUpdate(),
                    Updates.set("status", VerificationStatus.State.FAILED.name()),
                    Updates.set("failure", e.getMessage()), Updates.set("finishedAt", Date.from(clock.instant()))));
            throw e;
        }
    }

    private void update(String id, Bson update) {
        verifications.updateOne(Filters.eq("_id", id), update);
    }

    /** Keeps the breaks found and writes progress now and then, not on every batch. */
    private final class Recorder implements EventChainVerifier.Listener {

        private final String id;
        private final JobContext context;
        private final List<Document> breaks = new ArrayList<>();
        private JobDashboardProgressBar bar;
        private long breakCount;
        private long checked;
        private long total;
        private long reports;

        Recorder(String id, JobContext context) {
            this.id = id;
            this.context = context;
        }

        @Override
        public void progress(long checked, long total) {
            this.checked = checked;
            this.total = total;
            if (total > 0 && context != null && context != JobContext.Null) {
                if (bar == null) {
                    bar = context.progressBar(total);
                }
                bar.setProgress(Math.min(checked, total));
            }
            if (reports++ % PROGRESS_EVERY == 0) {
                update(id, progressUpdate());
            }
        }

        @Override
        public void broken(EventChainBreak found) {
            breakCount++;
            if (breaks.size() < KEPT_BREAKS) {
                breaks.add(new Document("position", found.position()).append("aggregateId", found.aggregateId())
                        .append("sequenceNumber", found.sequenceNumber()).append("problem", found.problem())
                        .append("expected", found.expected()).append("found", found.found()));
            }
        }

        Bson progressUpdate() {
            return Updates.combine(Updates.set("checked", checked), Updates.set("total", total),
                    Updates.set("breakCount", breakCount), Updates.set("breaks", List.copyOf(breaks)));
        }
    }
}
