package io.playmark.infra.scaling;

import io.playmark.infra.PlaymarkApplication;
import io.playmark.infra.axon.PlaymarkInstance;
import io.playmark.infra.support.PlaymarkApi;
import io.playmark.query.consistency.ProjectionCatchUp;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.elasticsearch.autoconfigure.ElasticsearchConnectionDetails;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Playmark instances on shared stores: the second is pointed at the first one's embedded MongoDB-compatible
 * server and Elasticsearch node, as a second process would be at a real replica set and cluster.
 */
class MultiInstanceIT {

    private static final String ADMIN_KEY = "pmk_multi-instance-admin-key-01";
    private static final List<String> PROJECTIONS = List.of("campaign-read-model", "campaign-search");

    @TempDir
    static Path dataDirectory;

    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void startTwoInstancesOnSharedStores() {
        first = start(dataDirectory.resolve("first"));
        second = start(dataDirectory.resolve("second"),
                "--playmark.mongodb.uri=" + first.getBean(MongoConnectionDetails.class).getConnectionString(),
                "--playmark.elasticsearch.uris=" + elasticsearchUris(first),
                // long enough that a wait which never sees the projections catch up is a timeout, counted
                "--playmark.read-your-writes.timeout=60s");
    }

    @AfterAll
    static void stopThem() {
        second.close();
        first.close();
    }

    @Test
    void a_mutation_on_an_instance_that_owns_no_segment_waits_for_the_projections_where_they_run() {
        {
            assertThat(PROJECTIONS).allSatisfy(projection ->
                    assertThat(processor(second, projection).processingStatus()).as(projection).isEmpty());
            PlaymarkApi onSecond = api(second);

            for (int i = 0; i < 5; i++) {
                String name = "Made on the second instance " + i;
                JsonNode created = onSecond.graphQl("mutation($name: String!) { createCampaign(input: {name: $name, "
                        + "advertiser: \"Shared stores\"}) { id name } }", "name", name);
                assertThat(created.get("errors")).as(created.toString()).isNull();
                String id = created.get("data").get("createCampaign").get("id").asString();

                JsonNode read = onSecond.graphQl("query($id: ID!) { campaign(id: $id) { name } }", "id", id);
                assertThat(read.get("data").get("campaign").get("name").asString()).isEqualTo(name);
                JsonNode onFirst = api(first).graphQl("query($id: ID!) { campaign(id: $id) { name } }", "id", id);
                assertThat(onFirst.get("data").get("campaign").get("name").asString()).isEqualTo(name);
            }
            JsonNode found = onSecond.graphQl("{ searchCampaigns(text: \"shared stores\", first: 10) { id } }");
            assertThat(found.get("data").get("searchCampaigns")).hasSize(5);
            assertThat(second.getBean(ProjectionCatchUp.class).timeouts())
                    .as("every mutation saw its projections catch up on the first instance").isZero();
        }
    }

    @Test
    void concurrent_commands_for_one_aggregate_from_both_instances_are_each_applied_once() throws Exception {
        String id = api(first).graphQl("mutation { createCampaign(input: {name: \"Raced\", advertiser: \"Acme\"}) { id } }")
                .get("data").get("createCampaign").get("id").asString();
        int renames = 12;
        List<Callable<JsonNode>> racers = new ArrayList<>();
        for (int i = 0; i < renames; i++) {
            PlaymarkApi instance = api(i % 2 == 0 ? first : second);
            String name = "Raced " + i;
            racers.add(() -> instance.graphQl("mutation($id: ID!, $name: String!) { renameCampaign(id: $id, name: $name) "
                    + "{ version } }", "id", id, "name", name));
        }
        List<JsonNode> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(renames)) {
            for (Future<JsonNode> answer : pool.invokeAll(racers)) {
                answers.add(answer.get());
            }
        }

        assertThat(answers).allSatisfy(answer -> assertThat(answer.get("errors")).as(answer.toString()).isNull());
        JsonNode campaign = api(second).graphQl("query($id: ID!) { campaign(id: $id) { name version } }", "id", id)
                .get("data").get("campaign");
        assertThat(campaign.get("version").asInt()).as("every rename applied, none twice").isEqualTo(renames);
        assertThat(campaign.get("name").asString()).startsWith("Raced ");
    }

    @Test
    void the_processors_endpoint_of_either_instance_says_which_instance_holds_each_segment() {
        String firstId = first.getBean(PlaymarkInstance.class).id();
        assertThat(firstId).isNotEqualTo(second.getBean(PlaymarkInstance.class).id());

        for (ConfigurableApplicationContext instance : List.of(first, second)) {
            JsonNode processors = api(instance).get("/api/v1/admin/processors").body();
            for (String projection : PROJECTIONS) {
                JsonNode status = processors.valueStream()
                        .filter(processor -> processor.get("name").asString().equals(projection)).findFirst().orElseThrow();
                assertThat(status.get("segments")).as(projection).isNotEmpty().allSatisfy(segment -> {
                    assertThat(segment.get("owner").asString()).isEqualTo(firstId);
                    assertThat(segment.get("local").asBoolean()).isEqualTo(instance == first);
                    assertThat(segment.get("lag").isNumber()).isTrue();
                });
            }
        }
    }

    private static ConfigurableApplicationContext start(Path dataDirectory, String... moreArguments) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--playmark.data-dir=" + dataDirectory,
                "--playmark.mongodb.embedded.backend=memory",
                "--playmark.jobs.dashboard.enabled=false",
                "--playmark.security.admin-api-key=" + ADMIN_KEY));
        arguments.addAll(List.of(moreArguments));
        return new SpringApplicationBuilder(PlaymarkApplication.class).run(arguments.toArray(String[]::new));
    }

    private static String elasticsearchUris(ConfigurableApplicationContext context) {
        return context.getBean(ElasticsearchConnectionDetails.class).getNodes().stream()
                .map(node -> node.protocol().name().toLowerCase(java.util.Locale.ROOT) + "://" + node.hostname() + ":" + node.port())
                .collect(Collectors.joining(","));
    }

    private static StreamingEventProcessor processor(ConfigurableApplicationContext context, String name) {
        return context.getBean(EventProcessingConfiguration.class)
                .eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
    }

    private static PlaymarkApi api(ConfigurableApplicationContext context) {
        return new PlaymarkApi(((WebServerApplicationContext) context).getWebServer().getPort(), ADMIN_KEY);
    }
}
