package io.playmark.infra.operations;

import io.playmark.query.rebuild.Rebuild.Target;

import java.time.Instant;
import java.util.List;

/**
 * How far one event processor (a projection) has come, over all its segments, wherever they run.
 *
 * @param instance       the instance that answered (its {@code playmark.instance-id})
 * @param instanceRoles  that instance's roles ({@code command}, {@code query}, {@code jobs})
 * @param replaying      a replay has history left to go through: true from the reset until every segment has reached
 *                       the position it was reset at (an empty store has none to go through)
 * @param lag            events in the store that the slowest segment has not processed yet, when both positions are known
 * @param replayProgress during a replay, the share of the history up to the reset already replayed (0 to 100 %)
 * @param rebuild        while the projection is rebuilt beside its live read model (null otherwise)
 */
public record EventProcessorStatus(String name, String type, String instance, List<String> instanceRoles,
                                   boolean running, boolean error,
                                   boolean replaying,
                                   Long position, Long headPosition, Long lag, Integer replayProgress,
                                   List<Segment> segments, Rebuild rebuild) {

    /**
     * @param owner         the instance that holds the segment's claim (null: none does), from the shared token store
     * @param local         whether the answering instance processes this segment
     * @param lag           events in the store this segment has not processed yet, when both positions are known
     * @param replaying     this segment has not yet reached the position it was reset at
     * @param resetPosition during a replay, the position the replay runs up to
     * @param error         the segment's failure, known only on the instance that processes it
     */
    public record Segment(int id, String owner, boolean local, Long position, Long lag, boolean caughtUp,
                          boolean replaying, Long resetPosition, String error) {
    }

    /**
     * @param targets              what is built: for each index alias or collection, the one queries read now
     *                             ({@code live}) and the one the replay builds ({@code building})
     * @param percent              share of the history up to the reset replayed by the slowest segment
     * @param eventsPerSecond      the replay's rate since it started
     * @param estimatedSecondsLeft at that rate, until the slowest segment has caught up (then the swap follows)
     * @param phase                {@code building}, or {@code swapping} once an instance has taken the swap
     */
    public record Rebuild(List<Target> targets, Instant startedAt, Integer percent, Double eventsPerSecond,
                          Long estimatedSecondsLeft, String phase) {
    }
}
