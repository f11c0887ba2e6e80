package io.playmark.command.play;

import io.playmark.kernel.play.PlayRecordedEvent;
import io.playmark.kernel.play.RecordPlayCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One playback a screen reported. Its id is the play's own, chosen by the player, so recording a play twice is a
 * second creation of the same aggregate, which the event store refuses (ADR 0014): a resent play is never counted
 * again, also after a restart. A play is recorded once and never changes.
 */
@Aggregate
public class Play {

    @AggregateIdentifier
    private String playId;

    protected Play() {
        // Axon rebuilds the aggregate from its event.
    }

    @CommandHandler
    Play(RecordPlayCommand command, PlayWindow window) {
        window.check(command.startedAt(), command.receivedAt());
        apply(new PlayRecordedEvent(command.playId().value(), command.playerId().value(), command.assetId().value(),
                command.campaignId() == null ? null : command.campaignId().value(), command.startedAt(),
                command.durationMs(), command.plannedDurationMs(), command.outcome(), command.error(),
                command.audience(), command.receivedAt()));
    }

    @EventSourcingHandler
    void on(PlayRecordedEvent event) {
        playId = event.playId();
    }
}
