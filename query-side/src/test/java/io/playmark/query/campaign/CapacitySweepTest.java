package io.playmark.query.campaign;

import io.playmark.kernel.asset.Orientation;
import io.playmark.kernel.campaign.AdCapacityReport;
import io.playmark.kernel.campaign.CampaignId;
import io.playmark.kernel.campaign.Daypart;
import io.playmark.kernel.campaign.Dayparts;
import io.playmark.kernel.campaign.Flight;
import io.playmark.kernel.campaign.Goal;
import io.playmark.kernel.campaign.GoalKind;
import io.playmark.kernel.campaign.PriorityTier;
import io.playmark.kernel.campaign.ProposedCampaign;
import io.playmark.kernel.player.PlayerId;
import io.playmark.kernel.player.PlayerTarget;
import io.playmark.kernel.player.TargetedPlayer;
import io.playmark.kernel.schedule.AdSlots;
import io.playmark.kernel.schedule.Occurrence;
import io.playmark.kernel.schedule.PlaylistItem;
import io.playmark.kernel.schedule.ScheduledPlaylist;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CapacitySweepTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final TargetedPlayer LOBBY = new TargetedPlayer(new PlayerId("5f0c3c1e-8d6b-4a51-9a0e-3f1d2c4b5a69"),
            "Lobby", BERLIN, "hd-h264", Orientation.LANDSCAPE, Set.of(), null, Duration.ofMinutes(5));
    /** Monday 4 January 2027, 00:00 in Berlin, for two days. */
    private static final Instant FROM = Instant.parse("2027-01-03T23:00:00Z");
    private static final Instant TO = FROM.plus(Duration.ofDays(2));
    private static final Flight FLIGHT = new Flight(FROM, TO);
    /** 90 s of content and two 15 s slots: 60 ad plays an hour, all day. */
    private static final ScheduledPlaylist ALL_DAY = new ScheduledPlaylist("e-1", "p-1", "Lobby loop",
            List.of(new PlaylistItem(PlaylistItem.Kind.ASSET, "0f6a3f1e-2b7c-4d1e-9c55-3a1b2c3d4e5f", 90_000L)),
            false, AdSlots.slots(2, Duration.ofSeconds(15)), 1, false, List.of(new Occurrence(FROM, TO, null)));
    private static final Dayparts MORNINGS = new Dayparts(List.of(new Daypart(EnumSet.of(DayOfWeek.MONDAY,
            DayOfWeek.TUESDAY), LocalTime.of(9, 0), LocalTime.of(11, 0))));

    @ParameterizedTest(name = "{0} share {1} % beside a standard 50 %: {2} short, displaces [{3}], {4} plays a day")
    @CsvSource(delimiter = '|', value = {
            // tier     | share % | player-hours short | displaced | plays the tier could get each day (2 h × free)
            "STANDARD    | 50     | 0                  |           | 60",
            "STANDARD    | 60     | 4                  |           | 60",
            "SPONSORSHIP | 60     | 0                  | booked    | 120",
            "HOUSE       | 60     | 4                  |           | 60",
    })
    void a_candidate_is_weighed_in_every_hour_of_its_dayparts_against_the_campaigns_booked_there(
            PriorityTier tier, int share, int short_, String displaced, long perDay) {
        CapacitySweep.Booked standard = new CapacitySweep.Booked("booked", PriorityTier.STANDARD, true, FLIGHT,
                Dayparts.ALWAYS, new Goal(GoalKind.SHARE_OF_VOICE, 50), Set.of(LOBBY.id()), 48);
        ProposedCampaign candidate = new ProposedCampaign(CampaignId.random(), target(), FLIGHT, MORNINGS, tier,
                new Goal(GoalKind.SHARE_OF_VOICE, share), true);

        AdCapacityReport report = CapacitySweep.sweep(candidate, 4, FROM, TO, List.of(LOBBY),
                Map.of(LOBBY.id(), List.of(ALL_DAY)), List.of(standard));

        assertThat(report.shortfallCount()).isEqualTo(short_);
        assertThat(report.displaced()).containsExactlyElementsOf(displaced == null ? List.of() : List.of(displaced));
        assertThat(report.players()).singleElement().satisfies(player -> assertThat(player.days())
                .containsExactly(new AdCapacityReport.DayAvailability(LocalDate.parse("2027-01-04"), perDay),
                        new AdCapacityReport.DayAvailability(LocalDate.parse("2027-01-05"), perDay)));
        if (short_ > 0) {
            assertThat(report.shortfalls().getFirst().localHour().toString()).isEqualTo("2027-01-04T09:00");
            assertThat(report.shortfalls().getFirst().supply()).isEqualTo(60);
        }
    }

    @Test
    void a_plays_goal_is_spread_over_its_player_hours_and_its_own_booking_is_not_counted_against_it() {
        CampaignId self = CampaignId.random();
        // 480 plays over 4 player-hours: 120 an hour, twice what the loop holds
        ProposedCampaign candidate = new ProposedCampaign(self, target(), FLIGHT, MORNINGS, PriorityTier.STANDARD,
                new Goal(GoalKind.PLAYS, 480), true);
        CapacitySweep.Booked itself = new CapacitySweep.Booked(self.value(), PriorityTier.STANDARD, true, FLIGHT,
                MORNINGS,
                new Goal(GoalKind.PLAYS, 480), Set.of(LOBBY.id()), 4);

        AdCapacityReport report = CapacitySweep.sweep(candidate, CapacitySweep.playerHours(FLIGHT, MORNINGS, BERLIN),
                FROM, TO, List.of(LOBBY), Map.of(LOBBY.id(), List.of(ALL_DAY)), List.of(itself));

        assertThat(report.shortfallCount()).isEqualTo(4);
        assertThat(report.shortfalls().getFirst().asked()).isEqualTo(120);
        assertThat(report.shortfalls().getFirst().free()).isEqualTo(60);
        assertThat(report.totalPlays()).isEqualTo(240);
    }

    @Test
    void no_entry_playing_means_no_ad_slots_and_an_hour_is_counted_once_across_daylight_saving() {
        ProposedCampaign candidate = new ProposedCampaign(null, target(), FLIGHT, Dayparts.ALWAYS,
                PriorityTier.STANDARD, null, true);
        AdCapacityReport report = CapacitySweep.sweep(candidate, 0, FROM, TO, List.of(LOBBY), Map.of(), List.of());
        assertThat(report.totalPlays()).isZero();

        // the night Berlin falls back: 25 clock hours on Sunday 25 October 2026
        Instant sunday = Instant.parse("2026-10-24T22:00:00Z");
        assertThat(CapacitySweep.hours(sunday, sunday.plus(Duration.ofHours(25)), BERLIN)).hasSize(25);
        assertThat(CapacitySweep.playerHours(new Flight(sunday, sunday.plus(Duration.ofHours(25))), Dayparts.ALWAYS,
                BERLIN)).isEqualTo(25);
        assertThat(CapacitySweep.playerHours(FLIGHT, MORNINGS, BERLIN)).isEqualTo(4);
    }

    private static PlayerTarget target() {
        return new PlayerTarget(Set.of(LOBBY.id()), null, null, null);
    }
}
