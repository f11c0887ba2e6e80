package io.playmark.infra.campaign;

import io.playmark.infra.support.PlaymarkApi;
import io.playmark.infra.support.PlaymarkIntegrationTest;
import io.playmark.infra.support.TestAssets;
import io.playmark.kernel.asset.AssetId;
import io.playmark.kernel.asset.MediaKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Booking-time checks through GraphQL: exclusive schedule entries refuse overlapping ones, goals beyond what the
 * loop's ad slots hold are refused, a sponsorship books over standard campaigns (which then show at risk), dry runs
 * answer the same and record nothing, and availability says what a proposed campaign could get. Each test has its
 * own player in UTC, so that its hours are easy to count.
 */
class BookingChecksIT extends PlaymarkIntegrationTest {

    private static final String CREATE_PLAYLIST = "mutation($input: PlaylistInput!) { createPlaylist(input: $input) "
            + "{ id } }";
    private static final String CREATE_ENTRY = "mutation($input: ScheduleEntryInput!, $dryRun: Boolean!) { "
            + "createScheduleEntry(input: $input, dryRun: $dryRun) { id exclusive } }";
    private static final String BULK = "mutation($input: BulkScheduleInput!) { schedulePlaylistOnPlayers(input: "
            + "$input, dryRun: true) { player ok entry { id } error { classification message } } }";
    private static final String ENTRY = "query($id: ID!) { scheduleEntry(id: $id) { id } }";
    private static final String CAMPAIGN_FIELDS = "id status tier atRisk capacity { shortfallCount displaced }";
    private static final String BOOK = "mutation($id: ID!, $dryRun: Boolean!) { bookCampaign(id: $id, dryRun: "
            + "$dryRun) { " + CAMPAIGN_FIELDS + " } }";
    private static final String CAMPAIGN = "query($id: ID!) { campaign(id: $id) { " + CAMPAIGN_FIELDS + " } }";
    private static final String AVAILABILITY = "query($input: CampaignAvailabilityInput!) { campaignAvailability("
            + "input: $input) { from to totalPlays shortfallCount shortfalls { playerId localHour asked free supply } "
            + "players(first: 10) { edges { node { playerId plays days { date plays } } } } } }";

    @Autowired
    private ApplicationContext playmark;

    private TestAssets assets;
    private final String player = UUID.randomUUID().toString();
    private final String tag = "booking-" + player.substring(0, 8);
    private AssetId creative;
    private String playlist;

    @BeforeEach
    void setUp() throws InterruptedException {
        assets = TestAssets.of(playmark);
        PlaymarkApi.Response registered = asAdmin().post("/api/v1/players", Map.of("id", player,
                "name", "Booking checks", "location", Map.of("latitude", 51.5, "longitude", 0.0),
                "timeZone", "UTC", "tags", List.of(tag), "resolution", Map.of("width", 1920, "height", 1080),
                "hardwareProfile", "hd-h264"));
        assertThat(registered.status()).as(registered.text()).isIn(200, 201);
        Instant giveUp = Instant.now().plusSeconds(30);
        while (asAdmin().get("/api/v1/players/" + player).status() != 200 && Instant.now().isBefore(giveUp)) {
            Thread.sleep(100);
        }
        creative = assets.approved("Booking creative", "/booking", MediaKind.IMAGE);
        // 90 s of content, then two 15 s ad slots: 60 ad plays an hour
        playlist = dataOf(asAdmin().graphQl(CREATE_PLAYLIST, "input", Map.of("name", "Booking loop", "items",
                List.of(Map.of("assetId", creative.value(), "durationMillis", 90_000)),
                "adSlots", Map.of("count", 2, "lengthSeconds", 15))), "createPlaylist").get("id").asString();
    }

    @Test
    void an_entry_overlapping_an_exclusive_one_is_refused_with_it_and_a_dry_run_answers_the_same_recording_nothing() {
        PlaymarkApi api = asAdmin();
        LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        String takeover = dataOf(api.graphQl(CREATE_ENTRY, "dryRun", false, "input", entry(tomorrow + "T08:00", 120,
                true)), "createScheduleEntry").get("id").asString();

        JsonNode refused = api.graphQl(CREATE_ENTRY, "dryRun", false, "input", entry(tomorrow + "T09:00", 60, false));
        assertThat(brokenRules(refused)).containsExactly("recurrence exclusive-conflict");
        assertThat(refused.get("errors").get(0).get("message").asString()).isEqualTo("overlaps exclusive entry "
                + takeover + " (Booking loop) on player " + player + " (Booking checks) from " + tomorrow
                + "T09:00:00Z to " + tomorrow + "T10:00:00Z");
        JsonNode dryRun = api.graphQl(CREATE_ENTRY, "dryRun", true, "input", entry(tomorrow + "T09:00", 60, false));
        assertThat(brokenRules(dryRun))
                .containsExactly("recurrence exclusive-conflict");

        String id = UUID.randomUUID().toString();
        Map<String, Object> later = new HashMap<>(entry(tomorrow + "T10:00", 60, false));
        later.put("id", id);
        JsonNode wouldBe = dataOf(api.graphQl(CREATE_ENTRY, "dryRun", true, "input", later), "createScheduleEntry");
        assertThat(wouldBe.get("id").asString()).isEqualTo(id);
        assertThat(api.graphQl(ENTRY, "id", id).get("errors").get(0).get("extensions").get("classification")
                .asString()).as("a dry run records nothing").isEqualTo("NOT_FOUND");

        JsonNode bulk = dataOf(api.graphQl(BULK, "input", Map.of("requestId", UUID.randomUUID().toString(),
                "playlistId", playlist, "players", List.of(player), "recurrence", Map.of("start", tomorrow + "T07:30",
                        "durationMinutes", 60))), "schedulePlaylistOnPlayers").get(0);
        assertThat(bulk.get("ok").asBoolean()).isFalse();
        assertThat(bulk.get("error").get("classification").asString()).isEqualTo("CONFLICT");
        assertThat(bulk.get("error").get("message").asString()).contains("overlaps exclusive entry " + takeover);
    }

    @Test
    void capacity_refuses_a_goal_beyond_the_ad_slots_a_sponsorship_books_over_standard_and_availability_counts_it() {
        PlaymarkApi api = asAdmin();
        Instant start = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.DAYS);
        Instant end = start.plus(Duration.ofDays(2));
        LocalDate first = LocalDate.ofInstant(start, ZoneOffset.UTC);
        dataOf(api.graphQl(CREATE_ENTRY, "dryRun", false, "input", Map.of("playlistId", playlist,
                "players", List.of(player), "recurrence", Map.of("start", first.minusDays(1) + "T00:00",
                        "durationMinutes", 24 * 60, "rrule", "FREQ=DAILY;COUNT=5"))), "createScheduleEntry");

        String standard = campaign(api, start, end, "STANDARD", 60);
        assertThat(dataOf(api.graphQl(BOOK, "id", standard, "dryRun", false), "bookCampaign").get("status")
                .asString()).isEqualTo("BOOKED");

        // 60 % of 60 plays is 36 an hour; a second standard campaign asking 50 % finds 24 left
        String over = campaign(api, start, end, "STANDARD", 50);
        JsonNode dryRun = api.graphQl(BOOK, "id", over, "dryRun", true);
        assertThat(brokenRules(dryRun)).contains("goal capacity");
        assertThat(dryRun.get("errors").get(0).get("message").asString()).isEqualTo("player " + player
                + " (Booking checks) at " + first + "T00:00 local (" + start + "): the goal asks 30.0 plays, 24.0 are "
                + "left to STANDARD of the 60.0 its loop holds in that hour");
        assertThat(dataOf(api.graphQl(CAMPAIGN, "id", over), "campaign").get("status").asString())
                .as("a dry run records nothing").isEqualTo("DRAFT");
        assertThat(brokenRules(api.graphQl(BOOK, "id", over, "dryRun", false))).contains("goal capacity");

        String sponsorship = campaign(api, start, end, "SPONSORSHIP", 50);
        JsonNode checked = dataOf(api.graphQl(BOOK, "id", sponsorship, "dryRun", true), "bookCampaign");
        assertThat(checked.get("status").asString()).isEqualTo("DRAFT");
        JsonNode booked = dataOf(api.graphQl(BOOK, "id", sponsorship, "dryRun", false), "bookCampaign");
        assertThat(booked.get("status").asString()).isEqualTo("BOOKED");
        assertThat(booked.get("atRisk").asBoolean()).isFalse();
        assertThat(booked.get("capacity").get("displaced").valueStream().map(JsonNode::asString)).contains(standard);
        JsonNode displaced = dataOf(api.graphQl(CAMPAIGN, "id", standard), "campaign");
        assertThat(displaced.get("atRisk").asBoolean()).as("the sponsorship took half its hour").isTrue();
        assertThat(displaced.get("capacity").get("shortfallCount").asInt()).isEqualTo(48);

        // a standard campaign now finds nothing left; a sponsorship the 30 plays an hour the other one leaves
        JsonNode standardAvailability = dataOf(api.graphQl(AVAILABILITY, "input", availability(start, end, "STANDARD")),
                "campaignAvailability");
        assertThat(standardAvailability.get("totalPlays").asLong()).isZero();
        JsonNode sponsored = dataOf(api.graphQl(AVAILABILITY, "input", availability(start, end, "SPONSORSHIP")),
                "campaignAvailability");
        assertThat(sponsored.get("totalPlays").asLong()).isEqualTo(30 * 48);
        JsonNode perPlayer = sponsored.get("players").get("edges").get(0).get("node");
        assertThat(perPlayer.get("playerId").asString()).isEqualTo(player);
        assertThat(perPlayer.get("days").valueStream().map(day -> day.get("date").asString() + "="
                + day.get("plays").asLong())).containsExactly(first + "=720", first.plusDays(1) + "=720");

        PlaymarkApi.Response rest = api.get("/api/v1/campaign-availability?tags=" + tag + "&start=" + start + "&end="
                + end + "&tier=SPONSORSHIP&daypart=" + first.getDayOfWeek() + "+" + first.plusDays(1).getDayOfWeek()
                + "@06:00-12:00");
        assertThat(rest.status()).as(rest.text()).isEqualTo(200);
        assertThat(rest.body().get("totalPlays").asLong()).as("6 hours a day for 2 days, 30 plays each")
                .isEqualTo(30 * 12);
        assertThat(rest.body().get("players").get(0).get("days").get(0).get("plays").asLong()).isEqualTo(180);
    }

    private Map<String, Object> entry(String start, int minutes, boolean exclusive) {
        return Map.of("playlistId", playlist, "players", List.of(player), "priority", exclusive ? 100 : 1,
                "exclusive", exclusive, "recurrence", Map.of("start", start, "durationMinutes", minutes));
    }

    private Map<String, Object> availability(Instant start, Instant end, String tier) {
        return Map.of("targeting", Map.of("tags", List.of(tag)), "flight", Map.of("start", start.toString(),
                "end", end.toString()), "tier", tier);
    }

    /** A complete draft: the flight, this test's player by its tag, the creative, a tier and a share of voice. */
    private String campaign(PlaymarkApi api, Instant start, Instant end, String tier, int share) {
        String id = dataOf(api.graphQl("mutation($input: CreateCampaignInput!) { createCampaign(input: $input) "
                + "{ id } }", "input", Map.of("name", tier + " " + share + " %", "advertiser", "Acme")),
                "createCampaign").get("id").asString();
        dataOf(api.graphQl("mutation($id: ID!, $flight: FlightInput!) { setCampaignFlight(id: $id, flight: $flight) "
                + "{ id } }", "id", id, "flight", Map.of("start", start.toString(), "end", end.toString())),
                "setCampaignFlight");
        dataOf(api.graphQl("mutation($id: ID!, $targeting: TargetingInput!) { setCampaignTargeting(id: $id, "
                + "targeting: $targeting) { id } }", "id", id, "targeting", Map.of("tags", List.of(tag))),
                "setCampaignTargeting");
        dataOf(api.graphQl("mutation($id: ID!, $creatives: [CreativeInput!]!) { setCampaignCreatives(id: $id, "
                + "creatives: $creatives) { id } }", "id", id, "creatives", List.of(Map.of("assetId",
                creative.value(), "orientation", "LANDSCAPE", "weight", 1))), "setCampaignCreatives");
        dataOf(api.graphQl("mutation($id: ID!, $tier: PriorityTier!) { setCampaignPriority(id: $id, tier: $tier, "
                + "preemptible: true) { id } }", "id", id, "tier", tier), "setCampaignPriority");
        dataOf(api.graphQl("mutation($id: ID!, $goal: GoalInput!) { setCampaignGoal(id: $id, goal: $goal) { id } }",
                "id", id, "goal", Map.of("kind", "SHARE_OF_VOICE", "target", share)), "setCampaignGoal");
        return id;
    }

}
