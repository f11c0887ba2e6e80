package io.playmark.infra.axon;

import io.playmark.query.consistency.ProcessorTokens;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;
import org.bson.types.Binary;

import java.util.ArrayList;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;

/**
 * Reads axon-mongo's token collection without claiming anything: {@code TokenStore.fetchToken} would
 * take the segment over, so the documents are read and their tokens deserialized here. The collection
 * holds one document per processor and segment: small, read by processor name.
 */
class StoredProcessorTokens implements ProcessorTokens {

    private final MongoTemplate mongo;
    private final Serializer serializer;

    StoredProcessorTokens(MongoTemplate mongo, Serializer serializer) {
        this.mongo = mongo;
        this.serializer = serializer;
    }

    @Override
    public List<StoredSegment> storedSegments(String processorName) {
        List<StoredSegment> segments = new ArrayList<>();
        for (Document entry : mongo.trackingTokensCollection().find(eq("processorName", processorName))) {
            segments.add(new StoredSegment(entry.getInteger("segment"), token(entry), entry.getString("owner")));
        }
        return segments;
    }

    private TrackingToken token(Document entry) {
        Object content = entry.get("token");
        String type = entry.getString("tokenType");
        if (content == null || type == null) {
            return null;
        }
        byte[] bytes = content instanceof Binary binary ? binary.getData() : (byte[]) content;
        return serializer.deserialize(new SimpleSerializedObject<>(bytes, byte[].class, type, null));
    }
}
