package io.playmark.infra.audit;

import io.playmark.infra.security.Role;
import io.playmark.infra.support.PlaymarkApi;
import io.playmark.infra.support.PlaymarkIntegrationTest;
import io.playmark.infra.support.TestAssets;
import io.playmark.kernel.asset.AssetId;
import io.playmark.kernel.asset.MediaKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The past of a screen: the player as it was at a moment, what its playlist is made from, the changes before, and
 * its timeline re-resolved from every input as it was then.
 */
class PastScreenIT extends PlaymarkIntegrationTest {

    private static final String CREATE_PLAYLIST = "mutation($input: PlaylistInput!) { createPlaylist(input: $input) "
            + "{ id } }";
    private static final String CREATE_ENTRY = "mutation($input: ScheduleEntryInput!) { createScheduleEntry(input: "
            + "$input) { id } }";
    private static final String PAST_PLAYLIST = "query($id: ID!, $at: Instant!) { screenPast(playerId: $id, at: $at) "
            + "{ playlist { at timeline { timeZone items(first: 500) { edges { node { kind assetId campaignId } } } } "
            + "playing { kind assetId campaignName } adSlot { winner campaigns { campaignId plays reason } } } } }";

    @Autowired
    private ApplicationContext playmark;

    @Test
    void a_screens_past_shows_the_player_then_its_inputs_and_only_the_changes_before_the_moment()
            throws InterruptedException {
        PlaymarkApi manager = as(Role.MANAGER);
        String player = UUID.randomUUID().toString();
        assertThat(manager.post("/api/v1/players", Map.of("id", player, "name", "Lobby east",
                "location", Map.of("latitude", 48.1374, "longitude", 11.5755), "timeZone", "Europe/Berlin",
                "resolution", Map.of("width", 1920, "height", 1080), "hardwareProfile", "hd-h264")).status())
                .isEqualTo(201);
        String group = dataOf(manager.graphQl("mutation($players: [ID!]) { createPlayerGroup(input: {name: "
                + "\"Lobbies\", players: $players}) { id } }", "players", List.of(player)), "createPlayerGroup")
                .get("id").asString();
        Thread.sleep(20);
        Instant moment = Instant.now();
        Thread.sleep(20);
        dataOf(asAdmin().graphQl("mutation($id: ID!) { updatePlayer(input: {id: $id, name: \"Lobby west\"}) { id } }",
                "id", player), "updatePlayer");

        PlaymarkApi auditor = as(Role.AUDITOR);
        String past = "/api/v1/audit/players/" + player + "/playlist?at=" + moment;
        JsonNode answer = auditor.get(past).body();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (answer.get("inputs").isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(200); // the player's membership is a read model
            answer = auditor.get(past).body();
        }

        assertThat(answer.get("player").get("state").get("name").asString()).isEqualTo("Lobby east");
        assertThat(answer.get("inputs").valueStream().map(input -> input.get("aggregateId").asString()
                + " " + input.get("role").asString() + " " + input.get("existed").asBoolean()))
                .contains(group + " group true");
        List<String> changes = answer.get("changes").valueStream().map(change -> change.get("type").asString())
                .toList();
        assertThat(changes).contains("PlayerRegisteredEvent", "PlayerGroupCreatedEvent");
        assertThat(answer.get("changes").valueStream().map(change -> Instant.parse(change.get("timestamp").asString())))
                .as("nothing after the moment").allMatch(at -> !at.isAfter(moment));
        assertThat(answer.get("changes").valueStream().map(change -> change.get("principal").asString()))
                .allMatch(principal -> principal.equals("test MANAGER"));

        JsonNode graphQl = dataOf(auditor.graphQl("query($id: ID!, $at: Instant!) { screenPast(playerId: $id, at: $at) "
                + "{ player { state } changes { type aggregateType principal timestamp } } }", "id", player,
                "at", moment.toString()), "screenPast");
        assertThat(graphQl.get("player").get("state").asString()).contains("Lobby east");

        assertThat(auditor.get("/api/v1/audit/players/" + UUID.randomUUID() + "/playlist?at=" + moment).status())
                .isEqualTo(404);
        assertThat(auditor.get("/api/v1/audit/players/" + player + "/playlist?at=2000-01-01T00:00:00Z").status())
                .as("not registered yet").isEqualTo(404);
        assertThat(auditor.get("/api/v1/audit/players/" + player + "/playlist?at=3").status()).isEqualTo(400);
        assertThat(as(Role.ANALYST).get(past).status()).isEqualTo(403);
    }

    @Test
    void the_past_playlist_is_resolved_from_the_schedule_and_campaign_as_they_were_then() throws InterruptedException {
        PlaymarkApi admin = asAdmin();
        TestAssets assets = TestAssets.of(playmark);
        String tag = "past-" + UUID.randomUUID().toString().substring(0, 8);
        String player = UUID.randomUUID().toString();
        assertThat(admin.post("/api/v1/players", Map.of("id", player, "name", "Past screen",
                "location", Map.of("latitude", 52.52, "longitude", 13.405), "timeZone", "Europe/Berlin",
                "tags", List.of(tag), "resolution", Map.of("width", 1920, "height", 1080),
                "hardwareProfile", "hd-h264", "loopLengthSeconds", 30)).status()).isEqualTo(201);
        AssetId before = assets.approved("Content then", "/past", MediaKind.IMAGE);
        AssetId after = assets.approved("Content now", "/past", MediaKind.IMAGE);
        AssetId adThen = assets.approved("Ad then", "/past", MediaKind.IMAGE);
        AssetId adNow = assets.approved("Ad now", "/past", MediaKind.IMAGE);
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        String entry = scheduleAllDay(admin, before, player, yesterday);
        String campaign = bookAllDay(admin, adThen, tag);
        String today = "/api/v1/players/" + player + "/playlist";
        awaitUntil(() -> assetsOf(admin.get(today).body(), "AD").contains(adThen.value()));
        PlaymarkApi auditor = as(Role.AUDITOR);
        // the entry is deleted below: only the audit index still knows it existed
        awaitUntil(() -> !auditor.get("/api/v1/audit/search?aggregateId=" + entry).body().get("items").isEmpty());

        Instant moment = duringTheNextAd(admin.get(today).body());
        Thread.sleep(50);
        dataOf(admin.graphQl("mutation($id: ID!) { deleteScheduleEntry(id: $id) }", "id", entry), "deleteScheduleEntry");
        scheduleAllDay(admin, after, player, yesterday);
        dataOf(admin.graphQl("mutation($id: ID!, $creatives: [CreativeInput!]!) { setCampaignCreatives(id: $id, "
                        + "creatives: $creatives) { id } }", "id", campaign, "creatives", List.of(Map.of("assetId",
                        adNow.value(), "orientation", "LANDSCAPE", "weight", 1))), "setCampaignCreatives");
        awaitUntil(() -> {
            JsonNode now = admin.get(today).body();
            return assetsOf(now, "AD").equals(Set.of(adNow.value()))
                    && assetsOf(now, "CONTENT").equals(Set.of(after.value()));
        });

        JsonNode then = auditor.get("/api/v1/audit/players/" + player + "/playlist?at=" + moment).body();
        JsonNode timeline = then.get("playlist").get("timeline");
        assertThat(assetsOf(timeline, "CONTENT")).as("the deleted entry's playlist").containsExactly(before.value());
        assertThat(assetsOf(timeline, "AD")).as("the creative before the change").containsExactly(adThen.value());
        assertThat(Instant.parse(timeline.get("from").asString())).isEqualTo(moment.truncatedTo(ChronoUnit.HOURS));
        assertThat(timeline.get("files").get(adThen.value()).get("url").asString())
                .isEqualTo("/api/v1/assets/" + adThen.value() + "/content");
        JsonNode playing = then.get("playlist").get("playing");
        assertThat(playing.get("kind").asString()).isEqualTo("AD");
        assertThat(playing.get("assetId").asString()).isEqualTo(adThen.value());
        JsonNode slot = then.get("playlist").get("adSlot");
        assertThat(slot.get("winner").asString()).isEqualTo(campaign);
        assertThat(slot.get("campaigns").get(0).get("reason").asString()).isEqualTo("PLAYS");
        assertThat(then.get("player").get("state").get("name").asString()).isEqualTo("Past screen");
        assertThat(then.get("inputs").valueStream().map(input -> input.get("aggregateId").asString() + " "
                + input.get("role").asString())).as("the entry deleted since").contains(entry + " schedule-entry",
                campaign + " campaign");
        assertThat(then.get("changes").valueStream().map(change -> change.get("type").asString()))
                .contains("ScheduleEntryDefinedEvent", "CampaignCreativesSetEvent")
                .doesNotContain("ScheduleEntryDeletedEvent");

        Instant later = Instant.now();
        JsonNode now = auditor.get("/api/v1/audit/players/" + player + "/playlist?at=" + later).body()
                .get("playlist").get("timeline");
        assertThat(assetsOf(now, "CONTENT")).containsExactly(after.value());
        assertThat(assetsOf(now, "AD")).containsExactly(adNow.value());

        JsonNode graphQl = dataOf(auditor.graphQl(PAST_PLAYLIST, "id", player, "at", moment.toString()), "screenPast")
                .get("playlist");
        assertThat(graphQl.get("timeline").get("items").get("edges").valueStream()
                .map(edge -> edge.get("node").get("assetId").asString()).distinct())
                .containsExactlyInAnyOrder(before.value(), adThen.value());
        assertThat(graphQl.get("playing").get("campaignName").asString()).isEqualTo("Past ads");
        assertThat(graphQl.get("adSlot").get("winner").asString()).isEqualTo(campaign);

        String window = "/api/v1/audit/players/" + player + "/playlist?at=" + moment + "&from=" + moment.plusSeconds(60)
                + "&to=" + moment.plusSeconds(120);
        assertThat(auditor.get(window).status()).as("a window that does not hold the moment").isEqualTo(400);
        JsonNode longer = auditor.get("/api/v1/audit/players/" + player + "/playlist?at=" + moment + "&from="
                + moment.minusSeconds(3600) + "&to=" + moment.plusSeconds(3600)).body().get("playlist");
        assertThat(Duration.between(Instant.parse(longer.get("timeline").get("from").asString()),
                Instant.parse(longer.get("timeline").get("to").asString()))).isEqualTo(Duration.ofHours(2));
    }

    /** A loop of 20 s content and one 10 s ad slot, all day every day on the player, from {@code start}. */
    private static String scheduleAllDay(PlaymarkApi api, AssetId content, String player, LocalDate start) {
        String playlist = dataOf(api.graphQl(CREATE_PLAYLIST, "input", Map.of("name", "Past " + UUID.randomUUID(),
                "items", List.of(Map.of("assetId", content.value(), "durationMillis", 20_000)),
                "adSlots", Map.of("count", 1, "lengthSeconds", 10))), "createPlaylist").get("id").asString();
        return dataOf(api.graphQl(CREATE_ENTRY, "input", Map.of("playlistId", playlist, "players", List.of(player),
                "priority", 1, "recurrence", Map.of("start", start + "T00:00", "durationMinutes", 1440,
                        "rrule", "FREQ=DAILY"))), "createScheduleEntry").get("id").asString();
    }

    private static String bookAllDay(PlaymarkApi api, AssetId creative, String tag) {
        String id = dataOf(api.graphQl("mutation($input: CreateCampaignInput!) { createCampaign(input: $input) "
                + "{ id } }", "input", Map.of("name", "Past ads", "advertiser", "Acme")), "createCampaign")
                .get("id").asString();
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(2));
        JsonNode booked = api.graphQl("mutation($id: ID!, $flight: FlightInput!, $targeting: TargetingInput!, "
                        + "$creatives: [CreativeInput!]!) { a: setCampaignFlight(id: $id, flight: $flight) { id } "
                        + "b: setCampaignTargeting(id: $id, targeting: $targeting) { id } "
                        + "c: setCampaignCreatives(id: $id, creatives: $creatives) { id } "
                        + "f: bookCampaign(id: $id) { status } }", "id", id,
                "flight", Map.of("start", start.toString(), "end", start.plus(Duration.ofDays(2)).toString()),
                "targeting", Map.of("tags", List.of(tag)),
                "creatives", List.of(Map.of("assetId", creative.value(), "orientation", "LANDSCAPE", "weight", 1)));
        assertThat(dataOf(booked, "f").get("status").asString()).isIn("BOOKED", "ACTIVE");
        return id;
    }

    /** Waits for the next ad of today's playlist to start, and answers a moment inside it. */
    private static Instant duringTheNextAd(JsonNode playlist) throws InterruptedException {
        Instant soon = Instant.now().plusSeconds(1);
        JsonNode ad = playlist.get("items").valueStream().filter(item -> "AD".equals(item.get("kind").asString()))
                .filter(item -> Instant.parse(item.get("start").asString()).isAfter(soon)).findFirst().orElseThrow();
        Instant start = Instant.parse(ad.get("start").asString());
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), start).toMillis()) + 1_000);
        return Instant.now();
    }

    private static Set<String> assetsOf(JsonNode playlist, String kind) {
        return playlist.get("items").valueStream().filter(item -> kind.equals(item.get("kind").asString()))
                .map(item -> item.get("assetId").asString()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
        Instant giveUp = Instant.now().plusSeconds(30);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited 30 s").isBefore(giveUp);
            Thread.sleep(100);
        }
    }
}
