package io.playmark.infra.play;

import io.playmark.infra.PlaymarkApplication;
import io.playmark.infra.embedded.EmbeddedElasticsearch;
import io.playmark.infra.support.JobDashboardClient;
import io.playmark.infra.support.PlaymarkApi;
import io.playmark.infra.support.ProcessorWatch;
import io.playmark.infra.support.TestScreens;
import io.playmark.query.play.PlayAnalyticsProjection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.playmark.infra.support.TestScreens.play;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Elasticsearch stopped while screens upload: the uploads are recorded all the same (they only reach the event
 * store), and once it is back the plays index catches up to exactly the plays sent.
 */
class PlayIngestionWithoutElasticsearchIT {

    private static final String ADMIN_KEY = "pmk_play-without-es-admin-key1";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dataDirectory;

    @Test
    void uploads_go_on_while_elasticsearch_is_down_and_the_index_catches_up_exactly() throws Exception {
        int port = JobDashboardClient.freePort();
        Path elasticsearchData = dataDirectory.resolve("elasticsearch");
        EmbeddedElasticsearch elasticsearch = EmbeddedElasticsearch.start(elasticsearchData, port);
        try (ConfigurableApplicationContext playmark = new SpringApplicationBuilder(PlaymarkApplication.class).run(
                "--server.port=0", "--playmark.data-dir=" + dataDirectory.resolve("playmark"),
                "--playmark.mongodb.embedded.backend=memory", "--playmark.security.admin-api-key=" + ADMIN_KEY,
                "--playmark.jobs.dashboard.enabled=false", "--playmark.elasticsearch.uris=" + elasticsearch.httpUri())) {
            PlaymarkApi admin = PlaymarkApi.of(playmark, ADMIN_KEY);
            TestScreens.Screen screen = TestScreens.register(admin,
                    ((WebServerApplicationContext) playmark).getWebServer().getPort(), "Resilient", "UTC", 1, 1,
                    List.of());
            String asset = UUID.randomUUID().toString();
            Instant from = Instant.now().minus(Duration.ofHours(3));
            assertThat(screen.upload(plays(asset, from, 0, 100)).body().get("accepted").asInt()).isEqualTo(100);

            elasticsearch.close();
            JsonNode whileDown = screen.upload(plays(asset, from, 100, 400)).body();
            assertThat(whileDown.get("accepted").asInt()).as(whileDown.toString()).isEqualTo(300);

            elasticsearch = EmbeddedElasticsearch.start(elasticsearchData, port);
            ProcessorWatch.await(admin, PlayAnalyticsProjection.PROCESSING_GROUP, "caught up",
                    ProcessorWatch.caughtUpWithTheHead(), Duration.ofSeconds(120));
            assertThat(countOf(elasticsearch.httpUri(), screen.id())).isEqualTo(400);
        } finally {
            elasticsearch.close();
        }
    }

    private static List<Map<String, Object>> plays(String asset, Instant from, int first, int end) {
        List<Map<String, Object>> plays = new ArrayList<>();
        for (int i = first; i < end; i++) {
            plays.add(play(asset, null, from.plusSeconds(10L * i), 10_000, "COMPLETED"));
        }
        return plays;
    }

    /** The player's documents, counted after a refresh, as an analyst's curl would. */
    private static long countOf(URI node, String playerId) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            http.send(HttpRequest.newBuilder(node.resolve("/plays/_refresh")).POST(HttpRequest.BodyPublishers.noBody())
                    .build(), HttpResponse.BodyHandlers.discarding());
            HttpResponse<String> count = http.send(HttpRequest.newBuilder(node.resolve("/plays/_count"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"query\": {\"term\": {\"playerId\": \"" + playerId
                            + "\"}}}")).build(), HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(count.body()).get("count").asLong();
        }
    }
}
