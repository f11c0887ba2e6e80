package io.playmark.infra.player;

import io.playmark.infra.security.Role;
import io.playmark.infra.support.PlaymarkApi;
import io.playmark.infra.support.PlaymarkIntegrationTest;
import io.playmark.infra.support.ProcessorWatch;
import io.playmark.kernel.asset.Tag;
import io.playmark.kernel.player.FindTargetedPlayersQuery;
import io.playmark.kernel.player.GeoArea;
import io.playmark.kernel.player.GeoPoint;
import io.playmark.kernel.player.PlayerGroupId;
import io.playmark.kernel.player.PlayerId;
import io.playmark.kernel.player.PlayerSightings;
import io.playmark.kernel.player.PlayerTarget;
import io.playmark.kernel.player.TargetedPlayer;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Players end to end, as a provisioning script, a dashboard and two screens use them, over REST and GraphQL. */
class PlayersIT extends PlaymarkIntegrationTest {

    private static final String PLAYER_FIELDS = "id name timeZone tags status lastSeenAt loopLengthSeconds "
            + "hardwareProfile orientation resolution { width height } location { latitude longitude } "
            + "groups { id name } version";
    private static final String REGISTER = "mutation($input: RegisterPlayerInput!) { registerPlayer(input: $input) {"
            + " id apiKey created player { " + PLAYER_FIELDS + " } } }";
    private static final String UPDATE = "mutation($input: UpdatePlayerInput!) { updatePlayer(input: $input) { "
            + PLAYER_FIELDS + " } }";
    private static final String ROTATE = "mutation($id: ID!) { rotatePlayerApiKey(id: $id) { id apiKey } }";
    private static final String DECOMMISSION = "mutation($id: ID!) { decommissionPlayer(id: $id) { id status } }";
    private static final String PLAYER = "query($id: ID!) { player(id: $id) { " + PLAYER_FIELDS + " } }";
    private static final String PLAYERS = "query($filter: PlayerFilter, $first: Int!, $after: String) { "
            + "players(filter: $filter, first: $first, after: $after) { edges { cursor node { id name status } } "
            + "pageInfo { hasNextPage hasPreviousPage endCursor } } }";
    private static final String GROUP_FIELDS = "id name kind fixedPlayers memberCount "
            + "rule { anyTags allTags timeZones circle { radiusMetres centre { latitude } } } "
            + "members(first: 50) { edges { node { id } } }";
    private static final String CREATE_GROUP = "mutation($input: PlayerGroupInput!) { createPlayerGroup(input: $input)"
            + " { " + GROUP_FIELDS + " } }";
    private static final String GROUP = "query($id: ID!) { playerGroup(id: $id) { " + GROUP_FIELDS + " } }";
    private static final String DELETE_GROUP = "mutation($id: ID!) { deletePlayerGroup(id: $id) }";

    @Autowired
    private QueryGateway queries;

    /** What other features (proof of play) call when a player is heard from. */
    @Autowired
    private PlayerSightings sightings;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String lobby = "lobby-" + run;
    private final String promo = "promo-" + run;

    private Map<String, Object> berlin(String id) {
        Map<String, Object> input = new LinkedHashMap<>();
        if (id != null) {
            input.put("id", id);
        }
        input.put("name", "Berlin lobby " + run);
        input.put("location", Map.of("latitude", 52.5219, "longitude", 13.4132));
        input.put("address", "Alexanderplatz 1, 10178 Berlin");
        input.put("timeZone", "Europe/Berlin");
        input.put("tags", List.of(lobby));
        input.put("resolution", Map.of("width", 1920, "height", 1080));
        input.put("hardwareProfile", "hd-h264");
        return input;
    }

    private Map<String, Object> newYork() {
        Map<String, Object> input = new LinkedHashMap<>(berlin(null));
        input.put("name", "Times Square " + run);
        input.put("location", Map.of("latitude", 40.7580, "longitude", -73.9855));
        input.put("address", "Times Square, New York");
        input.put("timeZone", "America/New_York");
        input.put("tags", List.of("mall-" + run));
        input.put("resolution", Map.of("width", 1080, "height", 1920));
        input.put("hardwareProfile", "uhd-hevc");
        input.put("loopLengthSeconds", 120);
        return input;
    }

    @Test
    void two_screens_in_different_zones_register_send_heartbeats_with_their_own_keys_and_are_found_by_target() {
        PlaymarkApi manager = as(Role.MANAGER);
        String berlinId = UUID.randomUUID().toString();

        PlaymarkApi.Response provisioned = manager.post("/api/v1/players", berlin(berlinId));
        assertThat(provisioned.status()).as(provisioned.text()).isEqualTo(201);
        assertThat(provisioned.headers().firstValue("Location")).hasValue("/api/v1/players/" + berlinId);
        assertThat(provisioned.body().get("id").asString()).isEqualTo(berlinId);
        PlaymarkApi berlinScreen = manager.withKey(provisioned.body().get("apiKey").asString());

        JsonNode registered = data(manager.graphQl(REGISTER, "input", newYork()), "registerPlayer");
        String newYorkId = registered.get("id").asString();
        PlaymarkApi newYorkScreen = manager.withKey(registered.get("apiKey").asString());
        assertThat(registered.get("created").asBoolean()).isTrue();
        assertThat(registered.get("player").get("orientation").asString()).isEqualTo("PORTRAIT");
        assertThat(registered.get("player").get("loopLengthSeconds").asInt()).isEqualTo(120);
        assertThat(registered.get("player").get("status").asString()).isEqualTo("OFFLINE");

        // each screen's key speaks for its own player only
        PlaymarkApi.Response beat = berlinScreen.post("/api/v1/players/" + berlinId + "/heartbeat", Map.of());
        assertThat(beat.status()).as(beat.text()).isEqualTo(200);
        assertThat(newYorkScreen.post("/api/v1/players/" + berlinId + "/heartbeat", Map.of()).status()).isEqualTo(403);
        assertThat(manager.post("/api/v1/players/" + berlinId + "/heartbeat", Map.of()).status()).isEqualTo(403);
        assertThat(berlinScreen.get("/api/v1/players/" + berlinId).body().get("status").asString()).isEqualTo("ONLINE");
        assertThat(berlinScreen.get("/api/v1/players/" + newYorkId).status()).isEqualTo(403);

        JsonNode berlinPlayer = data(manager.graphQl(PLAYER, "id", berlinId), "player");
        assertThat(berlinPlayer.get("status").asString()).isEqualTo("ONLINE");
        assertThat(berlinPlayer.get("lastSeenAt").asString()).isEqualTo(beat.body().get("lastSeenAt").asString());
        assertThat(berlinPlayer.get("timeZone").asString()).isEqualTo("Europe/Berlin");
        assertThat(data(manager.graphQl(PLAYER, "id", newYorkId), "player").get("status").asString())
                .isEqualTo("OFFLINE");
        assertThat(names(manager, Map.of("tags", List.of(lobby.toUpperCase())))).containsExactly("Berlin lobby " + run);
        assertThat(names(manager, Map.of("text", run, "status", "OFFLINE"))).containsExactly("Times Square " + run);

        List<TargetedPlayer> byTagOrArea = targeted(new PlayerTarget(Set.of(new PlayerId(newYorkId)), Set.of(),
                Set.of(new Tag(lobby)), null));
        assertThat(byTagOrArea).extracting(player -> player.id().value())
                .containsExactlyElementsOf(sorted(berlinId, newYorkId));
        assertThat(byTagOrArea).filteredOn(player -> player.id().value().equals(newYorkId)).singleElement()
                .satisfies(player -> {
                    assertThat(player.zone()).isEqualTo(ZoneId.of("America/New_York"));
                    assertThat(player.hardwareProfile()).isEqualTo("uhd-hevc");
                    assertThat(player.loopLength().toSeconds()).isEqualTo(120);
                });
        List<TargetedPlayer> inBerlin = targeted(new PlayerTarget(Set.of(new PlayerId(newYorkId),
                new PlayerId(berlinId)), Set.of(), Set.of(), new GeoArea.Circle(new GeoPoint(52.52, 13.40), 10_000)));
        assertThat(inBerlin).extracting(player -> player.id().value()).containsExactly(berlinId);
    }

    @Test
    void a_retried_registration_makes_no_second_player_and_replaces_the_key_a_rotation_and_a_decommission_refuse_old_keys() {
        PlaymarkApi manager = as(Role.MANAGER);
        String id = UUID.randomUUID().toString();
        PlaymarkApi first = manager.withKey(manager.post("/api/v1/players", berlin(id)).body().get("apiKey").asString());

        PlaymarkApi.Response retried = manager.post("/api/v1/players", berlin(id));
        assertThat(retried.status()).as(retried.text()).isEqualTo(200);
        PlaymarkApi second = manager.withKey(retried.body().get("apiKey").asString());
        assertThat(first.post("/api/v1/players/" + id + "/heartbeat", Map.of()).status()).isEqualTo(401);
        assertThat(second.post("/api/v1/players/" + id + "/heartbeat", Map.of()).status()).isEqualTo(200);
        assertThat(names(manager, Map.of("text", "Berlin lobby " + run))).hasSize(1);

        Map<String, Object> otherValues = new LinkedHashMap<>(berlin(id));
        otherValues.put("name", "Somewhere else");
        assertThat(manager.post("/api/v1/players", otherValues).status()).isEqualTo(409);

        JsonNode rotated = data(manager.graphQl(ROTATE, "id", id), "rotatePlayerApiKey");
        PlaymarkApi third = manager.withKey(rotated.get("apiKey").asString());
        assertThat(second.post("/api/v1/players/" + id + "/heartbeat", Map.of()).status()).isEqualTo(401);
        assertThat(third.post("/api/v1/players/" + id + "/heartbeat", Map.of()).status()).isEqualTo(200);

        JsonNode decommissioned = data(manager.graphQl(DECOMMISSION, "id", id), "decommissionPlayer");
        assertThat(decommissioned.get("status").asString()).isEqualTo("DECOMMISSIONED");
        assertThat(third.post("/api/v1/players/" + id + "/heartbeat", Map.of()).status()).isEqualTo(401);
        assertThat(names(manager, Map.of("text", "Berlin lobby " + run))).isEmpty();
        assertThat(names(manager, Map.of("text", "Berlin lobby " + run, "status", "DECOMMISSIONED"))).hasSize(1);
        assertThat(targeted(new PlayerTarget(Set.of(new PlayerId(id)), Set.of(), Set.of(), null))).isEmpty();
        assertThat(classification(manager.graphQl(ROTATE, "id", id))).isEqualTo("CONFLICT");
        assertThat(classification(manager.graphQl(UPDATE, "input", Map.of("id", id, "name", "Back again"))))
                .isEqualTo("CONFLICT");
        assertThat(manager.post("/api/v1/players", berlin(id)).status()).isEqualTo(409);
    }

    @Test
    void registrations_of_one_id_at_the_same_time_make_one_player_and_leave_one_working_key() {
        PlaymarkApi manager = as(Role.MANAGER);
        String id = UUID.randomUUID().toString();
        List<PlaymarkApi.Response> answers = java.util.stream.IntStream.range(0, 6).parallel()
                .mapToObj(i -> manager.post("/api/v1/players", berlin(id))).toList();

        assertThat(answers).extracting(PlaymarkApi.Response::status).as(answers.toString())
                .containsOnly(200, 201).containsOnlyOnce(201);
        long working = answers.stream().map(answer -> manager.withKey(answer.body().get("apiKey").asString()))
                .filter(screen -> screen.post("/api/v1/players/" + id + "/heartbeat", Map.of()).status() == 200)
                .count();
        assertThat(working).isEqualTo(1);
        assertThat(names(manager, Map.of("text", "Berlin lobby " + run))).hasSize(1);
    }

    @Test
    void a_dynamic_group_follows_a_retag_and_a_fixed_group_loses_a_decommissioned_player() {
        PlaymarkApi manager = as(Role.MANAGER);
        String berlinId = data(manager.graphQl(REGISTER, "input", berlin(null)), "registerPlayer").get("id").asString();
        String newYorkId = data(manager.graphQl(REGISTER, "input", newYork()), "registerPlayer").get("id").asString();

        JsonNode promoted = data(manager.graphQl(CREATE_GROUP, "input", Map.of("name", "Promo " + run,
                "rule", Map.of("anyTags", List.of(promo)))), "createPlayerGroup");
        String promoGroup = promoted.get("id").asString();
        assertThat(promoted.get("kind").asString()).isEqualTo("DYNAMIC");
        assertThat(promoted.get("memberCount").asInt()).isZero();
        JsonNode fixed = data(manager.graphQl(CREATE_GROUP, "input", Map.of("name", "Fixed " + run,
                "players", List.of(berlinId, newYorkId))), "createPlayerGroup");
        String fixedGroup = fixed.get("id").asString();
        assertThat(memberIds(fixed)).containsExactlyInAnyOrder(berlinId, newYorkId);

        JsonNode retagged = data(manager.graphQl(UPDATE, "input", Map.of("id", newYorkId,
                "tags", List.of(promo, "mall-" + run))), "updatePlayer");
        assertThat(retagged.get("groups").valueStream().map(group -> group.get("id").asString()))
                .containsExactlyInAnyOrder(promoGroup, fixedGroup);
        assertThat(memberIds(data(manager.graphQl(GROUP, "id", promoGroup), "playerGroup"))).containsExactly(newYorkId);
        assertThat(names(manager, Map.of("groupId", promoGroup))).containsExactly("Times Square " + run);
        assertThat(targeted(new PlayerTarget(Set.of(), Set.of(new PlayerGroupId(promoGroup)), Set.of(), null)))
                .extracting(player -> player.id().value()).containsExactly(newYorkId);

        data(manager.graphQl(UPDATE, "input", Map.of("id", newYorkId, "tags", List.of())), "updatePlayer");
        assertThat(data(manager.graphQl(GROUP, "id", promoGroup), "playerGroup").get("memberCount").asInt()).isZero();

        data(manager.graphQl(DECOMMISSION, "id", berlinId), "decommissionPlayer");
        JsonNode fixedNow = data(manager.graphQl(GROUP, "id", fixedGroup), "playerGroup");
        assertThat(memberIds(fixedNow)).containsExactly(newYorkId);
        assertThat(fixedNow.get("fixedPlayers").valueStream().map(JsonNode::asString))
                .as("the list as given is kept").containsExactlyInAnyOrder(berlinId, newYorkId);

        assertThat(data(manager.graphQl(DELETE_GROUP, "id", fixedGroup), "deletePlayerGroup").asString())
                .isEqualTo(fixedGroup);
        assertThat(classification(manager.graphQl(GROUP, "id", fixedGroup))).isEqualTo("NOT_FOUND");
        assertThat(data(manager.graphQl(PLAYER, "id", newYorkId), "player").get("groups")).isEmpty();
    }

    @Test
    void a_player_last_seen_before_the_threshold_is_offline_and_an_older_sighting_never_replaces_a_newer_one() {
        PlaymarkApi manager = as(Role.MANAGER);
        JsonNode registered = data(manager.graphQl(REGISTER, "input", berlin(null)), "registerPlayer");
        String id = registered.get("id").asString();
        Instant tenMinutesAgo = Instant.now().minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.MILLIS);

        sightings.seen(new PlayerId(id), tenMinutesAgo);
        JsonNode seenLongAgo = data(manager.graphQl(PLAYER, "id", id), "player");
        assertThat(seenLongAgo.get("status").asString()).as("past the 3 minutes of offline-after").isEqualTo("OFFLINE");
        assertThat(Instant.parse(seenLongAgo.get("lastSeenAt").asString())).isEqualTo(tenMinutesAgo);

        PlaymarkApi screen = manager.withKey(registered.get("apiKey").asString());
        String beatAt = screen.post("/api/v1/players/" + id + "/heartbeat", Map.of()).body().get("lastSeenAt").asString();
        sightings.seen(new PlayerId(id), tenMinutesAgo.minus(Duration.ofHours(1)));

        JsonNode now = data(manager.graphQl(PLAYER, "id", id), "player");
        assertThat(now.get("status").asString()).isEqualTo("ONLINE");
        assertThat(now.get("lastSeenAt").asString()).isEqualTo(beatAt);
        assertThat(names(manager, Map.of("text", "Berlin lobby " + run, "status", "ONLINE")))
                .containsExactly("Berlin lobby " + run);
        assertThat(names(manager, Map.of("text", "Berlin lobby " + run, "status", "OFFLINE"))).isEmpty();
    }

    @Test
    void players_are_paged_in_name_order_with_cursors() {
        PlaymarkApi manager = as(Role.MANAGER);
        for (String name : List.of("C", "A", "B")) {
            Map<String, Object> input = new LinkedHashMap<>(berlin(null));
            input.put("name", "Paged " + run + " " + name);
            data(manager.graphQl(REGISTER, "input", input), "registerPlayer");
        }
        Map<String, Object> filter = Map.of("text", "Paged " + run);
        JsonNode first = data(manager.graphQl(PLAYERS, "filter", filter, "first", 2), "players");
        JsonNode rest = data(manager.graphQl(PLAYERS, "filter", filter, "first", 2,
                "after", first.get("pageInfo").get("endCursor").asString()), "players");

        assertThat(first.get("edges").valueStream().map(edge -> edge.get("node").get("name").asString()))
                .containsExactly("Paged " + run + " A", "Paged " + run + " B");
        assertThat(first.get("pageInfo").get("hasNextPage").asBoolean()).isTrue();
        assertThat(rest.get("edges").valueStream().map(edge -> edge.get("node").get("name").asString()))
                .containsExactly("Paged " + run + " C");
        assertThat(rest.get("pageInfo").get("hasNextPage").asBoolean()).isFalse();
        assertThat(rest.get("pageInfo").get("hasPreviousPage").asBoolean()).isTrue();
        assertThat(classification(manager.graphQl(PLAYERS, "first", 2, "after", "nonsense"))).isEqualTo("BAD_REQUEST");
    }

    @Test
    void a_group_by_area_and_zone_follows_a_move_and_an_update_turns_a_fixed_group_into_a_rule() {
        PlaymarkApi manager = as(Role.MANAGER);
        String id = data(manager.graphQl(REGISTER, "input", berlin(null)), "registerPlayer").get("id").asString();
        JsonNode nearBerlin = data(manager.graphQl(CREATE_GROUP, "input", Map.of("name", "Near Berlin " + run,
                "rule", Map.of("circle", Map.of("centre", Map.of("latitude", 52.52, "longitude", 13.40),
                        "radiusMetres", 50_000), "timeZones", List.of("Europe/Berlin")))), "createPlayerGroup");
        assertThat(memberIds(nearBerlin)).contains(id);
        assertThat(nearBerlin.get("rule").get("circle").get("radiusMetres").asDouble()).isEqualTo(50_000);

        JsonNode moved = data(manager.graphQl(UPDATE, "input", Map.of("id", id,
                "location", Map.of("latitude", 40.7580, "longitude", -73.9855), "timeZone", "America/New_York",
                "hardwareProfile", "uhd-hevc")), "updatePlayer");
        assertThat(moved.get("timeZone").asString()).isEqualTo("America/New_York");
        assertThat(moved.get("hardwareProfile").asString()).isEqualTo("uhd-hevc");
        assertThat(moved.get("tags").valueStream().map(JsonNode::asString)).as("left out: kept").containsExactly(lobby);
        assertThat(moved.get("groups").valueStream().map(group -> group.get("id").asString()))
                .doesNotContain(nearBerlin.get("id").asString());

        String groupId = data(manager.graphQl(CREATE_GROUP, "input", Map.of("name", "Empty " + run)),
                "createPlayerGroup").get("id").asString();
        String update = "mutation($input: PlayerGroupInput!) { updatePlayerGroup(input: $input) { " + GROUP_FIELDS
                + " } }";
        JsonNode byTag = data(manager.graphQl(update, "input", Map.of("id", groupId,
                "rule", Map.of("anyTags", List.of(lobby)))), "updatePlayerGroup");
        assertThat(byTag.get("kind").asString()).isEqualTo("DYNAMIC");
        assertThat(memberIds(byTag)).containsExactly(id);
        JsonNode renamed = data(manager.graphQl(update, "input", Map.of("id", groupId, "name", "Lobbies " + run)),
                "updatePlayerGroup");
        assertThat(renamed.get("name").asString()).isEqualTo("Lobbies " + run);
        assertThat(renamed.get("rule").get("anyTags").get(0).asString()).as("left out: kept").isEqualTo(lobby);
        assertThat(classification(manager.graphQl(update, "input", Map.of("id", groupId,
                "players", List.of(id), "rule", Map.of("anyTags", List.of(lobby)))))).isEqualTo("BAD_REQUEST");
        JsonNode bothAreas = manager.graphQl(CREATE_GROUP, "input", Map.of("name", "Both", "rule", Map.of(
                "circle", Map.of("centre", Map.of("latitude", 0, "longitude", 0), "radiusMetres", 10),
                "polygon", List.of(Map.of("latitude", 0, "longitude", 0), Map.of("latitude", 1, "longitude", 0),
                        Map.of("latitude", 1, "longitude", 1)))));
        assertThat(bothAreas.get("errors").get(0).get("extensions").get("field").asString()).isEqualTo("area");
    }

    @Test
    void a_replay_rebuilds_players_groups_and_membership_from_the_events() throws InterruptedException {
        PlaymarkApi manager = as(Role.MANAGER);
        String id = data(manager.graphQl(REGISTER, "input", berlin(null)), "registerPlayer").get("id").asString();
        String byTag = data(manager.graphQl(CREATE_GROUP, "input", Map.of("name", "Replayed " + run,
                "rule", Map.of("anyTags", List.of(lobby)))), "createPlayerGroup").get("id").asString();
        JsonNode before = data(manager.graphQl(PLAYER, "id", id), "player");

        PlaymarkApi admin = asAdmin();
        assertThat(admin.post("/api/v1/admin/processors/player-directory/replay", Map.of()).status()).isEqualTo(200);
        ProcessorWatch.await(admin, "player-directory", "rebuilt",
                rebuilt -> ProcessorWatch.caughtUp().test(rebuilt) && !rebuilt.path("replaying").asBoolean(),
                Duration.ofSeconds(60));

        JsonNode after = data(manager.graphQl(PLAYER, "id", id), "player");
        assertThat(after.get("groups")).isEqualTo(before.get("groups"));
        assertThat(after.get("groups").valueStream().map(group -> group.get("id").asString())).contains(byTag);
        assertThat(after.get("version")).isEqualTo(before.get("version"));
        assertThat(memberIds(data(manager.graphQl(GROUP, "id", byTag), "playerGroup"))).containsExactly(id);
    }

    @Test
    void bad_input_is_a_bad_request_naming_the_field() {
        PlaymarkApi manager = as(Role.MANAGER);
        Map<String, String> fieldsAndValues = Map.of("timeZone", "+02:00", "hardwareProfile", "betamax",
                "name", " ");
        fieldsAndValues.forEach((field, value) -> {
            Map<String, Object> input = new LinkedHashMap<>(berlin(null));
            input.put(field, value);
            JsonNode answer = manager.graphQl(REGISTER, "input", input);
            assertThat(classification(answer)).as(field).isEqualTo("BAD_REQUEST");
            assertThat(answer.get("errors").get(0).get("extensions").get("field").asString()).isEqualTo(field);
        });
        Map<String, Object> farNorth = new LinkedHashMap<>(berlin(null));
        farNorth.put("location", Map.of("latitude", 91, "longitude", 0));
        JsonNode answer = manager.graphQl(REGISTER, "input", farNorth);
        assertThat(answer.get("errors").get(0).get("extensions").get("field").asString()).isEqualTo("latitude");
        assertThat(as(Role.ANALYST).graphQl(REGISTER, "input", berlin(null)).get("errors").get(0)
                .get("extensions").get("classification").asString()).isEqualTo("FORBIDDEN");
    }

    private List<TargetedPlayer> targeted(PlayerTarget target) {
        return queries.query(new FindTargetedPlayersQuery(target), ResponseTypes.multipleInstancesOf(TargetedPlayer.class))
                .join();
    }

    private static List<String> names(PlaymarkApi api, Map<String, Object> filter) {
        return data(api.graphQl(PLAYERS, "filter", filter, "first", 100), "players").get("edges").valueStream()
                .map(edge -> edge.get("node").get("name").asString()).toList();
    }

    private static List<String> memberIds(JsonNode group) {
        return group.get("members").get("edges").valueStream().map(edge -> edge.get("node").get("id").asString())
                .toList();
    }

    private static List<String> sorted(String... ids) {
        return java.util.Arrays.stream(ids).sorted().toList();
    }

    private static JsonNode data(JsonNode response, String field) {
        assertThat(response.has("errors")).as(response.toString()).isFalse();
        return response.get("data").get(field);
    }

    private static String classification(JsonNode response) {
        return response.get("errors").get(0).get("extensions").get("classification").asString();
    }
}
