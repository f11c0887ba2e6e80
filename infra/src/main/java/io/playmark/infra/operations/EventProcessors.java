package io.playmark.infra.operations;

import io.playmark.kernel.NotFoundException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Service;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** Reads and steers the event processors that keep projections up to date. */
@Service
public class EventProcessors {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    EventProcessors(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    public List<EventProcessorStatus> statuses() {
        Long head = position(eventStore.createHeadToken());
        return processing.eventProcessors().values().stream()
                .sorted(Comparator.comparing(EventProcessor::getName))
                .map(processor -> status(processor, head))
                .toList();
    }

    public EventProcessorStatus status(String name) {
        return status(find(name), position(eventStore.createHeadToken()));
    }

    /**
     * Rebuilds a projection from the first event: its tokens go back to the start of the stream and
     * its reset handlers clear the read model; the processor then works through history again.
     */
    public EventProcessorStatus replay(String name) {
        EventProcessor processor = find(name);
        if (!(processor instanceof StreamingEventProcessor streaming) || !streaming.supportsReset()) {
            throw new IllegalStateException("Event processor " + name + " cannot be replayed");
        }
        streaming.shutDown();
        streaming.resetTokens();
        streaming.start();
        return status(name);
    }

    private EventProcessor find(String name) {
        return processing.eventProcessor(name)
                .orElseThrow(() -> new NotFoundException("No event processor named " + name));
    }

    private static EventProcessorStatus status(EventProcessor processor, Long head) {
        if (!(processor instanceof StreamingEventProcessor streaming)) {
            return new EventProcessorStatus(processor.getName(), processor.getClass().getSimpleName(),
                    processor.isRunning(), processor.isError(), false, null, head, null, List.of());
        }
        List<EventProcessorStatus.Segment> segments = streaming.processingStatus().values().stream()
                .sorted(Comparator.comparingInt(status -> status.getSegment().getSegmentId()))
                .map(EventProcessors::segment)
                .toList();
        Long slowest = segments.stream().map(EventProcessorStatus.Segment::position)
                .filter(Objects::nonNull).min(Long::compare).orElse(null);
        boolean replaying = segments.stream().anyMatch(EventProcessorStatus.Segment::replaying);
        Long lag = head == null ? null : slowest == null ? null : Math.max(0, head - slowest);
        return new EventProcessorStatus(processor.getName(), processor.getClass().getSimpleName(),
                streaming.isRunning(), streaming.isError(), replaying, slowest, head, lag, segments);
    }

    private static EventProcessorStatus.Segment segment(EventTrackerStatus status) {
        return new EventProcessorStatus.Segment(status.getSegment().getSegmentId(), position(status.getTrackingToken()),
                status.isCaughtUp(), status.isReplaying(),
                status.getError() == null ? null : status.getError().toString());
    }

    private static Long position(TrackingToken token) {
        if (token == null) {
            return null;
        }
        var position = token.position();
        return position.isPresent() ? position.getAsLong() : null;
    }
}
