package io.playmark.command.player;

import io.playmark.kernel.ConflictException;
import io.playmark.kernel.InvalidValueException;
import io.playmark.kernel.asset.Orientation;
import io.playmark.kernel.asset.Tag;
import io.playmark.kernel.player.ChangePlayerProfileCommand;
import io.playmark.kernel.player.DecommissionPlayerCommand;
import io.playmark.kernel.player.EditPlayerDetailsCommand;
import io.playmark.kernel.player.GeoPoint;
import io.playmark.kernel.player.LoopLength;
import io.playmark.kernel.player.MovePlayerCommand;
import io.playmark.kernel.player.PlayerApiKeyIssuedEvent;
import io.playmark.kernel.player.PlayerCredentials;
import io.playmark.kernel.player.PlayerDecommissionedEvent;
import io.playmark.kernel.player.PlayerDetails;
import io.playmark.kernel.player.PlayerDetailsEditedEvent;
import io.playmark.kernel.player.PlayerId;
import io.playmark.kernel.player.PlayerLocation;
import io.playmark.kernel.player.PlayerMovedEvent;
import io.playmark.kernel.player.PlayerProfileChangedEvent;
import io.playmark.kernel.player.PlayerRegisteredEvent;
import io.playmark.kernel.player.PlayerTaggedEvent;
import io.playmark.kernel.player.RegisterPlayerCommand;
import io.playmark.kernel.player.Resolution;
import io.playmark.kernel.player.RetagPlayerCommand;
import io.playmark.kernel.player.RotatePlayerApiKeyCommand;
import io.playmark.kernel.player.TargetedPlayer;
import io.playmark.kernel.player.TimeZones;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PlayerTest {

    private static final PlayerId ID = new PlayerId("0d6f7e0a-3b0e-4f7c-9a55-2b2f1c5d6e71");
    private static final GeoPoint BERLIN = new GeoPoint(52.5219, 13.4132);
    private static final GeoPoint NEW_YORK = new GeoPoint(40.7580, -73.9855);
    private static final HardwareProfiles PROFILES = () -> List.of("hd-h264", "uhd-hevc");

    private final KeysIssued keys = new KeysIssued();
    private FixtureConfiguration<Player> fixture;

    /** What the fixture's commands did with keys once committed: the keys bound, and the players revoked. */
    static final class KeysIssued implements PlayerKeys {
        final List<String> issued = new ArrayList<>();
        final List<String> revoked = new ArrayList<>();

        private int made;

        @Override
        public String newKey() {
            return "pmk_" + ID.value() + "_" + ++made;
        }

        @Override
        public void bind(PlayerId player, String playerName, String key) {
            issued.add(key);
        }

        @Override
        public void revoke(PlayerId player) {
            revoked.add(player.value());
        }
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Player.class);
        fixture.registerInjectableResource(PROFILES);
        fixture.registerInjectableResource(keys);
        fixture.registerAnnotatedCommandHandler(new PlayerRegistration(fixture.getRepository(), PROFILES, keys));
    }

    private static RegisterPlayerCommand register(String name) {
        return new RegisterPlayerCommand(ID, new PlayerDetails(name, new Resolution(1920, 1080), null, null),
                new PlayerLocation(BERLIN, "Alexanderplatz 1", TimeZones.of("timeZone", "Europe/Berlin")),
                Tag.of(List.of("Lobby", "berlin")), "hd-h264");
    }

    private static PlayerRegisteredEvent registered() {
        return new PlayerRegisteredEvent(ID.value(), "Lobby 1", BERLIN, "Alexanderplatz 1", "Europe/Berlin",
                Set.of("berlin", "lobby"), 1920, 1080, Orientation.LANDSCAPE, "hd-h264", Duration.ofMinutes(5));
    }

    @Test
    void registering_records_the_player_issues_its_first_key_and_answers_it() {
        fixture.givenNoPriorActivity()
                .when(register("Lobby 1"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(registered(), new PlayerApiKeyIssuedEvent(ID.value()))
                .expectResultMessagePayload(new PlayerCredentials(ID.value(), "pmk_" + ID.value() + "_1", true));
        assertThat(keys.issued).as("bound once committed").containsExactly("pmk_" + ID.value() + "_1");
    }

    @Test
    void a_registration_retried_with_the_same_values_issues_a_new_key_and_no_second_player() {
        fixture.given(registered(), new PlayerApiKeyIssuedEvent(ID.value()))
                .when(register("Lobby 1"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PlayerApiKeyIssuedEvent(ID.value()))
                .expectResultMessagePayload(new PlayerCredentials(ID.value(), "pmk_" + ID.value() + "_1", false));
    }

    @Test
    void a_registration_reusing_an_id_with_other_values_is_a_conflict() {
        fixture.given(registered(), new PlayerApiKeyIssuedEvent(ID.value()))
                .when(register("Another name"))
                .expectException(ConflictException.class)
                .expectNoEvents();
        assertThat(keys.issued).isEmpty();
    }

    @Test
    void a_hardware_profile_that_is_not_configured_is_refused_naming_the_field() {
        RegisterPlayerCommand unknownProfile = new RegisterPlayerCommand(ID, register("Lobby 1").details(),
                register("Lobby 1").location(), Set.of(), "betamax");
        fixture.givenNoPriorActivity()
                .when(unknownProfile)
                .expectException(InvalidValueException.class)
                .expectExceptionMessage("'betamax' is not a configured player profile; the profiles are hd-h264, uhd-hevc");
    }

    @Test
    void editing_details_records_them_and_the_same_details_again_record_nothing() {
        PlayerDetails portrait = new PlayerDetails("Lobby portrait", new Resolution(1080, 1920), null,
                new LoopLength(Duration.ofMinutes(2)));
        fixture.given(registered())
                .when(new EditPlayerDetailsCommand(ID, portrait))
                .expectEvents(new PlayerDetailsEditedEvent(ID.value(), "Lobby portrait", 1080, 1920,
                        Orientation.PORTRAIT, Duration.ofMinutes(2)));
        fixture.given(registered())
                .when(new EditPlayerDetailsCommand(ID, new PlayerDetails("Lobby 1", new Resolution(1920, 1080),
                        Orientation.LANDSCAPE, LoopLength.DEFAULT)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void retagging_records_the_whole_set_with_what_was_added_and_removed() {
        fixture.given(registered())
                .when(new RetagPlayerCommand(ID, Tag.of(List.of("lobby", "Sale"))))
                .expectEvents(new PlayerTaggedEvent(ID.value(), Set.of("lobby", "sale"), Set.of("sale"),
                        Set.of("berlin")));
        fixture.given(registered())
                .when(new RetagPlayerCommand(ID, Tag.of(List.of("berlin", "lobby"))))
                .expectNoEvents();
    }

    @Test
    void moving_records_the_new_place_and_zone() {
        fixture.given(registered())
                .when(new MovePlayerCommand(ID, new PlayerLocation(NEW_YORK, "Times Square",
                        TimeZones.of("timeZone", "America/New_York"))))
                .expectEvents(new PlayerMovedEvent(ID.value(), NEW_YORK, "Times Square", "America/New_York"));
        fixture.given(registered())
                .when(new MovePlayerCommand(ID, new PlayerLocation(BERLIN, "Alexanderplatz 1",
                        TimeZones.of("timeZone", "Europe/Berlin"))))
                .expectNoEvents();
    }

    @Test
    void changing_the_profile_takes_only_a_configured_one() {
        fixture.given(registered())
                .when(new ChangePlayerProfileCommand(ID, "uhd-hevc"))
                .expectEvents(new PlayerProfileChangedEvent(ID.value(), "uhd-hevc"));
        fixture.given(registered())
                .when(new ChangePlayerProfileCommand(ID, "hd-h264"))
                .expectNoEvents();
        fixture.given(registered())
                .when(new ChangePlayerProfileCommand(ID, "vhs"))
                .expectException(InvalidValueException.class);
    }

    @Test
    void rotating_the_key_records_it_and_answers_the_new_key() {
        fixture.given(registered(), new PlayerApiKeyIssuedEvent(ID.value()))
                .when(new RotatePlayerApiKeyCommand(ID))
                .expectEvents(new PlayerApiKeyIssuedEvent(ID.value()))
                .expectResultMessagePayload("pmk_" + ID.value() + "_1");
        assertThat(keys.issued).containsExactly("pmk_" + ID.value() + "_1");
    }

    @Test
    void decommissioning_revokes_the_key_and_is_final() {
        fixture.given(registered())
                .when(new DecommissionPlayerCommand(ID))
                .expectEvents(new PlayerDecommissionedEvent(ID.value()));
        assertThat(keys.revoked).containsExactly(ID.value());

        fixture.given(registered(), new PlayerDecommissionedEvent(ID.value()))
                .when(new DecommissionPlayerCommand(ID))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        assertThat(keys.revoked).as("revoked again, in case the first revocation failed").hasSize(2);
    }

    @Test
    void a_decommissioned_player_refuses_every_change_and_every_new_key() {
        List<Object> changes = List.of(new RetagPlayerCommand(ID, Set.of()),
                new MovePlayerCommand(ID, new PlayerLocation(NEW_YORK, "", TimeZones.of("z", "America/New_York"))),
                new ChangePlayerProfileCommand(ID, "uhd-hevc"), new RotatePlayerApiKeyCommand(ID),
                new EditPlayerDetailsCommand(ID, new PlayerDetails("x", new Resolution(1, 1), null, null)),
                register("Lobby 1"));
        for (Object change : changes) {
            fixture.given(registered(), new PlayerDecommissionedEvent(ID.value()))
                    .when(change)
                    .expectException(ConflictException.class)
                    .expectNoEvents();
        }
        assertThat(keys.issued).isEmpty();
    }

    @Test
    void a_command_for_a_player_that_does_not_exist_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(new RotatePlayerApiKeyCommand(ID))
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void the_player_as_decisioning_sees_it_follows_its_events_until_it_is_decommissioned() {
        fixture.given(registered(), new PlayerTaggedEvent(ID.value(), Set.of("sale"), Set.of("sale"),
                        Set.of("berlin", "lobby")))
                .when(new RetagPlayerCommand(ID, Tag.of(List.of("sale"))))
                .expectNoEvents()
                .expectState(player -> assertThat(player.targeted()).contains(new TargetedPlayer(ID, "Lobby 1",
                        ZoneId.of("Europe/Berlin"), "hd-h264", Orientation.LANDSCAPE, Set.of("sale"), BERLIN,
                        Duration.ofMinutes(5))));
        fixture.given(registered(), new PlayerDecommissionedEvent(ID.value()))
                .when(new DecommissionPlayerCommand(ID))
                .expectNoEvents()
                .expectState(player -> assertThat(player.targeted()).isEmpty());
    }
}
