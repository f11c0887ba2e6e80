package io.playmark.infra.operations;

import io.playmark.infra.instance.InstanceRole;
import io.playmark.infra.instance.PlaymarkInstance;
import io.playmark.kernel.Causes;
import io.playmark.kernel.ConflictException;
import io.playmark.query.consistency.ProcessorTokens;
import io.playmark.query.rebuild.Rebuild;
import io.playmark.query.rebuild.Rebuilds;
import io.playmark.kernel.NotFoundException;
import io.playmark.kernel.UnavailableException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/** Reads and steers the event processors that keep projections up to date. */
@Service
public class EventProcessors {

    private static final Logger log = LoggerFactory.getLogger(EventProcessors.class);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final ProcessorTokens storedTokens;
    private final PlaymarkInstance instance;
    private final Rebuilds rebuilds;

    EventProcessors(EventProcessingConfiguration processing, EventStore eventStore, ProcessorTokens storedTokens,
                    PlaymarkInstance instance, Rebuilds rebuilds) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.storedTokens = storedTokens;
        this.instance = instance;
        this.rebuilds = rebuilds;
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
     * Rebuilds a projection from the first event: its tokens go back to the start of the stream and its reset
     * handlers either start a new index or shadow collection beside the live one (swapped in when the replay has
     * caught up, see {@link RebuildSwaps}) or clear the read model in place; the processor then works through
     * history again.
     */
    public EventProcessorStatus replay(String name) {
        EventProcessor processor = find(name);
        if (!(processor instanceof StreamingEventProcessor streaming) || !streaming.supportsReset()) {
            throw new ConflictException("Event processor " + name + " cannot be replayed");
        }
        if (!instance.has(InstanceRole.QUERY)) {
            throw new UnavailableException("This instance (roles " + instance.roleNames() + ") runs no projections; "
                    + "replay " + name + " on an instance with the query role");
        }
        streaming.shutDown();
        try {
            streaming.resetTokens();
        } catch (RuntimeException failure) {
            // a rebuild whose tokens were not reset must not be swapped in
            rebuilds.abandon(name);
            if (Causes.find(failure, UnableToClaimTokenException.class).isEmpty()) {
                throw failure;
            }
            throw new ConflictException("Replaying " + name + " needs every one of its segments, and another "
                    + "instance holds some: run one instance with the query role while replaying (docs/scaling.md)");
        } finally {
            // whether or not the reset took, this instance goes on processing its share
            streaming.start();
        }
        EventProcessorStatus status = status(name);
        log.info("Replaying {} from the first event; the store's head is at position {}", name, status.headPosition());
        return status;
    }

    /**
     * Whether every segment of the processor has replayed up to the position it was reset at (or has nothing to
     * replay), as the shared token store has it: what a rebuild waits for before its swap.
     */
    boolean replayedToReset(String name) {
        List<ProcessorTokens.StoredSegment> segments = storedTokens.storedSegments(name);
        return !segments.isEmpty() && segments.stream().noneMatch(stored -> replaying(stored.token()));
    }

    private static boolean replaying(TrackingToken token) {
        if (!(token instanceof ReplayToken replay)) {
            return false;
        }
        Long resetPosition = position(replay.getTokenAtReset());
        Long position = position(replay.getCurrentToken());
        return resetPosition != null && (position == null || position < resetPosition);
    }

    private EventProcessor find(String name) {
        return processing.eventProcessor(name)
                .orElseThrow(() -> new NotFoundException("No event processor named " + name));
    }

    private EventProcessorStatus status(EventProcessor processor, Long head) {
        if (!(processor instanceof StreamingEventProcessor streaming)) {
            return new EventProcessorStatus(processor.getName(), processor.getClass().getSimpleName(), instance.id(),
                    instance.roleNames(), processor.isRunning(), processor.isError(), false, null, head, null, null,
                    List.of(), null);
        }
        Map<Integer, EventTrackerStatus> local = streaming.processingStatus();
        List<EventProcessorStatus.Segment> segments = new ArrayList<>();
        local.values().forEach(status -> segments.add(segment(status, head)));
        storedTokens.storedSegments(processor.getName()).stream()
                .filter(stored -> !local.containsKey(stored.segment()))
                .forEach(stored -> segments.add(elsewhere(stored, head)));
        segments.sort(Comparator.comparingInt(EventProcessorStatus.Segment::id));
        Long slowest = segments.stream().map(EventProcessorStatus.Segment::position)
                .filter(Objects::nonNull).min(Long::compare).orElse(null);
        boolean replaying = segments.stream().anyMatch(EventProcessorStatus.Segment::replaying);
        Long lag = head == null ? null : slowest == null ? null : Math.max(0, head - slowest);
        Integer progress = replaying ? replayProgress(segments) : null;
        EventProcessorStatus.Rebuild rebuild = rebuilds.find(processor.getName())
                .map(found -> rebuild(found, segments, progress)).orElse(null);
        return new EventProcessorStatus(processor.getName(), processor.getClass().getSimpleName(), instance.id(),
                instance.roleNames(), streaming.isRunning(), streaming.isError(), replaying, slowest, head, lag,
                progress, segments, rebuild);
    }

    /**
     * A rebuild's progress: the rate is the replaying segments' mean advance since the reset over the time since,
     * and the time left the slowest one's distance to its reset position at that rate.
     */
    private EventProcessorStatus.Rebuild rebuild(Rebuild rebuild, List<EventProcessorStatus.Segment> segments,
                                                 Integer progress) {
        List<EventProcessorStatus.Segment> replaying = segments.stream()
                .filter(segment -> segment.replaying() && segment.resetPosition() != null).toList();
        if (replaying.isEmpty()) {
            return new EventProcessorStatus.Rebuild(rebuild.targets(), rebuild.startedAt(), 100, null, 0L,
                    phase(rebuild));
        }
        long tail = Objects.requireNonNullElse(position(eventStore.createTailToken()), 0L);
        double advance = replaying.stream().mapToLong(segment -> replayedFrom(segment, tail)).average().orElse(0);
        long millis = Math.max(1, Duration.between(rebuild.startedAt(), Instant.now()).toMillis());
        double rate = advance * 1000 / millis;
        long left = replaying.stream().mapToLong(segment -> segment.resetPosition() - tail - replayedFrom(segment, tail))
                .max().orElse(0);
        return new EventProcessorStatus.Rebuild(rebuild.targets(), rebuild.startedAt(), progress,
                Math.round(rate * 10) / 10.0, rate > 0 ? (long) Math.ceil(left / rate) : null, phase(rebuild));
    }

    private static long replayedFrom(EventProcessorStatus.Segment segment, long tail) {
        return segment.position() == null ? 0 : Math.max(0, segment.position() - tail);
    }

    private static String phase(Rebuild rebuild) {
        return rebuild.swappingBy() == null ? "building" : "swapping";
    }

    private EventProcessorStatus.Segment segment(EventTrackerStatus status, Long head) {
        boolean replaying = replaying(status);
        OptionalLong resetPosition = status.getResetPosition();
        Long position = position(status.getTrackingToken());
        return new EventProcessorStatus.Segment(status.getSegment().getSegmentId(), instance.id(), true, position,
                lag(head, position), status.isCaughtUp(), replaying,
                replaying && resetPosition.isPresent() ? resetPosition.getAsLong() : null,
                status.getError() == null ? null : status.getError().toString());
    }

    /** A segment another instance processes (or nobody, between claims), as the shared token store has it. */
    private EventProcessorStatus.Segment elsewhere(ProcessorTokens.StoredSegment stored, Long head) {
        Long position = position(stored.token());
        boolean replaying = replaying(stored.token());
        Long resetPosition = replaying ? position(((ReplayToken) stored.token()).getTokenAtReset()) : null;
        return new EventProcessorStatus.Segment(stored.segment(), stored.owner(), false, position, lag(head, position),
                head != null && position != null && position >= head, replaying, replaying ? resetPosition : null, null);
    }

    private static Long lag(Long head, Long position) {
        return head == null || position == null ? null : Math.max(0, head - position);
    }

    /**
     * Whether a segment still has history to replay. Axon keeps its replay token until it handles an event past the
     * reset position, so on a store nobody writes to it would say "replaying" forever, across restarts too (the token
     * is stored). A segment that has reached its reset position has replayed everything it had seen. A segment that
     * has handled nothing yet stands at the tail; a reset at the tail (an empty store) leaves nothing to replay.
     * Where a position stays unknown nothing shows the replay is over, so Axon's word stands.
     */
    private boolean replaying(EventTrackerStatus status) {
        if (!status.isReplaying()) {
            return false;
        }
        OptionalLong resetPosition = status.getResetPosition();
        Long position = replayedUpTo(status);
        return resetPosition.isEmpty() || position == null || position < resetPosition.getAsLong();
    }

    private Long replayedUpTo(EventTrackerStatus status) {
        OptionalLong current = status.getCurrentPosition();
        if (current.isPresent()) {
            return current.getAsLong();
        }
        return position(eventStore.createTailToken());
    }

    /** The slowest replaying segment's progress towards the position it was reset at. */
    private static Integer replayProgress(List<EventProcessorStatus.Segment> segments) {
        return segments.stream()
                .filter(segment -> segment.replaying() && segment.resetPosition() != null)
                .map(segment -> segment.resetPosition() <= 0 || segment.position() == null ? 0
                        : (int) Math.min(100, segment.position() * 100 / segment.resetPosition()))
                .min(Integer::compare).orElse(null);
    }

    private static Long position(TrackingToken token) {
        if (token == null) {
            return null;
        }
        var position = token.position();
        return position.isPresent() ? position.getAsLong() : null;
    }
}
