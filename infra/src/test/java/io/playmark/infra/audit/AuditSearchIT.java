package io.playmark.infra.audit;

import io.playmark.infra.security.Role;
import io.playmark.infra.support.PlaymarkApi;
import io.playmark.infra.support.PlaymarkIntegrationTest;
import io.playmark.infra.support.TestCampaigns;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Who changed what: a campaign renamed by two users, found by user, type, aggregate and time, and exported. */
class AuditSearchIT extends PlaymarkIntegrationTest {

    private static final String SEARCH = "/api/v1/audit/search";

    @Test
    void renames_by_two_users_are_found_for_one_of_them_paged_over_rest_and_graphql_and_exported_as_csv()
            throws InterruptedException {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String aliceName = "alice " + suffix;
        var aliceKey = apiKeys.issue(aliceName, Set.of(Role.MANAGER), null);
        PlaymarkApi alice = new PlaymarkApi(port, aliceKey.plainText());
        PlaymarkApi bob = new PlaymarkApi(port, apiKeys.issue("bob " + suffix, Set.of(Role.MANAGER), null)
                .plainText());
        Instant before = Instant.now();
        String campaign = TestCampaigns.create(alice, "Audited");
        TestCampaigns.rename(alice, campaign, "Audited by Alice");
        TestCampaigns.rename(bob, campaign, "Audited by Bob");
        TestCampaigns.rename(alice, campaign, "Audited by Alice again");
        PlaymarkApi auditor = as(Role.AUDITOR);

        String byAlice = SEARCH + "?principal=" + aliceName.replace(" ", "+") + "&aggregateId=" + campaign;
        JsonNode hits = await(auditor, byAlice, 3);
        assertThat(hits.valueStream().map(hit -> hit.get("eventType").asString()))
                .containsExactly("CampaignCreatedEvent", "CampaignRenamedEvent", "CampaignRenamedEvent");
        JsonNode rename = hits.get(1);
        assertThat(rename.get("principal").asString()).isEqualTo(aliceName);
        assertThat(rename.get("apiKeyId").asString()).isEqualTo(aliceKey.key().id());
        assertThat(rename.get("authentication").asString()).isEqualTo("api-key");
        assertThat(rename.get("aggregateType").asString()).isEqualTo("Campaign");
        assertThat(rename.get("sequenceNumber").asLong()).isEqualTo(1);
        assertThat(rename.get("clientAddress").asString()).isNotBlank();
        assertThat(rename.get("correlationId").asString()).isNotBlank();
        assertThat(rename.get("globalPosition").asLong()).isGreaterThan(hits.get(0).get("globalPosition").asLong());
        assertThat(rename.get("fields").valueStream().map(JsonNode::asString)).containsExactly("campaignId", "name",
                "previousName");

        String renames = SEARCH + "?eventType=CampaignRenamedEvent&aggregateType=Campaign&aggregateId=" + campaign
                + "&from=" + before + "&to=" + Instant.now().plusSeconds(60);
        JsonNode firstPage = auditor.get(renames + "&first=2").body();
        assertThat(firstPage.get("items").valueStream().map(hit -> hit.get("principal").asString()))
                .containsExactly(aliceName, "bob " + suffix);
        JsonNode secondPage = auditor.get(renames + "&first=2&after=" + firstPage.get("nextCursor").asString()).body();
        assertThat(secondPage.get("items").valueStream().map(hit -> hit.get("principal").asString()))
                .containsExactly(aliceName);
        assertThat(secondPage.get("nextCursor").isNull()).isTrue();
        assertThat(auditor.get(SEARCH + "?aggregateId=" + campaign + "&to=" + before).body().get("items").isEmpty())
                .as("nothing before the campaign was made").isTrue();

        JsonNode connection = dataOf(auditor.graphQl("query($who: String, $id: String) { auditSearch(principal: $who, "
                + "aggregateId: $id, eventType: \"CampaignRenamedEvent\", first: 1) { edges { cursor node { "
                + "principal eventType aggregateId sequenceNumber apiKeyId fields } } pageInfo { hasNextPage "
                + "endCursor } } }", "who", aliceName, "id", campaign), "auditSearch");
        assertThat(connection.get("edges").get(0).get("node").get("sequenceNumber").asLong()).isEqualTo(1);
        assertThat(connection.get("pageInfo").get("hasNextPage").asBoolean()).isTrue();
        JsonNode next = dataOf(auditor.graphQl("query($who: String, $after: String) { auditSearch(principal: $who, "
                + "eventType: \"CampaignRenamedEvent\", after: $after) { edges { node { sequenceNumber } } "
                + "pageInfo { hasNextPage } } }", "who", aliceName, "after",
                connection.get("pageInfo").get("endCursor").asString()), "auditSearch");
        assertThat(next.get("edges").valueStream().map(edge -> edge.get("node").get("sequenceNumber").asLong()))
                .containsExactly(3L);

        PlaymarkApi.Response csv = auditor.get(SEARCH + "/export.csv?aggregateId=" + campaign);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<String> lines = csv.text().lines().toList();
        assertThat(lines.getFirst()).startsWith("globalPosition,timestamp,eventType,aggregateType,aggregateId,"
                + "sequenceNumber,principal");
        assertThat(lines.subList(1, lines.size())).hasSize(4)
                .allMatch(line -> line.contains(",Campaign," + campaign + ","));
        assertThat(lines.get(3)).contains(",CampaignRenamedEvent,", ",2,bob " + suffix + ",api-key,",
                "campaignId name");
    }

    @Test
    void only_auditors_and_admins_search_and_bad_criteria_are_400_problems() {
        PlaymarkApi manager = as(Role.MANAGER);
        assertThat(manager.get(SEARCH).status()).isEqualTo(403);
        assertThat(manager.get(SEARCH + "/export.csv").status()).isEqualTo(403);
        assertThat(anonymous().get(SEARCH).status()).isEqualTo(401);
        JsonNode refused = manager.graphQl("{ auditSearch { edges { cursor } } }");
        assertThat(refused.get("errors").get(0).get("extensions").get("classification").asString())
                .isEqualTo("FORBIDDEN");
        PlaymarkApi admin = asAdmin();
        assertThat(admin.get(SEARCH).status()).isEqualTo(200);
        PlaymarkApi.Response badInstant = admin.get(SEARCH + "?from=yesterday");
        assertThat(badInstant.status()).isEqualTo(400);
        assertThat(badInstant.body().get("field").asString()).isEqualTo("from");
        assertThat(admin.get(SEARCH + "?after=nonsense").status()).isEqualTo(400);
        assertThat(admin.get(SEARCH + "/export.csv?to=never").status()).isEqualTo(400);
    }

    private static JsonNode await(PlaymarkApi api, String search, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonNode items = api.get(search).body().get("items");
        while (items.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
            items = api.get(search).body().get("items");
        }
        assertThat(items.size()).as(items.toString()).isEqualTo(count);
        return items;
    }
}
