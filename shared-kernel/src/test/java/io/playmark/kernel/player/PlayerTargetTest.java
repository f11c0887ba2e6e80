package io.playmark.kernel.player;

import io.playmark.kernel.asset.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The targeting rule of PlayerTarget, for one active player: named, grouped or tagged, then inside the area if one is set. */
class PlayerTargetTest {

    private static final String ID = "0d6f7e0a-3b0e-4f7c-9a55-2b2f1c5d6e71";
    private static final String OTHER = "9e3b2a10-7c4d-4f1e-8a2b-6c5d4e3f2a10";
    private static final PlayerGroupId GROUP = new PlayerGroupId("7c3f9a1e-2d4b-4e6a-8b0c-1f2e3d4c5b6a");
    private static final GeoPoint BERLIN = new GeoPoint(52.5219, 13.4132);
    private static final GeoArea NEAR_BERLIN = new GeoArea.Circle(BERLIN, 10_000);
    private static final GeoArea NEAR_PARIS = new GeoArea.Circle(new GeoPoint(48.8566, 2.3522), 10_000);

    private static PlayerTarget target(Set<String> players, Set<PlayerGroupId> groups, Set<String> tags, GeoArea area) {
        return new PlayerTarget(players.stream().map(PlayerId::new).collect(java.util.stream.Collectors.toSet()),
                groups, Tag.of(tags), area);
    }

    static Stream<Arguments> targets() {
        Set<String> none = Set.of();
        Set<PlayerGroupId> noGroups = Set.of();
        Set<String> inGroup = Set.of(GROUP.value());
        return Stream.of(
                arguments("named", target(Set.of(ID), noGroups, none, null), none, true),
                arguments("another player named", target(Set.of(OTHER), noGroups, none, null), none, false),
                arguments("a member of a named group", target(none, Set.of(GROUP), none, null), inGroup, true),
                arguments("not a member of the named group", target(none, Set.of(GROUP), none, null), none,
                        false),
                arguments("carries a named tag", target(none, noGroups, Set.of("lobby", "mall"), null), none,
                        true),
                arguments("carries none of the tags", target(none, noGroups, Set.of("mall"), null), none,
                        false),
                arguments("named or tagged: either will do", target(Set.of(OTHER), noGroups, Set.of("lobby"), null),
                        none, true),
                arguments("named and inside the area", target(Set.of(ID), noGroups, none, NEAR_BERLIN), none,
                        true),
                arguments("named but outside the area", target(Set.of(ID), noGroups, none, NEAR_PARIS), none,
                        false),
                arguments("an area alone, inside", target(none, noGroups, none, NEAR_BERLIN), none, true),
                arguments("an area alone, outside", target(none, noGroups, none, NEAR_PARIS), none, false),
                arguments("an empty target matches nobody", target(none, noGroups, none, null), none, false),
                arguments("in another group than the named one", target(none, Set.of(GROUP), none, null),
                        Set.of(OTHER), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void a_player_is_targeted_when_selected_and_inside_the_area(String why, PlayerTarget target,
                                                                Set<String> playerGroups, boolean targeted) {
        assertThat(target.matches(ID, Set.of("lobby"), BERLIN, playerGroups)).isEqualTo(targeted);
    }
}
