package io.playmark.query.audit;

import io.playmark.kernel.audit.PointInTime;

/**
 * Replays an aggregate's own events, through the aggregate itself, up to a point. Declared here, answered by the
 * command side's aggregates through the event store. An unknown type or aggregate is a NotFoundException.
 */
public interface AggregateStates {

    AggregateState stateAt(String aggregateType, String aggregateId, PointInTime at);

    AggregateDiff diff(String aggregateType, String aggregateId, PointInTime from, PointInTime to);
}
