package io.playmark.command.play;

import io.playmark.kernel.InvalidValueException;
import io.playmark.kernel.play.PlayId;
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
 * append finds a play already recorded (a resent batch), nothing of it was written, and the store's uniqueness has
 * said which plays are duplicates (ADR 0014).
 */
@Component
class PlayIngestion {

    /** The most plays one upload may carry: a screen that was offline for long sends its backlog in several. */
    static final int MAX_PLAYS = 1_000;

    private static final int BATCH_ATTEMPTS = 3;

    private final CommandGateway commands;
    private final RecordedPlayIds playIds;
    private final PlayerSightings sightings;
    private final Clock clock;

    PlayIngestion(CommandGateway commands, RecordedPlayIds playIds, PlayerSightings sightings, Clock clock) {
        this.commands = commands;
        this.playIds = playIds;
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

    /**
     * One append for the batch; when it finds plays recorded before, they are told apart in one look-up and the rest
     * is appended again. Only when that keeps conflicting (another upload of the same plays at the same moment) are
     * the plays recorded one by one.
     */
    private void recordAll(List<RecordPlayCommand> batch, List<Integer> indexes, PlayUpload.Tally tally) {
        List<RecordPlayCommand> pending = batch;
        List<Integer> at = indexes;
        for (int attempt = 0; attempt < BATCH_ATTEMPTS; attempt++) {
            if (pending.isEmpty()) {
                return;
            }
            try {
                RecordedPlays recorded = commands.sendAndWait(new RecordPlaysCommand(pending));
                tally.accepted(recorded.recorded());
                List<RecordPlayCommand> sent = pending;
                List<Integer> sentAt = at;
                recorded.refused().forEach((i, refusal) -> tally.rejected(sentAt.get(i),
                        sent.get(i).playId().value(), refusal.field(), refusal.problem()));
                return;
            } catch (AggregateStreamCreationException | ConcurrencyException alreadyRecorded) {
                Set<PlayId> recorded = playIds.recordedAmong(pending.stream().map(RecordPlayCommand::playId).toList());
                List<RecordPlayCommand> rest = new ArrayList<>();
                List<Integer> restAt = new ArrayList<>();
                for (int i = 0; i < pending.size(); i++) {
                    if (recorded.contains(pending.get(i).playId())) {
                        tally.duplicate();
                    } else {
                        rest.add(pending.get(i));
                        restAt.add(at.get(i));
                    }
                }
                pending = rest;
                at = restAt;
            }
        }
        recordOneByOne(pending, at, tally);
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
