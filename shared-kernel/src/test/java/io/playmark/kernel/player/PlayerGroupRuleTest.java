package io.playmark.kernel.player;

import io.playmark.kernel.InvalidValueException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Which players a rule holds, and which rules are no rules at all. */
class PlayerGroupRuleTest {

    private static final GeoPoint ALEXANDERPLATZ = new GeoPoint(52.5219, 13.4132);
    private static final GeoPoint POTSDAMER_PLATZ = new GeoPoint(52.5096, 13.3759);
    private static final GeoPoint TIMES_SQUARE = new GeoPoint(40.7580, -73.9855);
    private static final GeoArea.Circle CENTRAL_BERLIN_5KM = new GeoArea.Circle(ALEXANDERPLATZ, 5_000);
    /** Roughly the Mitte district: Alexanderplatz inside, Potsdamer Platz just outside to the west. */
    private static final GeoArea.Polygon MITTE = new GeoArea.Polygon(List.of(new GeoPoint(52.54, 13.39),
            new GeoPoint(52.54, 13.44), new GeoPoint(52.50, 13.44), new GeoPoint(52.50, 13.39)));

    private static PlayerGroupRule rule(Set<String> any, Set<String> all, GeoArea.Circle circle,
                                        GeoArea.Polygon polygon, Set<String> zones) {
        return new PlayerGroupRule(any, all, circle, polygon, zones);
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                arguments("any tag: one of them is enough", rule(Set.of("lobby", "mall"), null, null, null, null),
                        Set.of("mall"), ALEXANDERPLATZ, "Europe/Berlin", true),
                arguments("any tag: none of them", rule(Set.of("lobby", "mall"), null, null, null, null),
                        Set.of("station"), ALEXANDERPLATZ, "Europe/Berlin", false),
                arguments("all tags: every one", rule(null, Set.of("lobby", "4k"), null, null, null),
                        Set.of("lobby", "4k", "extra"), ALEXANDERPLATZ, "Europe/Berlin", true),
                arguments("all tags: one missing", rule(null, Set.of("lobby", "4k"), null, null, null),
                        Set.of("lobby"), ALEXANDERPLATZ, "Europe/Berlin", false),
                arguments("tags are matched as tags are written (case folded)", rule(Set.of("Lobby"), null, null, null,
                        null), Set.of("lobby"), ALEXANDERPLATZ, "Europe/Berlin", true),
                arguments("inside the radius", rule(null, null, CENTRAL_BERLIN_5KM, null, null),
                        Set.of(), POTSDAMER_PLATZ, "Europe/Berlin", true),
                arguments("outside the radius", rule(null, null, CENTRAL_BERLIN_5KM, null, null),
                        Set.of(), TIMES_SQUARE, "America/New_York", false),
                arguments("inside the polygon", rule(null, null, null, MITTE, null),
                        Set.of(), ALEXANDERPLATZ, "Europe/Berlin", true),
                arguments("outside the polygon", rule(null, null, null, MITTE, null),
                        Set.of(), POTSDAMER_PLATZ, "Europe/Berlin", false),
                arguments("in one of the zones", rule(null, null, null, null, Set.of("America/New_York", "Europe/Berlin")),
                        Set.of(), TIMES_SQUARE, "America/New_York", true),
                arguments("in another zone", rule(null, null, null, null, Set.of("Europe/Berlin")),
                        Set.of(), TIMES_SQUARE, "America/New_York", false),
                arguments("every criterion must hold: tag and area", rule(Set.of("lobby"), null, CENTRAL_BERLIN_5KM,
                        null, null), Set.of("lobby"), TIMES_SQUARE, "America/New_York", false),
                arguments("every criterion holds", rule(Set.of("lobby"), Set.of("4k"), null, MITTE,
                        Set.of("Europe/Berlin")), Set.of("lobby", "4k"), ALEXANDERPLATZ, "Europe/Berlin", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void a_rule_holds_a_player_when_every_criterion_given_holds(String why, PlayerGroupRule rule, Set<String> tags,
                                                               GeoPoint location, String zone, boolean member) {
        assertThat(rule.matches(tags, location, zone)).isEqualTo(member);
    }

    static Stream<Arguments> refusedRules() {
        return Stream.of(
                arguments("no criterion", (Runnable) () -> rule(null, null, null, null, null), "rule"),
                arguments("both areas", (Runnable) () -> rule(null, null, CENTRAL_BERLIN_5KM, MITTE, null), "area"),
                arguments("an offset for a zone", (Runnable) () -> rule(null, null, null, null, Set.of("+02:00")),
                        "timeZones"),
                arguments("an unknown zone", (Runnable) () -> rule(null, null, null, null, Set.of("Mars/Olympus")),
                        "timeZones"),
                arguments("a malformed tag", (Runnable) () -> rule(Set.of("<script>"), null, null, null, null), "tags"),
                arguments("a fixed list and a rule", (Runnable) () -> new PlayerGroupMembership(
                        Set.of("0d6f7e0a-3b0e-4f7c-9a55-2b2f1c5d6e71"), rule(Set.of("x"), null, null, null, null)),
                        "players"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedRules")
    void a_rule_that_selects_nothing_sensible_is_refused_naming_the_field(String why, Runnable build, String field) {
        assertThatThrownBy(build::run).isInstanceOfSatisfying(InvalidValueException.class,
                invalid -> assertThat(invalid.field()).isEqualTo(field));
    }
}
