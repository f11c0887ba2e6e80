package io.playmark.infra.audit;

import io.playmark.kernel.NotFoundException;
import io.playmark.query.audit.AggregateHistories;
import io.playmark.query.audit.AuditedEvent;
import io.playmark.query.audit.HistoryPage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Histories read through Axon's {@code EventStore.readEvents(aggregateId, firstSequence)}: the engine looks the
 * stream up by its unique key, batch by batch, and the configured upcaster chain brings old revisions up to date.
 */
@Component
class EventStoreHistories implements AggregateHistories {

    /** How many events the stream hands over between two lookups of their global positions. */
    private static final int CHUNK = 100;

    private final EventStore eventStore;
    private final AuditedEvents events;

    EventStoreHistories(EventStore eventStore, AuditedEvents events) {
        this.eventStore = eventStore;
        this.events = events;
    }

    @Override
    public HistoryPage page(String aggregateType, String aggregateId, long after, int first) {
        Class<?> type = AuditedAggregates.classOf(aggregateType);
        DomainEventStream stream = eventStore.readEvents(aggregateId, after + 1);
        List<DomainEventMessage<?>> read = new ArrayList<>(first);
        while (read.size() < first && stream.hasNext()) {
            read.add(stream.next());
        }
        boolean more = stream.hasNext();
        if (read.isEmpty()) {
            requireExists(aggregateType, aggregateId);
        } else {
            requireType(type, aggregateType, aggregateId, read.getFirst());
        }
        List<AuditedEvent> page = events.of(aggregateType, read);
        return new HistoryPage(page, page.isEmpty() ? null : page.getLast().sequenceNumber(), more);
    }

    @Override
    public void each(String aggregateType, String aggregateId, Consumer<AuditedEvent> consumer) {
        Class<?> type = AuditedAggregates.classOf(aggregateType);
        DomainEventStream stream = eventStore.readEvents(aggregateId, 0);
        List<DomainEventMessage<?>> chunk = new ArrayList<>(CHUNK);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (chunk.isEmpty() && event.getSequenceNumber() == 0) {
                requireType(type, aggregateType, aggregateId, event);
            }
            chunk.add(event);
            if (chunk.size() == CHUNK || !stream.hasNext()) {
                events.of(aggregateType, chunk).forEach(consumer);
                chunk.clear();
            }
        }
    }

    @Override
    public void requireExists(String aggregateType, String aggregateId) {
        Class<?> type = AuditedAggregates.classOf(aggregateType);
        DomainEventStream stream = eventStore.readEvents(aggregateId, 0);
        if (!stream.hasNext()) {
            throw notFound(aggregateType, aggregateId);
        }
        requireType(type, aggregateType, aggregateId, stream.next());
    }

    private static void requireType(Class<?> type, String aggregateType, String aggregateId,
                                    DomainEventMessage<?> event) {
        if (!type.getSimpleName().equals(event.getType())) {
            throw notFound(aggregateType, aggregateId);
        }
    }

    private static NotFoundException notFound(String aggregateType, String aggregateId) {
        return new NotFoundException("No " + aggregateType + " " + aggregateId + " in the event store");
    }
}
