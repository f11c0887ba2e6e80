package io.playmark.infra.axon;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.playmark.infra.jobs.MaintenanceResult;
import io.playmark.infra.jobs.MaintenanceTask;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.jobrunr.jobs.context.JobContext;
import org.jobrunr.jobs.context.JobDashboardProgressBar;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

/**
 * Snapshots the aggregates that grew by {@code playmark.event-store.snapshot-threshold} events or more since their
 * last snapshot, so that the next command or audit question on them replays few events. Each run walks the events
 * appended since the last run by their global position (the {@code _id}, read in batches), notes the newest sequence
 * number of every aggregate it meets, and compares it with the aggregate's snapshot (read by its {@code _id}). Where
 * it stopped is kept in {@value #STATE_COLLECTION}, so a run never walks the same events twice; a run walks at most
 * {@link #MAX_EVENTS_PER_RUN} and the next goes on from there.
 */
class AggregateSnapshots implements MaintenanceTask {

    static final String JOB_ID = "aggregate-snapshots";
    static final String STATE_COLLECTION = "maintenance_state";
    static final int MAX_EVENTS_PER_RUN = 1_000_000;
    private static final int BATCH = 1_000;

    record Result(long walked, long upToPosition, long aggregates, long snapshotted) implements MaintenanceResult {

        @Override
        public Map<String, Long> figures() {
            return MaintenanceResult.figures("eventsWalked", walked, "upToPosition", upToPosition,
                    "aggregatesSeen", aggregates, "snapshotted", snapshotted);
        }

        @Override
        public String summary() {
            return "Walked " + walked + " events up to position " + upToPosition + ": " + aggregates
                    + " aggregates changed, " + snapshotted + " snapshotted";
        }
    }

    /** An aggregate met in the walk: its type (the class's simple name) and newest sequence number. */
    private record Seen(String type, long sequence) {
    }

    private final EventStore eventStore;
    private final Snapshotter snapshotter;
    private final Map<String, Class<?>> aggregateTypes;
    private final MongoCollection<Document> events;
    private final MongoCollection<Document> snapshots;
    private final MongoCollection<Document> state;
    private final int threshold;

    AggregateSnapshots(EventStore eventStore, Snapshotter snapshotter, List<Class<?>> aggregateClasses,
                       MongoDatabase database, int threshold) {
        this.eventStore = eventStore;
        this.snapshotter = snapshotter;
        this.aggregateTypes = new HashMap<>();
        aggregateClasses.forEach(type -> aggregateTypes.put(type.getSimpleName(), type));
        this.events = database.getCollection("events");
        this.snapshots = database.getCollection("snapshots");
        this.state = database.getCollection(STATE_COLLECTION);
        this.threshold = threshold;
    }

    @Override
    public String jobId() {
        return JOB_ID;
    }

    @Override
    public Result run(JobContext job) {
        if (!(eventStore.createHeadToken() instanceof GapAwareTrackingToken head)) {
            // another engine (axon-mongo, kept for comparison) numbers its events otherwise
            return new Result(0, 0, 0, 0);
        }
        long from = walkedTo() + 1;
        long to = Math.min(head.getIndex(), from + MAX_EVENTS_PER_RUN - 1);
        Map<String, Seen> seen = new HashMap<>();
        JobDashboardProgressBar progress = job.progressBar(Math.max(0, to - from + 1));
        for (long start = from; start <= to; start += BATCH) {
            List<Long> positions = LongStream.rangeClosed(start, Math.min(to, start + BATCH - 1)).boxed().toList();
            for (Document event : events.find(Filters.in("_id", positions)).projection(
                    Projections.include("aggregateIdentifier", "type", "sequenceNumber"))) {
                String type = event.getString("type");
                if (type != null && aggregateTypes.containsKey(type)) {
                    long sequence = event.get("sequenceNumber", Number.class).longValue();
                    seen.merge(event.getString("aggregateIdentifier"), new Seen(type, sequence),
                            (a, b) -> a.sequence() >= b.sequence() ? a : b);
                }
            }
            progress.setProgress(positions.getLast() - from + 1);
        }
        long snapshotted = snapshotGrown(seen);
        if (to >= from) {
            state.updateOne(Filters.eq("_id", JOB_ID), Updates.set("walkedTo", to), new UpdateOptions().upsert(true));
        }
        return new Result(Math.max(0, to - from + 1), Math.max(to, from - 1), seen.size(), snapshotted);
    }

    private long walkedTo() {
        Document walked = state.find(Filters.eq("_id", JOB_ID)).first();
        return walked == null ? 0 : walked.get("walkedTo", Number.class).longValue();
    }

    /** Snapshots the aggregates whose newest event lies {@code threshold} or more past their snapshot. */
    private long snapshotGrown(Map<String, Seen> seen) {
        List<String> candidates = seen.entrySet().stream().filter(entry -> entry.getValue().sequence() + 1 >= threshold)
                .map(Map.Entry::getKey).toList();
        Map<String, Long> snapshotAt = new HashMap<>();
        for (int i = 0; i < candidates.size(); i += BATCH) {
            for (Document snapshot : snapshots.find(Filters.in("_id", candidates.subList(i,
                    Math.min(candidates.size(), i + BATCH)))).projection(Projections.include("sequenceNumber"))) {
                snapshotAt.put(snapshot.getString("_id"), snapshot.get("sequenceNumber", Number.class).longValue());
            }
        }
        List<String> grown = new ArrayList<>();
        for (String aggregate : candidates) {
            if (seen.get(aggregate).sequence() - snapshotAt.getOrDefault(aggregate, -1L) >= threshold) {
                grown.add(aggregate);
            }
        }
        grown.forEach(aggregate -> snapshotter.scheduleSnapshot(aggregateTypes.get(seen.get(aggregate).type()),
                aggregate));
        return grown.size();
    }
}
