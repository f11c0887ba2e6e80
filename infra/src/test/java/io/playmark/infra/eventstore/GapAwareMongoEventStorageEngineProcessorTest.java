package io.playmark.infra.eventstore;

import com.mongodb.client.MongoDatabase;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine behind Axon's own {@link TrackingEventProcessor}, with its token in axon-mongo's {@link MongoTokenStore}
 * (serialized by Jackson): 4 writers publish 2,500 events each through an {@link EmbeddedEventStore}; halfway the
 * processor is shut down and a new one, on a new engine and event store (another process), carries on from the stored
 * token. Every event is handled exactly once, in order within its aggregate.
 */
class GapAwareMongoEventStorageEngineProcessorTest {

    private static final int WRITERS = 4;
    private static final int EVENTS_PER_WRITER = 2_500;
    private static final int TOTAL = WRITERS * EVENTS_PER_WRITER;

    private EmbeddedMongo mongo;
    private MongoDatabase database;
    private final List<EmbeddedEventStore> stores = new ArrayList<>();

    @BeforeEach
    void startServer() {
        mongo = EmbeddedMongo.start();
        database = mongo.newDatabase();
    }

    @AfterEach
    void stopServer() {
        stores.forEach(EmbeddedEventStore::shutDown);
        mongo.close();
    }

    @Test
    void aTrackingEventProcessorHandlesEveryEventOnceAcrossARestart() throws Exception {
        TokenStore tokenStore = MongoTokenStore.builder()
                                               .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(database)
                                                                                  .build())
                                               .serializer(TestEvents.serializer())
                                               .build();
        Handler handler = new Handler();
        EmbeddedEventStore writerStore = eventStore();
        TrackingEventProcessor first = processor(eventStore(), tokenStore, handler);
        first.start();

        ExecutorService executor = Executors.newFixedThreadPool(WRITERS);
        try {
            List<CompletableFuture<Void>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(CompletableFuture.runAsync(() -> write(writerStore, writer), executor));
            }
            long t0 = System.nanoTime();
            handler.awaitCount(TOTAL / 2, Duration.ofSeconds(60));
            long t1 = System.nanoTime();
            first.shutDown();
            long t2 = System.nanoTime();
            int handledByFirst = handler.count();
            assertThat(tokenStore.fetchToken("checker", 0)).isInstanceOf(GapAwareTrackingToken.class);

            TrackingEventProcessor second = processor(eventStore(), tokenStore, handler);
            second.start();
            for (CompletableFuture<Void> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }
            long t3 = System.nanoTime();
            handler.awaitCount(TOTAL, Duration.ofSeconds(60));
            long t4 = System.nanoTime();
            second.shutDown();
            System.out.printf("half %d ms, shutdown %d ms, writers done %d ms, all %d ms%n", (t1 - t0) / 1_000_000,
                              (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000);

            assertThat(handler.violations()).isEmpty();
            assertThat(handler.count()).isEqualTo(TOTAL);
            System.out.printf("first processor handled %d, second %d%n", handledByFirst, TOTAL - handledByFirst);
        } finally {
            executor.shutdownNow();
        }
    }

    private EmbeddedEventStore eventStore() {
        EmbeddedEventStore store = EmbeddedEventStore.builder()
                                                     .storageEngine(GapAwareMongoEventStorageEngine.builder()
                                                                                                   .database(database)
                                                                                                   .eventSerializer(TestEvents.serializer())
                                                                                                   .snapshotSerializer(TestEvents.serializer())
                                                                                                   .gapTimeout(Duration.ofSeconds(20))
                                                                                                   .writeTimeout(Duration.ofSeconds(10))
                                                                                                   .build())
                                                     .fetchDelay(20)
                                                     .build();
        stores.add(store);
        return store;
    }

    private static TrackingEventProcessor processor(EmbeddedEventStore store, TokenStore tokenStore,
                                                    Handler handler) {
        return TrackingEventProcessor.builder()
                                     .name("checker")
                                     .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                                                                                   .eventHandlers(handler)
                                                                                   .build())
                                     .messageSource(store)
                                     .tokenStore(tokenStore)
                                     .transactionManager(NoTransactionManager.INSTANCE)
                                     .trackingEventProcessorConfiguration(
                                             TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                                                                .andBatchSize(50))
                                     .build();
    }

    private static void write(EmbeddedEventStore store, int writer) {
        Map<String, Long> next = new HashMap<>();
        int written = 0;
        int round = 0;
        while (written < EVENTS_PER_WRITER) {
            String aggregate = "w" + writer + "-" + (round++ % 10);
            int count = Math.min(1 + round % 3, EVENTS_PER_WRITER - written);
            long first = next.getOrDefault(aggregate, 0L);
            List<EventMessage<?>> events = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                events.add(new GenericDomainEventMessage<>(TestEvents.AGGREGATE_TYPE, aggregate, first + i,
                                                           new TestEvents.ItemAdded(aggregate, (int) first + i)));
            }
            store.publish(events);
            next.put(aggregate, first + count);
            written += count;
        }
    }

    /** Checks what the processor hands it: no event twice, and each aggregate's events in sequence. */
    private static final class Handler implements EventMessageHandler {

        private final Set<String> seen = new HashSet<>();
        private final Map<String, Long> lastSequence = new HashMap<>();
        private final List<String> violations = new ArrayList<>();

        @Override
        public synchronized Object handle(EventMessage<?> event) {
            DomainEventMessage<?> domainEvent = (DomainEventMessage<?>) event;
            if (!seen.add(event.getIdentifier())) {
                violations.add("handled twice: " + event.getIdentifier());
            }
            long expected = lastSequence.getOrDefault(domainEvent.getAggregateIdentifier(), -1L) + 1;
            if (domainEvent.getSequenceNumber() != expected) {
                violations.add(domainEvent.getAggregateIdentifier() + " " + domainEvent.getSequenceNumber()
                                       + " where " + expected + " was due");
            }
            lastSequence.put(domainEvent.getAggregateIdentifier(), domainEvent.getSequenceNumber());
            return null;
        }

        synchronized int count() {
            return seen.size();
        }

        synchronized List<String> violations() {
            return new ArrayList<>(violations);
        }

        void awaitCount(int expected, Duration deadline) throws InterruptedException {
            long until = System.nanoTime() + deadline.toNanos();
            while (count() < expected && System.nanoTime() < until) {
                Thread.sleep(10);
            }
        }
    }
}
