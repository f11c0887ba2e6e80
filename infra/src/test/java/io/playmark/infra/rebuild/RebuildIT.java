package io.playmark.infra.rebuild;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.playmark.infra.support.PlaymarkApi;
import io.playmark.infra.support.PlaymarkIntegrationTest;
import io.playmark.infra.support.ProcessorWatch;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rebuilding the campaign projections without downtime: searches and reads keep answering from the live index and
 * collection while the replay builds new ones, which are swapped in complete.
 */
class RebuildIT extends PlaymarkIntegrationTest {

    private static final List<String> CAMPAIGN_PROJECTIONS = List.of("campaign-search", "campaign-read-model");

    @Autowired
    EventStore eventStore;
    @Autowired
    ElasticsearchClient elasticsearch;
    @Autowired
    MongoTemplate mongo;

    @Test
    void a_rebuild_of_the_campaign_projections_keeps_answering_and_swaps_in_a_complete_index_and_collection()
            throws Exception {
        PlaymarkApi api = asAdmin();
        String advertiser = "Beacon" + UUID.randomUUID().toString().substring(0, 8);
        String id = api.graphQl("mutation($a: String!) { createCampaign(input: {name: \"Kept in sight\", "
                + "advertiser: $a}) { id } }", "a", advertiser).get("data").get("createCampaign").get("id").asString();
        CampaignHistory.append(eventStore, "Rebuilt history", 6_000);
        for (String projection : CAMPAIGN_PROJECTIONS) {
            ProcessorWatch.await(api, projection, "caught up", ProcessorWatch.caughtUpWithTheHead(), Duration.ofSeconds(60));
        }
        String liveIndex = indicesBehind("campaigns").iterator().next();

        Poller poller = new Poller(api, id, advertiser);
        Thread polling = Thread.ofVirtual().start(poller);
        try {
            JsonNode search = api.post("/api/v1/admin/processors/campaign-search/replay", Map.of()).body();
            JsonNode readModel = api.post("/api/v1/admin/processors/campaign-read-model/replay", Map.of()).body();

            assertThat(search.at("/rebuild/targets/0/live").asString()).isEqualTo(liveIndex);
            String building = search.at("/rebuild/targets/0/building").asString();
            assertThat(building).isNotEqualTo(liveIndex).startsWith("campaigns-v");
            assertThat(readModel.at("/rebuild/targets/0/building").asString()).isEqualTo("campaigns__rebuild");
            assertThat(readModel.at("/rebuild/targets/0/live").asString()).isEqualTo("campaigns");

            // a change while the replay runs: written to the live models and the ones being built
            Thread renaming = Thread.ofVirtual().start(() -> api.graphQl(
                    "mutation($id: ID!) { renameCampaign(id: $id, name: \"Renamed mid-rebuild\") { id } }", "id", id));
            JsonNode progress = ProcessorWatch.await(api, "campaign-search", "showing its rebuild's rate",
                    status -> status.at("/rebuild/eventsPerSecond").asDouble() > 0, Duration.ofSeconds(60));
            assertThat(progress.at("/rebuild/percent").asInt()).isBetween(0, 100);
            assertThat(progress.at("/rebuild/estimatedSecondsLeft").isNumber()).as("time left in %s", progress).isTrue();
            for (String projection : CAMPAIGN_PROJECTIONS) {
                ProcessorWatch.await(api, projection, "rebuilt", status -> status.get("rebuild").isNull()
                        && !status.get("replaying").asBoolean(), Duration.ofSeconds(120));
            }
            renaming.join();

            assertThat(indicesBehind("campaigns")).containsExactly(building);
            assertThat(elasticsearch.indices().exists(e -> e.index(liveIndex)).value()).isFalse();
            assertThat(mongo.collectionExists("campaigns__rebuild")).isFalse();
        } finally {
            poller.stop.set(true);
            polling.join();
        }
        assertThat(poller.failures).isEmpty();
        assertThat(poller.answers.get()).isGreaterThan(3);

        long campaigns = mongo.count(new Query(), "campaigns");
        elasticsearch.indices().refresh(r -> r.index("campaigns"));
        assertThat(elasticsearch.count(c -> c.index("campaigns")).count()).isEqualTo(campaigns);
        assertThat(api.graphQl("query($id: ID!) { campaign(id: $id) { name } }", "id", id)
                .at("/data/campaign/name").asString()).isEqualTo("Renamed mid-rebuild");
        assertThat(api.graphQl("query($t: String!) { searchCampaigns(text: $t) { name } }", "t", advertiser)
                .at("/data/searchCampaigns/0/name").asString()).isEqualTo("Renamed mid-rebuild");
    }

    private Set<String> indicesBehind(String alias) throws Exception {
        return elasticsearch.indices().getAlias(a -> a.name(alias)).aliases().keySet();
    }

    /** Searches for the campaign and reads it, again and again, recording every answer that misses it. */
    private static final class Poller implements Runnable {
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicInteger answers = new AtomicInteger();
        final List<String> failures = new CopyOnWriteArrayList<>();
        private final PlaymarkApi api;
        private final String id;
        private final String advertiser;

        Poller(PlaymarkApi api, String id, String advertiser) {
            this.api = api;
            this.id = id;
            this.advertiser = advertiser;
        }

        @Override
        public void run() {
            while (!stop.get()) {
                JsonNode found = api.graphQl("query($t: String!, $id: ID!) { searchCampaigns(text: $t) { id } "
                        + "campaign(id: $id) { id } }", "t", advertiser, "id", id);
                boolean searched = found.at("/data/searchCampaigns").valueStream()
                        .anyMatch(hit -> hit.get("id").asString().equals(id));
                boolean read = id.equals(found.at("/data/campaign/id").asString());
                if (!searched || !read) {
                    failures.add(found.toString());
                }
                answers.incrementAndGet();
            }
        }
    }
}
