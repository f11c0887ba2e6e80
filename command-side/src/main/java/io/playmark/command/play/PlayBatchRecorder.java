package io.playmark.command.play;

import io.playmark.kernel.InvalidValueException;
import io.playmark.kernel.play.RecordPlayCommand;
import io.playmark.kernel.play.RecordPlaysCommand;
import io.playmark.kernel.play.RecordedPlays;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Creates a batch's plays in one unit of work, so that Axon appends all their events at once (one insert, not one
 * per play: ADR 0014). A play outside the {@link PlayWindow} is refused alone; the others are recorded.
 */
@Component
class PlayBatchRecorder {

    private final Repository<Play> plays;
    private final PlayWindow window;

    PlayBatchRecorder(Repository<Play> plays, PlayWindow window) {
        this.plays = plays;
        this.window = window;
    }

    @CommandHandler
    RecordedPlays handle(RecordPlaysCommand command) throws Exception {
        List<RecordPlayCommand> batch = command.plays();
        Map<Integer, RecordedPlays.Refusal> refused = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            RecordPlayCommand play = batch.get(i);
            try {
                plays.newInstance(() -> new Play(play, window));
            } catch (InvalidValueException outside) {
                // refused before anything was applied: the unit of work goes on with the others
                refused.put(i, new RecordedPlays.Refusal(outside.field(), outside.getMessage()));
            }
        }
        return new RecordedPlays(batch.size() - refused.size(), refused);
    }
}
