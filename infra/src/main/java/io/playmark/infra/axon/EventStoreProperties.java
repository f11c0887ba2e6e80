package io.playmark.infra.axon;

import io.playmark.infra.eventstore.GapAwareMongoEventStorageEngine;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The event store's settings ({@code playmark.event-store.*}).
 *
 * @param engine            {@code gap-aware} (default: Playmark's engine) or {@code axon-mongo} (axon-mongo's own,
 *                          kept to compare them side by side)
 * @param batchSize         events per read batch, for aggregate streams and tracking processors
 * @param gapTimeout        how long a missing global position is waited for before it is given up
 * @param writeTimeout      the longest an append may take; must be shorter than the gap timeout (ADR 0003)
 * @param snapshotThreshold events after which an aggregate is snapshotted
 * @param positionBlockSize the most global positions one process reserves at a time for its appends (1: each append
 *                          reserves its own; ADR 0004)
 * @param positionLease     how long a block's positions are handed out before the rest is closed
 */
@ConfigurationProperties("playmark.event-store")
public record EventStoreProperties(Engine engine, int batchSize, Duration gapTimeout, Duration writeTimeout,
                                   int snapshotThreshold, int positionBlockSize, Duration positionLease) {

    public enum Engine {
        GAP_AWARE, AXON_MONGO
    }

    public EventStoreProperties {
        engine = engine == null ? Engine.GAP_AWARE : engine;
        batchSize = batchSize <= 0 ? 500 : batchSize;
        gapTimeout = gapTimeout == null ? Duration.ofSeconds(60) : gapTimeout;
        writeTimeout = writeTimeout == null ? Duration.ofSeconds(10) : writeTimeout;
        snapshotThreshold = snapshotThreshold <= 0 ? 100 : snapshotThreshold;
        positionBlockSize = positionBlockSize <= 0 ? GapAwareMongoEventStorageEngine.DEFAULT_POSITION_BLOCK_SIZE
                                                  : positionBlockSize;
        positionLease = positionLease == null ? Duration.ofSeconds(1) : positionLease;
        if (writeTimeout.compareTo(gapTimeout) >= 0) {
            throw new IllegalArgumentException("playmark.event-store.write-timeout (" + writeTimeout
                    + ") must be shorter than playmark.event-store.gap-timeout (" + gapTimeout + ")");
        }
    }
}
