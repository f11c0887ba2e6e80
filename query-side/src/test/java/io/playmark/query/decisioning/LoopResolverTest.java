package io.playmark.query.decisioning;

import io.playmark.kernel.InvalidValueException;
import io.playmark.kernel.asset.Orientation;
import io.playmark.kernel.campaign.Creative;
import io.playmark.kernel.campaign.Flight;
import io.playmark.kernel.campaign.FrequencyCaps;
import io.playmark.kernel.campaign.PriorityTier;
import io.playmark.kernel.schedule.AdSlots;
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
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static io.playmark.query.decisioning.DecisioningFixtures.BERLIN;
import static io.playmark.query.decisioning.DecisioningFixtures.adsOnly;
import static io.playmark.query.decisioning.DecisioningFixtures.asset;
import static io.playmark.query.decisioning.DecisioningFixtures.berlin;
import static io.playmark.query.decisioning.DecisioningFixtures.campaign;
import static io.playmark.query.decisioning.DecisioningFixtures.daypart;
import static io.playmark.query.decisioning.DecisioningFixtures.entry;
import static io.playmark.query.decisioning.DecisioningFixtures.id;
import static io.playmark.query.decisioning.DecisioningFixtures.player;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The timeline rules: which entry's loop plays, and which campaign fills each ad slot. */
class LoopResolverTest {

    private final LoopResolver resolver = new LoopResolver();

    private List<TimelineItem> resolve(List<ScheduledPlaylist> entries, List<DecisionCampaign> campaigns,
                                       Instant from, Instant to) {
        return resolver.resolve(player(BERLIN), entries, campaigns, from, to).items();
    }

    private long playsOf(DecisionCampaign campaign, List<TimelineItem> items) {
        return items.stream().filter(item -> campaign.id().value().equals(item.campaignId())).count();
    }

    /** Friday 27 March 2026, a daypart from Friday 22:00 to Saturday 02:00 in Berlin. */
    @ParameterizedTest(name = "{0} Berlin plays: {1}")
    @CsvSource({
            "2026-03-27T21:59, false",
            "2026-03-27T22:00, true",
            "2026-03-27T23:59, true",
            "2026-03-28T00:00, true",
            "2026-03-28T01:59, true",
            "2026-03-28T02:00, false",
            "2026-03-26T23:00, false",
            "2026-03-28T23:00, false"})
    void a_daypart_across_midnight_runs_into_the_next_day(String local, boolean plays) {
        DecisionCampaign lateNight = campaign("late night").dayparts(daypart(DayOfWeek.FRIDAY, "22:00", "02:00")).build();
        Instant at = berlin(local);

        List<TimelineItem> items = resolve(List.of(adsOnly(at.minus(Duration.ofHours(1)), at.plus(Duration.ofHours(1)))),
                List.of(lateNight), at, at.plus(Duration.ofMinutes(1)));

        assertThat(playsOf(lateNight, items)).isEqualTo(plays ? 1 : 0);
    }

    /** A Sunday daypart, one play a minute: skipped when the clock jumps over it, twice when it repeats. */
    @ParameterizedTest(name = "{0} Sunday {1} {2}–{3}: {4} plays")
    @CsvSource({
            "Europe/Berlin, 2026-03-22, 02:00, 03:00, 60",
            "Europe/Berlin, 2026-03-29, 02:00, 03:00, 0",
            "Europe/Berlin, 2026-10-25, 02:00, 03:00, 120",
            "America/New_York, 2026-03-08, 02:00, 03:00, 0",
            "America/New_York, 2026-11-01, 01:00, 02:00, 120",
            "Australia/Lord_Howe, 2026-10-04, 02:00, 02:30, 0",
            "Australia/Lord_Howe, 2026-10-04, 02:30, 03:00, 30",
            "Australia/Lord_Howe, 2026-04-05, 01:30, 02:00, 60"})
    void a_daypart_follows_the_wall_clock_across_daylight_saving_changes(ZoneId zone, LocalDate sunday, String start,
                                                                          String end, int plays) {
        DecisionCampaign small = campaign("small hours").dayparts(daypart(DayOfWeek.SUNDAY, start, end)).build();
        Instant from = sunday.atStartOfDay(zone).toInstant();
        Instant to = sunday.plusDays(1).atStartOfDay(zone).toInstant();

        List<TimelineItem> items = resolver.resolve(player(zone), List.of(adsOnly(from, to)), List.of(small), from, to)
                .items();

        assertThat(playsOf(small, items)).isEqualTo(plays);
        assertThat(items).filteredOn(item -> item.campaignId() != null)
                .allSatisfy(item -> assertThat(item.localStart().toLocalTime())
                        .isBetween(LocalTime.parse(start), LocalTime.parse(end).minusNanos(1)));
    }

    /** Saturday 22:00 to Sunday 04:00 in Berlin: six wall-clock hours, five or seven real ones on a change night. */
    @ParameterizedTest(name = "the night after Saturday {0}: {1} plays")
    @CsvSource({"2026-03-21, 360", "2026-03-28, 300", "2026-10-24, 420"})
    void a_daypart_across_midnight_lasts_as_long_as_the_night_really_is(LocalDate saturday, int plays) {
        DecisionCampaign night = campaign("night").dayparts(daypart(DayOfWeek.SATURDAY, "22:00", "04:00")).build();
        Instant from = saturday.atTime(12, 0).atZone(BERLIN).toInstant();
        Instant to = saturday.plusDays(1).atTime(12, 0).atZone(BERLIN).toInstant();

        List<TimelineItem> items = resolve(List.of(adsOnly(from, to)), List.of(night), from, to);

        assertThat(playsOf(night, items)).isEqualTo(plays);
    }

    @Test
    void the_hour_repeated_in_autumn_has_its_own_hourly_cap() {
        DecisionCampaign capped = campaign("capped").caps(new FrequencyCaps(5, null, null)).build();
        Instant from = berlin("2026-10-25T01:00");
        Instant to = berlin("2026-10-25T04:00");

        List<TimelineItem> items = resolve(List.of(adsOnly(from, to)), List.of(capped), from, to);

        // 01:00, 02:00 summer time, 02:00 winter time, 03:00: four real hours, five plays each
        assertThat(Duration.between(from, to)).isEqualTo(Duration.ofHours(4));
        assertThat(playsOf(capped, items)).isEqualTo(20);
    }

    @ParameterizedTest(name = "{0} against {1}: {2} plays")
    @CsvSource({
            "SPONSORSHIP, STANDARD, first",
            "STANDARD, HOUSE, first",
            "HOUSE, SPONSORSHIP, second",
            "STANDARD, SPONSORSHIP, second"})
    void the_higher_tier_takes_every_slot(PriorityTier firstTier, PriorityTier secondTier, String winner) {
        DecisionCampaign first = campaign("first").tier(firstTier).build();
        DecisionCampaign second = campaign("second").tier(secondTier).build();
        Instant from = berlin("2026-05-04T10:00");
        Instant to = from.plus(Duration.ofHours(1));

        List<TimelineItem> items = resolve(List.of(adsOnly(from, to)), List.of(first, second), from, to);

        assertThat(items).hasSize(60).extracting(TimelineItem::campaignId)
                .containsOnly((winner.equals("first") ? first : second).id().value());
    }

    @Test
    void a_campaign_that_is_not_preemptible_keeps_drawing_against_a_higher_tier() {
        DecisionCampaign guaranteed = campaign("guaranteed").notPreemptible().build();
        DecisionCampaign sponsor = campaign("sponsor").tier(PriorityTier.SPONSORSHIP).build();
        DecisionCampaign standard = campaign("standard").build();
        Instant from = berlin("2026-05-04T10:00");
        Instant to = from.plus(Duration.ofHours(2));

        List<TimelineItem> items = resolve(List.of(adsOnly(from, to)), List.of(guaranteed, sponsor, standard), from, to);

        assertThat(playsOf(standard, items)).as("a preemptible standard campaign gives way").isZero();
        assertThat(playsOf(guaranteed, items)).as("an equal draw with the sponsor").isBetween(40L, 80L);
        assertThat(playsOf(guaranteed, items) + playsOf(sponsor, items)).isEqualTo(120);
    }

    @ParameterizedTest(name = "a {0} % share of voice")
    @CsvSource({"10", "25", "50"})
    void a_share_of_voice_gets_exactly_its_share_of_each_hours_slots(int percent) {
        DecisionCampaign voiced = campaign("voiced").shareOfVoice(percent).build();
        DecisionCampaign rival = campaign("rival").build();
        DecisionCampaign filler = campaign("filler").tier(PriorityTier.HOUSE).build();
        Instant from = berlin("2026-05-04T10:00");
        Instant to = from.plus(Duration.ofHours(2));

        List<TimelineItem> items = resolve(List.of(adsOnly(from, to)), List.of(voiced, rival, filler), from, to);

        Map<Integer, Long> perHour = items.stream().filter(item -> voiced.id().value().equals(item.campaignId()))
                .collect(Collectors.groupingBy(item -> item.localStart().getHour(), Collectors.counting()));
        long share = 60L * percent / 100;
        assertThat(perHour).containsExactlyInAnyOrderEntriesOf(Map.of(10, share, 11, share));
        assertThat(playsOf(rival, items)).isEqualTo(120 - 2 * share);
    }

    @ParameterizedTest(name = "{0} of its pace: {1} of 60 slots")
    @CsvSource({"0.5, 60", "0.96, 20..40", "1.05, 20..40", "1.06, 0"})
    void a_plays_goal_behind_its_pace_goes_first_and_one_ahead_waits(double pace, String plays) {
        DecisionCampaign paced = campaign("paced").pace(pace).build();
        DecisionCampaign rival = campaign("rival").build();
        Instant from = berlin("2026-05-04T10:00");
        Instant to = from.plus(Duration.ofHours(1));

        long played = playsOf(paced, resolve(List.of(adsOnly(from, to)), List.of(paced, rival), from, to));

        if (plays.contains("..")) {
            assertThat(played).as("an equal draw").isBetween(20L, 40L);
        } else {
            assertThat(played).isEqualTo(Long.parseLong(plays));
        }
    }

    @ParameterizedTest(name = "competitors {0} minutes apart")
    @CsvSource({"0", "5", "15"})
    void competitors_of_one_category_keep_their_distance(int minutes) {
        // each also keeps its own plays apart, or the first to play would take every slot its competitor leaves
        FrequencyCaps ownGap = new FrequencyCaps(null, null, minutes + 2);
        DecisionCampaign cola = campaign("cola").category("Soft drinks", minutes).caps(ownGap).build();
        DecisionCampaign lemonade = campaign("lemonade").category("soft drinks", minutes).caps(ownGap).build();
        DecisionCampaign filler = campaign("filler").tier(PriorityTier.HOUSE).build();
        Instant from = berlin("2026-05-04T10:00");
        Instant to = from.plus(Duration.ofHours(2));

        List<TimelineItem> items = resolve(List.of(adsOnly(from, to)), List.of(cola, lemonade, filler), from, to);

        List<TimelineItem> drinks = items.stream().filter(item -> item.campaignId().equals(cola.id().value())
                || item.campaignId().equals(lemonade.id().value())).toList();
        assertThat(playsOf(cola, items)).isPositive();
        assertThat(playsOf(lemonade, items)).isPositive();
        for (int i = 1; i < drinks.size(); i++) {
            TimelineItem before = drinks.get(i - 1);
            TimelineItem after = drinks.get(i);
            if (!before.campaignId().equals(after.campaignId())) {
                assertThat(Duration.between(before.start(), after.start()))
                        .isGreaterThanOrEqualTo(Duration.ofMinutes(Math.max(minutes, 2)));
            }
        }
    }

    @ParameterizedTest(name = "at most {0} an hour")
    @CsvSource({"1", "3", "10"})
    void a_per_hour_cap_stops_the_ad_for_the_rest_of_the_clock_hour(int cap) {
        DecisionCampaign capped = campaign("capped").caps(new FrequencyCaps(cap, null, null)).build();
        DecisionCampaign filler = campaign("filler").tier(PriorityTier.HOUSE).build();
        DecisionCampaign sponsor = campaign("sponsor").tier(PriorityTier.SPONSORSHIP)
                .caps(new FrequencyCaps(1, null, null)).build();
        Instant from = berlin("2026-05-04T10:00");
        Instant to = from.plus(Duration.ofHours(2));

        List<TimelineItem> items = resolve(List.of(adsOnly(from, to)), List.of(capped, filler, sponsor), from, to);

        Map<Integer, Long> cappedPerHour = items.stream().filter(item -> capped.id().value().equals(item.campaignId()))
                .collect(Collectors.groupingBy(item -> item.localStart().getHour(), Collectors.counting()));
        assertThat(cappedPerHour).containsExactlyInAnyOrderEntriesOf(Map.of(10, (long) cap, 11, (long) cap));
        assertThat(playsOf(sponsor, items)).isEqualTo(2);
        assertThat(playsOf(filler, items)).isEqualTo(120 - 2 - 2L * cap);
    }

    @ParameterizedTest(name = "{0} minutes apart: {1} plays an hour")
    @CsvSource({"5, 12", "10, 6", "30, 2", "60, 1"})
    void separation_keeps_plays_of_a_campaign_apart(int minutes, int plays) {
        DecisionCampaign separated = campaign("separated").caps(new FrequencyCaps(null, null, minutes)).build();
        Instant from = berlin("2026-05-04T10:00");
        Instant to = from.plus(Duration.ofHours(1));

        List<TimelineItem> items = resolve(List.of(adsOnly(from, to)), List.of(separated), from, to);

        assertThat(items).hasSize(plays);
        for (int i = 1; i < items.size(); i++) {
            assertThat(Duration.between(items.get(i - 1).start(), items.get(i).start()))
                    .isGreaterThanOrEqualTo(Duration.ofMinutes(minutes));
        }
    }

    @ParameterizedTest(name = "slot at {0} UTC plays: {1}")
    @CsvSource({
            "2026-05-04T09:59:00Z, false",
            "2026-05-04T10:00:00Z, true",
            "2026-05-04T10:29:00Z, true",
            "2026-05-04T10:30:00Z, false"})
    void a_campaign_plays_from_its_flight_start_until_before_its_end(Instant slot, boolean plays) {
        DecisionCampaign flighted = campaign("flighted").flight(new Flight(Instant.parse("2026-05-04T10:00:00Z"),
                Instant.parse("2026-05-04T10:30:00Z"))).build();

        List<TimelineItem> items = resolve(List.of(adsOnly(slot.minus(Duration.ofHours(1)), slot.plus(Duration.ofHours(1)))),
                List.of(flighted), slot, slot.plus(Duration.ofMinutes(1)));

        assertThat(playsOf(flighted, items)).isEqualTo(plays ? 1 : 0);
    }

    @Test
    void the_same_state_and_window_give_the_same_timeline_and_weights_share_the_slots() {
        Creative light = new Creative(id("light"), Orientation.LANDSCAPE, 1);
        Creative heavy = new Creative(id("heavy"), Orientation.LANDSCAPE, 3);
        Creative portrait = new Creative(id("portrait"), Orientation.PORTRAIT, 100);
        DecisionCampaign weighted = campaign("weighted").creatives(light, heavy, portrait).build();
        DecisionCampaign other = campaign("other").build();
        Instant from = berlin("2026-05-04T00:00");
        Instant to = from.plus(Duration.ofHours(24));
        List<ScheduledPlaylist> entries = List.of(adsOnly(from, to));

        List<TimelineItem> once = resolve(entries, List.of(weighted, other), from, to);
        List<TimelineItem> again = resolve(entries, List.of(other, weighted), from, to);

        assertThat(again).isEqualTo(once);
        Map<String, Long> byAsset = once.stream().collect(Collectors.groupingBy(TimelineItem::assetId, Collectors.counting()));
        assertThat(byAsset).doesNotContainKey(portrait.assetId());
        assertThat(playsOf(weighted, once)).isBetween(620L, 820L);
        assertThat(byAsset.get(heavy.assetId())).isGreaterThan(2 * byAsset.get(light.assetId()));
    }

    @Test
    void content_plays_in_order_and_a_higher_priority_entry_takes_over_while_it_runs() {
        Instant from = berlin("2026-05-04T10:00");
        ScheduledPlaylist base = entry("base", List.of(asset("a", 20), asset("b", 30)),
                AdSlots.slots(1, Duration.ofSeconds(10)), 0, from, from.plus(Duration.ofHours(1)));
        ScheduledPlaylist urgent = entry("urgent", List.of(asset("alert", 15)), AdSlots.none(), 5,
                from.plus(Duration.ofSeconds(60)), from.plus(Duration.ofSeconds(90)));
        DecisionCampaign ad = campaign("ad").build();

        List<TimelineItem> items = resolve(List.of(base, urgent), List.of(ad), from, from.plus(Duration.ofSeconds(130)));

        Function<TimelineItem, String> what = item -> (item.campaignId() != null ? "ad" : item.assetId())
                + "@" + ChronoUnit.SECONDS.between(from, item.start()) + "+" + item.duration().toSeconds();
        assertThat(items).extracting(what).containsExactly(
                id("asset a") + "@0+20", id("asset b") + "@20+30", "ad@50+10",
                id("asset alert") + "@60+15", id("asset alert") + "@75+15",
                // the base loop resumes where its phase stands: 90 s is 30 s into its second pass
                id("asset b") + "@90+20", "ad@110+10", id("asset a") + "@120+10");
    }

    @Test
    void an_exclusive_entry_takes_its_time_from_a_shared_entry_of_higher_priority() {
        Instant from = berlin("2026-05-04T10:00");
        Instant to = from.plus(Duration.ofMinutes(2));
        ScheduledPlaylist shared = entry("shared", List.of(asset("shared", 30)), AdSlots.none(), 9, from, to);
        ScheduledPlaylist held = entry("held", List.of(asset("held", 30)), AdSlots.none(), 1, from.plusSeconds(60), to);
        ScheduledPlaylist exclusive = new ScheduledPlaylist(held.entryId(), held.playlistId(), held.playlistName(),
                held.items(), false, held.adSlots(), held.priority(), true, held.occurrences());

        List<TimelineItem> items = resolve(List.of(shared, exclusive), List.of(), from, to);

        assertThat(items).extracting(TimelineItem::assetId).containsExactly(id("asset shared"), id("asset shared"),
                id("asset held"), id("asset held"));
        assertThat(resolve(List.of(shared, held), List.of(), from, to)).extracting(TimelineItem::assetId)
                .as("shared, the higher priority plays").containsOnly(id("asset shared"));
    }

    @Test
    void a_shuffled_loop_plays_every_item_once_a_pass_in_an_order_drawn_per_pass() {
        Instant from = berlin("2026-05-04T10:00");
        List<String> written = Stream.of("a", "b", "c", "d", "e").map(name -> id("asset " + name)).toList();
        ScheduledPlaylist inOrder = entry("five", Stream.of("a", "b", "c", "d", "e").map(name -> asset(name, 10)).toList(),
                AdSlots.slots(1, Duration.ofSeconds(10)), 0, from, from.plus(Duration.ofHours(1)));
        ScheduledPlaylist shuffled = new ScheduledPlaylist(inOrder.entryId(), inOrder.playlistId(), "five",
                inOrder.items(), true, inOrder.adSlots(), 0, false, inOrder.occurrences());
        Instant to = from.plus(Duration.ofMinutes(10));

        List<TimelineItem> items = resolve(List.of(shuffled), List.of(), from, to);

        // no campaign fills the slots, so each one-minute pass shows its five items and leaves the last 10 s empty
        assertThat(items).hasSize(50);
        List<List<String>> passes = IntStream.range(0, 10)
                .mapToObj(pass -> items.subList(pass * 5, pass * 5 + 5).stream().map(TimelineItem::assetId).toList())
                .toList();
        assertThat(passes).allSatisfy(pass -> assertThat(pass).containsExactlyInAnyOrderElementsOf(written));
        assertThat(passes).anySatisfy(pass -> assertThat(pass).isNotEqualTo(written));
        assertThat(resolve(List.of(shuffled), List.of(), from, to)).isEqualTo(items);
    }

    @Test
    void a_window_is_at_most_48_hours() {
        Instant from = berlin("2026-05-04T00:00");
        assertThatThrownBy(() -> resolve(List.of(), List.of(), from, from.plus(Duration.ofHours(49))))
                .isInstanceOf(InvalidValueException.class);
    }
}
