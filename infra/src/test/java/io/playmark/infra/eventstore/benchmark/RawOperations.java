package io.playmark.infra.eventstore.benchmark;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server's raw rates on the documents the gap-aware engine writes: the same fields, the same serialized payloads,
 * {@code _id} = global sequence and the same two unique indexes. Appends are one {@code insertMany} with positions
 * taken from a counter in this process (no round trip to reserve them); aggregate loads are {@code $in} lookups of
 * stream keys and full reads are {@code $in} lookups of consecutive {@code _id}s, both in batches of the engine's
 * batch size.
 */
final class RawOperations implements StoreUnderTest {

    private final MongoCollection<Document> events;
    private final Serializer serializer;
    private final int batchSize;
    private final AtomicLong lastPosition = new AtomicLong();

    RawOperations(MongoDatabase database, String collection, Serializer serializer, int batchSize) {
        this.events = database.getCollection(collection);
        this.serializer = serializer;
        this.batchSize = batchSize;
        events.createIndex(Indexes.ascending("streamKey"), new IndexOptions().unique(true));
        events.createIndex(Indexes.ascending("eventIdentifier"), new IndexOptions().unique(true));
    }

    @Override
    public String name() {
        return "raw";
    }

    @Override
    public void append(List<? extends DomainEventMessage<?>> batch) {
        long first = lastPosition.getAndAdd(batch.size()) + 1;
        List<Document> documents = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            documents.add(document(first + i, batch.get(i)));
        }
        events.insertMany(documents, new InsertManyOptions().ordered(true));
    }

    private Document document(long position, DomainEventMessage<?> event) {
        SerializedObject<byte[]> payload = serializer.serialize(event.getPayload(), byte[].class);
        SerializedObject<byte[]> metaData = serializer.serialize(event.getMetaData(), byte[].class);
        return new Document("_id", position)
                .append("streamKey", event.getAggregateIdentifier() + ":" + event.getSequenceNumber())
                .append("aggregateIdentifier", event.getAggregateIdentifier())
                .append("sequenceNumber", event.getSequenceNumber())
                .append("type", event.getType())
                .append("eventIdentifier", event.getIdentifier())
                .append("payloadType", payload.getType().getName())
                .append("payloadRevision", payload.getType().getRevision())
                .append("payload", payload.getData())
                .append("metaData", metaData.getData())
                .append("timestamp", Date.from(event.getTimestamp()));
    }

    /** Batches of stream keys until one comes back short, as Axon reads an aggregate from a batching engine. */
    @Override
    public int load(String aggregateId) {
        int loaded = 0;
        for (long first = 0; ; first += batchSize) {
            List<String> keys = new ArrayList<>(batchSize);
            for (long sequence = first; sequence < first + batchSize; sequence++) {
                keys.add(aggregateId + ":" + sequence);
            }
            int found = events.find(Filters.in("streamKey", keys)).into(new ArrayList<>()).size();
            loaded += found;
            if (found < batchSize) {
                return loaded;
            }
        }
    }

    /**
     * Every position from 1 to the last one appended, in {@code $in} batches; counts documents, decodes nothing. (Raw
     * cannot check play numbers without decoding payloads: a missing document is what it can see, and counts.)
     */
    @Override
    public ReadOutcome readAll(EventLedger reader, Duration budget, Progress progress) {
        return walk(events, lastPosition.get(), batchSize, budget, progress);
    }

    /**
     * The raw fetch: {@code _id}s 1 to {@code last} of {@code collection} in {@code $in} batches of {@code batchSize},
     * documents counted but not decoded. Also run on the gap-aware engine's own collection, whose {@code _id} is the
     * same global position.
     */
    static ReadOutcome walk(MongoCollection<Document> collection, long last, int batchSize, Duration budget,
                            Progress progress) {
        long started = System.nanoTime();
        long deadline = started + budget.toNanos();
        long lastReport = started;
        long found = 0;
        long next = 1;
        while (next <= last && System.nanoTime() < deadline) {
            List<Long> ids = new ArrayList<>(batchSize);
            for (long position = next; position < next + batchSize && position <= last; position++) {
                ids.add(position);
            }
            found += collection.find(Filters.in("_id", ids)).into(new ArrayList<>()).size();
            next += ids.size();
            if (System.nanoTime() - lastReport > 10_000_000_000L) {
                lastReport = System.nanoTime();
                progress.report(found, last, (lastReport - started) / 1e9);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        boolean finished = next > last;
        EventLedger.Verdict verdict = new EventLedger.Verdict(last, found, last - found, 0, 0);
        return new ReadOutcome(found, seconds, finished, verdict, null);
    }

    @Override
    public void close() {
        // nothing of its own: the client and server are closed by the run
    }
}
