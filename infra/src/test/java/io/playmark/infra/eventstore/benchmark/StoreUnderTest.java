package io.playmark.infra.eventstore.benchmark;

import org.axonframework.eventhandling.DomainEventMessage;

import java.time.Duration;
import java.util.List;

/** One thing measured on a server: an event storage engine, or the server's raw operations on the same documents. */
sealed interface StoreUnderTest extends AutoCloseable permits EngineUnderTest, RawOperations {

    String name();

    /** Appends one batch; returns only once the store acknowledged it. */
    void append(List<? extends DomainEventMessage<?>> events);

    /** Reads one aggregate's events from its first, all of them; returns how many. */
    int load(String aggregateId);

    /**
     * Reads every event in the store once, from the start, recording each in {@code reader}, and gives up after
     * {@code budget}. {@code progress} is called every few seconds with the events read so far.
     */
    ReadOutcome readAll(EventLedger reader, Duration budget, Progress progress);

    @Override
    void close();

    /** Reports how far a long-running read has come. */
    @FunctionalInterface
    interface Progress {
        void report(long done, long total, double elapsedSeconds);
    }

    /**
     * A finished or abandoned full read: {@code events} read in {@code seconds}; {@code error} is the last error the
     * reader hit, if any.
     */
    record ReadOutcome(long events, double seconds, boolean finished, EventLedger.Verdict verdict, String error) {

        double eventsPerSecond() {
            return events / seconds;
        }
    }
}
