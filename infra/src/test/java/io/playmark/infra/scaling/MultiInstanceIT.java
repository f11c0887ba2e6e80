package io.playmark.infra.scaling;

import io.playmark.infra.PlaymarkApplication;
import io.playmark.infra.support.PlaymarkApi;
import io.playmark.query.consistency.ProjectionCatchUp;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
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
    Path dataDirectory;

    @Test
    void a_mutation_on_an_instance_that_owns_no_segment_waits_for_the_projections_where_they_run() {
        try (ConfigurableApplicationContext first = start(dataDirectory.resolve("first"));
             ConfigurableApplicationContext second = start(dataDirectory.resolve("second"),
                     "--playmark.mongodb.uri=" + first.getBean(MongoConnectionDetails.class).getConnectionString(),
                     "--playmark.elasticsearch.uris=" + elasticsearchUris(first),
                     // long enough that a wait which never sees the projections catch up is a timeout, counted
                     "--playmark.read-your-writes.timeout=60s")) {
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
