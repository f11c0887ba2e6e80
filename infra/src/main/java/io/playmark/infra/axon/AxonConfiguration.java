package io.playmark.infra.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.playmark.infra.audit.AuditMetadata;
import io.playmark.infra.eventstore.GapAwareMongoEventStorageEngine;
import io.playmark.infra.instance.PlaymarkInstance;
import io.playmark.kernel.Causes;
import io.playmark.query.consistency.EventPositions;
import io.playmark.query.consistency.ProcessorTokens;
import io.playmark.query.consistency.ProjectionCatchUp;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.ExponentialBackOffIntervalRetryScheduler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.MongoSagaStore;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.config.SpringConfigurer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Axon without Axon Server: events, tokens and sagas in MongoDB. Events go to Playmark's gap-aware
 * engine by default (ADR 0003); axon-mongo keeps tokens and sagas, and its own engine stays selectable.
 * axon-mongo has no Spring Boot auto-configuration since 4.10, so its beans are declared here.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventStoreProperties.class)
class AxonConfiguration {

    /**
     * Jackson 2 for Axon's JacksonSerializer (Spring Boot 4 itself uses Jackson 3). Axon picks the bean
     * by this name. Unknown properties are ignored so that events written by a newer version still load.
     */
    @Bean
    ObjectMapper defaultAxonObjectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** The revision of every snapshot written field by field; snapshots without it are ignored on load. */
    static final String SNAPSHOT_FORMAT = "fields-1";

    /**
     * Snapshots hold an aggregate's own state: its private fields, which have no getters (aggregates expose no
     * state). Serialized field by field, and only so; events and other messages keep {@link #defaultAxonObjectMapper()}.
     */
    static Serializer snapshotSerializer(ObjectMapper messages) {
        return JacksonSerializer.builder().objectMapper(AggregateFields.mapper(messages)).revisionResolver(type -> SNAPSHOT_FORMAT)
                .lenientDeserialization().build();
    }

    /**
     * Snapshots written before {@link #SNAPSHOT_FORMAT} (by getters, so without the aggregate's state) are passed
     * over: the aggregate loads from its events, and its next snapshot replaces the old one.
     */
    static SnapshotFilter currentSnapshotsOnly() {
        return snapshot -> SNAPSHOT_FORMAT.equals(snapshot.getPayload().getType().getRevision());
    }

    @Bean
    MongoTemplate axonMongoTemplate(MongoClient client, @Value("${playmark.mongodb.database}") String database) {
        return DefaultMongoTemplate.builder().mongoDatabase(client, database).build();
    }

    /**
     * Claims of projection segments are made in this instance's name. A claim not renewed for
     * {@code playmark.projections.claim-timeout} (its instance was killed) may be taken by another instance.
     */
    @Bean
    TokenStore tokenStore(MongoTemplate axonMongoTemplate, Serializer serializer, PlaymarkInstance instance,
                          @Value("${playmark.projections.claim-timeout}") Duration claimTimeout) {
        return MongoTokenStore.builder().mongoTemplate(axonMongoTemplate).serializer(serializer)
                .nodeId(instance.id()).claimTimeout(claimTimeout).build();
    }

    @Bean
    SagaStore<Object> sagaStore(MongoTemplate axonMongoTemplate, Serializer serializer) {
        return MongoSagaStore.builder().mongoTemplate(axonMongoTemplate).serializer(serializer).build();
    }

    @Bean
    EventStorageEngine eventStorageEngine(EventStoreProperties properties, MongoClient client,
                                          @Value("${playmark.mongodb.database}") String database,
                                          MongoTemplate axonMongoTemplate, ObjectMapper defaultAxonObjectMapper,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration) {
        Serializer snapshots = snapshotSerializer(defaultAxonObjectMapper);
        return switch (properties.engine()) {
            case GAP_AWARE -> GapAwareMongoEventStorageEngine.builder()
                    .database(client.getDatabase(database))
                    .batchSize(properties.batchSize())
                    .gapTimeout(properties.gapTimeout())
                    .writeTimeout(properties.writeTimeout())
                    .positionBlockSize(properties.positionBlockSize())
                    .positionLease(properties.positionLease())
                    .snapshotSerializer(snapshots)
                    .snapshotFilter(currentSnapshotsOnly())
                    .eventSerializer(eventSerializer)
                    .upcasterChain(configuration.upcasterChain())
                    .build();
            case AXON_MONGO -> MongoEventStorageEngine.builder()
                    .mongoTemplate(axonMongoTemplate)
                    .batchSize(properties.batchSize())
                    .snapshotSerializer(snapshots)
                    .snapshotFilter(currentSnapshotsOnly())
                    .eventSerializer(eventSerializer)
                    .upcasterChain(configuration.upcasterChain())
                    .build();
        };
    }

    /**
     * Axon's event store as its auto-configuration makes it, but for how soon a tracking stream that has
     * caught up asks the store again: appends made by this instance wake it at once; those of other instances
     * show only on its next fetch, so that delay bounds how late a projection here sees another instance's
     * write ({@code playmark.event-store.fetch-delay}; Axon's default is a second).
     */
    @Bean
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration,
                                  @Value("${playmark.event-store.fetch-delay}") Duration fetchDelay) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(fetchDelay.toMillis())
                .build();
    }

    /** Global positions of aggregates' events, for read-your-writes; axon-mongo's engine cannot tell them. */
    @Bean
    EventPositions eventPositions(EventStorageEngine engine) {
        if (engine instanceof GapAwareMongoEventStorageEngine gapAware) {
            return gapAware::lastGlobalPositionOf;
        }
        return aggregateId -> OptionalLong.empty();
    }

    /**
     * Commands that lose a race for their aggregate (another instance, or thread, appended first: a
     * {@code ConcurrencyException}) are retried on the aggregate's new state, a bounded number of times with
     * exponential backoff; a retried command loads the aggregate anew, so it is applied once or not at all.
     * Creating an aggregate that exists is not retried: that is a real conflict.
     */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus, ScheduledExecutorService commandRetries,
                                  @Value("${playmark.commands.retries}") int retries,
                                  @Value("${playmark.commands.retry-backoff}") Duration backoff) {
        DefaultCommandGateway.Builder gateway = DefaultCommandGateway.builder().commandBus(commandBus);
        if (retries > 0) {
            gateway.retryScheduler(ExponentialBackOffIntervalRetryScheduler.builder()
                    .retryExecutor(commandRetries)
                    .maxRetryCount(retries)
                    .backoffFactor(backoff.toMillis())
                    // Axon would retry every failure not marked non-transient, a create of an existing aggregate too
                    .nonTransientFailurePredicate(failure -> Causes.find(failure, ConcurrencyException.class).isEmpty())
                    .build());
        }
        return gateway.build();
    }

    /** Where retried commands run their next try (on the scheduler's threads, virtual ones, 16 at once). */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService commandRetries() {
        return Executors.newScheduledThreadPool(16, Thread.ofVirtual().name("command-retry-", 0).factory());
    }

    /** Projections' progress as stored in the shared token store, for read-your-writes on any instance. */
    @Bean
    ProcessorTokens processorTokens(MongoTemplate axonMongoTemplate, Serializer serializer) {
        return new StoredProcessorTokens(axonMongoTemplate, serializer);
    }

    /**
     * {@code playmark.read.your.writes.timeouts}: mutations whose projections did not catch up within
     * {@code playmark.read-your-writes.timeout}; each answered from a read model that may miss the write.
     */
    @Bean
    MeterBinder readYourWritesMeters(ProjectionCatchUp catchUp) {
        return registry -> FunctionCounter.builder("playmark.read.your.writes.timeouts", catchUp,
                                                   ProjectionCatchUp::timeouts)
                .description("Read-your-writes waits that ran out of time")
                .register(registry);
    }

    /**
     * {@code playmark.event.store.positions.given.up}: global positions this instance's tracking readers gave up since
     * it started (docs/event-store.md says what raises it). Steady rises mean appends outlive the write timeout.
     */
    @Bean
    MeterBinder eventStoreMeters(EventStorageEngine engine) {
        return registry -> {
            if (engine instanceof GapAwareMongoEventStorageEngine gapAware) {
                FunctionCounter.builder("playmark.event.store.positions.given.up", gapAware,
                                        GapAwareMongoEventStorageEngine::givenUpPositions)
                               .description("Global positions tracking readers gave up after the gap timeout")
                               .register(registry);
            }
        };
    }

    /** Aggregates are snapshotted every {@code playmark.event-store.snapshot-threshold} events. */
    @Bean
    SnapshotTriggerDefinition aggregateSnapshotTrigger(Snapshotter snapshotter, EventStoreProperties properties) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, properties.snapshotThreshold());
    }

    /**
     * Every event records what caused it: {@code correlationId} is the id of the first message of the
     * flow, {@code causationId} the id of the message being handled when it was applied.
     */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        // Axon's first key takes the handled message's id, the second the id that started the flow.
        return new MessageOriginProvider(AuditMetadata.CAUSATION_ID, AuditMetadata.CORRELATION_ID);
    }

    /** Carries who asked, and from where, from each command onto the events it produced. */
    @Bean
    CorrelationDataProvider auditCorrelationDataProvider() {
        return new SimpleCorrelationDataProvider(AuditMetadata.IDENTITY_KEYS.toArray(String[]::new));
    }
}
