package io.playmark.infra.operations;

import io.playmark.infra.support.PlaymarkApi;
import io.playmark.infra.support.PlaymarkIntegrationTest;
import io.playmark.infra.support.ProcessorWatch;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What operators see: health, metrics, the event processors, and replaying a projection. */
class OperationsIT extends PlaymarkIntegrationTest {

    @Test
    void health_is_up_with_mongodb_elasticsearch_and_the_event_processors() {
        PlaymarkApi.Response health = asAdmin().get("/actuator/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().get("status").asString()).isEqualTo("UP");
        JsonNode components = health.body().get("components");
        for (String component : new String[]{"mongo", "elasticsearch", "eventProcessors"}) {
            assertThat(components.get(component).get("status").asString()).as(component).isEqualTo("UP");
        }
    }

    @Test
    void prometheus_metrics_are_served_to_admins() {
        PlaymarkApi.Response metrics = asAdmin().get("/actuator/prometheus");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.text()).contains("jvm_memory_used_bytes", "http_server_requests",
                                            "playmark_event_store_positions_given_up_total 0.0");
    }

    @Test
    void the_processors_endpoint_lists_each_projection_with_its_state() {
        JsonNode processors = asAdmin().get("/api/v1/admin/processors").body();

        assertThat(processors.valueStream().map(processor -> processor.get("name").asString()))
                .contains("campaign-read-model", "campaign-search");
        processors.valueStream().forEach(processor -> {
            assertThat(processor.get("running").asBoolean()).isTrue();
            assertThat(processor.get("error").asBoolean()).isFalse();
        });
    }

    @Test
    void replaying_a_projection_rebuilds_its_read_model_from_the_events() throws InterruptedException {
        PlaymarkApi api = asAdmin();
        String id = api.graphQl("mutation { createCampaign(input: {name: \"Replayed\", advertiser: \"Acme\"}) { id } }")
                .get("data").get("createCampaign").get("id").asString();

        PlaymarkApi.Response replay = api.post("/api/v1/admin/processors/campaign-read-model/replay", Map.of());
        assertThat(replay.status()).isEqualTo(200);

        JsonNode campaign = awaitCampaign(api, id, Duration.ofSeconds(30));
        assertThat(campaign.get("name").asString()).isEqualTo("Replayed");
    }

    @Test
    void a_replay_that_has_caught_up_is_over_without_waiting_for_a_new_event() throws InterruptedException {
        PlaymarkApi api = asAdmin();
        api.graphQl("mutation { createCampaign(input: {name: \"History to replay\", advertiser: \"Acme\"}) { id } }");

        JsonNode replay = api.post("/api/v1/admin/processors/campaign-search/replay", Map.of()).body();
        // the head as the replay started: the replay runs up to the position the processor had then, at most this
        long headAtReset = replay.get("headPosition").asLong();

        JsonNode caughtUp = ProcessorWatch.await(api, "campaign-search", "caught up with the replayed history",
                ProcessorWatch.caughtUpWith(headAtReset), Duration.ofSeconds(30));
        // Axon itself would still say "replaying" here, until some test happens to write another event
        assertThat(caughtUp.get("replaying").asBoolean()).as("replaying, in %s", caughtUp).isFalse();
        assertThat(caughtUp.get("replayProgress").isNull()).as("replay progress, in %s", caughtUp).isTrue();
        assertThat(caughtUp.get("segments").valueStream())
                .allSatisfy(segment -> assertThat(segment.get("replaying").asBoolean()).isFalse());
    }

    @Test
    void replaying_an_unknown_processor_is_a_404_problem() {
        PlaymarkApi.Response response = asAdmin().post("/api/v1/admin/processors/no-such-thing/replay", Map.of());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    private static JsonNode awaitCampaign(PlaymarkApi api, String id, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode response = api.graphQl("query($id: ID!) { campaign(id: $id) { id name } }", "id", id);
            if (response.get("errors") == null) {
                return response.get("data").get("campaign");
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("campaign " + id + " did not come back after the replay: " + response);
            }
            Thread.sleep(100);
        }
    }
}
