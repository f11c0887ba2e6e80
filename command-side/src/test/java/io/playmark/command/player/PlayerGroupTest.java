package io.playmark.command.player;

import io.playmark.kernel.ConflictException;
import io.playmark.kernel.asset.Orientation;
import io.playmark.kernel.player.CreatePlayerGroupCommand;
import io.playmark.kernel.player.DeletePlayerGroupCommand;
import io.playmark.kernel.player.GeoPoint;
import io.playmark.kernel.player.PlayerGroupCreatedEvent;
import io.playmark.kernel.player.PlayerGroupDefinition;
import io.playmark.kernel.player.PlayerGroupDeletedEvent;
import io.playmark.kernel.player.PlayerGroupId;
import io.playmark.kernel.player.PlayerGroupMembership;
import io.playmark.kernel.player.PlayerGroupRule;
import io.playmark.kernel.player.PlayerGroupUpdatedEvent;
import io.playmark.kernel.player.PlayerId;
import io.playmark.kernel.player.TargetedPlayer;
import io.playmark.kernel.player.UpdatePlayerGroupCommand;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PlayerGroupTest {

    private static final PlayerGroupId ID = new PlayerGroupId("7c3f9a1e-2d4b-4e6a-8b0c-1f2e3d4c5b6a");
    private static final String PLAYER = "0d6f7e0a-3b0e-4f7c-9a55-2b2f1c5d6e71";
    private static final PlayerGroupMembership FIXED = PlayerGroupMembership.fixed(Set.of(PLAYER));
    private static final PlayerGroupMembership LOBBIES = PlayerGroupMembership.byRule(
            new PlayerGroupRule(Set.of("lobby"), Set.of(), null, null, Set.of()));

    private FixtureConfiguration<PlayerGroup> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PlayerGroup.class);
    }

    private static PlayerGroupCreatedEvent created() {
        return new PlayerGroupCreatedEvent(ID.value(), "Berlin lobbies", "", FIXED);
    }

    @Test
    void creating_a_group_records_its_name_and_membership() {
        fixture.givenNoPriorActivity()
                .when(new CreatePlayerGroupCommand(ID, new PlayerGroupDefinition(" Berlin lobbies ", null, FIXED)))
                .expectEvents(created());
    }

    @Test
    void a_create_retried_with_the_same_values_records_nothing_and_other_values_are_a_conflict() {
        fixture.given(created())
                .when(new CreatePlayerGroupCommand(ID, new PlayerGroupDefinition("Berlin lobbies", "", FIXED)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(created())
                .when(new CreatePlayerGroupCommand(ID, new PlayerGroupDefinition("Berlin lobbies", "", LOBBIES)))
                .expectException(ConflictException.class);
    }

    @Test
    void updating_records_the_new_state_and_the_same_state_records_nothing() {
        fixture.given(created())
                .when(new UpdatePlayerGroupCommand(ID, new PlayerGroupDefinition("All lobbies", "by tag", LOBBIES)))
                .expectEvents(new PlayerGroupUpdatedEvent(ID.value(), "All lobbies", "by tag", LOBBIES));
        fixture.given(created())
                .when(new UpdatePlayerGroupCommand(ID, new PlayerGroupDefinition("Berlin lobbies", "", FIXED)))
                .expectNoEvents();
    }

    @Test
    void a_deleted_group_stays_deleted() {
        fixture.given(created())
                .when(new DeletePlayerGroupCommand(ID))
                .expectEvents(new PlayerGroupDeletedEvent(ID.value()));
        fixture.given(created(), new PlayerGroupDeletedEvent(ID.value()))
                .when(new DeletePlayerGroupCommand(ID))
                .expectNoEvents();
        fixture.given(created(), new PlayerGroupDeletedEvent(ID.value()))
                .when(new UpdatePlayerGroupCommand(ID, new PlayerGroupDefinition("Back", "", FIXED)))
                .expectException(ConflictException.class);
        fixture.given(created(), new PlayerGroupDeletedEvent(ID.value()))
                .when(new CreatePlayerGroupCommand(ID, new PlayerGroupDefinition("Berlin lobbies", "", FIXED)))
                .expectException(ConflictException.class);
    }

    @Test
    void changing_a_group_that_does_not_exist_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(new UpdatePlayerGroupCommand(ID, new PlayerGroupDefinition("x", "", FIXED)))
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void a_group_holds_the_players_its_list_or_rule_names_until_it_is_deleted() {
        TargetedPlayer listed = player(PLAYER, Set.of());
        TargetedPlayer inALobby = player("1e2d3c4b-5a69-4788-9a0b-1c2d3e4f5a6b", Set.of("lobby"));
        fixture.given(created())
                .when(new UpdatePlayerGroupCommand(ID, new PlayerGroupDefinition("Berlin lobbies", "", FIXED)))
                .expectNoEvents()
                .expectState(group -> {
                    assertThat(group.holds(listed)).isTrue();
                    assertThat(group.holds(inALobby)).isFalse();
                });
        fixture.given(created(), new PlayerGroupUpdatedEvent(ID.value(), "All lobbies", "", LOBBIES))
                .when(new UpdatePlayerGroupCommand(ID, new PlayerGroupDefinition("All lobbies", "", LOBBIES)))
                .expectNoEvents()
                .expectState(group -> {
                    assertThat(group.holds(inALobby)).isTrue();
                    assertThat(group.holds(listed)).isFalse();
                });
        fixture.given(created(), new PlayerGroupDeletedEvent(ID.value()))
                .when(new DeletePlayerGroupCommand(ID))
                .expectNoEvents()
                .expectState(group -> assertThat(group.holds(listed)).isFalse());
    }

    private static TargetedPlayer player(String id, Set<String> tags) {
        return new TargetedPlayer(new PlayerId(id), "Lobby", ZoneId.of("Europe/Berlin"), "hd-h264",
                Orientation.LANDSCAPE, tags, new GeoPoint(52.52, 13.405), Duration.ofSeconds(30));
    }
}
