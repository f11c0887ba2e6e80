package io.playmark.infra.eventstore.benchmark;

import io.playmark.infra.eventstore.benchmark.PlayEvents.PlayRecordedEvent;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.messaging.StreamableMessageSource;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongConsumer;

/**
 * A real Axon projection that does nothing but count: an annotated {@code @EventHandler} in a single-threaded
 * {@link TrackingEventProcessor} with an in-memory token store, so that a replay costs what a Playmark projection
 * costs minus its own writes (reading, deserializing the payload, the processor's unit of work per batch).
 */
final class CountingProjection implements AutoCloseable {

    /** Events per unit of work of the processor. */
    static final int PROCESSOR_BATCH_SIZE = 100;

    private final TrackingEventProcessor processor;

    private CountingProjection(TrackingEventProcessor processor) {
        this.processor = processor;
    }

    /**
     * Starts a processor reading {@code source} after {@code initialToken} (the tail token for a replay, the head token
     * taken before any append for a live follower), calling {@code onEvent} with each delivered play number.
     */
    static CountingProjection start(String name, StreamableMessageSource<TrackedEventMessage<?>> source,
                                    TrackingToken initialToken, LongConsumer onEvent) {
        TrackingEventProcessorConfiguration configuration =
                TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                                   .andBatchSize(PROCESSOR_BATCH_SIZE)
                                                   .andInitialTrackingToken(ignored -> initialToken);
        TrackingEventProcessor processor =
                TrackingEventProcessor.builder()
                                      .name(name)
                                      .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                                                                                    .eventHandlers(new Handler(onEvent))
                                                                                    .build())
                                      .messageSource(source)
                                      .tokenStore(new InMemoryTokenStore())
                                      .transactionManager(NoTransactionManager.INSTANCE)
                                      .trackingEventProcessorConfiguration(configuration)
                                      .build();
        processor.start();
        return new CountingProjection(processor);
    }

    /** The processor's last error, if it is retrying one. */
    String error() {
        return processor.processingStatus().values().stream()
                        .filter(status -> status.isErrorState() && status.getError() != null)
                        .map(status -> status.getError().toString())
                        .findFirst().orElse(null);
    }

    /** The token of the processor's only segment: how far it has come. */
    TrackingToken token() {
        EventTrackerStatus status = processor.processingStatus().get(0);
        return status == null ? null : status.getTrackingToken();
    }

    /** Stops the processor, waiting at most 60 s for its current batch (a slow engine can take that long). */
    @Override
    public void close() {
        CompletableFuture<Void> stopped = processor.shutdownAsync();
        try {
            stopped.get(60, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            System.out.println("  (processor " + processor.getName() + " did not stop within 60 s; left behind)");
        } catch (Exception e) {
            System.out.println("  (processor " + processor.getName() + " stopped with " + e + ")");
        }
    }

    /** The projection's event handler. */
    static final class Handler {

        private final LongConsumer onEvent;

        Handler(LongConsumer onEvent) {
            this.onEvent = onEvent;
        }

        @EventHandler
        void on(PlayRecordedEvent event) {
            onEvent.accept(event.playNumber());
        }
    }
}
