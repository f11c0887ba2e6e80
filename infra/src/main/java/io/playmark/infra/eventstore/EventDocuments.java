package io.playmark.infra.eventstore;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.bson.types.Binary;

import java.time.Instant;
import java.util.Date;

/**
 * Maps events, snapshots and tombstones to and from the BSON documents of the event store. Field names follow
 * Axon's own entries so that the documents read familiar in a MongoDB shell.
 */
final class EventDocuments {

    static final String ID = "_id";
    static final String STREAM_KEY = "streamKey";
    static final String AGGREGATE_IDENTIFIER = "aggregateIdentifier";
    static final String SEQUENCE_NUMBER = "sequenceNumber";
    static final String TYPE = "type";
    static final String EVENT_IDENTIFIER = "eventIdentifier";
    static final String PAYLOAD_TYPE = "payloadType";
    static final String PAYLOAD_REVISION = "payloadRevision";
    static final String PAYLOAD = "payload";
    static final String META_DATA = "metaData";
    static final String TIMESTAMP = "timestamp";
    static final String TOMBSTONE = "tombstone";

    private EventDocuments() {
    }

    /**
     * The unique key of an event in its aggregate's stream. The sequence number is always the part after the last
     * colon, so the key is unambiguous even when aggregate identifiers contain colons.
     */
    static String streamKey(String aggregateIdentifier, long sequenceNumber) {
        return aggregateIdentifier + ":" + sequenceNumber;
    }

    /**
     * The stream key and event identifier of a tombstone. It ends in letters, never in the digits a real stream key
     * ends in, so it can never collide with an event.
     */
    static String tombstoneKey(long globalSequence) {
        return "#" + globalSequence + ":tombstone";
    }

    static Document tombstone(long globalSequence) {
        String key = tombstoneKey(globalSequence);
        return new Document(ID, globalSequence)
                .append(STREAM_KEY, key)
                .append(EVENT_IDENTIFIER, key)
                .append(TOMBSTONE, true);
    }

    static boolean isTombstone(Document document) {
        return Boolean.TRUE.equals(document.getBoolean(TOMBSTONE));
    }

    static Document event(long globalSequence, EventMessage<?> event, Serializer serializer, Class<?> dataType) {
        SerializedObject<?> payload = serializer.serialize(event.getPayload(), dataType);
        SerializedObject<?> metaData = serializer.serialize(event.getMetaData(), dataType);
        Document document = new Document(ID, globalSequence);
        if (event instanceof DomainEventMessage<?> domainEvent) {
            document.append(STREAM_KEY, streamKey(domainEvent.getAggregateIdentifier(), domainEvent.getSequenceNumber()))
                    .append(AGGREGATE_IDENTIFIER, domainEvent.getAggregateIdentifier())
                    .append(SEQUENCE_NUMBER, domainEvent.getSequenceNumber())
                    .append(TYPE, domainEvent.getType());
        } else {
            // Like Axon's JDBC engine: a plain event takes its own identifier as stream, at sequence 0.
            document.append(STREAM_KEY, streamKey(event.getIdentifier(), 0L))
                    .append(SEQUENCE_NUMBER, 0L);
        }
        return document.append(EVENT_IDENTIFIER, event.getIdentifier())
                       .append(PAYLOAD_TYPE, payload.getType().getName())
                       .append(PAYLOAD_REVISION, payload.getType().getRevision())
                       .append(PAYLOAD, payload.getData())
                       .append(META_DATA, metaData.getData())
                       .append(TIMESTAMP, Date.from(event.getTimestamp()));
    }

    static Document snapshot(DomainEventMessage<?> snapshot, Serializer serializer, Class<?> dataType) {
        SerializedObject<?> payload = serializer.serialize(snapshot.getPayload(), dataType);
        SerializedObject<?> metaData = serializer.serialize(snapshot.getMetaData(), dataType);
        return new Document(ID, snapshot.getAggregateIdentifier())
                .append(SEQUENCE_NUMBER, snapshot.getSequenceNumber())
                .append(TYPE, snapshot.getType())
                .append(EVENT_IDENTIFIER, snapshot.getIdentifier())
                .append(PAYLOAD_TYPE, payload.getType().getName())
                .append(PAYLOAD_REVISION, payload.getType().getRevision())
                .append(PAYLOAD, payload.getData())
                .append(META_DATA, metaData.getData())
                .append(TIMESTAMP, Date.from(snapshot.getTimestamp()));
    }

    static DomainEventData<?> eventData(Document document) {
        return domainEventData(document, AGGREGATE_IDENTIFIER);
    }

    /** A snapshot document is keyed by its aggregate's id, so that only the latest one is kept. */
    static DomainEventData<?> snapshotData(Document document) {
        return domainEventData(document, ID);
    }

    private static DomainEventData<?> domainEventData(Document document, String aggregateIdentifierField) {
        return new GenericDomainEventEntry<>(document.getString(TYPE),
                                             document.getString(aggregateIdentifierField),
                                             document.get(SEQUENCE_NUMBER, Number.class).longValue(),
                                             document.getString(EVENT_IDENTIFIER),
                                             timestamp(document),
                                             document.getString(PAYLOAD_TYPE),
                                             document.getString(PAYLOAD_REVISION),
                                             data(document.get(PAYLOAD)),
                                             data(document.get(META_DATA)));
    }

    private static Instant timestamp(Document document) {
        return document.getDate(TIMESTAMP).toInstant();
    }

    /** Serialized data comes back as a BSON binary (stored from byte[]) or as a String. */
    private static Object data(Object stored) {
        if (stored instanceof Binary binary) {
            return binary.getData();
        }
        return stored;
    }
}
