package io.playmark.infra.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static java.lang.String.format;

/**
 * An Axon {@link org.axonframework.eventsourcing.eventstore.EventStorageEngine} on MongoDB in which every event has a
 * global sequence number, tracking processors read with Axon's {@link GapAwareTrackingToken}, and every read is an
 * equality or {@code $in} lookup on {@code _id} or a unique single-field index (so it is index-served both on a real
 * MongoDB and on mongo-java-server, which builds no other index and serves no range query from one).
 * <p>
 * Collections (names configurable):
 * <ul>
 * <li>{@code events}: {@code _id} = global sequence (long); unique {@code streamKey} ("aggregateId:seq") and unique
 * {@code eventIdentifier}. Positions whose append failed, or that a reader gave up, hold a small tombstone document
 * that readers step over.</li>
 * <li>{@code eventSequence}: one counter document; {@code findOneAndUpdate $inc} reserves a range of positions.</li>
 * <li>{@code eventTimeline}: time buckets to the lowest position in them, for {@link #createTokenAt(Instant)}.</li>
 * <li>{@code snapshots}: {@code _id} = aggregate id, the latest snapshot only.</li>
 * </ul>
 * An append takes positions (from a block this instance reserved on the counter, see {@link PositionBlocks}), records
 * the timeline, then inserts the events with one ordered {@code insertMany}, all within the write timeout of the
 * reservation. A reader that finds a position missing below one it can see keeps it as a gap of its token and
 * rechecks it on every batch; once the gap has been missing for the gap timeout (longer than the write
 * timeout) the reader gives it up by inserting a tombstone at that position. That insert can only succeed if the
 * event was never written, and once it has, the event can never be written: an event that commits is never skipped.
 * See docs/adr/0003-event-store-global-sequence-and-gaps.md.
 */
public class GapAwareMongoEventStorageEngine extends BatchingEventStorageEngine implements AutoCloseable {

    private static final Logger logger = LoggerFactory.getLogger(GapAwareMongoEventStorageEngine.class);

    static final String SEQUENCE_DOCUMENT_ID = "events";
    static final String SEQUENCE_FIELD = "seq";
    static final String STREAM_KEY_INDEX = "streamKey_unique";
    static final String EVENT_IDENTIFIER_INDEX = "eventIdentifier_unique";
    private static final int FIRST_SEQUENCE_PROBES = 63;
    /** The most positions one block reserves unless configured otherwise (ADR 0004). */
    public static final int DEFAULT_POSITION_BLOCK_SIZE = 64;
    /** Keys of an aggregate stream asked for first; a stream this short is loaded in one small query. */
    private static final int FIRST_STREAM_PROBE = 32;
    private static final int SEARCH_POINTS = 32;
    private static final int GAP_CLOCK_LIMIT = 100_000;
    /** Reads tracking batches ahead; its idle threads end after a minute, so nothing needs shutting down. */
    private static final ExecutorService READ_AHEAD = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "playmark-event-read-ahead");
        thread.setDaemon(true);
        return thread;
    });

    private final MongoCollection<Document> eventCollection;
    private final MongoCollection<Document> snapshotCollection;
    private final MongoCollection<Document> sequenceCollection;
    private final EventTimeline timeline;
    private final Duration gapTimeout;
    private final Duration writeTimeout;
    /** How an append that ran out of time before reaching the server ends. */
    private final String pastWriteTimeout;
    private final int maxGapOffset;
    private final int tokenLookback;
    private final Class<?> dataType;
    private final PositionBlocks positionBlocks;
    /** Positions this instance's readers gave up: each one an append that outlived the write timeout, or was lost. */
    private final AtomicLong givenUpPositions = new AtomicLong();
    /** Global position to the System.nanoTime() at which this engine first saw it missing. */
    private final Map<Long, Long> missingSince = new ConcurrentHashMap<>();

    protected GapAwareMongoEventStorageEngine(Builder builder) {
        super(builder);
        MongoDatabase database = builder.database.withWriteConcern(builder.writeConcern)
                                                 .withReadConcern(builder.readConcern);
        this.eventCollection = database.getCollection(builder.eventsCollectionName);
        this.snapshotCollection = database.getCollection(builder.snapshotsCollectionName);
        this.sequenceCollection = database.getCollection(builder.sequenceCollectionName);
        this.timeline = new EventTimeline(database.getCollection(builder.timelineCollectionName));
        this.gapTimeout = builder.gapTimeout;
        this.writeTimeout = builder.writeTimeout;
        this.pastWriteTimeout = "ran past the write timeout of " + writeTimeout + "; nothing was written";
        this.maxGapOffset = builder.maxGapOffset;
        this.tokenLookback = builder.tokenLookback;
        this.dataType = builder.dataType;
        // positions are handed out for at most half the write timeout, so every append has the other half to write
        long leaseNanos = Math.min(builder.positionLease.toNanos(), writeTimeout.toNanos() / 2);
        this.positionBlocks = new PositionBlocks(this::reserveOnCounter, this::closeUnusedBlockPositions,
                                                 builder.positionBlockSize, leaseNanos);
        if (builder.createIndexes) {
            ensureIndexes();
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Creates the unique indexes and the sequence counter if missing. Idempotent; the constructor calls it by default. */
    public void ensureIndexes() {
        eventCollection.createIndex(Indexes.ascending(EventDocuments.STREAM_KEY),
                                    new IndexOptions().unique(true).name(STREAM_KEY_INDEX));
        eventCollection.createIndex(Indexes.ascending(EventDocuments.EVENT_IDENTIFIER),
                                    new IndexOptions().unique(true).name(EVENT_IDENTIFIER_INDEX));
        sequenceCollection.updateOne(Filters.eq("_id", SEQUENCE_DOCUMENT_ID), Updates.setOnInsert(SEQUENCE_FIELD, 0L),
                                     new UpdateOptions().upsert(true));
    }

    // ------------------------------------------------------------------------------------------------ appending

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        int count = events.size();
        // everything that can be done before taking positions is: the window between reserving and inserting,
        // which readers see as gaps, stays as short as a round trip or two
        List<Document> documents = new ArrayList<>(count);
        for (EventMessage<?> event : events) {
            documents.add(EventDocuments.event(0L, event, serializer, dataType));
        }
        List<Instant> timestamps = events.stream().map(EventMessage::getTimestamp).toList();
        checkFirstEventsOfEachAggregate(events);
        chain(documents);

        PositionBlocks.Reservation reservation;
        try {
            reservation = positionBlocks.reserve(count);
        } catch (WriteDeadlineExceeded | MongoException e) {
            throw new EventStoreException(format("Could not reserve global positions for %d events: %s", count,
                                                 e.getMessage()), e);
        }
        long[] positions = reservation.positions();
        // the write timeout runs from when the positions' block was reserved, not from this append
        long started = reservation.reservedAtNanos();
        for (int i = 0; i < count; i++) {
            documents.get(i).put(EventDocuments.ID, positions[i]);
        }
        onSequenceReserved(reservation.first(), reservation.last());

        try {
            timeline.record(timestamps, positions, remaining(started));
        } catch (WriteDeadlineExceeded e) {
            throw closeAndReport(positions, pastWriteTimeout, null);
        } catch (RuntimeException e) {
            throw closeAndReport(positions, "could not record its time index: " + e.getMessage()
                                            + "; nothing was written", e);
        }
        try {
            eventCollection.withTimeout(remaining(started), TimeUnit.MILLISECONDS)
                           .insertMany(documents, new InsertManyOptions().ordered(true));
        } catch (MongoBulkWriteException e) {
            throw failedAppend(e, events, positions);
        } catch (WriteDeadlineExceeded e) {
            throw closeAndReport(positions, pastWriteTimeout, null);
        } catch (RuntimeException e) {
            throw closeAndReport(positions, "failed; the events before the failing one may have been written "
                                            + "(see docs/event-store.md): " + e.getMessage(), e);
        }
    }

    /**
     * Closes all of an append's positions after it failed and says how it ended. Positions of events that reached the
     * server are left as they are (see {@link #closePositions(long[], int)}).
     */
    private EventStoreException closeAndReport(long[] positions, String outcome, Exception cause) {
        closePositions(positions, 0);
        return new EventStoreException(format("Append of %d events at global positions %d to %d %s",
                                              positions.length, positions[0], positions[positions.length - 1],
                                              outcome), cause);
    }

    /**
     * Closes the unused positions of this instance's open block with tombstones, so that no reader waits for them.
     * Appends still work afterwards, reserving exactly what they write.
     */
    @Override
    public void close() {
        positionBlocks.close();
    }

    /**
     * How many global positions tracking readers of this instance have given up (tombstoned after the gap timeout, or
     * as too far behind) since it started. Zero in a healthy store; each one is an append that outlived its write
     * timeout or a writer that died between reserving and writing.
     */
    public long givenUpPositions() {
        return givenUpPositions.get();
    }

    /**
     * Called after global positions from {@code first} to {@code last} (rising; consecutive unless the append spans
     * two position blocks) were reserved and before the events are written. Does
     * nothing; a hook for instrumentation and for tests that need an append to stall mid-way.
     */
    protected void onSequenceReserved(long first, long last) {
    }

    /**
     * Reserves {@code count} positions on the shared counter and returns the last. The counter is read as it was
     * BEFORE the increment: mongo-java-server answers a findAndModify for the document AFTER with its live stored
     * document, which a concurrent increment can change before the answer is sent, so two appends could get
     * overlapping positions; the document before is a copy taken under the collection's lock. On MongoDB both are
     * atomic.
     */
    private long reserveOnCounter(int count, long started) {
        Document before = sequenceCollection.withTimeout(remaining(started), TimeUnit.MILLISECONDS).findOneAndUpdate(
                Filters.eq("_id", SEQUENCE_DOCUMENT_ID),
                Updates.inc(SEQUENCE_FIELD, (long) count),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
        long previous = before == null ? 0L : before.get(SEQUENCE_FIELD, Number.class).longValue();
        return previous + count;
    }

    /**
     * A cheap guard against half-written appends that span several aggregates: if the first event of any aggregate
     * in the append is already taken, fail before writing anything. Races past it are still caught by the unique
     * index during the insert.
     */
    private void checkFirstEventsOfEachAggregate(List<? extends EventMessage<?>> events) {
        Map<String, DomainEventMessage<?>> firstPerStream = new LinkedHashMap<>();
        for (EventMessage<?> event : events) {
            if (event instanceof DomainEventMessage<?> domainEvent) {
                firstPerStream.putIfAbsent(domainEvent.getAggregateIdentifier(), domainEvent);
            }
        }
        if (firstPerStream.size() < 2) {
            return;
        }
        Map<String, DomainEventMessage<?>> byKey = new HashMap<>();
        firstPerStream.values().forEach(e -> byKey.put(
                EventDocuments.streamKey(e.getAggregateIdentifier(), e.getSequenceNumber()), e));
        Document existing = eventCollection.find(Filters.in(EventDocuments.STREAM_KEY, byKey.keySet()))
                                       .projection(Projections.include(EventDocuments.STREAM_KEY))
                                       .first();
        if (existing != null) {
            DomainEventMessage<?> failed = byKey.get(existing.getString(EventDocuments.STREAM_KEY));
            throw conflict(failed, null);
        }
    }

    /**
     * Stores in each event the hash chaining it to the previous event of its aggregate (see {@link EventChain}): one
     * earlier in this append, or a stored one, looked up by stream key in one query for the whole append.
     */
    private void chain(List<Document> documents) {
        Map<String, byte[]> hashes = new HashMap<>();
        Set<String> storedPredecessors = new HashSet<>();
        Set<String> appended = new HashSet<>();
        for (Document document : documents) {
            String previous = previousStreamKey(document);
            if (previous != null && !appended.contains(previous)) {
                storedPredecessors.add(previous);
            }
            appended.add(document.getString(EventDocuments.STREAM_KEY));
        }
        if (!storedPredecessors.isEmpty()) {
            eventCollection.find(Filters.in(EventDocuments.STREAM_KEY, storedPredecessors))
                           .projection(Projections.include(EventDocuments.STREAM_KEY, EventChain.HASH))
                           .forEach(stored -> {
                               byte[] hash = EventChain.storedHash(stored);
                               if (hash != null) {
                                   hashes.put(stored.getString(EventDocuments.STREAM_KEY), hash);
                               }
                           });
        }
        for (Document document : documents) {
            String previous = previousStreamKey(document);
            byte[] hash = EventChain.hash(previous == null ? EventChain.START
                                                           : hashes.getOrDefault(previous, EventChain.START), document);
            document.append(EventChain.HASH, hash);
            hashes.put(document.getString(EventDocuments.STREAM_KEY), hash);
        }
    }

    /** The stream key of the event before this one in its aggregate, or null for the first (or a plain event). */
    static String previousStreamKey(Document document) {
        String aggregate = document.getString(EventDocuments.AGGREGATE_IDENTIFIER);
        long sequence = document.get(EventDocuments.SEQUENCE_NUMBER, Number.class).longValue();
        return aggregate == null || sequence == 0 ? null : EventDocuments.streamKey(aggregate, sequence - 1);
    }

    private RuntimeException failedAppend(MongoBulkWriteException e, List<? extends EventMessage<?>> events,
                                          long[] positions) {
        if (e.getWriteErrors().isEmpty()) {
            // every event was applied on the primary, but the write concern was not confirmed in time
            return closeAndReport(positions, format("was written but its write concern was not confirmed: %s. The "
                                                          + "events will normally become durable; if the primary "
                                                          + "fails first they are rolled back",
                                                  e.getWriteConcernError()), e);
        }
        BulkWriteError error = e.getWriteErrors().getFirst();
        int failedIndex = error.getIndex();
        closePositions(positions, failedIndex);
        EventMessage<?> failed = events.get(failedIndex);
        if (error.getCategory() == ErrorCategory.DUPLICATE_KEY && !isIdIndexViolation(error.getMessage())) {
            if (failedIndex > 0) {
                logger.warn("Append conflicted at event {} of {}; the {} events before it stay written",
                            failedIndex + 1, events.size(), failedIndex);
            }
            return conflict(failed, e);
        }
        if (error.getCategory() == ErrorCategory.DUPLICATE_KEY) {
            return new EventStoreException(format(
                    "Global position %d was given up by a tracking reader before this append reached the server "
                            + "(the append outlived the write timeout of %s); %d of %d events were written",
                    positions[failedIndex], writeTimeout, failedIndex, events.size()), e);
        }
        return new EventStoreException(format("Append failed at event %d of %d (global position %d); %d events "
                                                      + "before it were written: %s",
                                              failedIndex + 1, events.size(), positions[failedIndex], failedIndex,
                                              error.getMessage()), e);
    }

    private static boolean isIdIndexViolation(String message) {
        return message != null && message.contains("index: _id_ ");
    }

    /** Axon's mapping, as in AbstractEventStorageEngine: a taken sequence 0 is a creation conflict. */
    private static RuntimeException conflict(EventMessage<?> failed, Exception cause) {
        if (failed instanceof DomainEventMessage<?> domainEvent) {
            if (domainEvent.getSequenceNumber() == 0L) {
                return new AggregateStreamCreationException(format(
                        "Cannot reuse aggregate identifier [%s] to create aggregate [%s] since identifiers need to "
                                + "be unique.", domainEvent.getAggregateIdentifier(), domainEvent.getType()), cause);
            }
            return new ConcurrencyException(format("An event for aggregate [%s] at sequence [%d] was already inserted",
                                                   domainEvent.getAggregateIdentifier(),
                                                   domainEvent.getSequenceNumber()), cause);
        }
        return new ConcurrencyException(format("An event with identifier [%s] was already inserted",
                                               failed.getIdentifier()), cause);
    }

    /** Closes the rest of a retired position block, as {@link #closePositions(long[], int)} does. */
    private void closeUnusedBlockPositions(long from, long to) {
        closePositions(LongStream.rangeClosed(from, to).toArray(), 0);
    }

    /**
     * Writes tombstones at {@code positions} from index {@code from} on, so that readers need not wait for the gap
     * timeout. Positions that already hold a document (an event written before a failure, or a tombstone of a reader)
     * are left as they are.
     */
    private void closePositions(long[] positions, int from) {
        if (from >= positions.length) {
            return;
        }
        List<Document> tombstones = new ArrayList<>();
        for (int i = from; i < positions.length; i++) {
            tombstones.add(EventDocuments.tombstone(positions[i]));
        }
        try {
            insertIgnoringDuplicates(tombstones);
        } catch (RuntimeException e) {
            logger.warn("Could not close unused global positions {} to {}; tracking readers will give them up after "
                                + "the gap timeout of {}", positions[from], positions[positions.length - 1],
                        gapTimeout, e);
        }
    }

    /** Inserts documents unordered; returns the _ids that were inserted (the rest already existed). */
    private Set<Long> insertIgnoringDuplicates(List<Document> documents) {
        Set<Long> inserted = documents.stream().map(d -> d.getLong("_id")).collect(Collectors.toCollection(HashSet::new));
        try {
            eventCollection.withTimeout(writeTimeout.toMillis(), TimeUnit.MILLISECONDS)
                       .insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (error.getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                inserted.remove(documents.get(error.getIndex()).getLong("_id"));
            }
            if (e.getWriteConcernError() != null) {
                throw e;
            }
        }
        return inserted;
    }

    private long remaining(long started) {
        long remaining = writeTimeout.toMillis() - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        if (remaining <= 0) {
            throw new WriteDeadlineExceeded();
        }
        return remaining;
    }

    // ------------------------------------------------------------------------------------------------ snapshots

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        Document document = EventDocuments.snapshot(snapshot, serializer, dataType);
        try {
            // replace only an older snapshot; if a newer one is stored the upsert hits the _id and is dropped
            snapshotCollection.withTimeout(writeTimeout.toMillis(), TimeUnit.MILLISECONDS).replaceOne(
                    Filters.and(Filters.eq("_id", snapshot.getAggregateIdentifier()),
                                Filters.lte(EventDocuments.SEQUENCE_NUMBER, snapshot.getSequenceNumber())),
                    document, new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw new EventStoreException("Could not store snapshot of " + snapshot.getAggregateIdentifier(), e);
            }
        } catch (MongoException e) {
            throw new EventStoreException("Could not store snapshot of " + snapshot.getAggregateIdentifier(), e);
        }
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        Document document = snapshotCollection.find(Filters.eq("_id", aggregateIdentifier)).first();
        if (document == null) {
            return Stream.empty();
        }
        if (positionBlocks.usesBlocks()) {
            observeSnapshotEvent(aggregateIdentifier, document);
        }
        return Stream.of(EventDocuments.snapshotData(document));
    }

    /** The aggregate's next event must be placed above the event the snapshot stands for (see PositionBlocks). */
    private void observeSnapshotEvent(String aggregateIdentifier, Document snapshot) {
        long sequence = snapshot.get(EventDocuments.SEQUENCE_NUMBER, Number.class).longValue();
        Document event = eventCollection.find(Filters.eq(EventDocuments.STREAM_KEY,
                                                         EventDocuments.streamKey(aggregateIdentifier, sequence)))
                                        .projection(Projections.include("_id")).first();
        if (event != null) {
            positionBlocks.observe(event.get("_id", Number.class).longValue());
        }
    }

    // ------------------------------------------------------------------------------------------------ aggregate streams

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier,
                                                                   long firstSequenceNumber, int batchSize) {
        // most streams (after their snapshot) are short: ask for a few keys first, and for the rest of the batch only
        // when all of those exist, rather than look up a whole batch of keys for every load
        int probe = Math.min(batchSize, FIRST_STREAM_PROBE);
        List<Document> found = findStream(aggregateIdentifier, firstSequenceNumber, probe);
        if (found.size() == probe && batchSize > probe) {
            found.addAll(findStream(aggregateIdentifier, firstSequenceNumber + probe, batchSize - probe));
        }
        found.sort(Comparator.comparingLong(d -> d.get(EventDocuments.SEQUENCE_NUMBER, Number.class).longValue()));
        List<DomainEventData<?>> result = new ArrayList<>(found.size());
        long expected = firstSequenceNumber;
        for (Document document : found) {
            if (document.get(EventDocuments.SEQUENCE_NUMBER, Number.class).longValue() != expected++) {
                break; // a stream has no holes; stop at one rather than deliver out of order
            }
            positionBlocks.observe(document.get("_id", Number.class).longValue());
            result.add(EventDocuments.eventData(document));
        }
        return result;
    }

    private List<Document> findStream(String aggregateIdentifier, long firstSequenceNumber, int count) {
        List<String> keys = new ArrayList<>(count);
        for (long seq = firstSequenceNumber; seq < firstSequenceNumber + count; seq++) {
            keys.add(EventDocuments.streamKey(aggregateIdentifier, seq));
        }
        return eventCollection.find(Filters.in(EventDocuments.STREAM_KEY, keys)).into(new ArrayList<>());
    }

    /**
     * Which of these aggregates have a stream (their sequence 0 is stored), in one {@code $in} on the unique stream
     * key: how a batch that conflicted tells its already-recorded aggregates apart (proof of play's resent plays).
     */
    public Set<String> existingAggregates(Collection<String> aggregateIdentifiers) {
        if (aggregateIdentifiers.isEmpty()) {
            return Set.of();
        }
        List<String> keys = aggregateIdentifiers.stream().map(id -> EventDocuments.streamKey(id, 0L)).toList();
        Set<String> existing = new HashSet<>();
        eventCollection.find(Filters.in(EventDocuments.STREAM_KEY, keys))
                       .projection(Projections.include(EventDocuments.AGGREGATE_IDENTIFIER))
                       .forEach(found -> existing.add(found.getString(EventDocuments.AGGREGATE_IDENTIFIER)));
        return existing;
    }

    /**
     * The last sequence number of an aggregate in O(log n) {@code $in} probes: streams have no holes, so "sequence
     * exists" is true up to the last one and false after it.
     */
    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        List<Long> probes = new ArrayList<>();
        for (int i = 0; i < FIRST_SEQUENCE_PROBES; i++) {
            probes.add((1L << i) - 1);
        }
        Set<Long> present = existingSequences(aggregateIdentifier, probes);
        if (!present.contains(0L)) {
            return Optional.empty();
        }
        long low = Collections.max(present);
        long high = Long.MAX_VALUE;
        for (long probe : probes) {
            if (probe > low) {
                high = probe;
                break;
            }
        }
        while (high - low > 1) {
            long step = Math.max(1, (high - low) / (SEARCH_POINTS + 1));
            List<Long> points = new ArrayList<>();
            for (long p = low + step; p < high && points.size() < SEARCH_POINTS; p += step) {
                points.add(p);
            }
            Set<Long> found = existingSequences(aggregateIdentifier, points);
            long newLow = found.isEmpty() ? low : Collections.max(found);
            long newHigh = high;
            for (long point : points) {
                if (point > newLow) {
                    newHigh = point;
                    break;
                }
            }
            if (newLow == low && newHigh == high) {
                break;
            }
            low = newLow;
            high = newHigh;
        }
        return Optional.of(low);
    }

    /**
     * The global position of an aggregate's last event, so that an API can wait until projections have
     * processed exactly that event (the store's head may be a position that never holds an event).
     */
    public OptionalLong lastGlobalPositionOf(String aggregateIdentifier) {
        Optional<Long> lastSequence = lastSequenceNumberFor(aggregateIdentifier);
        if (lastSequence.isEmpty()) {
            return OptionalLong.empty();
        }
        Document last = eventCollection
                .find(Filters.eq(EventDocuments.STREAM_KEY, EventDocuments.streamKey(aggregateIdentifier, lastSequence.get())))
                .projection(Projections.include("_id")).first();
        return last == null ? OptionalLong.empty() : OptionalLong.of(last.get("_id", Number.class).longValue());
    }

    /**
     * The global positions of an aggregate's events with these sequence numbers, by sequence number, in one {@code $in}
     * on the unique stream key (the audit trail's history shows them beside each event).
     */
    public Map<Long, Long> globalPositionsOf(String aggregateIdentifier, Collection<Long> sequenceNumbers) {
        if (sequenceNumbers.isEmpty()) {
            return Map.of();
        }
        List<String> keys = sequenceNumbers.stream().map(s -> EventDocuments.streamKey(aggregateIdentifier, s)).toList();
        Map<Long, Long> positions = new HashMap<>();
        eventCollection.find(Filters.in(EventDocuments.STREAM_KEY, keys))
                       .projection(Projections.include(EventDocuments.SEQUENCE_NUMBER))
                       .forEach(d -> positions.put(d.get(EventDocuments.SEQUENCE_NUMBER, Number.class).longValue(),
                                                   d.get("_id", Number.class).longValue()));
        return positions;
    }

    private Set<Long> existingSequences(String aggregateIdentifier, List<Long> sequences) {
        List<String> keys = sequences.stream().map(s -> EventDocuments.streamKey(aggregateIdentifier, s)).toList();
        Set<Long> found = new HashSet<>();
        eventCollection.find(Filters.in(EventDocuments.STREAM_KEY, keys))
              .projection(Projections.include(EventDocuments.SEQUENCE_NUMBER))
              .forEach(d -> {
                  found.add(d.get(EventDocuments.SEQUENCE_NUMBER, Number.class).longValue());
                  positionBlocks.observe(d.get("_id", Number.class).longValue());
              });
        return found;
    }

    // ------------------------------------------------------------------------------------------------ tracking

    /**
     * Axon's batches, each read while the consumer handles the one before ({@link PrefetchingBatches}): a replay keeps
     * the store and the processor busy at once.
     */
    @Override
    protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken trackingToken, boolean mayBlock) {
        PrefetchingBatches batches = new PrefetchingBatches(trackingToken,
                                                            token -> fetchTrackedEvents(token, batchSize()),
                                                            READ_AHEAD);
        return StreamSupport.stream(batches, false).onClose(batches::close);
    }

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        if (lastToken != null && !(lastToken instanceof GapAwareTrackingToken)) {
            throw new IllegalArgumentException(format("Token [%s] is of the wrong type. Expected [%s]", lastToken,
                                                      GapAwareTrackingToken.class.getSimpleName()));
        }
        GapAwareTrackingToken token = lastToken == null
                ? GapAwareTrackingToken.newInstance(0L, Collections.emptySet())
                : (GapAwareTrackingToken) lastToken;
        giveUpExpiredGaps(token.getGaps(), token.getIndex());

        long windowStart = token.getIndex();
        Long head = null;
        List<TrackedEventData<?>> result = new ArrayList<>();
        while (true) {
            List<Long> ids = new ArrayList<>(batchSize + token.getGaps().size());
            ids.addAll(token.getGaps());
            for (long position = windowStart + 1; position <= windowStart + batchSize; position++) {
                ids.add(position);
            }
            Map<Long, Document> found = findByIds(ids);
            if (found.isEmpty()) {
                // nothing in this window: the end of the store, or a run of positions still being written
                if (head == null) {
                    head = headPosition();
                }
                long windowEnd = windowStart + batchSize;
                if (windowEnd >= head || windowEnd - token.getIndex() >= maxGapOffset) {
                    return result;
                }
                // positions up to the head are reserved: if they stay missing, give them up like gaps
                giveUpExpired(positions(windowStart + 1, windowEnd), Long.MIN_VALUE);
                windowStart = windowEnd;
                continue;
            }
            long highest = Collections.max(found.keySet());
            // Recheck everything still missing below the highest position found (the token's gaps, and every
            // position between the token's index and it, earlier windows of this call included), after the first
            // query has finished: an event that a visible event depends on, such as its predecessor in an
            // aggregate, is visible by now, so it is delivered before its successor and never after it.
            List<Long> missingBelow = new ArrayList<>();
            for (Long gap : token.getGaps()) {
                if (gap < highest && !found.containsKey(gap)) {
                    missingBelow.add(gap);
                }
            }
            for (long position = token.getIndex() + 1; position < highest; position++) {
                if (!found.containsKey(position)) {
                    missingBelow.add(position);
                }
            }
            if (!missingBelow.isEmpty()) {
                found.putAll(findByIds(missingBelow));
            }
            List<Long> positions = new ArrayList<>(found.keySet());
            Collections.sort(positions);
            for (long position : positions) {
                missingSince.remove(position);
                token = token.advanceTo(position, Integer.MAX_VALUE);
                Document document = found.get(position);
                if (!EventDocuments.isTombstone(document)) {
                    positionBlocks.observe(position);
                    result.add(new TrackedDomainEventData<>(token, EventDocuments.eventData(document)));
                }
            }
            noteMissing(token.getGaps());
            if (!result.isEmpty()) {
                return result;
            }
            // only tombstones (and gap fills of them): carry on after them within this call
            windowStart = token.getIndex();
        }
    }

    private Map<Long, Document> findByIds(List<Long> ids) {
        Map<Long, Document> found = new HashMap<>();
        for (Document document : eventCollection.find(Filters.in("_id", ids))) {
            found.put(document.get("_id", Number.class).longValue(), document);
        }
        return found;
    }

    private long headPosition() {
        Document counter = sequenceCollection.find(Filters.eq("_id", SEQUENCE_DOCUMENT_ID)).first();
        return counter == null ? 0L : counter.get(SEQUENCE_FIELD, Number.class).longValue();
    }

    private static List<Long> positions(long from, long to) {
        List<Long> positions = new ArrayList<>();
        for (long p = from; p <= to; p++) {
            positions.add(p);
        }
        return positions;
    }

    private void noteMissing(SortedSet<Long> gaps) {
        if (missingSince.size() > GAP_CLOCK_LIMIT) {
            // forget positions nobody looked at for long; a later reader just waits the timeout again
            long stale = System.nanoTime() - 2 * gapTimeout.toNanos();
            missingSince.values().removeIf(since -> since - stale < 0);
        }
        long now = System.nanoTime();
        for (Long gap : gaps) {
            missingSince.putIfAbsent(gap, now);
        }
    }

    private void giveUpExpiredGaps(SortedSet<Long> gaps, long index) {
        if (!gaps.isEmpty()) {
            giveUpExpired(gaps, index - maxGapOffset);
        }
    }

    /**
     * Gives up positions that have been missing longer than the gap timeout, or that lie below {@code forcedBelow},
     * by inserting tombstones at them. The tombstone insert fails where the event exists after all; either way the
     * next query reads what is there. Positions seen missing for the first time start their clock here.
     */
    private void giveUpExpired(Iterable<Long> positions, long forcedBelow) {
        long now = System.nanoTime();
        List<Document> tombstones = new ArrayList<>();
        for (Long position : positions) {
            long since = missingSince.computeIfAbsent(position, p -> now);
            if (now - since >= gapTimeout.toNanos() || position < forcedBelow) {
                tombstones.add(EventDocuments.tombstone(position));
            }
        }
        if (tombstones.isEmpty()) {
            return;
        }
        try {
            Set<Long> closed = insertIgnoringDuplicates(tombstones);
            givenUpPositions.addAndGet(closed.size());
            if (!closed.isEmpty()) {
                logger.warn("Gave up {} global position(s) missing for the gap timeout of {} or more than {} "
                                    + "positions behind: {}", closed.size(), gapTimeout, maxGapOffset,
                            closed.size() > 20 ? closed.size() + " positions" : closed);
            }
        } catch (RuntimeException e) {
            logger.warn("Could not give up expired gaps; will retry on the next batch", e);
        }
    }

    // ------------------------------------------------------------------------------------------------ tokens

    /** Before the first event: the first global position is 1. */
    @Override
    public TrackingToken createTailToken() {
        return GapAwareTrackingToken.newInstance(0L, Collections.emptySet());
    }

    /** At the last reserved position, with the positions still being written near it kept as gaps. */
    @Override
    public TrackingToken createHeadToken() {
        return tokenBefore(headPosition() + 1);
    }

    /**
     * Before the first event whose timestamp is at or after {@code dateTime} (to the second: events earlier in the
     * same second may be included), from the time index; the head token if there is none.
     */
    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        OptionalLong first = timeline.firstSequenceAtOrAfter(dateTime, GenericEventMessage.clock.instant());
        return first.isPresent() ? tokenBefore(first.getAsLong()) : createHeadToken();
    }

    /**
     * A token that has processed every event before {@code position}, except the positions within the look-back that
     * are not written yet: those become gaps, so an in-flight append is not skipped. It ends at the last event, not at
     * tombstones after it, so that a processor that has handled every event is level with the head (no false lag).
     */
    private GapAwareTrackingToken tokenBefore(long position) {
        long lastPosition = position - 1;
        long from = Math.max(1L, lastPosition - tokenLookback + 1);
        if (lastPosition < 1) {
            return GapAwareTrackingToken.newInstance(Math.max(0L, lastPosition), Collections.emptySet());
        }
        Map<Long, Boolean> holdsEvent = occupiedPositions(positions(from, lastPosition));
        long index = holdsEvent.entrySet().stream().filter(Map.Entry::getValue).mapToLong(Map.Entry::getKey).max()
                               .orElse(from - 1);
        SortedSet<Long> gaps = new TreeSet<>();
        for (long p = from; p < index; p++) {
            if (!holdsEvent.containsKey(p)) {
                gaps.add(p);
            }
        }
        return GapAwareTrackingToken.newInstance(index, gaps);
    }

    /** The given positions that hold a document: true for an event, false for a tombstone. Reads no payloads. */
    private Map<Long, Boolean> occupiedPositions(List<Long> ids) {
        Map<Long, Boolean> occupied = new HashMap<>();
        eventCollection.find(Filters.in("_id", ids))
                       .projection(Projections.include("_id", EventDocuments.TOMBSTONE))
                       .forEach(d -> occupied.put(d.get("_id", Number.class).longValue(),
                                                  !EventDocuments.isTombstone(d)));
        return occupied;
    }

    /** Thrown internally when the write timeout ran out before the events were sent. */
    private static final class WriteDeadlineExceeded extends RuntimeException {

        WriteDeadlineExceeded() {
            super(null, null, false, false);
        }
    }

    /**
     * Builds a {@link GapAwareMongoEventStorageEngine}. Defaults: batch size 100, gap timeout 60 s, write timeout
     * 10 s (must be below the gap timeout), position blocks of up to 64 with a lease of 1 s, max gap offset 10,000,
     * token look-back 1,000, write concern majority, read concern majority, payloads stored as {@code byte[]},
     * collections {@code events}, {@code snapshots}, {@code eventSequence}, {@code eventTimeline}, indexes created on
     * start. The {@link MongoDatabase} is required.
     */
    public static class Builder extends BatchingEventStorageEngine.Builder {

        private MongoDatabase database;
        private String eventsCollectionName = "events";
        private String snapshotsCollectionName = "snapshots";
        private String sequenceCollectionName = "eventSequence";
        private String timelineCollectionName = "eventTimeline";
        private Duration gapTimeout = Duration.ofSeconds(60);
        private Duration writeTimeout = Duration.ofSeconds(10);
        private int maxGapOffset = 10_000;
        private int tokenLookback = 1_000;
        private WriteConcern writeConcern = WriteConcern.MAJORITY;
        private ReadConcern readConcern = ReadConcern.MAJORITY;
        private Class<?> dataType = byte[].class;
        private boolean createIndexes = true;
        private int positionBlockSize = DEFAULT_POSITION_BLOCK_SIZE;
        private Duration positionLease = Duration.ofSeconds(1);

        public Builder database(MongoDatabase database) {
            this.database = database;
            return this;
        }

        public Builder eventsCollectionName(String name) {
            this.eventsCollectionName = requireName(name);
            return this;
        }

        public Builder snapshotsCollectionName(String name) {
            this.snapshotsCollectionName = requireName(name);
            return this;
        }

        public Builder sequenceCollectionName(String name) {
            this.sequenceCollectionName = requireName(name);
            return this;
        }

        public Builder timelineCollectionName(String name) {
            this.timelineCollectionName = requireName(name);
            return this;
        }

        /** How long a missing position is rechecked before a reader gives it up (tombstones it). Must exceed the write timeout. */
        public Builder gapTimeout(Duration gapTimeout) {
            this.gapTimeout = gapTimeout;
            return this;
        }

        /** The time an append may take from reserving its positions to the acknowledged insert. */
        public Builder writeTimeout(Duration writeTimeout) {
            this.writeTimeout = writeTimeout;
            return this;
        }

        /**
         * Gaps further than this many positions behind a token's index are given up at once (tombstoned) even before
         * the gap timeout, which bounds a token's size; a writer that slow fails instead of being skipped. It also
         * bounds how far ahead a batch looks past a run of positions still being written.
         */
        public Builder maxGapOffset(int maxGapOffset) {
            this.maxGapOffset = maxGapOffset;
            return this;
        }

        /** How many positions below a head or time-based token are checked for appends still in flight. */
        public Builder tokenLookback(int tokenLookback) {
            this.tokenLookback = tokenLookback;
            return this;
        }

        public Builder writeConcern(WriteConcern writeConcern) {
            this.writeConcern = writeConcern;
            return this;
        }

        public Builder readConcern(ReadConcern readConcern) {
            this.readConcern = readConcern;
            return this;
        }

        /** {@code byte[].class} (default, BSON binary) or {@code String.class} (readable JSON with a JSON serializer). */
        public Builder dataType(Class<?> dataType) {
            this.dataType = dataType;
            return this;
        }

        /**
         * The most positions one block reserves for this instance's appends (1: every append reserves its own). Blocks
         * grow to it only while appends use them up within the lease.
         */
        public Builder positionBlockSize(int positionBlockSize) {
            this.positionBlockSize = positionBlockSize;
            return this;
        }

        /** How long a block's positions are handed out (at most half the write timeout); the rest is then closed. */
        public Builder positionLease(Duration positionLease) {
            this.positionLease = positionLease;
            return this;
        }

        public Builder createIndexes(boolean createIndexes) {
            this.createIndexes = createIndexes;
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            return this;
        }

        @Override
        public Builder upcasterChain(EventUpcaster upcasterChain) {
            super.upcasterChain(upcasterChain);
            return this;
        }

        /** Not used: duplicate keys are told apart by index (stream conflict versus a position given up). */
        @Override
        public Builder persistenceExceptionResolver(PersistenceExceptionResolver persistenceExceptionResolver) {
            super.persistenceExceptionResolver(persistenceExceptionResolver);
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            return this;
        }

        @Override
        public Builder finalAggregateBatchPredicate(
                Predicate<List<? extends DomainEventData<?>>> finalAggregateBatchPredicate) {
            super.finalAggregateBatchPredicate(finalAggregateBatchPredicate);
            return this;
        }

        @Override
        @Deprecated
        public Builder snapshotFilter(Predicate<? super DomainEventData<?>> snapshotFilter) {
            super.snapshotFilter(snapshotFilter);
            return this;
        }

        @Override
        public Builder snapshotFilter(SnapshotFilter snapshotFilter) {
            super.snapshotFilter(snapshotFilter);
            return this;
        }

        @Override
        public Builder batchSize(int batchSize) {
            super.batchSize(batchSize);
            return this;
        }

        public GapAwareMongoEventStorageEngine build() {
            return new GapAwareMongoEventStorageEngine(this);
        }

        @Override
        protected void validate() throws AxonConfigurationException {
            super.validate();
            if (database == null) {
                throw new AxonConfigurationException("The MongoDatabase is required");
            }
            if (gapTimeout == null || writeTimeout == null || writeTimeout.isNegative() || writeTimeout.isZero()) {
                throw new AxonConfigurationException("gapTimeout and writeTimeout must be positive");
            }
            if (gapTimeout.compareTo(writeTimeout) <= 0) {
                throw new AxonConfigurationException(format(
                        "The gap timeout (%s) must be longer than the write timeout (%s), or readers would give up "
                                + "positions that a live append is still writing", gapTimeout, writeTimeout));
            }
            if (positionBlockSize < 1 || positionLease == null || positionLease.isNegative() || positionLease.isZero()) {
                throw new AxonConfigurationException("positionBlockSize and positionLease must be positive");
            }
            if (maxGapOffset < 1 || tokenLookback < 0) {
                throw new AxonConfigurationException("maxGapOffset must be positive and tokenLookback not negative");
            }
            if (dataType != byte[].class && dataType != String.class) {
                throw new AxonConfigurationException("dataType must be byte[].class or String.class");
            }
            if (writeConcern == null || readConcern == null) {
                throw new AxonConfigurationException("writeConcern and readConcern are required");
            }
        }

        private static String requireName(String name) {
            if (name == null || name.isBlank()) {
                throw new AxonConfigurationException("A collection name may not be empty");
            }
            return name;
        }
    }
}
