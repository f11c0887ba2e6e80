package io.playmark.infra.operations;

import java.util.List;

/**
 * How far one event processor (a projection) has come.
 *
 * @param replaying      a replay has history left to go through: true from the reset until every segment has reached
 *                       the position it was reset at (an empty store has none to go through)
 * @param lag            events in the store that the slowest segment has not processed yet, when both positions are known
 * @param replayProgress during a replay, the share of the history up to the reset already replayed (0 to 100 %)
 */
public record EventProcessorStatus(String name, String type, boolean running, boolean error, boolean replaying,
                                   Long position, Long headPosition, Long lag, Integer replayProgress,
                                   List<Segment> segments) {

    /**
     * @param replaying     this segment has not yet reached the position it was reset at
     * @param resetPosition during a replay, the position the replay runs up to
     */
    public record Segment(int id, Long position, boolean caughtUp, boolean replaying, Long resetPosition,
                          String error) {
    }
}
