package io.playmark.kernel.play;

import java.util.Map;

/**
 * What a {@link RecordPlaysCommand} recorded: every play but those refused, which are keyed by their place in the
 * command.
 */
public record RecordedPlays(int recorded, Map<Integer, Refusal> refused) {

    public RecordedPlays {
        refused = Map.copyOf(refused);
    }

    /** The rule a play broke: the field at fault and what is wrong with it. */
    public record Refusal(String field, String problem) {
    }
}
