package io.playmark.infra.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.types.Binary;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * A chain of checkpoint hashes over the store's global order: each checkpoint covers the next {@code every} global
 * positions and hashes the previous checkpoint's hash with each position and its event's hash (or, for an event
 * written before hashes existed, the hash of its content; a tombstone for a position that holds no event). Removing,
 * reordering or rewriting events, even together with their own hashes, changes it. A checkpoint is only taken over
 * positions that are all written, so an append still in flight is never passed over; its {@code _id} is its last
 * position, so two instances extending at once cannot both add it.
 */
public final class EventCheckpoints {

    public static final String COLLECTION = "eventCheckpoints";
    static final String FROM = "from";
    static final String HASH = "hash";
    static final String PREVIOUS = "previous";
    static final int READ_BATCH = 500;
    private static final byte[] TOMBSTONE = "tombstone".getBytes(StandardCharsets.UTF_8);

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> checkpoints;
    private final MongoCollection<Document> sequence;
    private final int every;

    public EventCheckpoints(MongoDatabase database, int every) {
        if (every < 1) {
            throw new IllegalArgumentException("A checkpoint covers at least one position, not " + every);
        }
        this.events = database.getCollection("events");
        this.sequence = database.getCollection("eventSequence");
        this.checkpoints = database.getCollection(COLLECTION);
        this.every = every;
    }

    /** One checkpoint as stored: it covers positions {@code from} to {@code upTo}. */
    public record Checkpoint(long from, long upTo, byte[] hash, byte[] previous) {
    }

    /** Adds checkpoints for as many whole runs of positions as are written; returns how many it added. */
    public int extend() {
        List<Checkpoint> existing = all();
        Checkpoint last = existing.isEmpty() ? null : existing.getLast();
        long head = head();
        int added = 0;
        while (true) {
            long from = last == null ? 1 : last.upTo() + 1;
            long upTo = from + every - 1;
            if (upTo > head) {
                return added;
            }
            byte[] previous = last == null ? EventChain.START : last.hash();
            MessageDigest digest = start(previous);
            for (long first = from; first <= upTo; first += READ_BATCH) {
                long end = Math.min(first + READ_BATCH - 1, upTo);
                Map<Long, Document> found = read(first, end);
                for (long position = first; position <= end; position++) {
                    Document event = found.get(position);
                    if (event == null) {
                        return added;
                    }
                    add(digest, position, event);
                }
            }
            Checkpoint next = new Checkpoint(from, upTo, digest.digest(), previous);
            try {
                checkpoints.insertOne(new Document("_id", upTo).append(FROM, from)
                        .append(HASH, new Binary(next.hash())).append(PREVIOUS, new Binary(previous))
                        .append("createdAt", new Date()));
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                // another instance took the same checkpoint: it hashed the same positions
                next = all().getLast();
            }
            last = next;
            added++;
        }
    }

    /** Every checkpoint, by position; a few hundred for a million events at the default interval. */
    public List<Checkpoint> all() {
        List<Checkpoint> all = new ArrayList<>();
        checkpoints.find().sort(Sorts.ascending("_id")).forEach(document -> all.add(new Checkpoint(
                document.get(FROM, Number.class).longValue(), document.get("_id", Number.class).longValue(),
                document.get(HASH, Binary.class).getData(), document.get(PREVIOUS, Binary.class).getData())));
        return all;
    }

    /** The last position taken on the store's counter (some may still be being written). */
    public long head() {
        Document counter = sequence.find(Filters.eq("_id", GapAwareMongoEventStorageEngine.SEQUENCE_DOCUMENT_ID))
                .first();
        return counter == null ? 0 : counter.get(GapAwareMongoEventStorageEngine.SEQUENCE_FIELD, Number.class)
                .longValue();
    }

    /** The events and tombstones at positions {@code from} to {@code to}, by position: an {@code _id} lookup. */
    Map<Long, Document> read(long from, long to) {
        List<Long> ids = LongStream.rangeClosed(from, to).boxed().toList();
        List<Document> found = new ArrayList<>(ids.size());
        events.find(Filters.in("_id", ids)).into(found);
        return found.stream().collect(Collectors.toMap(d -> d.get("_id", Number.class).longValue(),
                Function.identity()));
    }

    static MessageDigest start(byte[] previous) {
        MessageDigest digest = EventChain.sha256();
        EventChain.field(digest, previous);
        return digest;
    }

    static void add(MessageDigest digest, long position, Document event) {
        EventChain.field(digest, EventChain.longBytes(position));
        EventChain.field(digest, digestOf(event));
    }

    private static byte[] digestOf(Document event) {
        if (EventDocuments.isTombstone(event)) {
            return TOMBSTONE;
        }
        byte[] stored = EventChain.storedHash(event);
        return stored != null ? stored : EventChain.hash(EventChain.START, event);
    }

    MongoCollection<Document> events() {
        return events;
    }
}
