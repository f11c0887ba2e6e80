package io.playmark.infra.campaign;

import io.playmark.infra.support.PlaymarkApi;
import io.playmark.infra.support.PlaymarkIntegrationTest;
import io.playmark.infra.support.TestAssets;
import io.playmark.kernel.asset.ApproveAssetCommand;
import io.playmark.kernel.asset.AssetId;
import io.playmark.kernel.asset.MediaKind;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.jobrunr.JobRunrDeadlineManager;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A campaign's life through GraphQL: created as a draft, filled in, refused at booking while its creative is not
 * approved, booked, paused and resumed, and started and completed by its flight through JobRunr deadlines.
 */
class CampaignLifecycleIT extends PlaymarkIntegrationTest {

    private static final String FIELDS = "id status version flight { start end } tier preemptible"
            + " dayparts { days from to crossesMidnight } targeting { tags centre { latitude longitude } radiusMetres }"
            + " creatives { assetId orientation weight } goal { kind target }"
            + " caps { maxPlaysPerHour maxPlaysPerDay minMinutesBetweenPlays } separation { category minMinutesApart }";
    private static final String CREATE = "mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { "
            + FIELDS + " } }";
    private static final String FLIGHT = "mutation($id: ID!, $flight: FlightInput!) { setCampaignFlight(id: $id,"
            + " flight: $flight) { " + FIELDS + " } }";
    private static final String DAYPARTS = "mutation($id: ID!, $dayparts: [DaypartInput!]!) { setCampaignDayparts("
            + "id: $id, dayparts: $dayparts) { " + FIELDS + " } }";
    private static final String TARGETING = "mutation($id: ID!, $targeting: TargetingInput!) { setCampaignTargeting("
            + "id: $id, targeting: $targeting) { " + FIELDS + " } }";
    private static final String CREATIVES = "mutation($id: ID!, $creatives: [CreativeInput!]!) {"
            + " setCampaignCreatives(id: $id, creatives: $creatives) { " + FIELDS + " } }";
    private static final String PRIORITY = "mutation($id: ID!) { setCampaignPriority(id: $id, tier: SPONSORSHIP,"
            + " preemptible: false) { " + FIELDS + " } }";
    private static final String GOAL = "mutation($id: ID!) { setCampaignGoal(id: $id, goal: {kind: PLAYS,"
            + " target: 5000}) { " + FIELDS + " } }";
    private static final String CAPS = "mutation($id: ID!) { setCampaignCaps(id: $id, caps: {maxPlaysPerHour: 4,"
            + " maxPlaysPerDay: 40, minMinutesBetweenPlays: 10}) { " + FIELDS + " } }";
    private static final String SEPARATION = "mutation($id: ID!) { setCampaignSeparation(id: $id, separation:"
            + " {category: \"Soft Drinks\", minMinutesApart: 15}) { " + FIELDS + " } }";
    private static final String BY_ID = "query($id: ID!) { campaign(id: $id) { " + FIELDS + " } }";
    private static final String BY_STATUS = "query($status: CampaignStatus) { campaigns(first: 100, status: $status)"
            + " { edges { node { id status } } } }";

    @Autowired
    private ApplicationContext playmark;
    @Autowired
    private CommandGateway commands;
    @Autowired
    private DeadlineManager deadlines;
    @Autowired
    private MongoTemplate mongo;

    private TestAssets assets;

    /** The screen the bookings reach: landscape, tagged "lobby", with a profile that plays the test creatives. */
    /** playmark.event-store.snapshot-threshold */
    private static final int SNAPSHOT_THRESHOLD = 100;
    private static final String LOBBY_PLAYER = "6b1f0c1e-7d43-4c38-9a51-2f4a3c8e0d11";

    @BeforeEach
    void setUp() throws InterruptedException {
        assets = TestAssets.of(playmark);
        PlaymarkApi.Response registered = asAdmin().post("/api/v1/players", Map.of("id", LOBBY_PLAYER,
                "name", "Campaign lifecycle lobby", "location", Map.of("latitude", 52.52, "longitude", 13.405),
                "address", "Alexanderplatz 1, 10178 Berlin", "timeZone", "Europe/Berlin", "tags", List.of("lobby"),
                "resolution", Map.of("width", 1920, "height", 1080), "hardwareProfile", "hd-h264"));
        assertThat(registered.status()).as(registered.text()).isIn(200, 201);
        Instant giveUp = Instant.now().plusSeconds(30);
        while (asAdmin().get("/api/v1/players/" + LOBBY_PLAYER).status() != 200 && Instant.now().isBefore(giveUp)) {
            Thread.sleep(100);
        }
    }

    @Test
    void a_draft_is_filled_in_and_every_setting_reads_back() {
        PlaymarkApi api = asAdmin();
        String id = draft(api);
        Instant start = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);

        data(api.graphQl(FLIGHT, "id", id, "flight", flight(start, start.plus(Duration.ofDays(7)))),
                "setCampaignFlight");
        JsonNode dayparts = data(api.graphQl(DAYPARTS, "id", id, "dayparts", List.of(Map.of("days",
                List.of("FRIDAY", "SATURDAY"), "from", "22:00", "to", "02:00"))), "setCampaignDayparts");
        data(api.graphQl(TARGETING, "id", id, "targeting", Map.of("tags", List.of("Lobby"), "radius",
                Map.of("centre", Map.of("latitude", 52.52, "longitude", 13.405), "metres", 5000))),
                "setCampaignTargeting");
        data(api.graphQl(PRIORITY, "id", id), "setCampaignPriority");
        data(api.graphQl(GOAL, "id", id), "setCampaignGoal");
        data(api.graphQl(CAPS, "id", id), "setCampaignCaps");
        JsonNode campaign = data(api.graphQl(SEPARATION, "id", id), "setCampaignSeparation");

        assertThat(dayparts.get("dayparts").get(0).get("crossesMidnight").asBoolean()).isTrue();
        assertThat(campaign.get("status").asString()).isEqualTo("DRAFT");
        assertThat(Instant.parse(campaign.get("flight").get("start").asString())).isEqualTo(start);
        assertThat(campaign.get("dayparts").get(0).get("days").toString()).isEqualTo("[\"FRIDAY\",\"SATURDAY\"]");
        assertThat(campaign.get("targeting").get("tags").get(0).asString()).isEqualTo("lobby");
        assertThat(campaign.get("targeting").get("radiusMetres").asDouble()).isEqualTo(5000.0);
        assertThat(campaign.get("tier").asString()).isEqualTo("SPONSORSHIP");
        assertThat(campaign.get("preemptible").asBoolean()).isFalse();
        assertThat(campaign.get("goal").get("target").asLong()).isEqualTo(5000);
        assertThat(campaign.get("caps").get("minMinutesBetweenPlays").asInt()).isEqualTo(10);
        assertThat(campaign.get("separation").get("category").asString()).isEqualTo("soft drinks");
        assertThat(campaign.get("version").asInt()).isEqualTo(7);
    }

    @Test
    void booking_is_refused_naming_each_broken_rule_until_the_creative_is_approved() {
        PlaymarkApi api = asAdmin();
        String id = draft(api);

        JsonNode empty = api.graphQl(book(), "id", id);
        assertThat(rules(empty)).containsExactly("flight required", "targeting required", "creatives required");
        assertThat(empty.get("errors").get(0).get("extensions").get("classification").asString())
                .isEqualTo("CONFLICT");

        AssetId asset = landscapeImage();
        Instant start = Instant.now().plus(Duration.ofDays(1));
        fillIn(api, id, start, start.plus(Duration.ofDays(2)), asset);
        JsonNode pending = api.graphQl(book(), "id", id);
        assertThat(rules(pending)).containsExactly("creatives[0].assetId approved");
        assertThat(pending.get("errors").get(0).get("message").asString())
                .isEqualTo("asset " + asset.value() + " is not approved (PENDING)");

        approve(asset);
        JsonNode booked = data(api.graphQl(book(), "id", id), "bookCampaign");
        assertThat(booked.get("status").asString()).isEqualTo("BOOKED");
        assertThat(statusesListed("BOOKED")).contains(id);
        assertThat(statusesListed("DRAFT")).doesNotContain(id);
    }

    @Test
    void a_campaign_loaded_from_its_snapshot_keeps_every_setting() throws InterruptedException {
        PlaymarkApi api = asAdmin();
        String id = draft(api);
        AssetId asset = landscapeImage();
        approve(asset);
        Instant start = Instant.now().plus(Duration.ofDays(1));
        fillIn(api, id, start, start.plus(Duration.ofDays(2)), asset);
        for (int rename = 0; rename < SNAPSHOT_THRESHOLD; rename++) {
            data(api.graphQl("mutation($id: ID!, $name: String!) { renameCampaign(id: $id, name: $name) { id } }",
                    "id", id, "name", "Snapshot " + rename), "renameCampaign");
        }
        Instant giveUp = Instant.now().plusSeconds(30);
        while (mongo.getCollection("snapshots").countDocuments(new Document("_id", id)) == 0
                && Instant.now().isBefore(giveUp)) {
            Thread.sleep(100);
        }
        assertThat(mongo.getCollection("snapshots").countDocuments(new Document("_id", id)))
                .as("a snapshot after %s events", SNAPSHOT_THRESHOLD).isEqualTo(1);

        JsonNode booked = api.graphQl(book(), "id", id);

        assertThat(data(booked, "bookCampaign").get("status").asString()).as(booked.toString()).isEqualTo("BOOKED");
    }

    @Test
    void an_asset_in_use_is_not_deleted_and_says_who_uses_it_until_they_no_longer_do() {
        PlaymarkApi api = asAdmin();
        String campaign = draft(api);
        AssetId asset = landscapeImage();
        approve(asset);
        Instant start = Instant.now().plus(Duration.ofDays(1));
        fillIn(api, campaign, start, start.plus(Duration.ofDays(2)), asset);
        String playlist = data(api.graphQl("mutation($input: PlaylistInput!) { createPlaylist(input: $input) { id } }",
                "input", Map.of("name", "Uses " + asset.value(), "items",
                        List.of(Map.of("assetId", asset.value(), "durationMillis", 10_000)))), "createPlaylist")
                .get("id").asString();

        JsonNode used = data(api.graphQl("query($id: ID!) { asset(id: $id) { usedBy { kind id name } } }",
                "id", asset.value()), "asset").get("usedBy");
        assertThat(used.valueStream().map(use -> use.get("kind").asString() + ":" + use.get("id").asString()))
                .containsExactly("CAMPAIGN:" + campaign, "PLAYLIST:" + playlist);
        JsonNode refused = deleteAsset(api, asset);
        assertThat(refused.get("ok").asBoolean()).isFalse();
        assertThat(refused.get("error").get("classification").asString()).isEqualTo("CONFLICT");
        assertThat(refused.get("error").get("message").asString()).contains(campaign, playlist);

        data(api.graphQl("mutation($id: ID!) { deletePlaylist(id: $id) }", "id", playlist), "deletePlaylist");
        data(api.graphQl(lifecycle("archiveCampaign"), "id", campaign), "archiveCampaign");

        assertThat(deleteAsset(api, asset).get("ok").asBoolean()).isTrue();
    }

    private static JsonNode deleteAsset(PlaymarkApi api, AssetId asset) {
        return data(api.graphQl("mutation($ids: [ID!]!) { deleteAssets(ids: $ids) { id ok error { classification "
                + "message } } }", "ids", List.of(asset.value())), "deleteAssets").get(0);
    }

    @Test
    void an_active_campaign_pauses_and_resumes_and_a_draft_cannot_be_paused() {
        PlaymarkApi api = asAdmin();
        String id = draft(api);
        AssetId asset = landscapeImage();
        approve(asset);
        fillIn(api, id, Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofDays(1)), asset);

        assertThat(data(api.graphQl(book(), "id", id), "bookCampaign").get("status").asString()).isEqualTo("ACTIVE");
        assertThat(data(api.graphQl(lifecycle("pauseCampaign"), "id", id), "pauseCampaign").get("status")
                .asString()).isEqualTo("PAUSED");
        assertThat(data(api.graphQl(lifecycle("resumeCampaign"), "id", id), "resumeCampaign").get("status")
                .asString()).isEqualTo("ACTIVE");

        JsonNode refused = api.graphQl(lifecycle("pauseCampaign"), "id", draft(api));
        assertThat(rules(refused)).containsExactly("status transition");
        JsonNode archiveActive = api.graphQl(lifecycle("archiveCampaign"), "id", id);
        assertThat(rules(archiveActive)).containsExactly("status transition");
    }

    @Test
    void a_booked_campaign_turns_active_at_its_flight_start_and_completed_at_its_end_by_itself() {
        assertThat(deadlines).as("deadlines are JobRunr jobs in the shared store")
                .isInstanceOf(JobRunrDeadlineManager.class);
        PlaymarkApi api = asAdmin();
        String id = draft(api);
        AssetId asset = landscapeImage();
        approve(asset);
        Instant start = Instant.now().plusSeconds(3);
        fillIn(api, id, start, start.plusSeconds(4), asset);
        assertThat(data(api.graphQl(book(), "id", id), "bookCampaign").get("status").asString()).isEqualTo("BOOKED");

        assertThat(awaitStatus(api, id, Set.of("ACTIVE", "COMPLETED"))).isNotNull();
        assertThat(awaitStatus(api, id, Set.of("COMPLETED"))).isEqualTo("COMPLETED");

        JsonNode edit = api.graphQl(CAPS, "id", id);
        assertThat(rules(edit)).containsExactly("status editable");
        assertThat(data(api.graphQl(lifecycle("archiveCampaign"), "id", id), "archiveCampaign").get("status")
                .asString()).isEqualTo("ARCHIVED");
    }

    @Test
    void invalid_settings_are_bad_requests_naming_the_field() {
        PlaymarkApi api = asAdmin();
        String id = draft(api);
        Instant now = Instant.now();

        assertThat(badField(api.graphQl(FLIGHT, "id", id, "flight", flight(now, now)))).isEqualTo("flight.end");
        assertThat(badField(api.graphQl(DAYPARTS, "id", id, "dayparts", List.of(Map.of("days", List.of("MONDAY"),
                "from", "25:00", "to", "02:00"))))).isEqualTo("dayparts.from");
        assertThat(badField(api.graphQl(TARGETING, "id", id, "targeting", Map.of()))).isEqualTo("targeting");
        assertThat(badField(api.graphQl(CREATIVES, "id", id, "creatives", List.of(Map.of("assetId",
                AssetId.random().value(), "orientation", "LANDSCAPE", "weight", 0))))).isEqualTo("creatives.weight");
    }

    @Test
    void a_view_stored_before_campaigns_had_a_lifecycle_reads_as_a_draft_with_the_defaults() {
        String id = UUID.randomUUID().toString();
        Instant createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        mongo.getCollection("campaigns").insertOne(new Document("_id", id).append("name", "Old").append("advertiser",
                "Acme").append("createdAt", Date.from(createdAt)).append("updatedAt",
                Date.from(createdAt)).append("version", 0L));

        JsonNode old = data(asAdmin().graphQl(BY_ID, "id", id), "campaign");

        assertThat(old.get("status").asString()).isEqualTo("DRAFT");
        assertThat(old.get("tier").asString()).isEqualTo("STANDARD");
        assertThat(old.get("preemptible").asBoolean()).isTrue();
        assertThat(old.get("creatives")).isEmpty();
        assertThat(old.get("caps").get("maxPlaysPerHour").isNull()).isTrue();
        assertThat(statusesListed("DRAFT")).contains(id);
    }

    @Test
    void a_full_page_of_campaigns_with_every_field_is_within_the_graphql_limits() {
        String everyField = FIELDS.replace("targeting { tags", "targeting { players groups tags polygon { latitude }")
                + " name advertiser createdAt updatedAt";
        JsonNode page = asAdmin().graphQl("{ campaigns(first: 100) { edges { cursor node { " + everyField
                + " } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }");

        assertThat(data(page, "campaigns").get("edges")).isNotEmpty();
    }

    private void fillIn(PlaymarkApi api, String id, Instant start, Instant end, AssetId asset) {
        data(api.graphQl(FLIGHT, "id", id, "flight", flight(start, end)), "setCampaignFlight");
        data(api.graphQl(TARGETING, "id", id, "targeting", Map.of("tags", List.of("lobby"))), "setCampaignTargeting");
        data(api.graphQl(CREATIVES, "id", id, "creatives", List.of(Map.of("assetId", asset.value(),
                "orientation", "LANDSCAPE", "weight", 2))), "setCampaignCreatives");
    }

    /** The flight's deadlines run as JobRunr jobs, picked up on JobRunr's next poll of its store. */
    private static String awaitStatus(PlaymarkApi api, String id, Set<String> wanted) {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(90));
        String status = null;
        while (Instant.now().isBefore(giveUp)) {
            status = data(api.graphQl(BY_ID, "id", id), "campaign").get("status").asString();
            if (wanted.contains(status)) {
                return status;
            }
            sleep();
        }
        throw new AssertionError("campaign " + id + " stayed " + status + ", expected one of " + wanted);
    }

    private List<String> statusesListed(String status) {
        return data(asAdmin().graphQl(BY_STATUS, "status", status), "campaigns").get("edges").valueStream()
                .map(edge -> edge.get("node")).peek(node -> assertThat(node.get("status").asString()).isEqualTo(status))
                .map(node -> node.get("id").asString()).toList();
    }

    private AssetId landscapeImage() {
        return assets.probed("Creative", "/campaigns", MediaKind.IMAGE);
    }

    private void approve(AssetId asset) {
        commands.sendAndWait(new ApproveAssetCommand(asset, "fine"));
        assets.caughtUp(asset);
    }

    private static String draft(PlaymarkApi api) {
        return data(api.graphQl(CREATE, "input", Map.of("name", "Lifecycle", "advertiser", "Acme")), "createCampaign")
                .get("id").asString();
    }

    private static String book() {
        return lifecycle("bookCampaign");
    }

    private static String lifecycle(String mutation) {
        return "mutation($id: ID!) { " + mutation + "(id: $id) { " + FIELDS + " } }";
    }

    private static Map<String, Object> flight(Instant start, Instant end) {
        return Map.of("start", start.toString(), "end", end.toString());
    }

    private static List<String> rules(JsonNode response) {
        assertThat(response.get("errors")).as("errors in %s", response).isNotNull();
        return response.get("errors").valueStream().map(error -> error.get("extensions"))
                .map(extensions -> extensions.get("field").asString() + " " + extensions.get("rule").asString())
                .toList();
    }

    private static String badField(JsonNode response) {
        assertThat(response.get("errors")).as("errors in %s", response).isNotNull();
        JsonNode extensions = response.get("errors").get(0).get("extensions");
        assertThat(extensions.get("classification").asString()).isEqualTo("BAD_REQUEST");
        return extensions.get("field").asString();
    }

    private static JsonNode data(JsonNode response, String field) {
        assertThat(response.get("errors")).as("errors in %s", response).isNull();
        return response.get("data").get(field);
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
