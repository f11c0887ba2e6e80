package io.playmark.query.consistency;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Read-your-writes for API calls: after a command has committed, waits until the named projections
 * have processed everything the event store held at that moment, so the caller's next read sees its
 * own write. Waiting is bounded: a stuck projection delays a response, it does not hang it.
 */
@Component
public class ProjectionCatchUp {

    private static final Logger log = LoggerFactory.getLogger(ProjectionCatchUp.class);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(5);

    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;
    private final Duration timeout;

    public ProjectionCatchUp(EventStore eventStore, EventProcessingConfiguration processing,
                             @Value("${playmark.read-your-writes.timeout:10s}") Duration timeout) {
        this.eventStore = eventStore;
        this.processing = processing;
        this.timeout = timeout;
    }

    /** Returns true when every named processing group caught up within the timeout. */
    public boolean awaitCaughtUp(List<String> processingGroups) {
        TrackingToken head = eventStore.createHeadToken();
        if (head == null) {
            return true;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String group : processingGroups) {
            Optional<StreamingEventProcessor> processor = processing.eventProcessor(group, StreamingEventProcessor.class);
            if (processor.isEmpty()) {
                throw new IllegalArgumentException("no streaming event processor named " + group);
            }
            while (!hasReached(processor.get(), head)) {
                if (System.nanoTime() > deadline) {
                    log.warn("Projection {} did not catch up with {} within {}; answering anyway", group, head, timeout);
                    return false;
                }
                sleep();
            }
        }
        return true;
    }

    private static boolean hasReached(StreamingEventProcessor processor, TrackingToken head) {
        var segments = processor.processingStatus().values();
        if (segments.isEmpty()) {
            return false;
        }
        for (EventTrackerStatus segment : segments) {
            TrackingToken position = segment.getTrackingToken();
            if (segment.isErrorState() || position == null || !covers(position, head)) {
                return false;
            }
        }
        return true;
    }

    private static boolean covers(TrackingToken position, TrackingToken head) {
        OptionalLong reached = position.position();
        OptionalLong wanted = head.position();
        if (reached.isPresent() && wanted.isPresent()) {
            return reached.getAsLong() >= wanted.getAsLong();
        }
        return position.covers(head);
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
