package io.playmark.infra.security;

import io.playmark.infra.support.PlaymarkApi;
import io.playmark.infra.support.PlaymarkIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may call what, checked over HTTP against the running application. */
class SecurityIT extends PlaymarkIntegrationTest {

    private static final String LIST = "{ campaigns(first: 1) { edges { node { id } } } }";
    private static final String CREATE = "mutation { createCampaign(input: {name: \"Secured\", advertiser: \"Acme\"}) { id } }";

    @Test
    void without_credentials_graphql_and_rest_answer_401_with_a_problem() {
        PlaymarkApi anonymous = anonymous();

        for (PlaymarkApi.Response response : new PlaymarkApi.Response[]{
                anonymous.post("/graphql", Map.of("query", LIST)), anonymous.get("/api/v1/admin/processors")}) {
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.body().get("status").asInt()).isEqualTo(401);
            assertThat(response.body().get("detail").asString()).contains("X-Api-Key");
        }
    }

    @Test
    void an_unknown_api_key_is_rejected_with_401() {
        PlaymarkApi.Response response = anonymous().withKey("pmk_not-a-real-key-at-all-000")
                .post("/graphql", Map.of("query", LIST));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body().get("detail").asString()).isEqualTo("The API key in X-Api-Key is not valid");
    }

    @Test
    void an_analyst_may_read_but_not_change_campaigns() {
        PlaymarkApi analyst = as(Role.ANALYST);

        JsonNode read = analyst.graphQl(LIST);
        JsonNode write = analyst.graphQl(CREATE);

        assertThat(read.get("errors")).isNull();
        assertThat(write.get("errors").get(0).get("extensions").get("classification").asString()).isEqualTo("FORBIDDEN");
    }

    @Test
    void a_manager_may_change_campaigns() {
        JsonNode created = as(Role.MANAGER).graphQl(CREATE);

        assertThat(created.get("errors")).isNull();
        assertThat(created.get("data").get("createCampaign").get("id").asString()).isNotBlank();
    }

    @Test
    void a_player_key_may_not_read_campaigns() {
        JsonNode read = as(Role.PLAYER).graphQl(LIST);

        assertThat(read.get("errors").get(0).get("extensions").get("classification").asString()).isEqualTo("FORBIDDEN");
    }

    @Test
    void operations_endpoints_need_the_admin_role_and_answer_403_with_a_problem() {
        PlaymarkApi manager = as(Role.MANAGER);

        for (String path : new String[]{"/api/v1/admin/processors", "/actuator/prometheus"}) {
            PlaymarkApi.Response denied = manager.get(path);
            assertThat(denied.status()).as(path).isEqualTo(403);
            assertThat(denied.contentType()).startsWith("application/problem+json");
        }
        assertThat(asAdmin().get("/api/v1/admin/processors").status()).isEqualTo(200);
    }

    @Test
    void health_and_the_api_docs_are_open() {
        assertThat(anonymous().get("/actuator/health").status()).isEqualTo(200);
        PlaymarkApi.Response apiDocs = anonymous().get("/v3/api-docs");
        assertThat(apiDocs.status()).isEqualTo(200);
        assertThat(apiDocs.body().get("paths").has("/api/v1/admin/processors")).isTrue();
    }
}
