package io.playmark.infra.web;

import io.playmark.infra.security.Role;
import io.playmark.infra.support.PlaymarkApi;
import io.playmark.infra.support.PlaymarkIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every REST error is one problem format with a type from docs/errors.md; GraphQL errors use the same kinds. */
class ProblemFormatIT extends PlaymarkIntegrationTest {

    private static final String KEYS = "/api/v1/admin/api-keys";
    private static final String JSON = "application/json";

    @Test
    void each_kind_of_rest_error_answers_its_catalogued_problem() {
        PlaymarkApi admin = asAdmin();
        String taken = UUID.randomUUID().toString();
        admin.post(KEYS, Map.of("id", taken, "name", "taken", "roles", new String[]{"ANALYST"}));

        record Case(String kind, int status, PlaymarkApi.Response response) {
        }
        for (Case c : new Case[]{
                new Case("unauthorized", 401, anonymous().get(KEYS)),
                new Case("unauthorized", 401, anonymous().withKey("pmk_wrong-key-0123456789abcdef").get(KEYS)),
                new Case("forbidden", 403, as(Role.MANAGER).get(KEYS)),
                new Case("bad-request", 400, admin.send("POST", KEYS, "{\"name\": ", "Content-Type", JSON)),
                new Case("not-found", 404, admin.get(KEYS + "/" + UUID.randomUUID())),
                new Case("not-found", 404, admin.get("/api/v1/no-such-endpoint")),
                new Case("method-not-allowed", 405, admin.send("PUT", KEYS, "{}", "Content-Type", JSON)),
                new Case("conflict", 409, admin.post(KEYS, Map.of("id", taken, "name", "again", "roles", new String[]{"ANALYST"}))),
                new Case("unsupported-media-type", 415, admin.send("POST", KEYS, "name=x", "Content-Type", "text/plain")),
        }) {
            PlaymarkApi.Response response = c.response();
            assertThat(response.status()).as(c.kind() + ": " + response.text()).isEqualTo(c.status());
            assertThat(response.contentType()).as(c.kind()).startsWith("application/problem+json");
            JsonNode problem = response.body();
            assertThat(problem.get("type").asString()).isEqualTo("urn:playmark:problem:" + c.kind());
            assertThat(problem.get("status").asInt()).isEqualTo(c.status());
            assertThat(problem.get("title").asString()).isNotBlank();
            assertThat(problem.get("detail").asString()).isNotBlank();
            assertThat(problem.get("correlationId").asString()).isNotBlank();
            assertThat(response.text()).as("no Java internals reach a caller")
                    .doesNotContain("Exception", "java.", "io.playmark", "springframework", "\tat ");
        }
    }

    @Test
    void an_unknown_role_names_the_field_the_value_and_the_roles_there_are() {
        PlaymarkApi.Response response = asAdmin().post(KEYS, Map.of("name", "x", "roles", new String[]{"SUPERUSER"}));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().get("type").asString()).isEqualTo("urn:playmark:problem:bad-request");
        assertThat(response.body().get("field").asString()).isEqualTo("roles[0]");
        assertThat(response.body().get("value").asString()).isEqualTo("SUPERUSER");
        assertThat(response.body().get("detail").asString()).contains("SUPERUSER", "ADMIN", "MANAGER", "PLAYER");
    }

    @Test
    void a_domain_rule_broken_names_its_field() {
        PlaymarkApi.Response response = asAdmin().post(KEYS, Map.of("name", " ", "roles", new String[]{"ANALYST"}));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().get("field").asString()).isEqualTo("name");
    }

    @Test
    void the_callers_correlation_id_is_echoed_in_the_header_and_the_problem() {
        PlaymarkApi.Response response = anonymous().send("GET", KEYS, null, "X-Correlation-Id", "dash-42.retry:1");

        assertThat(response.body().get("correlationId").asString()).isEqualTo("dash-42.retry:1");
        assertThat(response.headers().firstValue("X-Correlation-Id")).hasValue("dash-42.retry:1");
    }

    @Test
    void graphql_errors_carry_the_same_kinds_and_types() {
        PlaymarkApi analyst = as(Role.ANALYST);

        JsonNode invalid = analyst.graphQl("{ campaigns(first: 1) { edges { node { noSuchField } } } }");
        JsonNode forbidden = analyst.graphQl("mutation { createCampaign(input: {name: \"x\", advertiser: \"y\"}) { id } }");
        JsonNode badValue = analyst.graphQl("{ campaign(id: \"not-a-uuid\") { id } }");

        assertThat(extensions(invalid).get("classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(extensions(invalid).get("type").asString()).isEqualTo("urn:playmark:problem:bad-request");
        assertThat(extensions(forbidden).get("classification").asString()).isEqualTo("FORBIDDEN");
        assertThat(extensions(forbidden).get("type").asString()).isEqualTo("urn:playmark:problem:forbidden");
        assertThat(extensions(badValue).get("field").asString()).isEqualTo("id");
        assertThat(extensions(badValue).get("correlationId").asString()).isNotBlank();
    }

    private static JsonNode extensions(JsonNode response) {
        return response.get("errors").get(0).get("extensions");
    }
}
