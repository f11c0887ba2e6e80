package io.playmark.infra.operations;

import java.util.List;

/**
 * How far one event processor (a projection) has come.
 *
 * @param lag events in the store that the slowest segment has not processed yet, when both positions are known
 */
public record EventProcessorStatus(String name, String type, boolean running, boolean error, boolean replaying,
                                   Long position, Long headPosition, Long lag, List<Segment> segments) {

    public record Segment(int id, Long position, boolean caughtUp, boolean replaying, String error) {
    }
}
