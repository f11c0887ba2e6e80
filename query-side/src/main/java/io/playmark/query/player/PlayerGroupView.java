package io.playmark.query.player;

import io.playmark.kernel.player.PlayerGroupMembership;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/** One display group with its members now (active players only). Small collection, read by scanning. */
@Document(PlayerGroupView.COLLECTION)
public record PlayerGroupView(@Id String id, String name, String description, PlayerGroupMembership membership,
                              Set<String> members, Instant createdAt, Instant updatedAt, long version) {

    public static final String COLLECTION = "player_groups";

    public PlayerGroupView {
        members = members == null ? Set.of() : new TreeSet<>(members);
    }

    boolean dynamic() {
        return membership.dynamic();
    }

    PlayerGroupView withMembers(Set<String> newMembers) {
        return new PlayerGroupView(id, name, description, membership, newMembers, createdAt, updatedAt, version);
    }

    boolean includes(PlayerView player) {
        return player.active() && membership.includes(player.id(), player.tags(), player.location(), player.timeZone());
    }
}
