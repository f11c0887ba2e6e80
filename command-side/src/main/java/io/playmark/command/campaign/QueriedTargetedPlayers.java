package io.playmark.command.campaign;

import io.playmark.kernel.Causes;
import io.playmark.kernel.player.FindTargetedPlayersQuery;
import io.playmark.kernel.player.PlayerTarget;
import io.playmark.kernel.player.TargetedPlayer;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.NoHandlerForQueryException;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Asks the players read model which players a target reaches. Where no handler answers (a build without players),
 * it says it cannot tell and logs so; the booking rules then fall back to "playable on a configured profile".
 */
@Component
class QueriedTargetedPlayers implements TargetedPlayers {

    private static final Logger LOG = LoggerFactory.getLogger(QueriedTargetedPlayers.class);

    private final QueryGateway queries;

    QueriedTargetedPlayers(QueryGateway queries) {
        this.queries = queries;
    }

    @Override
    public Optional<List<TargetedPlayer>> find(PlayerTarget target) {
        try {
            return Optional.of(queries.query(new FindTargetedPlayersQuery(target),
                    ResponseTypes.multipleInstancesOf(TargetedPlayer.class)).join());
        } catch (RuntimeException failure) {
            if (Causes.find(failure, NoHandlerForQueryException.class).isEmpty()) {
                throw failure;
            }
            LOG.warn("No handler answers FindTargetedPlayersQuery: creatives are checked against the configured "
                    + "player profiles, not against the targeted players' hardware");
            return Optional.empty();
        }
    }
}
