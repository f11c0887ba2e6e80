package io.playmark.infra.decisioning;

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

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ad decisioning end to end, as a network operator and two screens see it: a campaign booked for late mornings
 * with a cap of three plays an hour plays exactly there on each screen's own wall clock, the answer revalidates by
 * ETag, explain says why the ad is not on at breakfast, and a screen's stream hears that its playlist changed.
 */
class PlaylistIT extends PlaymarkIntegrationTest {

    private static final String CREATE_PLAYLIST = "mutation($input: PlaylistInput!) { createPlaylist(input: $input) "
            + "{ id } }";
    private static final String CREATE_ENTRY = "mutation($input: ScheduleEntryInput!) { createScheduleEntry(input: "
            + "$input) { id } }";
    private static final String CREATE_CAMPAIGN = "mutation($input: CreateCampaignInput!) { createCampaign(input: "
            + "$input) { id } }";
    private static final String FILL_IN = "mutation($id: ID!, $flight: FlightInput!, $targeting: TargetingInput!, "
            + "$creatives: [CreativeInput!]!, $dayparts: [DaypartInput!]!) { "
            + "a: setCampaignFlight(id: $id, flight: $flight) { id } "
            + "b: setCampaignTargeting(id: $id, targeting: $targeting) { id } "
            + "c: setCampaignCreatives(id: $id, creatives: $creatives) { id } "
            + "d: setCampaignDayparts(id: $id, dayparts: $dayparts) { id } "
            + "e: setCampaignCaps(id: $id, caps: {maxPlaysPerHour: 3}) { id } "
            + "f: bookCampaign(id: $id) { status } }";
    private static final String EXPLAIN = "query($player: ID!, $campaign: ID!, $at: Instant!) { explainAd(player: "
            + "$player, campaign: $campaign, at: $at) { plays reason detail localTime timeZone } }";
    private static final String TIMELINE = "query($player: ID!, $from: Instant, $to: Instant, $after: String) { "
            + "playerTimeline(player: $player, from: $from, to: $to) { playerName timeZone problems "
            + "items(first: 500, after: $after) { edges { node { start localStart durationMs kind assetId campaignId "
            + "file { url sha256 sizeBytes } } } pageInfo { hasNextPage endCursor } } } }";

    @Autowired
    private ApplicationContext playmark;

    private TestAssets assets;
    private final String tag = "playlist-it-" + UUID.randomUUID().toString().substring(0, 8);
    /** A day a week ahead, so that the campaign's flight is in the future when it is booked. */
    private final LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(7);

    @BeforeEach
    void setUp() {
        assets = TestAssets.of(playmark);
    }

    @Test
    void a_booked_ad_plays_in_its_daypart_on_each_screens_wall_clock_and_never_over_its_cap() {
        PlaymarkApi api = asAdmin();
        Screen berlin = register("Europe/Berlin");
        Screen newYork = register("America/New_York");
        AssetId content = assets.approved("Welcome", "/decisioning", MediaKind.IMAGE);
        AssetId creative = assets.approved("Lemonade", "/decisioning", MediaKind.IMAGE);
        scheduleAllDay(api, content, List.of(berlin.id(), newYork.id()), day.minusDays(1));
        String campaign = bookLateMornings(api, creative);

        Instant from = day.atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant to = from.plus(Duration.ofHours(24));
        String window = "?from=" + from + "&to=" + to;

        PlaymarkApi.Response berlinPlaylist = berlin.api().get("/api/v1/players/" + berlin.id() + "/playlist" + window);
        assertThat(berlinPlaylist.status()).as(berlinPlaylist.text()).isEqualTo(200);
        List<JsonNode> berlinAds = ads(berlinPlaylist.body(), campaign);
        // 10:00 to 12:00 in Berlin is 09:00 to 11:00 UTC in winter; three plays in each of the two hours
        assertThat(localHours(berlinAds)).containsExactly(10, 10, 10, 11, 11, 11);
        assertThat(berlinAds).allSatisfy(ad -> {
            assertThat(OffsetDateTime.parse(ad.get("localStart").asString()).getOffset()).isEqualTo(ZoneOffset.ofHours(1));
            assertThat(ad.get("assetId").asString()).isEqualTo(creative.value());
            assertThat(ad.get("durationMs").asLong()).isEqualTo(10_000);
        });
        JsonNode file = berlinPlaylist.body().get("files").get(creative.value());
        assertThat(file.get("url").asString()).isEqualTo("/api/v1/assets/" + creative.value() + "/content");
        assertThat(file.get("sha256").asString()).hasSize(64);
        assertThat(berlinPlaylist.body().get("campaigns").get(campaign).asString()).isEqualTo("Lemonade mornings");
        assertThat(berlinPlaylist.body().get("items").valueStream().filter(item -> "CONTENT".equals(item.get("kind")
                .asString()))).hasSize(24 * 120);

        PlaymarkApi.Response newYorkPlaylist = api.get("/api/v1/players/" + newYork.id() + "/playlist" + window);
        List<JsonNode> newYorkAds = ads(newYorkPlaylist.body(), campaign);
        assertThat(localHours(newYorkAds)).containsExactly(10, 10, 10, 11, 11, 11);
        assertThat(Instant.parse(newYorkAds.getFirst().get("start").asString()))
                .isBetween(from.plus(Duration.ofHours(15)), from.plus(Duration.ofHours(16)));

        // the same state and window: the same answer, revalidated without a body
        String etag = berlinPlaylist.headers().firstValue("ETag").orElseThrow();
        assertThat(berlin.api().get("/api/v1/players/" + berlin.id() + "/playlist" + window).text())
                .isEqualTo(berlinPlaylist.text());
        PlaymarkApi.Response revalidated = berlin.api().send("GET", "/api/v1/players/" + berlin.id() + "/playlist"
                + window, null, "If-None-Match", etag);
        assertThat(revalidated.status()).isEqualTo(304);
        PlaymarkApi.Download compressed = berlin.api().download("GET", "/api/v1/players/" + berlin.id() + "/playlist"
                + window, "Accept-Encoding", "gzip");
        assertThat(compressed.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(compressed.header("ETag")).isEqualTo(etag.substring(0, etag.length() - 1) + "-gzip\"");
        assertThat(new String(gunzip(compressed.body()), StandardCharsets.UTF_8)).isEqualTo(berlinPlaylist.text());
        assertThat(compressed.body().length).isLessThan(berlinPlaylist.text().length() / 5);
        assertThat(newYork.api().get("/api/v1/players/" + berlin.id() + "/playlist" + window).status())
                .as("another screen's key").isEqualTo(403);

        JsonNode breakfast = dataOf(api.graphQl(EXPLAIN, "player", berlin.id(), "campaign", campaign, "at",
                from.plus(Duration.ofHours(7)).toString()), "explainAd");
        assertThat(breakfast.get("plays").asBoolean()).isFalse();
        assertThat(breakfast.get("reason").asString()).isEqualTo("OUTSIDE_DAYPART");
        assertThat(breakfast.get("detail").asString()).contains(day + "T08:00", "Europe/Berlin");
        Instant firstAd = Instant.parse(berlinAds.getFirst().get("start").asString());
        JsonNode playing = api.get("/api/v1/players/" + berlin.id() + "/explain?campaignId=" + campaign + "&at="
                + firstAd.plusSeconds(5)).body();
        assertThat(playing.get("reason").asString()).isEqualTo("PLAYS");
        JsonNode capped = dataOf(api.graphQl(EXPLAIN, "player", berlin.id(), "campaign", campaign, "at",
                from.plus(Duration.ofMinutes(9 * 60 + 50)).plusSeconds(25).toString()), "explainAd");
        assertThat(capped.get("reason").asString()).isEqualTo("CAP_REACHED");

        JsonNode timeline = dataOf(api.graphQl(TIMELINE, "player", newYork.id(), "from", from.toString(), "to",
                from.plus(Duration.ofHours(1)).toString()), "playerTimeline");
        assertThat(timeline.get("timeZone").asString()).isEqualTo("America/New_York");
        assertThat(timeline.get("items").get("edges")).hasSize(120).allSatisfy(edge -> assertThat(edge.get("node")
                .get("file").get("url").asString()).endsWith("/content"));
        assertThat(timeline.get("items").get("pageInfo").get("hasNextPage").asBoolean()).isFalse();
    }

    @Test
    void a_screens_stream_hears_when_its_playlist_changes() throws Exception {
        Screen screen = register("Australia/Lord_Howe");
        AssetId content = assets.approved("Now", "/decisioning", MediaKind.IMAGE);
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/players/"
                        + screen.id() + "/playlist/changes"))
                .header("X-Api-Key", screen.key()).header("Accept", "text/event-stream").build();
        HttpResponse<java.io.InputStream> stream = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        Thread reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("data:")) {
                        events.add(line.substring(5));
                    }
                }
            } catch (java.io.IOException closed) {
                // the test is over
            }
        });
        try {
            String first = events.poll(10, TimeUnit.SECONDS);
            assertThat(first).as("the stream starts with the current ETag").contains("\"etag\"");

            scheduleAllDay(asAdmin(), content, List.of(screen.id()), LocalDate.now(ZoneOffset.UTC).minusDays(2));

            String changed = events.poll(15, TimeUnit.SECONDS);
            assertThat(changed).as("a change announced").isNotNull().contains(screen.id()).isNotEqualTo(first);
            String current = screen.api().get("/api/v1/players/" + screen.id() + "/playlist").headers()
                    .firstValue("ETag").orElseThrow();
            assertThat(changed).contains(current.replace("\"", "\\\""));
        } finally {
            reader.interrupt();
            client.shutdownNow();
        }
    }

    @Test
    void a_plays_goal_far_ahead_of_its_pace_waits_while_the_plays_it_delivered_say_so() throws InterruptedException {
        PlaymarkApi api = asAdmin();
        Screen screen = register("Europe/Berlin");
        AssetId content = assets.approved("Paced slide", "/decisioning", MediaKind.IMAGE);
        AssetId creative = assets.approved("Paced ad", "/decisioning", MediaKind.IMAGE);
        scheduleAllDay(api, content, List.of(screen.id()), LocalDate.now(ZoneOffset.UTC).minusDays(2));
        // a goal of 10 plays over two days, half gone: an even pace expects 5 by now
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(1));
        String campaign = dataOf(api.graphQl(CREATE_CAMPAIGN, "input", Map.of("name", "Paced", "advertiser", "Acme")),
                "createCampaign").get("id").asString();
        JsonNode booked = api.graphQl(FILL_IN.replace("f: bookCampaign", "g: setCampaignGoal(id: $id, goal: {kind: "
                        + "PLAYS, target: 10}) { id } f: bookCampaign"), "id", campaign,
                "flight", Map.of("start", start.toString(), "end", start.plus(Duration.ofDays(2)).toString()),
                "targeting", Map.of("tags", List.of(tag)),
                "creatives", List.of(Map.of("assetId", creative.value(), "orientation", "LANDSCAPE", "weight", 1)),
                "dayparts", List.of());
        assertThat(dataOf(booked, "f").get("status").asString()).isIn("BOOKED", "ACTIVE");

        // forty plays delivered yesterday: eight times the pace
        List<Map<String, Object>> plays = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            plays.add(io.playmark.infra.support.TestScreens.play(creative.value(), campaign,
                    start.plus(Duration.ofHours(2)).plusSeconds(30L * i), 10_000, "COMPLETED"));
        }
        PlaymarkApi.Response uploaded = screen.api().post("/api/v1/players/" + screen.id() + "/plays",
                Map.of("plays", plays));
        assertThat(uploaded.body().get("accepted").asInt()).as(uploaded.text()).isEqualTo(40);
        String delivered = "query($c: ID!, $from: Instant!, $to: Instant!) { campaignDelivery(campaignId: $c, from: "
                + "$from, to: $to) { totals { plays } } }";
        awaitUntil(() -> {
            JsonNode answer = api.graphQl(delivered, "c", campaign, "from", start.toString(), "to",
                    Instant.now().toString());
            return dataOf(answer, "campaignDelivery").get("totals").get("plays").asInt() == 40;
        });

        JsonNode ahead = dataOf(api.graphQl(EXPLAIN, "player", screen.id(), "campaign", campaign, "at",
                Instant.now().plusSeconds(60).toString()), "explainAd");
        assertThat(ahead.get("reason").asString()).isEqualTo("AHEAD_OF_PACE");
        assertThat(ahead.get("detail").asString()).contains("delivered 8");
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        JsonNode playlist = screen.api().get("/api/v1/players/" + screen.id() + "/playlist?from=" + hour + "&to="
                + hour.plus(Duration.ofHours(2))).body();
        assertThat(ads(playlist, campaign)).as("no ad while ahead of its pace").isEmpty();
    }

    @Test
    void a_window_that_is_too_long_or_not_a_time_is_refused_naming_the_field() {
        Screen screen = register("Europe/Berlin");
        PlaymarkApi.Response tooLong = screen.api().get("/api/v1/players/" + screen.id() + "/playlist?from="
                + "2026-12-10T00:00:00Z&to=2026-12-13T00:00:00Z");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body().get("field").asString()).isEqualTo("to");
        PlaymarkApi.Response noOffset = screen.api().get("/api/v1/players/" + screen.id()
                + "/playlist?from=2026-12-10T00:00");
        assertThat(noOffset.status()).isEqualTo(400);
        assertThat(asAdmin().get("/api/v1/players/" + UUID.randomUUID() + "/playlist").status()).isEqualTo(404);
    }

    private record Screen(String id, String key, PlaymarkApi api) {
    }

    private Screen register(String zone) {
        String id = UUID.randomUUID().toString();
        PlaymarkApi.Response registered = asAdmin().post("/api/v1/players", Map.of("id", id, "name", "Screen in " + zone,
                "location", Map.of("latitude", 52.52, "longitude", 13.405), "timeZone", zone, "tags", List.of(tag),
                "resolution", Map.of("width", 1920, "height", 1080), "hardwareProfile", "hd-h264",
                "loopLengthSeconds", 30));
        assertThat(registered.status()).as(registered.text()).isIn(200, 201);
        String key = registered.body().get("apiKey").asString();
        PlaymarkApi screen = asAdmin().withKey(key);
        awaitUntil(() -> asAdmin().get("/api/v1/players/" + id).status() == 200);
        return new Screen(id, key, screen);
    }

    /** A loop of 20 s content and one 10 s ad slot, all day every day in each player's time, from {@code start}. */
    private static void scheduleAllDay(PlaymarkApi api, AssetId content, List<String> players, LocalDate start) {
        String playlist = dataOf(api.graphQl(CREATE_PLAYLIST, "input", Map.of("name", "All day " + UUID.randomUUID(),
                "items", List.of(Map.of("assetId", content.value(), "durationMillis", 20_000)),
                "adSlots", Map.of("count", 1, "lengthSeconds", 10))), "createPlaylist").get("id").asString();
        dataOf(api.graphQl(CREATE_ENTRY, "input", Map.of("playlistId", playlist, "players", players, "priority", 1,
                "recurrence", Map.of("start", start + "T00:00", "durationMinutes", 1440, "rrule", "FREQ=DAILY"))),
                "createScheduleEntry");
    }

    private String bookLateMornings(PlaymarkApi api, AssetId creative) {
        String id = dataOf(api.graphQl(CREATE_CAMPAIGN, "input", Map.of("name", "Lemonade mornings",
                "advertiser", "Acme")), "createCampaign").get("id").asString();
        Instant start = day.minusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        JsonNode booked = api.graphQl(FILL_IN, "id", id,
                "flight", Map.of("start", start.toString(), "end", start.plus(Duration.ofDays(3)).toString()),
                "targeting", Map.of("tags", List.of(tag)),
                "creatives", List.of(Map.of("assetId", creative.value(), "orientation", "LANDSCAPE", "weight", 1)),
                "dayparts", List.of(Map.of("days", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY",
                        "SATURDAY", "SUNDAY"), "from", "10:00", "to", "12:00")));
        assertThat(dataOf(booked, "f").get("status").asString()).isEqualTo("BOOKED");
        return id;
    }

    private static List<JsonNode> ads(JsonNode playlist, String campaign) {
        assertThat(playlist.get("problems")).as(playlist.get("problems").toString()).isEmpty();
        return playlist.get("items").valueStream().filter(item -> campaign.equals(item.path("campaignId")
                .asString(null))).toList();
    }

    private static List<Integer> localHours(List<JsonNode> ads) {
        return ads.stream().map(ad -> OffsetDateTime.parse(ad.get("localStart").asString()).getHour())
                .collect(Collectors.toList());
    }

    private static byte[] gunzip(byte[] compressed) {
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(compressed))) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition) {
        Instant giveUp = Instant.now().plusSeconds(30);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited 30 s").isBefore(giveUp);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

}
