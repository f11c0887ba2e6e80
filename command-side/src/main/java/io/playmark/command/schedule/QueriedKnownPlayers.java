package io.playmark.command.schedule;

import io.playmark.kernel.player.FindTargetedPlayersQuery;
import io.playmark.kernel.player.PlayerId;
import io.playmark.kernel.player.PlayerTarget;
import io.playmark.kernel.player.TargetedPlayer;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.Set;

/** Asks the player directory; a player registered a moment ago may not be there yet, and is then refused. */
@Component
class QueriedKnownPlayers implements KnownPlayers {

    private final QueryGateway queries;

    QueriedKnownPlayers(QueryGateway queries) {
        this.queries = queries;
    }

    @Override
    public Set<PlayerId> unknownAmong(Set<PlayerId> players) {
        if (players.isEmpty()) {
            return Set.of();
        }
        Set<PlayerId> unknown = new HashSet<>(players);
        queries.query(new FindTargetedPlayersQuery(new PlayerTarget(players, null, null, null)),
                        ResponseTypes.multipleInstancesOf(TargetedPlayer.class)).join()
                .forEach(player -> unknown.remove(player.id()));
        return Set.copyOf(unknown);
    }
}
