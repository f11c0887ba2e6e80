package io.playmark.infra.audit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.playmark.infra.security.Role;
import io.playmark.infra.support.PlaymarkApi;
import io.playmark.infra.support.PlaymarkIntegrationTest;
import io.playmark.kernel.campaign.CampaignRenamedEvent;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rename stored by an older build, at revision 1 (without previousName), written straight into the events
 * collection as that build wrote it, still loads: the aggregate replays it and takes the next command, the campaign
 * projection shows it, and the audit history shows it upcast to revision 2.
 */
class SchemaEvolutionIT extends PlaymarkIntegrationTest {

    private static final String CREATE = "mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }";
    private static final String RENAME = "mutation($id: ID!, $name: String!) { renameCampaign(id: $id, name: $name) "
            + "{ id } }";
    private static final String OLD_NAME = "Renamed by an old build";

    @Autowired
    private MongoClient mongo;

    @Value("${playmark.mongodb.database}")
    private String database;

    @Test
    void a_revision_1_rename_loads_replays_projects_and_shows_upcast() throws InterruptedException {
        PlaymarkApi admin = asAdmin();
        String template = dataOf(admin.graphQl(CREATE, "input", Map.of("name", "Template", "advertiser", "Acme")),
                "createCampaign").get("id").asString();
        String campaign = UUID.randomUUID().toString();
        writeAsAnOlderBuild(template, campaign);

        JsonNode history = as(Role.AUDITOR).get("/api/v1/audit/campaign/" + campaign + "/events").body();
        JsonNode rename = history.get("events").get(1);
        assertThat(rename.get("revision").asString()).isEqualTo("2");
        assertThat(rename.get("payload").get("name").asString()).isEqualTo(OLD_NAME);
        assertThat(rename.get("payload").has("previousName")).isTrue();
        assertThat(rename.get("payload").get("previousName").isNull()).isTrue();

        assertThat(projectedName(admin, campaign)).as("the campaign read model, from the old event")
                .isEqualTo(OLD_NAME);
        JsonNode state = as(Role.AUDITOR).get("/api/v1/audit/campaign/" + campaign + "/state?at=1").body();
        assertThat(state.get("state").get("name").asString()).isEqualTo(OLD_NAME);

        dataOf(admin.graphQl(RENAME, "id", campaign, "name", "Renamed by this build"), "renameCampaign");
        JsonNode latest = as(Role.AUDITOR).get("/api/v1/audit/campaign/" + campaign + "/events?after=1").body();
        assertThat(latest.get("events").get(0).get("payload").get("previousName").asString())
                .as("the aggregate replayed the old rename").isEqualTo(OLD_NAME);
    }

    /** A created event as this build writes it and a revision-1 rename, at positions reserved on the shared counter. */
    private void writeAsAnOlderBuild(String template, String campaign) {
        MongoCollection<Document> events = mongo.getDatabase(database).getCollection("events");
        Document created = events.find(Filters.eq("streamKey", template + ":0")).first();
        assertThat(created).isNotNull();
        Document before = mongo.getDatabase(database).getCollection("eventSequence").findOneAndUpdate(
                Filters.eq("_id", "events"), Updates.inc("seq", 2L),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
        long position = before.get("seq", Number.class).longValue();
        Date now = Date.from(Instant.now());
        Document first = new Document(created).append("_id", position + 1).append("streamKey", campaign + ":0")
                .append("aggregateIdentifier", campaign).append("eventIdentifier", UUID.randomUUID().toString())
                .append("payload", json("{\"campaignId\":\"" + campaign + "\",\"name\":\"Old build\","
                        + "\"advertiser\":\"Acme\"}"))
                .append("timestamp", now);
        Document renamed = new Document(first).append("_id", position + 2).append("streamKey", campaign + ":1")
                .append("sequenceNumber", 1L).append("eventIdentifier", UUID.randomUUID().toString())
                .append("payloadType", CampaignRenamedEvent.class.getName()).append("payloadRevision", "1")
                .append("payload", json("{\"campaignId\":\"" + campaign + "\",\"name\":\"" + OLD_NAME + "\"}"));
        events.insertMany(List.of(first, renamed));
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String projectedName(PlaymarkApi api, String campaign) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        String name = null;
        while (!OLD_NAME.equals(name) && Instant.now().isBefore(deadline)) {
            JsonNode found = api.graphQl("query($id: ID!) { campaign(id: $id) { name } }", "id", campaign);
            JsonNode view = found.path("data").path("campaign");
            name = view.isObject() ? view.get("name").asString() : null;
            Thread.sleep(100);
        }
        return name;
    }
}
