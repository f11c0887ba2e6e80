package io.playmark.infra.eventstore;

import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterators;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A tracking stream that reads its next batch while its consumer handles the current one, so that a processor catching
 * up (a replay) deserializes and handles events while the store serves the next batch (docs/benchmarks.md measures
 * replays). One batch at most is read ahead, from the last
 * token of the batch before, exactly as the consumer would have asked; the stream ends at the first empty batch, as
 * Axon's batching streams do.
 */
final class PrefetchingBatches extends Spliterators.AbstractSpliterator<TrackedEventData<?>> implements AutoCloseable {

    private final Function<TrackingToken, List<? extends TrackedEventData<?>>> fetchAfter;
    private final Executor executor;
    private Iterator<? extends TrackedEventData<?>> current = Collections.emptyIterator();
    private TrackingToken lastToken;
    private CompletableFuture<List<? extends TrackedEventData<?>>> next;

    PrefetchingBatches(TrackingToken after, Function<TrackingToken, List<? extends TrackedEventData<?>>> fetchAfter,
                       Executor executor) {
        super(Long.MAX_VALUE, NONNULL | ORDERED | DISTINCT);
        this.lastToken = after;
        this.fetchAfter = fetchAfter;
        this.executor = executor;
    }

    @Override
    public boolean tryAdvance(Consumer<? super TrackedEventData<?>> action) {
        if (!current.hasNext()) {
            List<? extends TrackedEventData<?>> batch;
            try {
                batch = next == null ? fetchAfter.apply(lastToken) : await(next);
            } catch (CancellationException e) {
                return false; // the stream was closed while its consumer waited
            } catch (InterruptedException e) {
                // the consumer is being stopped (as a read of its own would be): end the stream, keep the flag
                Thread.currentThread().interrupt();
                close();
                return false;
            }
            next = null;
            if (batch.isEmpty()) {
                return false;
            }
            TrackingToken after = batch.getLast().trackingToken();
            lastToken = after;
            next = CompletableFuture.supplyAsync(() -> fetchAfter.apply(after), executor);
            current = batch.iterator();
        }
        action.accept(current.next());
        return true;
    }

    private static List<? extends TrackedEventData<?>> await(CompletableFuture<List<? extends TrackedEventData<?>>> batch)
            throws InterruptedException {
        try {
            return batch.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Drops a batch still being read ahead (the query itself runs to its end: a read cannot be taken back). */
    @Override
    public void close() {
        if (next != null) {
            next.cancel(false);
            next = null;
        }
    }
}
