package io.playmark.infra.eventstore;

import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading the next batch ahead: same batches, same order, one batch ahead at most, failures reach the consumer. */
class PrefetchingBatchesTest {

    /** The store's side of a stream: the batch after a position. */
    private interface Fetch {
        List<TrackedEventData<?>> after(long position);
    }

    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final List<Long> fetchedAfter = new CopyOnWriteArrayList<>();

    @Test
    void deliversEveryBatchInOrderAndEndsAtTheFirstEmptyOne() {
        List<Long> read = stream(store(250, 100)).map(data -> index(data.trackingToken())).toList();

        assertThat(read).containsExactlyElementsOf(LongStream.rangeClosed(1, 250).boxed().toList());
        assertThat(fetchedAfter).containsExactly(0L, 100L, 200L, 250L);
    }

    @Test
    void readsOneBatchAheadOfTheConsumerAtMost() throws InterruptedException {
        try (Stream<TrackedEventData<?>> stream = stream(store(1_000, 100))) {
            assertThat(stream.limit(150).count()).isEqualTo(150);
        }
        executor.shutdown();
        assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        // the read-ahead after 200 may or may not have started before the stream was closed; none after it did
        assertThat(fetchedAfter).startsWith(0L, 100L).isSubsetOf(0L, 100L, 200L);
    }

    @Test
    void aFailedReadAheadFailsTheConsumerWhenItGetsThere() {
        Fetch failingSecondBatch = after -> {
            if (after >= 100) {
                throw new EventStoreException("store unavailable");
            }
            return store(1_000, 100).after(after);
        };
        List<Long> read = new ArrayList<>();

        assertThatThrownBy(() -> stream(failingSecondBatch).forEach(data -> read.add(index(data.trackingToken()))))
                .isInstanceOf(EventStoreException.class).hasMessage("store unavailable");
        assertThat(read).hasSize(100);
    }

    @Test
    void aConsumerStoppedWhileWaitingForTheReadAheadEndsItsStreamAndKeepsItsInterrupt() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        Fetch slowSecondBatch = after -> {
            if (after >= 100) {
                awaitQuietly(never);
            }
            return store(1_000, 100).after(after);
        };
        AtomicLong consumed = new AtomicLong();
        AtomicBoolean interruptKept = new AtomicBoolean();
        Thread consumer = new Thread(() -> {
            stream(slowSecondBatch).forEach(data -> consumed.incrementAndGet());
            interruptKept.set(Thread.currentThread().isInterrupted());
        });
        consumer.start();
        while (consumed.get() < 100) {
            Thread.sleep(5);
        }
        consumer.interrupt();
        consumer.join(10_000);

        assertThat(consumer.isAlive()).isFalse();
        assertThat(consumed.get()).isEqualTo(100);
        assertThat(interruptKept).isTrue();
        never.countDown();
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A store of {@code size} events at positions 1..size, read in batches of {@code batchSize}. */
    private Fetch store(int size, int batchSize) {
        return after -> {
            fetchedAfter.add(after);
            List<TrackedEventData<?>> batch = new ArrayList<>();
            for (long position = after + 1; position <= Math.min(size, after + batchSize); position++) {
                batch.add(trackedAt(position));
            }
            return batch;
        };
    }

    private Stream<TrackedEventData<?>> stream(Fetch fetch) {
        PrefetchingBatches batches = new PrefetchingBatches(new GlobalSequenceTrackingToken(0),
                                                            token -> fetch.after(index(token)), executor);
        return StreamSupport.stream(batches, false).onClose(batches::close);
    }

    private static TrackedEventData<?> trackedAt(long position) {
        return new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(position), new GenericDomainEventEntry<>(
                "type", "id", position, "event-" + position, Instant.EPOCH, "String", null, "payload", "{}"));
    }

    private static long index(TrackingToken token) {
        return ((GlobalSequenceTrackingToken) token).getGlobalIndex();
    }
}
