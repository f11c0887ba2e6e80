package io.playmark.query.player;

import io.playmark.kernel.player.FindPlayerSummaryQuery;
import io.playmark.kernel.player.PlayerSummary;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Answers what other features copy of a player, from the directory (decommissioned players stay in it). */
@Component
class PlayerSummaries {

    private final MongoTemplate mongo;

    PlayerSummaries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @QueryHandler
    PlayerSummary find(FindPlayerSummaryQuery query) {
        PlayerView view = mongo.findById(query.playerId().value(), PlayerView.class);
        return view == null ? null
                : new PlayerSummary(view.id(), view.name(), view.tags(), view.timeZone(), view.location());
    }
}
