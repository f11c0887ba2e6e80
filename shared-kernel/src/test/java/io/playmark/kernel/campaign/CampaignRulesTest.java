package io.playmark.kernel.campaign;

import io.playmark.kernel.InvalidValueException;
import io.playmark.kernel.asset.Orientation;
import io.playmark.kernel.asset.Tag;
import io.playmark.kernel.player.GeoArea;
import io.playmark.kernel.player.GeoPoint;
import io.playmark.kernel.player.PlayerGroupId;
import io.playmark.kernel.player.PlayerId;
import io.playmark.kernel.player.PlayerTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The values a campaign is made of refuse what breaks their rules, naming the field. */
class CampaignRulesTest {

    private static final Instant NOON = Instant.parse("2026-12-04T12:00:00Z");

    @Test
    void a_flight_ends_after_it_starts() {
        assertThat(new Flight(NOON, NOON.plusSeconds(1)).contains(NOON)).isTrue();
        assertThat(new Flight(NOON, NOON.plusSeconds(1)).contains(NOON.plusSeconds(1))).isFalse();
        assertThatThrownBy(() -> new Flight(NOON, NOON)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("must be after").extracting("field").isEqualTo("flight.end");
        assertThatThrownBy(() -> new Flight(null, NOON)).extracting("field").isEqualTo("flight.start");
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource(textBlock = """
            PLAYS,          1,             ok
            PLAYS,          0,             goal.target
            IMPRESSIONS,    1000000000000, ok
            IMPRESSIONS,    1000000000001, goal.target
            SHARE_OF_VOICE, 100,           ok
            SHARE_OF_VOICE, 101,           goal.target
            ,               5,             goal.kind
            """)
    void a_goal_is_a_count_or_a_percentage(GoalKind kind, long target, String outcome) {
        assertOutcome(() -> new Goal(kind, target), outcome);
    }

    @ParameterizedTest(name = "hour {0}, day {1}, minutes between {2} → {3}")
    @CsvSource(textBlock = """
            ,   ,    ,     ok
            4,  20,  10,   ok
            0,  ,    ,     caps.maxPlaysPerHour
            5,  4,   ,     caps.maxPlaysPerHour
            ,   0,   ,     caps.maxPlaysPerDay
            ,   ,    1441, caps.minMinutesBetweenPlays
            """)
    void caps_are_positive_and_an_hour_holds_no_more_than_a_day(Integer hour, Integer day, Integer between,
                                                              String outcome) {
        assertOutcome(() -> new FrequencyCaps(hour, day, between), outcome);
    }

    @ParameterizedTest(name = "weight {0} → {1}")
    @CsvSource(textBlock = """
            1,   ok
            100, ok
            0,   creatives.weight
            101, creatives.weight
            """)
    void a_creative_weighs_1_to_100(int weight, String outcome) {
        assertOutcome(() -> new Creative(UUID.randomUUID().toString(), Orientation.LANDSCAPE, weight), outcome);
    }

    @Test
    void an_asset_is_a_creative_once_per_orientation() {
        String asset = UUID.randomUUID().toString();
        var twice = List.of(new Creative(asset, Orientation.LANDSCAPE, 1), new Creative(asset, Orientation.LANDSCAPE, 2));
        var bothWays = List.of(new Creative(asset, Orientation.LANDSCAPE, 1), new Creative(asset, Orientation.PORTRAIT, 1));

        assertThatThrownBy(() -> new SetCampaignCreativesCommand(CampaignId.random(), twice))
                .extracting("field").isEqualTo("creatives");
        assertThat(new SetCampaignCreativesCommand(CampaignId.random(), bothWays).creatives()).hasSize(2);
    }

    @Test
    void a_category_is_lower_case_and_its_separation_at_most_a_day() {
        assertThat(new CompetitiveSeparation(" Soft Drinks ", 15).category()).isEqualTo("soft drinks");
        assertThatThrownBy(() -> new CompetitiveSeparation("cars", 1441))
                .extracting("field").isEqualTo("separation.minMinutesApart");
        assertThatThrownBy(() -> new CompetitiveSeparation(" ", 5)).extracting("field").isEqualTo("separation.category");
    }

    @Test
    void a_targeting_keeps_every_part_of_a_player_target_as_plain_values() {
        var players = Set.of(PlayerId.random(), PlayerId.random());
        var circle = new PlayerTarget(players, Set.of(PlayerGroupId.random()), Set.of(new Tag("Lobby")),
                new GeoArea.Circle(new GeoPoint(52.52, 13.405), 2500));
        var polygon = new PlayerTarget(null, null, null, new GeoArea.Polygon(List.of(new GeoPoint(0, 0),
                new GeoPoint(0, 1), new GeoPoint(1, 1))));

        assertThat(Targeting.of(circle).toTarget()).isEqualTo(circle);
        assertThat(Targeting.of(polygon).toTarget()).isEqualTo(polygon);
        assertThat(Targeting.of(circle).players()).isSorted().hasSize(2);
        assertThat(Targeting.of(new PlayerTarget(null, null, null, null)).toTarget().isEmpty()).isTrue();
    }

    private static void assertOutcome(Runnable make, String outcome) {
        if (outcome.equals("ok")) {
            make.run();
        } else {
            assertThatThrownBy(make::run).isInstanceOf(InvalidValueException.class).extracting("field")
                    .isEqualTo(outcome);
        }
    }
}
