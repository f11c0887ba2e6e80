package io.playmark.infra.eventstore;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;

import java.util.List;

/**
 * The contract, on axon-mongo's own {@link MongoEventStorageEngine} (document per event, ordered by client
 * timestamp, tracking with a one-second look-back), as a reference point.
 * <p>
 * It fails three cases, skipped here through the {@code supportsX()} methods:
 * <ul>
 * <li>{@link #supportsNoLossAfterGapTimeout()}: an event whose timestamp is more than the look-back (1 s) older than
 * an event the processor has already read is never delivered, though its append succeeded (a slow append, or a
 * writer's clock behind another's). {@link #axonMongoSkipsAnEventCommittedLaterThanItsLookBack()} pins this down.</li>
 * <li>{@link #supportsStrictAppendOrder()}: events with the same millisecond timestamp are ordered by aggregate
 * sequence number, not by append order.</li>
 * <li>{@link #supportsOutOfOrderSnapshots()}: the snapshot stored last replaces the one stored before it, even if
 * it is older.</li>
 * </ul>
 */
class AxonMongoEventStorageEngineContractTest extends EventStorageEngineContractTest {

    @Override
    protected EventStorageEngine createEngine(MongoDatabase database, Options options) {
        return MongoEventStorageEngine.builder()
                                      .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(database).build())
                                      .eventSerializer(options.serializer())
                                      .snapshotSerializer(options.serializer())
                                      .upcasterChain(options.upcaster())
                                      .batchSize(options.batchSize())
                                      .build();
    }

    /**
     * axon-mongo orders events by their timestamp, taken when the event message is created: an event created now and
     * appended later is the same as an append stalled after taking its place in the order.
     */
    @Override
    protected DelayedAppend beginDelayedAppend(EventStorageEngine engine, List<? extends EventMessage<?>> events) {
        return () -> {
            try {
                engine.appendEvents(events);
                return java.util.Optional.empty();
            } catch (RuntimeException e) {
                return java.util.Optional.of(e);
            }
        };
    }

    @Override
    protected boolean supportsNoLossAfterGapTimeout() {
        return false;
    }

    @Override
    protected boolean supportsStrictAppendOrder() {
        return false;
    }

    @Override
    protected boolean supportsOutOfOrderSnapshots() {
        return false;
    }

    @org.junit.jupiter.api.Test
    void axonMongoSkipsAnEventCommittedLaterThanItsLookBack() throws InterruptedException {
        DelayedAppend late = beginDelayedAppend(engine, List.of(TestEvents.itemAdded("late", 0)));
        engine.appendEvents(TestEvents.itemAdded("early", 0));
        var first = readAll(null);
        Thread.sleep(1_500);
        engine.appendEvents(TestEvents.itemAdded("middle", 0));
        var second = readAll(first.getLast().trackingToken());
        org.assertj.core.api.Assertions.assertThat(late.complete()).isEmpty();

        var afterwards = readAll(second.getLast().trackingToken());

        org.assertj.core.api.Assertions.assertThat(engine.readEvents("late").asStream()).hasSize(1);
        org.assertj.core.api.Assertions.assertThat(identifiers(afterwards)).as("committed, never delivered").isEmpty();
    }
}
