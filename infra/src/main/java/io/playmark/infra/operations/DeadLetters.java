package io.playmark.infra.operations;

import io.playmark.kernel.NotFoundException;
import io.swagger.v3.oas.annotations.media.Schema;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * The events projections parked in their dead-letter queues, to list, retry and drop. A letter's id is its processing
 * group, sequence (the aggregate) and index in that sequence, opaque to clients.
 */
@Component
public class DeadLetters {

    private static final String SEPARATOR = "\n";
    private static final String RETRIES = "retries";

    private final EventProcessingConfiguration processing;

    DeadLetters(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @Schema(name = "DeadLetter", description = "An event a projection could not handle, parked with its error")
    public record DeadLetterView(
            @Schema(description = "Opaque id, for retry and drop") String id,
            @Schema(description = "The projection (processing group) that parked it") String processingGroup,
            @Schema(description = "Its sequence: the aggregate id; later events of it wait behind this one")
            String sequence,
            @Schema(description = "Its place in the sequence's queue, from 0") long index,
            @Schema(description = "The event's type") String eventType,
            @Schema(description = "The event's identifier") String eventIdentifier,
            @Schema(description = "The aggregate's type, when the event has one") String aggregateType,
            @Schema(description = "The aggregate's id") String aggregateId,
            @Schema(description = "The event's sequence number in its aggregate") Long aggregateSequence,
            @Schema(description = "The class of the error the handler threw") String errorClass,
            @Schema(description = "The error's message") String errorMessage,
            @Schema(description = "When it was parked") Instant parkedAt,
            @Schema(description = "When it was last tried") Instant lastTouched,
            @Schema(description = "How often a retry failed again") long retries) {
    }

    @Schema(name = "DeadLetterRetry", description = "What a retry of a parked sequence did")
    public record RetryOutcome(
            @Schema(description = "True when the sequence's events were all handled and left the queue")
            boolean succeeded,
            @Schema(description = "Events of the sequence still parked") long stillParked) {
    }

    public List<DeadLetterView> list() {
        List<DeadLetterView> letters = new ArrayList<>();
        for (String group : processing.eventProcessors().keySet()) {
            processing.deadLetterQueue(group).ifPresent(queue -> {
                for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
                    sequence.forEach(letter -> letters.add(view(group, letter)));
                }
            });
        }
        return letters;
    }

    public DeadLetterView get(String id) {
        Key key = Key.parse(id);
        return view(key.group(), find(key));
    }

    /** Handles the letter's sequence again from its first parked event; those that succeed leave the queue. */
    public RetryOutcome retry(String id) {
        Key key = Key.parse(id);
        find(key);
        boolean succeeded = processing.sequencedDeadLetterProcessor(key.group())
                .map(processor -> processor.process(letter -> key.sequence().equals(sequenceOf(letter))))
                .orElse(false);
        long stillParked = queue(key).map(queue -> queue.sequenceSize(key.sequence())).orElse(0L);
        return new RetryOutcome(succeeded && stillParked == 0, stillParked);
    }

    /** Drops one parked event for good; later events of its sequence stay parked until retried. */
    public void drop(String id) {
        Key key = Key.parse(id);
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(key).orElseThrow(() -> unknown(id));
        queue.evict(find(key));
    }

    private DeadLetter<? extends EventMessage<?>> find(Key key) {
        return queue(key).flatMap(queue -> StreamSupport.stream(
                        queue.deadLetterSequence(key.sequence()).spliterator(), false)
                .filter(letter -> letter instanceof MongoDeadLetter<?> stored && stored.index() == key.index())
                .findFirst()).orElseThrow(() -> unknown(key.encoded()));
    }

    private Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue(Key key) {
        return processing.eventProcessors().containsKey(key.group())
                ? processing.deadLetterQueue(key.group()) : Optional.empty();
    }

    private static String sequenceOf(DeadLetter<?> letter) {
        return letter instanceof MongoDeadLetter<?> stored ? stored.sequenceIdentifier() : null;
    }

    private static DeadLetterView view(String group, DeadLetter<? extends EventMessage<?>> letter) {
        MongoDeadLetter<?> stored = (MongoDeadLetter<?>) letter;
        EventMessage<?> event = letter.message();
        DomainEventMessage<?> domain = event instanceof DomainEventMessage<?> d ? d : null;
        Object retries = letter.diagnostics().get(RETRIES);
        return new DeadLetterView(new Key(group, stored.sequenceIdentifier(), stored.index()).encoded(), group,
                stored.sequenceIdentifier(), stored.index(), event.getPayloadType().getSimpleName(),
                event.getIdentifier(), domain == null ? null : domain.getType(),
                domain == null ? null : domain.getAggregateIdentifier(),
                domain == null ? null : domain.getSequenceNumber(),
                letter.cause().map(cause -> cause.type()).orElse(null),
                letter.cause().map(cause -> cause.message()).orElse(null),
                letter.enqueuedAt(), letter.lastTouched(),
                retries instanceof Number number ? number.longValue() : 0);
    }

    private static NotFoundException unknown(String id) {
        return new NotFoundException("No parked event has the id " + id);
    }

    private record Key(String group, String sequence, long index) {

        static Key parse(String id) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(id), StandardCharsets.UTF_8)
                        .split(SEPARATOR, -1);
                if (parts.length == 3) {
                    return new Key(parts[0], parts[1], Long.parseLong(parts[2]));
                }
            } catch (IllegalArgumentException unreadable) {
                // not one of ours: answered as unknown below
            }
            throw unknown(id);
        }

        String encoded() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    (group + SEPARATOR + sequence + SEPARATOR + index).getBytes(StandardCharsets.UTF_8));
        }
    }
}
