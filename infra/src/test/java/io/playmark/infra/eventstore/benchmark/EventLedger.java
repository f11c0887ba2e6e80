package io.playmark.infra.eventstore.benchmark;

import org.axonframework.eventhandling.DomainEventMessage;

import java.util.BitSet;
import java.util.List;

/**
 * Which play numbers a store acknowledged, and which a reader delivered and how often, so that every run can say
 * exactly how many events were skipped, duplicated or invented. Bit sets keep a million events at ~125 KB.
 */
final class EventLedger {

    private final BitSet appended = new BitSet();
    private final BitSet delivered = new BitSet();
    private long deliveredCount;
    private long duplicates;

    synchronized void appended(List<? extends DomainEventMessage<?>> events) {
        events.forEach(event -> appended.set(Math.toIntExact(PlayEvents.playNumber(event))));
    }

    synchronized void delivered(long playNumber) {
        int index = Math.toIntExact(playNumber);
        if (delivered.get(index)) {
            duplicates++;
        } else {
            delivered.set(index);
            deliveredCount++;
        }
    }

    synchronized long appendedCount() {
        return appended.cardinality();
    }

    /** Distinct events delivered so far. */
    synchronized long deliveredCount() {
        return deliveredCount;
    }

    /** A fresh ledger for another reader of the same store: it expects the same events, and has seen none. */
    synchronized EventLedger forNewReader() {
        EventLedger reader = new EventLedger();
        reader.appended.or(appended);
        return reader;
    }

    synchronized Verdict verdict() {
        BitSet missing = (BitSet) appended.clone();
        missing.andNot(delivered);
        BitSet unexpected = (BitSet) delivered.clone();
        unexpected.andNot(appended);
        return new Verdict(appended.cardinality(), deliveredCount, missing.cardinality(), duplicates,
                           unexpected.cardinality());
    }

    /** The outcome of one reader: {@code missing} are acknowledged events it never delivered (skipped). */
    record Verdict(long expected, long delivered, long missing, long duplicates, long unexpected) {

        boolean clean() {
            return missing == 0 && duplicates == 0 && unexpected == 0;
        }

        @Override
        public String toString() {
            return "%,d of %,d delivered, %,d skipped, %,d duplicates, %,d unexpected"
                    .formatted(delivered, expected, missing, duplicates, unexpected);
        }

        /** For a reader that was abandoned: what it had not delivered yet is not known to be skipped. */
        String whenAbandoned() {
            return "%,d of %,d delivered when abandoned, %,d duplicates, %,d unexpected"
                    .formatted(delivered, expected, duplicates, unexpected);
        }
    }
}
