package io.playmark.infra.eventstore;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A minimal event-sourced aggregate for the snapshot trigger test. */
public class CounterAggregate {

    public record CounterCreated(String id) {
    }

    public record Incremented(String id, int count) {
    }

    @AggregateIdentifier
    private String id;
    private int count;

    public CounterAggregate() {
    }

    public CounterAggregate(String id) {
        apply(new CounterCreated(id));
    }

    public void increment() {
        apply(new Incremented(id, count + 1));
    }

    public int count() {
        return count;
    }

    @EventSourcingHandler
    void on(CounterCreated event) {
        this.id = event.id();
    }

    @EventSourcingHandler
    void on(Incremented event) {
        this.count = event.count();
    }
}
