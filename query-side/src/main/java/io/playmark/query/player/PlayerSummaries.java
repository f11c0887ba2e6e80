package io.playmark.query.player;

import io.playmark.kernel.player.FindPlayerSummaryQuery;
import io.playmark.kernel.player.PlayerSummary;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;

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
        if (view == null) {
            return null;
        }
        List<PlayerSummary.Group> groups = view.groups().isEmpty() ? List.of()
                : mongo.find(Query.query(where("_id").in(view.groups())), PlayerGroupView.class).stream()
                        .map(group -> new PlayerSummary.Group(group.id(), group.name())).toList();
        return new PlayerSummary(view.id(), view.name(), view.tags(), view.timeZone(), view.location(), groups);
    }
}
