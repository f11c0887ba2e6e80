package io.playmark.infra.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A time index of the event store, so that {@code createTokenAt} is an {@code _id} lookup and never a range scan.
 * <p>
 * One document per time bucket, {@code _id} "level:bucket", holding {@code minSeq}, the lowest global sequence
 * reserved for an event whose timestamp falls in the bucket ({@code $min} upsert, written before the events
 * themselves). Buckets nest: seconds in minutes in hours in days in 32-day blocks in 1024-day blocks. The first
 * global sequence at or after an instant is the minimum over: the seconds left in its minute (its own second
 * included), the minutes left in its hour, the hours left in its day, the days left in its 32-day block, the blocks
 * left in its 1024-day block and the 1024-day blocks up to now: at most about 200 ids in one {@code $in} query.
 */
final class EventTimeline {

    static final String MIN_SEQUENCE = "minSeq";

    /** Level names and bucket widths in seconds, finest first. */
    private static final String[] LEVELS = {"s", "m", "h", "d", "d32", "d1024"};
    private static final long[] WIDTHS = {1L, 60L, 3_600L, 86_400L, 32L * 86_400L, 1024L * 86_400L};
    private static final int CACHE_LIMIT = 20_000;

    private final MongoCollection<Document> collection;
    /** Bucket id to a minSeq this process knows to be stored (acknowledged): later appends with higher sequences skip it. */
    private final Map<String, Long> knownMinimum = new ConcurrentHashMap<>();

    EventTimeline(MongoCollection<Document> collection) {
        this.collection = collection;
    }

    /**
     * Records the given (timestamp, global sequence) pairs, {@code timestamps.get(i)} with {@code sequences[i]}.
     * Buckets this process already recorded with a lower or equal sequence are skipped, so in steady state an append
     * writes nothing here.
     */
    void record(List<Instant> timestamps, long[] sequences, long timeoutMillis) {
        Map<String, Long> lowestPerBucket = new TreeMap<>();
        for (int i = 0; i < timestamps.size(); i++) {
            long seconds = timestamps.get(i).getEpochSecond();
            long sequence = sequences[i];
            for (int level = 0; level < LEVELS.length; level++) {
                String id = bucketId(level, Math.floorDiv(seconds, WIDTHS[level]));
                lowestPerBucket.merge(id, sequence, Math::min);
            }
        }
        List<WriteModel<Document>> updates = new ArrayList<>();
        lowestPerBucket.forEach((id, sequence) -> {
            Long known = knownMinimum.get(id);
            if (known == null || known > sequence) {
                updates.add(new UpdateOneModel<>(Filters.eq("_id", id), Updates.min(MIN_SEQUENCE, sequence),
                                                 new UpdateOptions().upsert(true)));
            }
        });
        if (updates.isEmpty()) {
            return;
        }
        upsertRetryingDuplicates(updates, timeoutMillis);
        if (knownMinimum.size() > CACHE_LIMIT) {
            knownMinimum.clear();
        }
        lowestPerBucket.forEach((id, sequence) -> knownMinimum.merge(id, sequence, Math::min));
    }

    /** Two first upserts of one bucket can race to insert it; the loser's retry then updates it. */
    private void upsertRetryingDuplicates(List<WriteModel<Document>> updates, long timeoutMillis) {
        for (int attempt = 1; ; attempt++) {
            try {
                collection.withTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                          .bulkWrite(updates, new BulkWriteOptions().ordered(false));
                return;
            } catch (MongoBulkWriteException e) {
                boolean onlyDuplicates = e.getWriteConcernError() == null && e.getWriteErrors().stream().allMatch(
                        error -> error.getCategory() == ErrorCategory.DUPLICATE_KEY);
                if (!onlyDuplicates || attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** The lowest global sequence recorded for events with a timestamp at or after the given instant (give or take its second). */
    OptionalLong firstSequenceAtOrAfter(Instant instant, Instant now) {
        long seconds = instant.getEpochSecond();
        Set<String> ids = new LinkedHashSet<>();
        for (int level = 0; level < LEVELS.length; level++) {
            long bucket = Math.floorDiv(seconds, WIDTHS[level]);
            // the bucket of the instant itself only at the finest level; above it, the following siblings
            long from = level == 0 ? bucket : bucket + 1;
            long to;
            if (level + 1 < LEVELS.length) {
                long perParent = WIDTHS[level + 1] / WIDTHS[level];
                to = (Math.floorDiv(bucket, perParent) + 1) * perParent - 1;
            } else {
                to = Math.max(bucket, Math.floorDiv(now.getEpochSecond(), WIDTHS[level])) + 1;
            }
            for (long b = from; b <= to; b++) {
                ids.add(bucketId(level, b));
            }
        }
        long lowest = Long.MAX_VALUE;
        for (Document document : collection.find(Filters.in("_id", ids))) {
            lowest = Math.min(lowest, document.get(MIN_SEQUENCE, Number.class).longValue());
        }
        return lowest == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(lowest);
    }

    private static String bucketId(int level, long bucket) {
        return LEVELS[level] + ":" + bucket;
    }
}
