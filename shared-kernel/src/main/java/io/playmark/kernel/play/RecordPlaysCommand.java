package io.playmark.kernel.play;

import java.util.List;
import java.util.Objects;

/**
 * Records a player's batch of plays in one unit of work, so that their events reach the event store in one append.
 * Each play is its own aggregate; a play already recorded makes the whole append fail with Axon's
 * {@code AggregateStreamCreationException}, after which the sender records the plays one by one to tell which were
 * duplicates (ADR 0014). Answers the {@link RecordedPlays}.
 */
public record RecordPlaysCommand(List<RecordPlayCommand> plays) {

    public RecordPlaysCommand {
        plays = List.copyOf(Objects.requireNonNull(plays, "plays"));
    }
}
