package io.playmark.query.player;

import io.playmark.kernel.player.FindPlayerMembershipQuery;
import io.playmark.kernel.player.FindTargetedPlayersQuery;
import io.playmark.kernel.player.PlayerMembership;
import io.playmark.kernel.player.PlayerTarget;
import io.playmark.kernel.player.TargetedPlayer;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Reads the player directory: players, groups, and which players a target means. */
@Component
class PlayerDirectory {

    static final Comparator<PlayerView> BY_NAME = Comparator.comparing(PlayerView::name).thenComparing(PlayerView::id);

    private final MongoTemplate mongo;

    PlayerDirectory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Optional<PlayerView> player(String id) {
        return Optional.ofNullable(mongo.findById(id, PlayerView.class));
    }

    /** Every player in name order (a small collection); filters are applied by the caller. */
    List<PlayerView> players() {
        return mongo.find(new Query().with(Sort.by("name", "_id")), PlayerView.class);
    }

    List<PlayerView> players(Collection<String> ids) {
        return mongo.find(Query.query(where("_id").in(ids)).with(Sort.by("name", "_id")), PlayerView.class);
    }

    Optional<PlayerGroupView> group(String id) {
        return Optional.ofNullable(mongo.findById(id, PlayerGroupView.class));
    }

    List<PlayerGroupView> groups() {
        return mongo.find(new Query().with(Sort.by("name", "_id")), PlayerGroupView.class);
    }

    List<PlayerGroupView> groups(Collection<String> ids) {
        return mongo.find(Query.query(where("_id").in(ids)).with(Sort.by("name", "_id")), PlayerGroupView.class);
    }

    /** The rule is {@link PlayerTarget#matches}, over the groups each player view keeps current. */
    @QueryHandler
    List<TargetedPlayer> find(FindTargetedPlayersQuery query) {
        PlayerTarget target = query.target();
        return mongo.find(Query.query(where("decommissioned").is(false)), PlayerView.class).stream()
                .filter(player -> target.matches(player.id(), player.tags(), player.location(), player.groups()))
                .sorted(Comparator.comparing(PlayerView::id))
                .map(PlayerView::targeted)
                .toList();
    }

    @QueryHandler
    PlayerMembership find(FindPlayerMembershipQuery query) {
        return player(query.playerId().value()).filter(PlayerView::active)
                .map(player -> new PlayerMembership(player.targeted(), player.groups()))
                .orElse(null);
    }
}
