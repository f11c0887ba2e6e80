package io.playmark.query.player;

import io.playmark.kernel.player.PlayerApiKeyIssuedEvent;
import io.playmark.kernel.player.PlayerDecommissionedEvent;
import io.playmark.kernel.player.PlayerDetailsEditedEvent;
import io.playmark.kernel.player.PlayerGroupCreatedEvent;
import io.playmark.kernel.player.PlayerGroupDeletedEvent;
import io.playmark.kernel.player.PlayerGroupUpdatedEvent;
import io.playmark.kernel.player.PlayerMovedEvent;
import io.playmark.kernel.player.PlayerProfileChangedEvent;
import io.playmark.kernel.player.PlayerRegisteredEvent;
import io.playmark.kernel.player.PlayerTaggedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Keeps the players and their groups, and membership both ways: a player's groups and a group's members. A
 * player's change re-evaluates it against every group, a group's change evaluates every player (both collections
 * are small). This processing group runs in one segment (infra configures it), so that a player's and a group's
 * change never race each other: membership is what the events say in their order.
 */
@Component
@ProcessingGroup(PlayerDirectoryProjection.PROCESSING_GROUP)
public class PlayerDirectoryProjection {

    public static final String PROCESSING_GROUP = "player-directory";

    private final MongoTemplate mongo;

    public PlayerDirectoryProjection(MongoTemplate mongo) {
        this.mongo = mongo;
        declareIndexes();
    }

    /** What list pages sort by, for a real MongoDB (the embedded server scans these small collections). */
    private void declareIndexes() {
        mongo.indexOps(PlayerView.class).createIndex(new Index("name", Sort.Direction.ASC));
        mongo.indexOps(PlayerGroupView.class).createIndex(new Index("name", Sort.Direction.ASC));
    }

    @EventHandler
    void on(PlayerRegisteredEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        if (mongo.findById(event.playerId(), PlayerView.class) != null) {
            return;
        }
        PlayerView player = new PlayerView(event.playerId(), event.name(), event.location(), event.address(),
                event.timeZone(), event.tags(), event.width(), event.height(), event.orientation(),
                event.hardwareProfile(), event.loopLength().toSeconds(), false, Set.of(), at, null, at, version);
        place(player);
    }

    @EventHandler
    void on(PlayerDetailsEditedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.playerId(), version, at, p -> p.withDetails(event.name(), event.width(), event.height(),
                event.orientation(), event.loopLength().toSeconds()));
    }

    @EventHandler
    void on(PlayerTaggedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.playerId(), version, at, p -> p.withTags(event.tags()));
    }

    @EventHandler
    void on(PlayerMovedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.playerId(), version, at, p -> p.movedTo(event.location(), event.address(), event.timeZone()));
    }

    @EventHandler
    void on(PlayerProfileChangedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.playerId(), version, at, p -> p.withProfile(event.hardwareProfile()));
    }

    @EventHandler
    void on(PlayerApiKeyIssuedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.playerId(), version, at, p -> p.keyIssuedAt(at));
    }

    @EventHandler
    void on(PlayerDecommissionedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.playerId(), version, at, PlayerView::decommission);
    }

    @EventHandler
    void on(PlayerGroupCreatedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        if (mongo.findById(event.groupId(), PlayerGroupView.class) == null) {
            fill(new PlayerGroupView(event.groupId(), event.name(), event.description(), event.membership(), Set.of(),
                    at, at, version));
        }
    }

    @EventHandler
    void on(PlayerGroupUpdatedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        PlayerGroupView group = mongo.findById(event.groupId(), PlayerGroupView.class);
        if (group != null && group.version() < version) {
            fill(new PlayerGroupView(group.id(), event.name(), event.description(), event.membership(), group.members(),
                    group.createdAt(), at, version));
        }
    }

    @EventHandler
    void on(PlayerGroupDeletedEvent event) {
        PlayerGroupView group = mongo.findById(event.groupId(), PlayerGroupView.class);
        if (group == null) {
            return;
        }
        for (PlayerView player : mongo.findAll(PlayerView.class)) {
            if (player.groups().contains(group.id())) {
                mongo.save(player.withGroups(withOrWithout(player.groups(), group.id(), false)));
            }
        }
        mongo.remove(group);
    }

    @ResetHandler
    void dropReadModel() {
        mongo.dropCollection(PlayerView.class);
        mongo.dropCollection(PlayerGroupView.class);
        declareIndexes();
    }

    private void change(String playerId, long version, Instant at, UnaryOperator<PlayerView> change) {
        PlayerView current = mongo.findById(playerId, PlayerView.class);
        if (current != null && current.version() < version) {
            place(change.apply(current).touched(at, version));
        }
    }

    /** Saves a player with the groups it belongs in now, and adds it to or takes it out of each group's members. */
    private void place(PlayerView player) {
        Set<String> groups = new TreeSet<>();
        for (PlayerGroupView group : mongo.findAll(PlayerGroupView.class)) {
            boolean member = group.includes(player);
            if (member) {
                groups.add(group.id());
            }
            if (member != group.members().contains(player.id())) {
                mongo.save(group.withMembers(withOrWithout(group.members(), player.id(), member)));
            }
        }
        mongo.save(player.withGroups(groups));
    }

    /** Saves a group with the players it holds now, and puts it in or takes it out of each player's groups. */
    private void fill(PlayerGroupView group) {
        List<PlayerView> players = mongo.findAll(PlayerView.class);
        Set<String> members = players.stream().filter(group::includes).map(PlayerView::id)
                .collect(Collectors.toCollection(TreeSet::new));
        for (PlayerView player : players) {
            boolean member = members.contains(player.id());
            if (member != player.groups().contains(group.id())) {
                mongo.save(player.withGroups(withOrWithout(player.groups(), group.id(), member)));
            }
        }
        mongo.save(group.withMembers(members));
    }

    private static Set<String> withOrWithout(Set<String> ids, String id, boolean with) {
        Set<String> changed = new TreeSet<>(ids);
        if (with) {
            changed.add(id);
        } else {
            changed.remove(id);
        }
        return changed;
    }
}
