package io.playmark.query.consistency;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
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
import java.util.OptionalLong;
import java.util.function.Predicate;

/**
 * Read-your-writes for API calls: after a command has committed, waits until the named projections
 * have processed the aggregate's last event, so the caller's next read sees its own write. Waiting is
 * bounded: a stuck projection delays a response, it does not hang it.
 */
@Component
public class ProjectionCatchUp {

    private static final Logger log = LoggerFactory.getLogger(ProjectionCatchUp.class);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(5);

    private final EventStore eventStore;
    private final EventPositions positions;
    private final EventProcessingConfiguration processing;
    private final Duration timeout;

    public ProjectionCatchUp(EventStore eventStore, EventPositions positions, EventProcessingConfiguration processing,
                             @Value("${playmark.read-your-writes.timeout:10s}") Duration timeout) {
        this.eventStore = eventStore;
        this.positions = positions;
        this.processing = processing;
        this.timeout = timeout;
    }

    /** Returns true when every named processing group processed the aggregate's last event within the timeout. */
    public boolean awaitCaughtUp(String aggregateId, List<String> processingGroups) {
        Predicate<TrackingToken> reached = target(aggregateId);
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String group : processingGroups) {
            StreamingEventProcessor processor = processing.eventProcessor(group, StreamingEventProcessor.class)
                    .orElseThrow(() -> new IllegalArgumentException("no streaming event processor named " + group));
            while (!hasReached(processor, reached)) {
                if (System.nanoTime() > deadline) {
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

    private static boolean processed(TrackingToken token, long position) {
        if (token instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex() >= position && !gapAware.getGaps().contains(position);
        }
        OptionalLong reached = token.position();
        return reached.isPresent() && reached.getAsLong() >= position;
    }

    private static boolean hasReached(StreamingEventProcessor processor, Predicate<TrackingToken> reached) {
        var segments = processor.processingStatus().values();
        if (segments.isEmpty()) {
            return false;
        }
        for (EventTrackerStatus segment : segments) {
            TrackingToken token = segment.getTrackingToken();
            if (segment.isErrorState() || token == null || !reached.test(token)) {
                return false;
            }
        }
        return true;
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_INTERVAL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for projections", e);
        }
    }
}
