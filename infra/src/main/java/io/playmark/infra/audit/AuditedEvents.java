package io.playmark.infra.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.playmark.infra.eventstore.GapAwareMongoEventStorageEngine;
import io.playmark.query.audit.AuditedEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Turns an aggregate's events, as the event store hands them out (upcast and deserialized), into the audit trail's
 * view: the payload written back as JSON at its current revision, the audit metadata, the global position.
 */
@Component
class AuditedEvents {

    private final ObjectMapper json;
    private final Serializer eventSerializer;
    private final EventStorageEngine engine;

    AuditedEvents(ObjectMapper defaultAxonObjectMapper, @Qualifier("eventSerializer") Serializer eventSerializer,
                  EventStorageEngine engine) {
        this.json = defaultAxonObjectMapper;
        this.eventSerializer = eventSerializer;
        this.engine = engine;
    }

    /** The events of one aggregate, with their global positions looked up together. */
    List<AuditedEvent> of(String aggregateType, List<? extends DomainEventMessage<?>> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        Map<Long, Long> positions = positions(events.getFirst().getAggregateIdentifier(),
                events.stream().map(DomainEventMessage::getSequenceNumber).toList());
        return events.stream().map(event -> of(aggregateType, event, positions.get(event.getSequenceNumber())))
                .toList();
    }

    AuditedEvent of(String aggregateType, DomainEventMessage<?> event, Long globalPosition) {
        Map<String, ?> meta = event.getMetaData();
        return new AuditedEvent(event.getPayloadType().getSimpleName(), aggregateType, event.getAggregateIdentifier(),
                event.getSequenceNumber(), globalPosition, event.getTimestamp(), event.getIdentifier(),
                text(meta, AuditMetadata.PRINCIPAL), text(meta, AuditMetadata.AUTHENTICATION),
                text(meta, AuditMetadata.API_KEY_ID), text(meta, AuditMetadata.TOKEN_SUBJECT),
                text(meta, AuditMetadata.CLIENT_ADDRESS), text(meta, AuditMetadata.CORRELATION_ID),
                text(meta, AuditMetadata.CAUSATION_ID),
                eventSerializer.typeForClass(event.getPayloadType()).getRevision(), write(event.getPayload()));
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<Long, Long> positions(String aggregateId, Collection<Long> sequences) {
        return engine instanceof GapAwareMongoEventStorageEngine gapAware
                ? gapAware.globalPositionsOf(aggregateId, sequences) : Map.of();
    }

    private static String text(Map<String, ?> meta, String key) {
        Object value = meta.get(key);
        return value == null ? null : value.toString();
    }
}
