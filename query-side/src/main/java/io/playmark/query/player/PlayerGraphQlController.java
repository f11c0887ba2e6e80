package io.playmark.query.player;

import io.playmark.kernel.player.PlayerCredentials;
import io.playmark.kernel.player.PlayerGroupId;
import io.playmark.kernel.player.PlayerGroupRule;
import io.playmark.kernel.player.PlayerId;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Players and display groups over GraphQL; mutations answer once the player directory has caught up. */
@Controller
class PlayerGraphQlController {

    private final PlayerChanges changes;
    private final PlayerListing listing;
    private final PlayerDirectory directory;

    PlayerGraphQlController(PlayerChanges changes, PlayerListing listing, PlayerDirectory directory) {
        this.changes = changes;
        this.listing = listing;
        this.directory = directory;
    }

    enum PlayerGroupKind { FIXED, DYNAMIC }

    @QueryMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'ANALYST', 'AUDITOR')")
    PlayerNode player(@Argument String id) {
        return listing.node(changes.player(new PlayerId(id)));
    }

    @QueryMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'ANALYST', 'AUDITOR')")
    Connection<PlayerNode> players(@Argument PlayerListing.PlayerFilter filter, @Argument int first,
                                   @Argument String after) {
        return listing.page(filter, first, after);
    }

    @QueryMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'ANALYST', 'AUDITOR')")
    PlayerGroupView playerGroup(@Argument String id) {
        PlayerGroupId groupId = new PlayerGroupId(id);
        return directory.group(groupId.value()).orElseThrow(() -> PlayerChanges.groupNotFound(groupId));
    }

    @QueryMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'ANALYST', 'AUDITOR')")
    Connection<PlayerGroupView> playerGroups(@Argument int first, @Argument String after) {
        return Connection.page(directory.groups(), group -> new NameCursor(group.name(), group.id()), first, after);
    }

    @MutationMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    PlayerCredentials registerPlayer(@Argument PlayerInputs.RegisterPlayerInput input) {
        return changes.register(input);
    }

    @MutationMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    PlayerNode updatePlayer(@Argument PlayerInputs.UpdatePlayerInput input) {
        return listing.node(changes.update(input));
    }

    @MutationMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    PlayerCredentials rotatePlayerApiKey(@Argument String id) {
        return changes.rotateKey(id);
    }

    @MutationMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    PlayerNode decommissionPlayer(@Argument String id) {
        return listing.node(changes.decommission(id));
    }

    @MutationMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    PlayerGroupView createPlayerGroup(@Argument PlayerInputs.PlayerGroupInput input) {
        return changes.createGroup(input);
    }

    @MutationMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    PlayerGroupView updatePlayerGroup(@Argument PlayerInputs.PlayerGroupInput input) {
        return changes.updateGroup(input);
    }

    @MutationMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    String deletePlayerGroup(@Argument String id) {
        return changes.deleteGroup(id);
    }

    @SchemaMapping(typeName = "PlayerCredentials", field = "id")
    String credentialsId(PlayerCredentials credentials) {
        return credentials.playerId();
    }

    @SchemaMapping(typeName = "PlayerCredentials", field = "player")
    PlayerNode credentialsPlayer(PlayerCredentials credentials) {
        return listing.node(changes.player(new PlayerId(credentials.playerId())));
    }

    @BatchMapping(typeName = "Player", field = "groups")
    Map<PlayerNode, List<PlayerGroupView>> groups(List<PlayerNode> players) {
        Map<String, PlayerGroupView> groups = directory.groups(players.stream()
                        .flatMap(player -> player.groupIds().stream()).distinct().toList()).stream()
                .collect(Collectors.toMap(PlayerGroupView::id, Function.identity()));
        return players.stream().distinct().collect(Collectors.toMap(Function.identity(), player ->
                player.groupIds().stream().map(groups::get).filter(Objects::nonNull).toList()));
    }

    @SchemaMapping(typeName = "PlayerGroup", field = "kind")
    PlayerGroupKind kind(PlayerGroupView group) {
        return group.dynamic() ? PlayerGroupKind.DYNAMIC : PlayerGroupKind.FIXED;
    }

    @SchemaMapping(typeName = "PlayerGroup", field = "fixedPlayers")
    List<String> fixedPlayers(PlayerGroupView group) {
        return List.copyOf(group.membership().players());
    }

    @SchemaMapping(typeName = "PlayerGroup", field = "rule")
    PlayerGroupRule rule(PlayerGroupView group) {
        return group.membership().rule();
    }

    @SchemaMapping(typeName = "PlayerGroup", field = "memberCount")
    int memberCount(PlayerGroupView group) {
        return group.members().size();
    }

    @SchemaMapping(typeName = "PlayerGroup", field = "members")
    Connection<PlayerNode> members(PlayerGroupView group, @Argument int first, @Argument String after) {
        return listing.members(group, first, after);
    }
}
