package io.playmark.infra.audit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.playmark.infra.eventstore.EventCheckpoints;
import io.playmark.infra.security.Role;
import io.playmark.infra.support.PlaymarkApi;
import io.playmark.infra.support.PlaymarkIntegrationTest;
import io.playmark.infra.support.TestCampaigns;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Verification as a job over REST: clean on an untouched store, and an event changed in MongoDB found by position. */
class TamperEvidenceIT extends PlaymarkIntegrationTest {

    @Autowired
    private MongoClient mongo;
    @Value("${playmark.mongodb.database}")
    private String database;
    @Autowired
    private EventCheckpoints checkpoints;

    @Test
    void verify_reports_a_clean_store_then_the_position_of_an_event_changed_directly_in_mongodb()
            throws InterruptedException {
        PlaymarkApi manager = as(Role.MANAGER);
        PlaymarkApi auditor = as(Role.AUDITOR);
        String campaign = TestCampaigns.create(manager, "Chained");
        TestCampaigns.rename(manager, campaign, "Chained again");
        TestCampaigns.rename(manager, campaign, "Chained thrice");
        checkpoints.extend();

        JsonNode one = finished(auditor, auditor.get(verify("?aggregateType=Campaign&aggregateId=" + campaign)));
        assertThat(one.get("clean").asBoolean()).as(one.toString()).isTrue();
        assertThat(one.get("chained").asLong()).isEqualTo(3);
        JsonNode all = finished(auditor, auditor.get(verify("")));
        assertThat(all.get("breaks").isEmpty()).as(all.toString()).isTrue();
        assertThat(all.get("clean").asBoolean()).isTrue();
        assertThat(all.get("percent").asInt()).isEqualTo(100);
        assertThat(all.get("checked").asLong()).isGreaterThan(3);

        MongoCollection<Document> events = mongo.getDatabase(database).getCollection("events");
        Document original = events.find(Filters.eq("streamKey", campaign + ":1")).first();
        String payload = new String(original.get("payload", Binary.class).getData(), StandardCharsets.UTF_8);
        events.updateOne(Filters.eq("_id", original.get("_id")), Updates.set("payload",
                new Binary(payload.replace("Chained again", "Forged").getBytes(StandardCharsets.UTF_8))));
        try {
            JsonNode tampered = finished(auditor, asAdmin().get(
                    verify("?aggregateType=Campaign&aggregateId=" + campaign)));
            assertThat(tampered.get("clean").asBoolean()).isFalse();
            assertThat(tampered.get("breakCount").asLong()).isEqualTo(1);
            JsonNode found = tampered.get("breaks").get(0);
            assertThat(found.get("position").asLong()).isEqualTo(original.get("_id", Number.class).longValue());
            assertThat(found.get("aggregateId").asString()).isEqualTo(campaign);
            assertThat(found.get("sequenceNumber").asLong()).isEqualTo(1);
            assertThat(found.get("expected").asString()).isEqualTo(
                    java.util.HexFormat.of().formatHex(original.get("hash", Binary.class).getData()));

            JsonNode store = finished(auditor, auditor.get(verify("")));
            assertThat(store.get("breaks").valueStream().map(b -> b.get("position").asLong()))
                    .contains(original.get("_id", Number.class).longValue());
        } finally {
            // the shared store stays as written for the tests after this one
            events.replaceOne(Filters.eq("_id", original.get("_id")), original);
        }
    }

    @Test
    void verify_needs_an_auditor_or_an_admin_and_a_known_aggregate() {
        assertThat(as(Role.MANAGER).get(verify("")).status()).isEqualTo(403);
        assertThat(anonymous().get(verify("")).status()).isEqualTo(401);
        PlaymarkApi auditor = as(Role.AUDITOR);
        assertThat(auditor.get(verify("?aggregateType=Campaign&aggregateId=no-such-campaign")).status())
                .isEqualTo(404);
        assertThat(auditor.get(verify("?aggregateId=no-type")).status()).isEqualTo(400);
        assertThat(auditor.get("/api/v1/audit/verifications/unknown").status()).isEqualTo(404);
    }

    static String verify(String query) {
        return "/api/v1/audit/verify" + query;
    }

    private static JsonNode finished(PlaymarkApi api, PlaymarkApi.Response started) throws InterruptedException {
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode status = api.get(location).body();
        while (!status.get("status").asString().matches("COMPLETED|FAILED") && System.nanoTime() < deadline) {
            Thread.sleep(200);
            status = api.get(location).body();
        }
        assertThat(status.get("status").asString()).as(status.toString()).isEqualTo("COMPLETED");
        return status;
    }

}
