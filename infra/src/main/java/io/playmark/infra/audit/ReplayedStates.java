package io.playmark.infra.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.playmark.infra.axon.AggregateFields;
import io.playmark.kernel.InvalidValueException;
import io.playmark.kernel.audit.PointInTime;
import io.playmark.query.audit.AggregateDiff;
import io.playmark.query.audit.AggregateHistories;
import io.playmark.query.audit.AggregateState;
import io.playmark.query.audit.AggregateStates;
import io.playmark.query.audit.AuditedEvent;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * States at a point, replayed through the command side's own aggregate classes: from the aggregate's snapshot when
 * the snapshot's event lies before the point (a long history then costs the events after it only), else from its
 * first event. The state shown is the aggregate's fields, written as its snapshots are.
 */
@Component
class ReplayedStates implements AggregateStates {

    private final EventStore eventStore;
    private final EventStorageEngine engine;
    private final Configuration axon;
    private final AggregateHistories histories;
    private final AuditedEvents events;
    private final ObjectMapper fields;
    private final Map<Class<?>, AggregateModel<?>> models = new ConcurrentHashMap<>();

    ReplayedStates(EventStore eventStore, EventStorageEngine engine, Configuration axon,
                   AggregateHistories histories, AuditedEvents events, ObjectMapper defaultAxonObjectMapper) {
        this.eventStore = eventStore;
        this.engine = engine;
        this.axon = axon;
        this.histories = histories;
        this.events = events;
        this.fields = AggregateFields.mapper(defaultAxonObjectMapper);
    }

    @Override
    public AggregateState stateAt(String aggregateType, String aggregateId, PointInTime at) {
        AggregateReplay<?> replay = start(aggregateType, aggregateId, at).advanceTo(at, event -> { });
        return state(aggregateType, aggregateId, at, replay, render(replay.root()));
    }

    @Override
    public AggregateDiff diff(String aggregateType, String aggregateId, PointInTime from, PointInTime to) {
        AggregateReplay<?> replay = start(aggregateType, aggregateId, from).advanceTo(from, event -> { });
        JsonNode before = render(replay.root());
        AggregateState fromState = state(aggregateType, aggregateId, from, replay, before);
        Map<String, JsonNode> previous = new HashMap<>(StateFields.of(before));
        Map<String, DomainEventMessage<?>> changedBy = new HashMap<>();
        List<DomainEventMessage<?>> between = new ArrayList<>();
        replay.advanceTo(to, event -> {
            between.add(event);
            Map<String, JsonNode> now = StateFields.of(render(replay.root()));
            StateFields.changed(previous, now).forEach(path -> changedBy.put(path, event));
            previous.clear();
            previous.putAll(now);
        });
        requireAfter(to, from, fromState, replay);
        JsonNode after = render(replay.root());
        List<AuditedEvent> audited = events.of(aggregateType, between);
        Map<Long, AuditedEvent> bySequence = new HashMap<>();
        audited.forEach(event -> bySequence.put(event.sequenceNumber(), event));
        Map<String, JsonNode> start = StateFields.of(before);
        Map<String, JsonNode> end = StateFields.of(after);
        List<AggregateDiff.FieldChange> changes = StateFields.changed(start, end).stream()
                .map(path -> new AggregateDiff.FieldChange(path, text(start.get(path)), text(end.get(path)),
                        Optional.ofNullable(changedBy.get(path)).map(e -> bySequence.get(e.getSequenceNumber()))
                                .orElse(null)))
                .toList();
        return new AggregateDiff(fromState, state(aggregateType, aggregateId, to, replay, after), changes, audited);
    }

    /** A {@code to} before {@code from} would silently answer from's state: refused. */
    private static void requireAfter(PointInTime to, PointInTime from, AggregateState fromState,
                                     AggregateReplay<?> replay) {
        boolean sequenceBefore = to.sequence() != null && to.sequence() < fromState.sequenceNumber();
        boolean instantBefore = to.instant() != null && replay.last() != null
                && to.instant().isBefore(replay.last().getTimestamp());
        if (sequenceBefore || instantBefore) {
            throw new InvalidValueException("to", "to (" + to + ") must not come before from (" + from + ")");
        }
    }

    /**
     * The aggregate root as it was at the instant, or empty before its first event or when the id is another type's.
     * The caller knows the type, so nothing is checked before the replay.
     */
    <T> Optional<T> rootAt(Class<T> type, String aggregateId, Instant at) {
        PointInTime point = new PointInTime(null, at);
        AggregateReplay<T> replay = start(type, aggregateId, point);
        if (!replay.fromSnapshot() && !replay.startsAs(type)) {
            return Optional.empty();
        }
        return Optional.ofNullable(replay.advanceTo(point, event -> { }).root());
    }

    private AggregateReplay<?> start(String aggregateType, String aggregateId, PointInTime at) {
        histories.requireExists(aggregateType, aggregateId);
        return start(AuditedAggregates.classOf(aggregateType), aggregateId, at);
    }

    private <T> AggregateReplay<T> start(Class<T> type, String aggregateId, PointInTime at) {
        AggregateModel<T> model = model(type);
        Optional<DomainEventMessage<?>> snapshot = engine.readSnapshot(aggregateId)
                .filter(found -> type.isInstance(found.getPayload()))
                .filter(found -> at.sequence() == null || found.getSequenceNumber() <= at.sequence());
        if (snapshot.isPresent()) {
            DomainEventStream stream = eventStore.readEvents(aggregateId, snapshot.get().getSequenceNumber());
            if (stream.hasNext() && stream.peek().getSequenceNumber() == snapshot.get().getSequenceNumber()
                    && at.includes(stream.peek().getSequenceNumber(), stream.peek().getTimestamp())) {
                return AggregateReplay.fromSnapshot(model, aggregateId, type.cast(snapshot.get().getPayload()),
                        stream.next(), stream);
            }
        }
        return AggregateReplay.fromStart(model, aggregateId, eventStore.readEvents(aggregateId, 0));
    }

    @SuppressWarnings("unchecked")
    private <T> AggregateModel<T> model(Class<T> type) {
        return (AggregateModel<T>) models.computeIfAbsent(type, aggregate -> AnnotatedAggregateMetaModelFactory
                .inspectAggregate(aggregate, axon.parameterResolverFactory(), axon.handlerDefinition(aggregate)));
    }

    private AggregateState state(String aggregateType, String aggregateId, PointInTime at, AggregateReplay<?> replay,
                                 JsonNode rendered) {
        DomainEventMessage<?> last = replay.last();
        return new AggregateState(aggregateType, aggregateId, at.toString(), last != null,
                last == null ? -1 : last.getSequenceNumber(), last == null ? null : last.getTimestamp(),
                last == null ? null : (String) last.getMetaData().get(AuditMetadata.PRINCIPAL), replay.replayed(),
                replay.fromSnapshot(), rendered == null ? null : rendered.toString());
    }

    private JsonNode render(Object root) {
        return root == null ? null : fields.valueToTree(root);
    }

    private static String text(JsonNode value) {
        JsonNode present = StateFields.present(value);
        return present == null ? null : present.toString();
    }
}
