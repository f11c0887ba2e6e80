package io.playmark.infra.eventstore;

import org.axonframework.eventhandling.EventMessage;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Our engine, with appends that can be made to stall after they have reserved their global positions: a writer
 * that is slow, paused or cut off between reserving and inserting.
 */
class StallableEngine extends GapAwareMongoEventStorageEngine {

    private final Map<Thread, Stall> stalls = new ConcurrentHashMap<>();

    StallableEngine(GapAwareMongoEventStorageEngine.Builder builder) {
        super(builder);
    }

    @Override
    protected void onSequenceReserved(long first, long last) {
        Stall stall = stalls.get(Thread.currentThread());
        if (stall != null) {
            stall.reserved.complete(new long[]{first, last});
            try {
                stall.release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Appends on another thread, and returns once the append has reserved its positions. */
    EventStorageEngineContractTest.DelayedAppend beginStalledAppend(List<? extends EventMessage<?>> events) {
        Stall stall = new Stall();
        CompletableFuture<Optional<Throwable>> outcome = new CompletableFuture<>();
        Thread writer = new Thread(() -> {
            stalls.put(Thread.currentThread(), stall);
            try {
                appendEvents(events);
                outcome.complete(Optional.empty());
            } catch (Throwable e) {
                stall.reserved.complete(null);
                outcome.complete(Optional.of(e));
            } finally {
                stalls.remove(Thread.currentThread());
            }
        }, "stalled-writer");
        writer.start();
        stall.reserved.join();
        stall.positions = stall.reserved.getNow(null);
        return () -> {
            stall.release.countDown();
            try {
                return outcome.get(30, TimeUnit.SECONDS);
            } catch (InterruptedException | ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static final class Stall {

        final CompletableFuture<long[]> reserved = new CompletableFuture<>();
        final CountDownLatch release = new CountDownLatch(1);
        volatile long[] positions;
    }
}
