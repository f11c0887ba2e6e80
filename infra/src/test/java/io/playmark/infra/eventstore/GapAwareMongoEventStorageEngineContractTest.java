package io.playmark.infra.eventstore;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import java.util.List;

/** The contract, on Playmark's own engine: every case applies. */
class GapAwareMongoEventStorageEngineContractTest extends EventStorageEngineContractTest {

    @Override
    protected EventStorageEngine createEngine(MongoDatabase database, Options options) {
        return new StallableEngine(GapAwareMongoEventStorageEngine.builder()
                                                                  .database(database)
                                                                  .eventSerializer(options.serializer())
                                                                  .snapshotSerializer(options.serializer())
                                                                  .upcasterChain(options.upcaster())
                                                                  .batchSize(options.batchSize())
                                                                  .gapTimeout(options.gapTimeout())
                                                                  .writeTimeout(options.writeTimeout()));
    }

    @Override
    protected DelayedAppend beginDelayedAppend(EventStorageEngine engine, List<? extends EventMessage<?>> events) {
        return ((StallableEngine) engine).beginStalledAppend(events);
    }
}
