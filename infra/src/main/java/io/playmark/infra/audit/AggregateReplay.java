package io.playmark.infra.audit;

import io.playmark.kernel.audit.PointInTime;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.modelling.command.inspection.AggregateModel;

import java.util.function.Consumer;

/**
 * One aggregate brought forward through its own event sourcing handlers, event by event, from its first event or a
 * snapshot: the state the command side would have had at each point. Nothing is published; nothing is stored.
 */
final class AggregateReplay<T> {

    private final AggregateModel<T> model;
    private final String aggregateId;
    private final DomainEventStream stream;
    private final boolean fromSnapshot;
    private EventSourcedAggregate<T> aggregate;
    private DomainEventMessage<?> last;
    private long replayed;

    private AggregateReplay(AggregateModel<T> model, String aggregateId, DomainEventStream stream,
                            EventSourcedAggregate<T> aggregate, DomainEventMessage<?> last) {
        this.model = model;
        this.aggregateId = aggregateId;
        this.stream = stream;
        this.aggregate = aggregate;
        this.last = last;
        this.fromSnapshot = aggregate != null;
    }

    /** From nothing: the stream must start at the aggregate's first event. */
    static <T> AggregateReplay<T> fromStart(AggregateModel<T> model, String aggregateId, DomainEventStream stream) {
        return new AggregateReplay<>(model, aggregateId, stream, null, null);
    }

    /** From a snapshot taken after {@code snapshotEvent}; the stream continues after that event. */
    static <T> AggregateReplay<T> fromSnapshot(AggregateModel<T> model, String aggregateId, T snapshot,
                                               DomainEventMessage<?> snapshotEvent, DomainEventStream stream) {
        return new AggregateReplay<>(model, aggregateId, stream, EventSourcedAggregate.reconstruct(snapshot, model,
                snapshotEvent.getSequenceNumber(), false, null, NoSnapshotTriggerDefinition.TRIGGER), snapshotEvent);
    }

    /** Applies the events that belong to the state at {@code point}, telling {@code applied} of each. */
    AggregateReplay<T> advanceTo(PointInTime point, Consumer<DomainEventMessage<?>> applied) {
        while (stream.hasNext() && point.includes(stream.peek().getSequenceNumber(), stream.peek().getTimestamp())) {
            DomainEventMessage<?> event = stream.next();
            if (aggregate == null) {
                T root = new GenericAggregateFactory<>(model).createAggregateRoot(aggregateId, event);
                aggregate = EventSourcedAggregate.initialize(root, model, null, NoSnapshotTriggerDefinition.TRIGGER);
            }
            aggregate.initializeState(DomainEventStream.of(event));
            last = event;
            replayed++;
            applied.accept(event);
        }
        return this;
    }

    /** Whether the stream's next event is one of this aggregate type's (Axon names the type by the class). */
    boolean startsAs(Class<?> type) {
        return stream.hasNext() && type.getSimpleName().equals(stream.peek().getType());
    }

    /** The aggregate root, or null while no event has been applied. */
    T root() {
        return aggregate == null ? null : aggregate.getAggregateRoot();
    }

    DomainEventMessage<?> last() {
        return last;
    }

    long replayed() {
        return replayed;
    }

    boolean fromSnapshot() {
        return fromSnapshot;
    }
}
