package io.playmark.infra.play;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.playmark.infra.support.PlaymarkApi;
import io.playmark.infra.support.PlaymarkIntegrationTest;
import io.playmark.infra.support.ProcessorWatch;
import io.playmark.infra.support.TestAssets;
import io.playmark.infra.support.TestScreens;
import io.playmark.infra.support.TestScreens.Screen;
import io.playmark.kernel.asset.MediaKind;
import io.playmark.query.play.PlayAnalyticsProjection;
import io.playmark.query.play.PlayIndex;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.playmark.infra.support.TestScreens.play;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two screens play a campaign for part of a day, one goes offline and uploads its backlog late, some batches are sent
 * twice: the delivery GraphQL answers count every play once, show the offline hours open until their plays arrive,
 * and flag the play of an unknown asset.
 */
class PlayAnalyticsIT extends PlaymarkIntegrationTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final String DELIVERY = """
            query($campaign: ID!, $from: Instant!, $to: Instant!, $interval: DeliveryInterval!, $zone: String!) {
              campaignDelivery(campaignId: $campaign, from: $from, to: $to, interval: $interval, zone: $zone) {
                zone complete
                totals { plays completed interrupted failed skipped completionRate playedMs impressions }
                periods { start localStart open counts { plays completed } }
                openPeriods { playerId from to }
                players { id name counts { plays completed } } topAssets { id name counts { plays } }
                locations(precision: 3) { geohash latitude longitude counts { plays } }
                groups { id name counts { plays } }
                failures { error plays } } }""";
    private static final String FLAGGED = "query($after: String) { flaggedPlays(first: 100, after: $after) { "
            + "edges { cursor node { playId assetId assetName playerName campaignName outcome flags } } "
            + "pageInfo { hasNextPage endCursor } } }";
    private static final String ROLLUP = "query($player: ID!, $campaign: ID, $asset: ID!, $hour: Instant!) { "
            + "playRollup(playerId: $player, campaignId: $campaign, assetId: $asset, hour: $hour) { "
            + "plays completed failed playedMs impressions } }";
    private static final String REPORTING = "query($player: ID!) { playerReporting(playerId: $player) { completeUntil } }";

    @Autowired
    private ApplicationContext playmark;
    @Autowired
    private ElasticsearchClient elasticsearch;

    private final Instant day = LocalDate.now(BERLIN).minusDays(2).atStartOfDay(BERLIN).toInstant();

    private String asset() {
        TestAssets assets = TestAssets.of(playmark);
        return assets.register("Winter sale 15s", "winter.mp4", "/pop", Set.of(), assets.store(
                TestAssets.randomBytes(1000), "video/mp4"), "video/mp4", MediaKind.VIDEO).value();
    }

    private String campaign(PlaymarkApi admin) {
        JsonNode created = admin.graphQl("mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }",
                "input", Map.of("name", "Winter sale " + UUID.randomUUID(), "advertiser", "Acme"));
        return created.get("data").get("createCampaign").get("id").asString();
    }

    /** Four completed plays of 15 s in each of these hours after midnight in Berlin. */
    private List<Map<String, Object>> hours(String asset, String campaign, int fromHour, int toHour) {
        List<Map<String, Object>> plays = new ArrayList<>();
        for (int hour = fromHour; hour < toHour; hour++) {
            for (int i = 0; i < 4; i++) {
                Map<String, Object> play = play(asset, campaign, day.plus(Duration.ofHours(hour)).plusSeconds(900L * i),
                        15_000, "COMPLETED");
                play.put("audience", Map.of("impressions", 2, "dwellMs", 3_000));
                plays.add(play);
            }
        }
        return plays;
    }

    private void uploaded(Screen screen, List<Map<String, Object>> plays, int accepted) throws IOException, InterruptedException {
        PlaymarkApi.Response answer = screen.upload(plays);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.body().get("accepted").asInt()).as(answer.text()).isEqualTo(accepted);
        assertThat(answer.body().get("duplicates").asInt()).as(answer.text()).isEqualTo(plays.size() - accepted);
        // every segment, since a batch's plays fall on all of them
        ProcessorWatch.await(asAdmin(), PlayAnalyticsProjection.PROCESSING_GROUP, "caught up",
                ProcessorWatch.caughtUpWithTheHead(), Duration.ofSeconds(30));
        elasticsearch.indices().refresh(r -> r.index(PlayIndex.ALIAS));
    }

    private JsonNode delivery(PlaymarkApi analyst, String campaign, String interval, String zone) {
        JsonNode answer = analyst.graphQl(DELIVERY, "campaign", campaign, "from", day.toString(),
                "to", day.plus(Duration.ofHours(24)).toString(), "interval", interval, "zone", zone);
        assertThat(answer.has("errors")).as(answer.toString()).isFalse();
        return answer.get("data").get("campaignDelivery");
    }

    @Test
    void delivery_counts_every_play_once_and_shows_the_offline_hours_open_until_their_plays_arrive() throws Exception {
        PlaymarkApi admin = asAdmin();
        PlaymarkApi analyst = as(io.playmark.infra.security.Role.ANALYST);
        String asset = asset();
        String campaign = campaign(admin);
        String lobbyName = "Lobby " + UUID.randomUUID();
        String mallName = "Mall " + UUID.randomUUID();
        Screen lobby = TestScreens.register(admin, port, lobbyName, "Europe/Berlin", 52.52, 13.41, List.of("lobby"));
        Screen mall = TestScreens.register(admin, port, mallName, "Europe/Berlin", 48.14, 11.58, List.of("mall"));
        String groupName = "Lobbies " + UUID.randomUUID();
        String group = admin.graphQl("mutation($input: PlayerGroupInput!) { createPlayerGroup(input: $input) { id } }",
                "input", Map.of("name", groupName, "players", List.of(lobby.id()))).get("data")
                .get("createPlayerGroup").get("id").asString();

        List<Map<String, Object>> lobbyLive = hours(asset, campaign, 0, 3);
        uploaded(lobby, lobbyLive, 12);
        uploaded(lobby, lobbyLive, 0);
        List<Map<String, Object>> mallPlays = hours(asset, campaign, 0, 6);
        mallPlays.get(1).put("outcome", "FAILED");
        mallPlays.get(1).put("error", "decoder: unsupported profile");
        mallPlays.get(1).put("durationMs", 0);
        mallPlays.get(2).put("outcome", "INTERRUPTED");
        mallPlays.get(2).put("durationMs", 5_000);
        uploaded(mall, mallPlays, 24);

        JsonNode whileOffline = delivery(analyst, campaign, "HOUR", "Europe/Berlin");
        assertThat(whileOffline.get("totals").get("plays").asLong()).isEqualTo(36);
        assertThat(whileOffline.get("complete").asBoolean()).isFalse();
        Map<String, String> openFrom = new java.util.HashMap<>();
        whileOffline.get("openPeriods").forEach(open -> openFrom.put(open.get("playerId").asString(),
                open.get("from").asString()));
        assertThat(Instant.parse(openFrom.get(lobby.id()))).isEqualTo(day.plus(Duration.ofHours(2)));
        assertThat(Instant.parse(openFrom.get(mall.id()))).isEqualTo(day.plus(Duration.ofHours(5)));
        JsonNode hourTwo = whileOffline.get("periods").get(2);
        assertThat(hourTwo.get("localStart").asString()).endsWith("T02:00+01:00");
        assertThat(hourTwo.get("open").asBoolean()).isTrue();
        assertThat(whileOffline.get("periods").get(1).get("open").asBoolean()).isFalse();

        // back online: the backlog of hours 3 to 5 (oldest first), one batch of it sent twice
        List<Map<String, Object>> backlog = hours(asset, campaign, 3, 6);
        uploaded(lobby, backlog, 12);
        uploaded(lobby, backlog.subList(4, 12), 0);

        JsonNode byHour = delivery(analyst, campaign, "HOUR", "Europe/Berlin");
        JsonNode totals = byHour.get("totals");
        assertThat(totals.get("plays").asLong()).isEqualTo(48);
        assertThat(totals.get("completed").asLong()).isEqualTo(46);
        assertThat(totals.get("failed").asLong()).isEqualTo(1);
        assertThat(totals.get("interrupted").asLong()).isEqualTo(1);
        assertThat(totals.get("completionRate").asDouble()).isEqualTo(46.0 / 48);
        assertThat(totals.get("playedMs").asLong()).isEqualTo(46 * 15_000L + 5_000);
        assertThat(totals.get("impressions").asLong()).isEqualTo(96);
        assertThat(byHour.get("periods").size()).isEqualTo(6);
        assertThat(byHour.get("periods").valueStream().mapToLong(p -> p.get("counts").get("plays").asLong()).sum())
                .isEqualTo(48);
        byHour.get("openPeriods").forEach(open ->
                assertThat(Instant.parse(open.get("from").asString())).isEqualTo(day.plus(Duration.ofHours(5))));
        assertThat(byHour.get("periods").get(2).get("open").asBoolean()).isFalse();

        assertThat(byHour.get("players").valueStream().map(player -> player.get("name").asString() + ": "
                + player.get("counts").get("plays").asLong() + "/" + player.get("counts").get("completed").asLong()))
                .containsExactlyInAnyOrder(lobbyName + ": 24/24", mallName + ": 24/22");
        assertThat(byHour.get("groups").valueStream().map(each -> each.get("id").asString() + " "
                + each.get("name").asString() + ": " + each.get("counts").get("plays").asLong()))
                .containsExactly(group + " " + groupName + ": 24");
        // Berlin's and Munich's screens, far apart: a cell each, centred on the screen
        assertThat(byHour.get("locations").valueStream().map(cell -> cell.get("geohash").asString() + " "
                + Math.round(cell.get("latitude").asDouble()) + ": " + cell.get("counts").get("plays").asLong()))
                .containsExactlyInAnyOrder("u33 53: 24", "u28 48: 24");
        assertThat(byHour.get("topAssets").get(0).get("name").asString()).isEqualTo("Winter sale 15s");
        assertThat(byHour.get("topAssets").get(0).get("counts").get("plays").asLong()).isEqualTo(48);
        assertThat(byHour.get("failures").get(0).get("error").asString()).isEqualTo("decoder: unsupported profile");
        assertThat(byHour.get("failures").get(0).get("plays").asLong()).isEqualTo(1);

        // a flight from the day's midnight over four days (half of it passed: 2 of 4 days), a goal of 200 plays
        Instant flightEnd = day.plus(Duration.ofDays(4));
        admin.graphQl("mutation($id: ID!, $start: Instant!, $end: Instant!) { setCampaignFlight(id: $id, flight: "
                + "{start: $start, end: $end}) { id } }", "id", campaign, "start", day.toString(), "end",
                flightEnd.toString());
        admin.graphQl("mutation($id: ID!) { setCampaignGoal(id: $id, goal: {kind: PLAYS, target: 200}) { id } }",
                "id", campaign);
        JsonNode goal = analyst.graphQl("query($c: ID!, $from: Instant!, $to: Instant!) { campaignDelivery(campaignId: "
                + "$c, from: $from, to: $to) { goal { kind target delivered expected progress pacing } } }", "c",
                campaign, "from", day.toString(), "to", day.plus(Duration.ofHours(1)).toString())
                .get("data").get("campaignDelivery").get("goal");
        assertThat(goal.get("kind").asString()).isEqualTo("PLAYS");
        assertThat(goal.get("delivered").asLong()).as("over the flight, not the range asked").isEqualTo(48);
        assertThat(goal.get("progress").asDouble()).isEqualTo(48 / 200.0);
        double expected = 200.0 * Duration.between(day, Instant.now()).toMillis() / Duration.ofDays(4).toMillis();
        assertThat(goal.get("expected").asDouble()).isCloseTo(expected, org.assertj.core.data.Offset.offset(1.0));
        assertThat(goal.get("pacing").asDouble()).isCloseTo(48 / expected, org.assertj.core.data.Offset.offset(0.05));

        JsonNode byDay = delivery(analyst, campaign, "DAY", "Europe/Berlin");
        assertThat(byDay.get("periods").size()).isEqualTo(1);
        assertThat(byDay.get("periods").get(0).get("localStart").asString()).endsWith("T00:00+01:00");
        assertThat(byDay.get("periods").get(0).get("counts").get("plays").asLong()).isEqualTo(48);
        // midnight in Berlin is 23:00 UTC the day before: by UTC days the same plays fall on two
        assertThat(delivery(analyst, campaign, "DAY", "UTC").get("periods").size()).isEqualTo(2);

        JsonNode rollup = analyst.graphQl(ROLLUP, "player", mall.id(), "campaign", campaign, "asset", asset,
                "hour", day.toString()).get("data").get("playRollup");
        assertThat(rollup.get("plays").asLong()).isEqualTo(4);
        assertThat(rollup.get("completed").asLong()).isEqualTo(2);
        assertThat(rollup.get("failed").asLong()).isEqualTo(1);
        assertThat(rollup.get("playedMs").asLong()).isEqualTo(2 * 15_000L + 5_000);
        assertThat(rollup.get("impressions").asLong()).isEqualTo(8);

        JsonNode reporting = analyst.graphQl(REPORTING, "player", lobby.id()).get("data").get("playerReporting");
        assertThat(Instant.parse(reporting.get("completeUntil").asString())).isEqualTo(day.plus(Duration.ofHours(5)));
    }

    @Test
    void a_play_of_an_unknown_asset_or_campaign_is_kept_counted_and_flagged() throws Exception {
        PlaymarkApi admin = asAdmin();
        String asset = asset();
        String campaign = campaign(admin);
        Screen screen = TestScreens.register(admin, port, "Flagging " + UUID.randomUUID(), "Europe/Berlin", 52.5,
                13.4, List.of());
        String unknownAsset = UUID.randomUUID().toString();
        String unknownCampaign = UUID.randomUUID().toString();
        Instant at = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        List<Map<String, Object>> plays = List.of(play(unknownAsset, campaign, at, 15_000, "COMPLETED"),
                play(asset, unknownCampaign, at.plusSeconds(15), 15_000, "COMPLETED"),
                play(asset, campaign, at.plusSeconds(30), 15_000, "COMPLETED"));
        uploaded(screen, plays, 3);

        Map<String, JsonNode> flagged = new java.util.HashMap<>();
        String after = null;
        do {
            JsonNode page = admin.graphQl(FLAGGED, "after", after).get("data").get("flaggedPlays");
            page.get("edges").forEach(edge -> flagged.put(edge.get("node").get("playId").asString(), edge.get("node")));
            after = page.get("pageInfo").get("hasNextPage").asBoolean()
                    ? page.get("pageInfo").get("endCursor").asString() : null;
        } while (after != null);

        JsonNode unknownAssetPlay = flagged.get((String) plays.get(0).get("playId"));
        assertThat(unknownAssetPlay.get("flags").valueStream().map(JsonNode::asString)).containsExactly("UNKNOWN_ASSET");
        assertThat(unknownAssetPlay.get("assetName").isNull()).isTrue();
        assertThat(unknownAssetPlay.get("campaignName").asString()).startsWith("Winter sale");
        JsonNode unknownCampaignPlay = flagged.get((String) plays.get(1).get("playId"));
        assertThat(unknownCampaignPlay.get("flags").valueStream().map(JsonNode::asString))
                .containsExactly("UNKNOWN_CAMPAIGN");
        assertThat(unknownCampaignPlay.get("assetName").asString()).isEqualTo("Winter sale 15s");
        assertThat(flagged).doesNotContainKey((String) plays.get(2).get("playId"));

        JsonNode delivery = admin.graphQl(DELIVERY, "campaign", campaign, "from", at.minusSeconds(60).toString(),
                "to", at.plusSeconds(3600).toString(), "interval", "HOUR", "zone", "UTC")
                .get("data").get("campaignDelivery");
        assertThat(delivery.get("totals").get("plays").asLong()).isEqualTo(2);
    }
}
