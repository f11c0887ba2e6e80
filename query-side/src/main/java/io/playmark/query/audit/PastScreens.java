package io.playmark.query.audit;

import io.playmark.kernel.NotFoundException;
import io.playmark.kernel.audit.PointInTime;
import io.playmark.kernel.player.PlayerId;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The past of a screen: the player replayed to the moment, the inputs decisioning read for it then (replayed from
 * their own events, {@link PastScreenInputs}, so one deleted since is still named), and the changes to them up to
 * the moment; see docs/audit.md.
 */
@Component
public class PastScreens {

    private static final int MAX_CHANGES = 200;

    private final PastScreenInputs past;
    private final AggregateHistories histories;
    private final AggregateStates states;

    PastScreens(PastScreenInputs past, AggregateHistories histories, AggregateStates states) {
        this.past = past;
        this.histories = histories;
        this.states = states;
    }

    public ScreenPast at(String playerId, Instant at) {
        PlayerId id = new PlayerId(playerId);
        AggregateState player = states.stateAt("player", id.value(), new PointInTime(null, at));
        if (!player.existed()) {
            throw new NotFoundException("Player " + playerId + " did not exist at " + at);
        }
        List<AuditedEvent> changes = new ArrayList<>();
        collectChanges("player", id.value(), at, changes);
        List<ScreenPast.Input> answered = new ArrayList<>();
        for (ScreenPast.Input input : past.at(id, at)) {
            int before = changes.size();
            collectChanges(input.aggregateType(), input.aggregateId(), at, changes);
            answered.add(new ScreenPast.Input(input.aggregateType(), input.aggregateId(), input.role(),
                    changes.size() > before));
        }
        changes.sort(Comparator.comparing(AuditedEvent::timestamp).reversed());
        return new ScreenPast(id.value(), at, player, answered,
                changes.subList(0, Math.min(MAX_CHANGES, changes.size())));
    }

    private void collectChanges(String type, String aggregateId, Instant at, List<AuditedEvent> changes) {
        try {
            histories.each(type, aggregateId, event -> {
                if (!event.timestamp().isAfter(at)) {
                    changes.add(event);
                }
            });
        } catch (NotFoundException gone) {
            // an input named by a read model but without events of that type: nothing it changed
        }
    }
}
