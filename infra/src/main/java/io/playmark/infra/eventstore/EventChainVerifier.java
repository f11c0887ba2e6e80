package io.playmark.infra.eventstore;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;

/**
 * Checks the store against its hashes: every chained event against the hash of its content and of its aggregate's
 * previous event, and (over the whole store) every checkpoint against the positions it covers. Events written before
 * hashes existed are counted as unchained, not broken. Reads are {@code _id} and unique stream-key lookups only.
 */
public final class EventChainVerifier {

    /** Stream keys of events seen lately, to their hash; most predecessors come from here, not from another query. */
    private static final int RECENT_EVENTS = 100_000;
    private static final byte[] NO_HASH = new byte[0];
    private static final int STREAM_BATCH = 100;

    private final EventCheckpoints checkpoints;

    public EventChainVerifier(EventCheckpoints checkpoints) {
        this.checkpoints = checkpoints;
    }

    /** Told as verification goes on; breaks come in position order for the whole store. */
    public interface Listener {
        void progress(long checked, long total);

        void broken(EventChainBreak found);
    }

    /** What a verification saw: positions (or events of one aggregate) checked, chained and unchained events. */
    public record Outcome(long checked, long chained, long unchained, long checkpoints, long breaks) {
    }

    /** Whether the aggregate has any event: its first is at sequence 0. */
    public boolean exists(String aggregateId, String aggregateType) {
        Document first = checkpoints.events().find(Filters.eq(EventDocuments.STREAM_KEY,
                EventDocuments.streamKey(aggregateId, 0))).projection(Projections.include(EventDocuments.TYPE)).first();
        return first != null && (aggregateType == null || aggregateType.equals(first.getString(EventDocuments.TYPE)));
    }

    /** The whole store, in global order, with the checkpoints. */
    public Outcome verifyAll(Listener listener) {
        Counter counter = new Counter(listener);
        List<EventCheckpoints.Checkpoint> covered = checkpoints.all();
        long lastCovered = covered.isEmpty() ? 0 : covered.getLast().upTo();
        long head = Math.max(checkpoints.head(), lastCovered);
        Map<String, byte[]> recent = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
                return size() > RECENT_EVENTS;
            }
        };
        int next = 0;
        MessageDigest digest = null;
        for (long first = 1; first <= head; first += EventCheckpoints.READ_BATCH) {
            long last = Math.min(first + EventCheckpoints.READ_BATCH - 1, head);
            Map<Long, Document> found = checkpoints.read(first, last);
            lookUpPredecessors(found.values(), recent);
            for (long position = first; position <= last; position++) {
                EventCheckpoints.Checkpoint checkpoint = next < covered.size() ? covered.get(next) : null;
                if (checkpoint != null && position == checkpoint.from()) {
                    digest = EventCheckpoints.start(next == 0 ? EventChain.START : covered.get(next - 1).hash());
                }
                Document event = found.get(position);
                if (event == null) {
                    if (position <= lastCovered) {
                        counter.broken(new EventChainBreak(position, null, null,
                                "no event at a position a checkpoint covers: it was removed", null, null));
                        if (digest != null) {
                            EventChain.field(digest, null);
                        }
                    }
                } else {
                    if (!EventDocuments.isTombstone(event)) {
                        check(event, recent, counter);
                    }
                    if (checkpoint != null && digest != null) {
                        EventCheckpoints.add(digest, position, event);
                    }
                }
                if (checkpoint != null && position == checkpoint.upTo()) {
                    byte[] now = digest.digest();
                    if (!Arrays.equals(now, checkpoint.hash())) {
                        counter.broken(new EventChainBreak(position, null, null, "the checkpoint over positions "
                                + checkpoint.from() + " to " + checkpoint.upTo() + " does not match: an event in that "
                                + "range was changed, removed or reordered", EventChain.hex(checkpoint.hash()),
                                EventChain.hex(now)));
                    }
                    counter.checkpoints++;
                    next++;
                    digest = null;
                }
            }
            counter.checked = last;
            listener.progress(last, head);
        }
        return counter.outcome();
    }

    /** One aggregate's events, in sequence. */
    public Outcome verifyAggregate(String aggregateId, Listener listener) {
        Counter counter = new Counter(listener);
        Map<String, byte[]> stream = new LinkedHashMap<>();
        for (long first = 0; ; first += STREAM_BATCH) {
            List<String> keys = LongStream.range(first, first + STREAM_BATCH)
                    .mapToObj(sequence -> EventDocuments.streamKey(aggregateId, sequence)).toList();
            List<Document> found = new ArrayList<>();
            checkpoints.events().find(Filters.in(EventDocuments.STREAM_KEY, keys)).into(found);
            found.sort((a, b) -> Long.compare(sequenceOf(a), sequenceOf(b)));
            found.forEach(event -> check(event, stream, counter));
            counter.checked += found.size();
            listener.progress(counter.checked, counter.checked);
            if (found.size() < STREAM_BATCH) {
                return counter.outcome();
            }
        }
    }

    /** Fetches, in one query, the predecessors of a batch's events that are neither recent nor in the batch. */
    private void lookUpPredecessors(Iterable<Document> batch, Map<String, byte[]> recent) {
        Set<String> inBatch = new HashSet<>();
        Set<String> wanted = new HashSet<>();
        for (Document event : batch) {
            inBatch.add(event.getString(EventDocuments.STREAM_KEY));
        }
        for (Document event : batch) {
            String previous = EventDocuments.isTombstone(event) ? null
                    : GapAwareMongoEventStorageEngine.previousStreamKey(event);
            if (previous != null && !inBatch.contains(previous) && !recent.containsKey(previous)) {
                wanted.add(previous);
            }
        }
        if (!wanted.isEmpty()) {
            checkpoints.events().find(Filters.in(EventDocuments.STREAM_KEY, wanted))
                    .projection(Projections.include(EventDocuments.STREAM_KEY, EventChain.HASH))
                    .forEach(stored -> recent.put(stored.getString(EventDocuments.STREAM_KEY), hashOrNone(stored)));
        }
    }

    /** Checks one event against its predecessor in {@code seen} (stream key to hash), then records it there. */
    private static void check(Document event, Map<String, byte[]> seen, Counter counter) {
        long position = event.get("_id", Number.class).longValue();
        String aggregate = event.getString(EventDocuments.AGGREGATE_IDENTIFIER);
        long sequence = sequenceOf(event);
        byte[] stored = EventChain.storedHash(event);
        String previousKey = GapAwareMongoEventStorageEngine.previousStreamKey(event);
        byte[] previous = previousKey == null ? NO_HASH : seen.get(previousKey);
        seen.put(event.getString(EventDocuments.STREAM_KEY), hashOrNone(event));
        if (previous == null) {
            counter.broken(new EventChainBreak(position, aggregate, sequence,
                    "the aggregate's previous event (sequence " + (sequence - 1) + ") is missing", null, null));
            return;
        }
        boolean previousChained = previous != NO_HASH;
        if (stored == null) {
            if (previousChained) {
                counter.broken(new EventChainBreak(position, aggregate, sequence,
                        "the event has no hash though the one before it has: its hash was removed", null, null));
            } else {
                counter.unchained++;
            }
            return;
        }
        counter.chained++;
        byte[] computed = EventChain.hash(previousChained ? previous : EventChain.START, event);
        if (!Arrays.equals(computed, stored)) {
            counter.broken(new EventChainBreak(position, aggregate, sequence,
                    "the event's content or its place in the aggregate's chain is not what was written",
                    EventChain.hex(stored), EventChain.hex(computed)));
        }
    }

    private static byte[] hashOrNone(Document event) {
        byte[] hash = EventChain.storedHash(event);
        return hash == null ? NO_HASH : hash;
    }

    private static long sequenceOf(Document event) {
        return event.get(EventDocuments.SEQUENCE_NUMBER, Number.class).longValue();
    }

    private static final class Counter {
        private final Listener listener;
        long checked;
        long chained;
        long unchained;
        long checkpoints;
        long breaks;

        Counter(Listener listener) {
            this.listener = listener;
        }

        void broken(EventChainBreak found) {
            breaks++;
            listener.broken(found);
        }

        Outcome outcome() {
            return new Outcome(checked, chained, unchained, checkpoints, breaks);
        }
    }
}
