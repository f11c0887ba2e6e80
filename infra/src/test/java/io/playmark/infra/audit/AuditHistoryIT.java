package io.playmark.infra.audit;

import io.playmark.infra.security.Role;
import io.playmark.infra.support.PlaymarkApi;
import io.playmark.infra.support.PlaymarkIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The issue's walk-through, as a new user would try it: a campaign renamed three times by two people (two MANAGER
 * keys), then its history with who and when, its state before the second rename, and a diff, over REST and GraphQL;
 * only auditors and admins may ask, and every question is recorded.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditHistoryIT extends PlaymarkIntegrationTest {

    private static final String EVENTS = "/api/v1/audit/campaign/%s/events";
    private static final String CREATE = "mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }";
    private static final String RENAME = "mutation($id: ID!, $name: String!) { renameCampaign(id: $id, name: $name) "
            + "{ id } }";

    private String auditorKey;
    private PlaymarkApi auditor;
    private String alice;
    private String bob;
    private String campaign;
    private final String correlation = "audit-it-" + UUID.randomUUID();
    private Instant beforeSecondRename;

    @BeforeAll
    void aCampaignRenamedThreeTimesByTwoPeople() throws InterruptedException {
        auditorKey = apiKeys.issue("auditor " + UUID.randomUUID(), Set.of(Role.AUDITOR), null).plainText();
        auditor = new PlaymarkApi(port, auditorKey);
        alice = "alice " + UUID.randomUUID();
        bob = "bob " + UUID.randomUUID();
        PlaymarkApi asAlice = new PlaymarkApi(port, apiKeys.issue(alice, Set.of(Role.MANAGER), null).plainText());
        PlaymarkApi asBob = new PlaymarkApi(port, apiKeys.issue(bob, Set.of(Role.MANAGER), null).plainText());
        campaign = dataOf(asAlice.graphQl(CREATE, "input", Map.of("name", "Winter sale", "advertiser", "Acme")),
                "createCampaign").get("id").asString();
        dataOf(asBob.graphQl(RENAME, "id", campaign, "name", "Winter sale 1"), "renameCampaign");
        Thread.sleep(20);
        beforeSecondRename = Instant.now();
        Thread.sleep(20);
        PlaymarkApi.Response renamed = asAlice.send("POST", "/graphql", JsonMapper.builder().build()
                        .writeValueAsString(Map.of("query", RENAME, "variables", Map.of("id", campaign, "name",
                                "Winter sale 2"))),
                "Content-Type", "application/json", "X-Correlation-Id", correlation);
        assertThat(renamed.status()).isEqualTo(200);
        dataOf(asBob.graphQl(RENAME, "id", campaign, "name", "Winter sale 3"), "renameCampaign");
    }

    @Test
    void the_history_says_who_changed_what_when_and_why_page_by_page() {
        JsonNode first = auditor.get(EVENTS.formatted(campaign) + "?first=2").body();
        assertThat(first.get("hasNextPage").asBoolean()).isTrue();
        assertThat(first.get("endCursor").asLong()).isEqualTo(1);
        JsonNode second = auditor.get(EVENTS.formatted(campaign) + "?first=2&after=1").body();
        assertThat(second.get("hasNextPage").asBoolean()).isFalse();

        List<JsonNode> events = List.of(first.get("events").get(0), first.get("events").get(1),
                second.get("events").get(0), second.get("events").get(1));
        assertThat(events.stream().map(e -> e.get("type").asString())).containsExactly("CampaignCreatedEvent",
                "CampaignRenamedEvent", "CampaignRenamedEvent", "CampaignRenamedEvent");
        assertThat(events.stream().map(e -> e.get("principal").asString())).containsExactly(alice, bob, alice, bob);
        assertThat(events.stream().map(e -> e.get("sequenceNumber").asLong())).containsExactly(0L, 1L, 2L, 3L);
        assertThat(events.stream().map(e -> e.get("globalPosition").asLong())).isSorted().doesNotHaveDuplicates();
        assertThat(events.stream().map(e -> Instant.parse(e.get("timestamp").asString()))).isSorted();
        assertThat(events.get(3).get("payload").get("name").asString()).isEqualTo("Winter sale 3");
        assertThat(events.get(3).get("revision").asString()).isEqualTo("2");
        assertThat(events.get(3).get("payload").get("previousName").asString()).isEqualTo("Winter sale 2");
        JsonNode secondRename = events.get(2);
        assertThat(secondRename.get("authentication").asString()).isEqualTo("api-key");
        assertThat(secondRename.get("apiKeyId").asString()).isNotBlank();
        assertThat(secondRename.get("clientAddress").asString()).isNotBlank();
        assertThat(secondRename.get("correlationId").asString()).as("the request's id, as the caller saw it")
                .isEqualTo(correlation);
        assertThat(secondRename.get("causationId").asString()).isNotBlank().isNotEqualTo(correlation);
    }

    @Test
    void the_whole_history_streams_as_ndjson() throws Exception {
        HttpResponse<Stream<String>> streamed;
        List<String> lines;
        try (HttpClient client = HttpClient.newHttpClient()) {
            streamed = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + EVENTS.formatted(campaign))).header("X-Api-Key", auditorKey)
                    .header("Accept", "application/x-ndjson").build(), HttpResponse.BodyHandlers.ofLines());
            lines = streamed.body().toList();
        }

        assertThat(streamed.statusCode()).isEqualTo(200);
        assertThat(streamed.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/x-ndjson");
        JsonMapper json = JsonMapper.builder().build();
        assertThat(lines.stream().map(json::readTree).map(line -> line.get("payload").get("name").asString()))
                .containsExactly("Winter sale", "Winter sale 1", "Winter sale 2", "Winter sale 3");
    }

    @Test
    void the_state_at_a_sequence_number_or_an_instant_is_the_aggregate_replayed_up_to_there() {
        String state = "/api/v1/audit/campaign/" + campaign + "/state?at=";
        JsonNode atOne = auditor.get(state + "1").body();
        JsonNode beforeSecond = auditor.get(state + beforeSecondRename).body();
        JsonNode latest = auditor.get(state + Instant.now().plusSeconds(5)).body();
        JsonNode beforeAll = auditor.get(state + "2000-01-01T00:00:00Z").body();

        assertThat(atOne.get("state").get("name").asString()).isEqualTo("Winter sale 1");
        assertThat(atOne.get("state").get("status").asString()).isEqualTo("DRAFT");
        assertThat(atOne.get("lastChangedBy").asString()).isEqualTo(bob);
        assertThat(beforeSecond.get("state")).isEqualTo(atOne.get("state"));
        assertThat(beforeSecond.get("sequenceNumber").asLong()).isEqualTo(1);
        assertThat(latest.get("state").get("name").asString()).isEqualTo("Winter sale 3");
        assertThat(latest.get("sequenceNumber").asLong()).isEqualTo(3);
        assertThat(beforeAll.get("existed").asBoolean()).isFalse();
        assertThat(beforeAll.get("state").isNull()).isTrue();
    }

    @Test
    void a_diff_names_each_changed_field_its_values_and_who_changed_it_last() {
        JsonNode diff = auditor.get("/api/v1/audit/campaign/" + campaign + "/diff?from=1&to=" + Instant.now()
                .plusSeconds(5)).body();

        assertThat(diff.get("changes")).hasSize(1);
        JsonNode change = diff.get("changes").get(0);
        assertThat(change.get("field").asString()).isEqualTo("name");
        assertThat(change.get("from").asString()).isEqualTo("Winter sale 1");
        assertThat(change.get("to").asString()).isEqualTo("Winter sale 3");
        assertThat(change.get("changedBy").get("principal").asString()).isEqualTo(bob);
        assertThat(change.get("changedBy").get("sequenceNumber").asLong()).isEqualTo(3);
        assertThat(diff.get("events").valueStream().map(e -> e.get("principal").asString()))
                .containsExactly(alice, bob);
        assertThat(auditor.get("/api/v1/audit/campaign/" + campaign + "/diff?from=3&to=1").status()).isEqualTo(400);
    }

    @Test
    void graphql_answers_history_as_a_connection_states_and_diffs() {
        String history = "query($type: String!, $id: ID!, $after: String) { history(aggregateType: $type, "
                + "aggregateId: $id, first: 3, after: $after) { edges { cursor node { type sequenceNumber principal "
                + "payload correlationId } } pageInfo { hasNextPage endCursor } } }";
        JsonNode page = dataOf(auditor.graphQl(history, "type", "campaign", "id", campaign), "history");
        assertThat(page.get("edges")).hasSize(3);
        assertThat(page.get("pageInfo").get("hasNextPage").asBoolean()).isTrue();
        JsonNode rest = dataOf(auditor.graphQl(history, "type", "campaign", "id", campaign, "after",
                page.get("pageInfo").get("endCursor").asString()), "history");
        assertThat(rest.get("edges")).hasSize(1);
        assertThat(rest.get("edges").get(0).get("node").get("principal").asString()).isEqualTo(bob);
        assertThat(rest.get("edges").get(0).get("node").get("payload").asString()).contains("Winter sale 3");

        JsonNode state = dataOf(auditor.graphQl("query($id: ID!) { aggregateState(aggregateType: \"campaign\", "
                + "aggregateId: $id, at: \"2\") { existed sequenceNumber lastChangedBy state } }", "id", campaign),
                "aggregateState");
        assertThat(state.get("lastChangedBy").asString()).isEqualTo(alice);
        assertThat(state.get("state").asString()).contains("\"name\":\"Winter sale 2\"");

        JsonNode diff = dataOf(auditor.graphQl("query($id: ID!) { aggregateDiff(aggregateType: \"campaign\", "
                + "aggregateId: $id, from: \"0\", to: \"2\") { changes { field from to changedBy { principal } } } }",
                "id", campaign), "aggregateDiff");
        assertThat(diff.get("changes").get(0).get("from").asString()).isEqualTo("\"Winter sale\"");
        assertThat(diff.get("changes").get(0).get("changedBy").get("principal").asString()).isEqualTo(alice);
    }

    @Test
    void only_auditors_and_admins_read_the_audit_trail() {
        String events = EVENTS.formatted(campaign);
        assertThat(as(Role.ANALYST).get(events).status()).isEqualTo(403);
        assertThat(as(Role.MANAGER).get(events).status()).isEqualTo(403);
        assertThat(as(Role.MANAGER).get(events).contentType()).startsWith("application/problem+json");
        assertThat(as(Role.ANALYST).get("/api/v1/audit/campaign/" + campaign + "/state?at=1").status())
                .isEqualTo(403);
        assertThat(anonymous().get(events).status()).isEqualTo(401);
        assertThat(asAdmin().get(events).status()).isEqualTo(200);
        JsonNode refused = as(Role.MANAGER).graphQl("query($id: ID!) { history(aggregateType: \"campaign\", "
                + "aggregateId: $id) { edges { cursor } } }", "id", campaign);
        assertThat(refused.get("errors").get(0).get("extensions").get("classification").asString())
                .isEqualTo("FORBIDDEN");
    }

    @Test
    void unknown_types_and_aggregates_are_not_found_and_bad_points_are_refused() {
        assertThat(auditor.get("/api/v1/audit/spaceship/" + campaign + "/events").status()).isEqualTo(404);
        assertThat(auditor.get(EVENTS.formatted(UUID.randomUUID())).status()).isEqualTo(404);
        assertThat(auditor.get("/api/v1/audit/player/" + campaign + "/events").status())
                .as("a campaign is not a player").isEqualTo(404);
        assertThat(auditor.get("/api/v1/audit/campaign/" + campaign + "/state?at=yesterday").status())
                .isEqualTo(400);
        assertThat(auditor.get(EVENTS.formatted(campaign) + "?first=0").status()).isEqualTo(400);
    }

    @Test
    void every_audit_query_is_recorded_with_who_asked_and_listed_for_auditors() throws InterruptedException {
        PlaymarkApi curious = new PlaymarkApi(port, apiKeys.issue("curious " + UUID.randomUUID(), Set.of(Role.AUDITOR),
                null).plainText());
        String state = "/api/v1/audit/campaign/" + campaign + "/state?at=1";
        assertThat(curious.get(state).status()).isEqualTo(200);

        JsonNode found = null;
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (found == null && Instant.now().isBefore(deadline)) {
            found = asAdmin().get("/api/v1/audit/queries?first=100").body().get("queries").valueStream()
                    .filter(query -> query.get("principal").asString().startsWith("curious "))
                    .findFirst().orElse(null);
            Thread.sleep(100);
        }
        assertThat(found).as("the auditor's question in the listing").isNotNull();
        assertThat(found.get("query").asString()).isEqualTo("state");
        assertThat(found.get("aggregateType").asString()).isEqualTo("campaign");
        assertThat(found.get("aggregateId").asString()).isEqualTo(campaign);
        assertThat(found.get("parameters").asString()).isEqualTo("at=1");
        assertThat(found.get("apiKeyId").asString()).isNotBlank();

        JsonNode listed = dataOf(auditor.graphQl("{ auditQueries(first: 100) { edges { node { query principal "
                + "askedAt } } } }"), "auditQueries");
        assertThat(listed.get("edges").valueStream().map(edge -> edge.get("node").get("principal").asString()))
                .anyMatch(principal -> principal.startsWith("curious "));
        assertThat(as(Role.MANAGER).get("/api/v1/audit/queries").status()).isEqualTo(403);
    }
}
