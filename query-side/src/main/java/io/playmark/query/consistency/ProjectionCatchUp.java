package io.playmark.query.consistency;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Read-your-writes for API calls: after a command has committed, waits until the named projections
 * have processed the aggregate's last event, so the caller's next read sees its own write. Waiting is
 * bounded: a stuck projection delays a response, it does not hang it.
 * <p>
 * Only the segment that holds the aggregate's events counts. Where this instance processes it, the
 * processor's own status tells; where another instance does, its progress is read from the shared token
 * store, so a mutation waits for the projection wherever it runs.
 */
@Component
public class ProjectionCatchUp {

    private static final Logger log = LoggerFactory.getLogger(ProjectionCatchUp.class);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(5);

    private final EventStore eventStore;
    private final EventPositions positions;
    private final EventProcessingConfiguration processing;
    private final ProcessorTokens storedTokens;
    private final Duration timeout;
    private final AtomicLong timeouts = new AtomicLong();

    public ProjectionCatchUp(EventStore eventStore, EventPositions positions, EventProcessingConfiguration processing,
                             ProcessorTokens storedTokens,
                             @Value("${playmark.read-your-writes.timeout:10s}") Duration timeout) {
        this.eventStore = eventStore;
        this.positions = positions;
        this.processing = processing;
        this.storedTokens = storedTokens;
        this.timeout = timeout;
    }

    /** How many waits ran out of time since this instance started. */
    public long timeouts() {
        return timeouts.get();
    }

    /** Returns true when every named processing group processed the aggregate's last event within the timeout. */
    public boolean awaitCaughtUp(String aggregateId, List<String> processingGroups) {
        Predicate<TrackingToken> reached = target(aggregateId);
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String group : processingGroups) {
            StreamingEventProcessor processor = processing.eventProcessor(group, StreamingEventProcessor.class)
                    .orElseThrow(() -> new IllegalArgumentException("no streaming event processor named " + group));
            while (!hasReached(processor, aggregateId, reached)) {
                if (System.nanoTime() > deadline) {
                    timeouts.incrementAndGet();
                    log.warn("Projection {} did not process the last event of {} within {}; answering anyway. "
                            + "Its segments: {}", group, aggregateId, timeout, processor.processingStatus().values());
                    return false;
                }
                sleep();
            }
        }
        return true;
    }

    /**
     * What "processed" means for a token: past the aggregate's last event when the store tells its global
     * position, otherwise covering the store's head at this moment.
     */
    private Predicate<TrackingToken> target(String aggregateId) {
        OptionalLong last = positions.lastEventPosition(aggregateId);
        if (last.isPresent()) {
            long position = last.getAsLong();
            return token -> processed(WrappedToken.unwrapLowerBound(token), position);
        }
        TrackingToken head = eventStore.createHeadToken();
        return token -> head == null || token.covers(head);
    }

    /** A replay that has not processed its first event yet unwraps to no token: nothing processed. */
    private static boolean processed(TrackingToken token, long position) {
        if (token == null) {
            return false;
        }
        if (token instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex() >= position && !gapAware.getGaps().contains(position);
        }
        OptionalLong reached = token.position();
        return reached.isPresent() && reached.getAsLong() >= position;
    }

    /**
     * Whether the segments that hold the aggregate's events (projections are split by aggregate) have
     * processed its last event: the ones this instance processes by their status, the others by the
     * tokens their instances stored.
     */
    private boolean hasReached(StreamingEventProcessor processor, String aggregateId, Predicate<TrackingToken> reached) {
        Map<Integer, EventTrackerStatus> owned = processor.processingStatus();
        for (EventTrackerStatus segment : owned.values()) {
            if (segment.getSegment().matches(aggregateId)) {
                // the aggregate's segment is processed here: its own status tells, no store to ask
                TrackingToken token = segment.getTrackingToken();
                return !segment.isErrorState() && token != null && reached.test(token);
            }
        }
        List<ProcessorTokens.StoredSegment> stored = storedTokens.storedSegments(processor.getName());
        int[] segmentIds = stored.stream().mapToInt(ProcessorTokens.StoredSegment::segment).toArray();
        if (segmentIds.length == 0) {
            return false;
        }
        for (ProcessorTokens.StoredSegment segment : stored) {
            if (!owned.containsKey(segment.segment())
                    && Segment.computeSegment(segment.segment(), segmentIds).matches(aggregateId)
                    && (segment.token() == null || !reached.test(segment.token()))) {
                return false;
            }
        }
        return true;
    }

    /** The wait's step, whether it reads this instance's status or the token store (one small, indexed query). */
    private static void sleep() {
        try {
            Thread.sleep(POLL_INTERVAL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for projections", e);
        }
    }
}
