package io.playmark.command.play;

import io.playmark.kernel.InvalidValueException;
import io.playmark.kernel.play.RecordPlayCommand;
import io.playmark.kernel.play.RecordPlaysCommand;
import io.playmark.kernel.play.RecordedPlays;
import io.playmark.kernel.player.PlayerId;
import io.playmark.kernel.player.PlayerSightings;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Records a player's upload of plays, answering per play. The batch goes to the event store in one append; when that
 * append finds a play already recorded (a resent batch), nothing of it was written and the plays are recorded one by
 * one, each recorded play's second creation being refused by the store as a duplicate (ADR 0012).
 */
@Component
class PlayIngestion {

    /** The most plays one upload may carry: a screen that was offline for long sends its backlog in several. */
    static final int MAX_PLAYS = 1_000;

    private final CommandGateway commands;
    private final PlayerSightings sightings;
    private final Clock clock;

    PlayIngestion(CommandGateway commands, PlayerSightings sightings, Clock clock) {
        this.commands = commands;
        this.sightings = sightings;
        this.clock = clock;
    }

    PlayUpload record(PlayerId player, List<JsonNode> items) {
        if (items == null) {
            throw new InvalidValueException("plays", "plays is required");
        }
        if (items.size() > MAX_PLAYS) {
            throw new InvalidValueException("plays", "an upload carries at most " + MAX_PLAYS + " plays, this one "
                    + items.size() + "; send the rest in another");
        }
        Instant receivedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        PlayUpload.Tally tally = new PlayUpload.Tally();
        List<RecordPlayCommand> batch = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            try {
                RecordPlayCommand play = PlayItem.command(items.get(i), player, receivedAt);
                if (!seen.add(play.playId().value())) {
                    tally.duplicate();
                    continue;
                }
                batch.add(play);
                indexes.add(i);
            } catch (InvalidValueException malformed) {
                tally.rejected(i, PlayItem.playIdOf(items.get(i)), malformed.field(), malformed.getMessage());
            }
        }
        recordAll(batch, indexes, tally);
        // an upload is a sign of life like a heartbeat
        sightings.seen(player, receivedAt);
        return tally.result();
    }

    private void recordAll(List<RecordPlayCommand> batch, List<Integer> indexes, PlayUpload.Tally tally) {
        if (batch.isEmpty()) {
            return;
        }
        RecordedPlays recorded;
        try {
            recorded = commands.sendAndWait(new RecordPlaysCommand(batch));
        } catch (AggregateStreamCreationException | ConcurrencyException alreadyRecorded) {
            recordOneByOne(batch, indexes, tally);
            return;
        }
        tally.accepted(recorded.recorded());
        recorded.refused().forEach((at, refusal) -> tally.rejected(indexes.get(at), batch.get(at).playId().value(),
                refusal.field(), refusal.problem()));
    }

    private void recordOneByOne(List<RecordPlayCommand> batch, List<Integer> indexes, PlayUpload.Tally tally) {
        for (int i = 0; i < batch.size(); i++) {
            RecordPlayCommand play = batch.get(i);
            try {
                commands.sendAndWait(play);
                tally.accepted(1);
            } catch (AggregateStreamCreationException alreadyRecorded) {
                tally.duplicate();
            } catch (InvalidValueException outside) {
                tally.rejected(indexes.get(i), play.playId().value(), outside.field(), outside.getMessage());
            }
        }
    }
}
