package io.playmark.infra.security;

import io.playmark.infra.support.PlaymarkApi;
import io.playmark.infra.support.PlaymarkIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Administrators issue, list and revoke API keys over REST; the keys then work, or stop working, at once. */
class ApiKeysIT extends PlaymarkIntegrationTest {

    private static final String KEYS = "/api/v1/admin/api-keys";
    private static final String LIST_CAMPAIGNS = "{ campaigns(first: 1) { edges { node { id } } } }";

    @Test
    void an_issued_key_works_at_once_with_its_roles_and_its_secret_is_shown_only_once() {
        PlaymarkApi.Response issued = asAdmin().post(KEYS, Map.of("name", "Lobby dashboard", "roles", List.of("ANALYST")));

        assertThat(issued.status()).isEqualTo(201);
        String id = issued.body().get("id").asString();
        String secret = issued.body().get("key").asString();
        assertThat(secret).startsWith("pmk_");
        PlaymarkApi dashboard = anonymous().withKey(secret);
        assertThat(dashboard.graphQl(LIST_CAMPAIGNS).get("errors")).isNull();
        assertThat(dashboard.get(KEYS).status()).as("an analyst key cannot manage keys").isEqualTo(403);

        JsonNode listed = asAdmin().get(KEYS + "/" + id).body();
        assertThat(listed.get("name").asString()).isEqualTo("Lobby dashboard");
        assertThat(listed.has("key")).isFalse();
        assertThat(listed.has("hash")).isFalse();
        assertThat(asAdmin().get(KEYS).text()).contains(id).doesNotContain(secret);
    }

    @Test
    void a_player_key_is_bound_to_its_player() {
        PlaymarkApi.Response withoutPlayer = asAdmin().post(KEYS, Map.of("name", "Screen 7", "roles", List.of("PLAYER")));
        PlaymarkApi.Response withPlayer = asAdmin().post(KEYS, Map.of("name", "Screen 7", "roles", List.of("PLAYER"),
                                                                       "playerId", "screen-7"));

        assertThat(withoutPlayer.status()).isEqualTo(400);
        assertThat(withoutPlayer.contentType()).startsWith("application/problem+json");
        assertThat(withoutPlayer.body().get("field").asString()).isEqualTo("playerId");
        assertThat(withPlayer.status()).isEqualTo(201);
        assertThat(withPlayer.body().get("playerId").asString()).isEqualTo("screen-7");
    }

    @Test
    void bad_requests_get_a_problem_naming_the_field() {
        for (Map<String, Object> body : List.<Map<String, Object>>of(
                Map.of("name", " ", "roles", List.of("MANAGER")),
                Map.of("name", "Script", "roles", List.of()),
                Map.of("id", "not-a-uuid", "name", "Script", "roles", List.of("MANAGER")))) {
            PlaymarkApi.Response response = asAdmin().post(KEYS, body);
            assertThat(response.status()).as(body.toString()).isEqualTo(400);
            assertThat(response.body().get("field")).as(body.toString()).isNotNull();
        }
        PlaymarkApi.Response unknownRole = asAdmin().post(KEYS, Map.of("name", "Script", "roles", List.of("OWNER")));
        assertThat(unknownRole.status()).isEqualTo(400);
        assertThat(unknownRole.contentType()).startsWith("application/problem+json");
    }

    @Test
    void a_retried_issue_with_the_same_id_does_not_issue_a_second_key() {
        Map<String, Object> request = Map.of("id", UUID.randomUUID().toString(), "name", "Nightly export",
                                             "roles", List.of("AUDITOR"));

        PlaymarkApi.Response first = asAdmin().post(KEYS, request);
        PlaymarkApi.Response retry = asAdmin().post(KEYS, request);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(409);
        assertThat(retry.body().get("detail").asString()).contains("exists already");
        assertThat(asAdmin().get(KEYS).body().valueStream()
                            .filter(key -> key.get("name").asString().equals("Nightly export"))).hasSize(1);
    }

    @Test
    void a_revoked_key_stops_working_and_the_last_admin_key_cannot_be_revoked() {
        JsonNode issued = asAdmin().post(KEYS, Map.of("name", "Old script", "roles", List.of("MANAGER"))).body();
        PlaymarkApi script = anonymous().withKey(issued.get("key").asString());
        assertThat(script.graphQl(LIST_CAMPAIGNS).get("errors")).isNull();

        assertThat(asAdmin().delete(KEYS + "/" + issued.get("id").asString()).status()).isEqualTo(204);

        assertThat(script.post("/graphql", Map.of("query", LIST_CAMPAIGNS)).status()).isEqualTo(401);
        assertThat(asAdmin().delete(KEYS + "/" + issued.get("id").asString()).status()).isEqualTo(404);
        PlaymarkApi.Response lastAdmin = asAdmin().delete(KEYS + "/" + AdminKeyBootstrap.CONFIGURED_ADMIN_KEY_ID);
        assertThat(lastAdmin.status()).isEqualTo(409);
        assertThat(asAdmin().get(KEYS).status()).isEqualTo(200);
    }
}
