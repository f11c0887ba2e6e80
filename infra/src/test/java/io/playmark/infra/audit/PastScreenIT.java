package io.playmark.infra.audit;

import io.playmark.infra.security.Role;
import io.playmark.infra.support.PlaymarkApi;
import io.playmark.infra.support.PlaymarkIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The past of a screen: the player as it was at a moment, what its playlist is made from, and the changes before. */
class PastScreenIT extends PlaymarkIntegrationTest {

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
}
