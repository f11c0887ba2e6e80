package io.playmark.query.consistency;

import java.util.OptionalLong;

/** Where an aggregate's events stand in the event store's global order, when the store can tell. */
public interface EventPositions {

    /** The global position of the aggregate's last event; empty when unknown to the store. */
    OptionalLong lastEventPosition(String aggregateId);
}
