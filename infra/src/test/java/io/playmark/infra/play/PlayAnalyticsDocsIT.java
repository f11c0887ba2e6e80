package io.playmark.infra.play;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.playmark.infra.support.PlaymarkApi;
import io.playmark.infra.support.PlaymarkIntegrationTest;
import io.playmark.infra.support.ProcessorWatch;
import io.playmark.infra.support.TestScreens;
import io.playmark.infra.support.TestScreens.Screen;
import io.playmark.query.play.PlayAnalyticsProjection;
import io.playmark.query.play.PlayIndex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.elasticsearch.autoconfigure.ElasticsearchConnectionDetails;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.playmark.infra.support.TestScreens.play;
import static org.assertj.core.api.Assertions.assertThat;

/** The analysts' example queries of docs/analytics.md answer, sent as curl sends them, against the embedded node. */
class PlayAnalyticsDocsIT extends PlaymarkIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern EXAMPLE = Pattern.compile(
            "### (.+?)\\n.*?curl -s \"\\$ES/(plays/_search\\?size=0)\" -H 'Content-Type: application/json' -d '\\n(.*?)'\\n```",
            Pattern.DOTALL);

    private static final String RUN = UUID.randomUUID().toString();
    private static Map<String, JsonNode> answers;

    @Autowired
    private ElasticsearchConnectionDetails elasticsearch;
    @Autowired
    private ElasticsearchClient client;

    @BeforeAll
    static void noAnswersYet() {
        answers = null;
    }

    /** Two screens, one in Berlin and one in Munich, with a failure among their plays; then each example's answer. */
    private Map<String, JsonNode> answers() throws Exception {
        if (answers != null) {
            return answers;
        }
        PlaymarkApi admin = asAdmin();
        Screen berlin = TestScreens.register(admin, port, "Docs Berlin " + RUN, "Europe/Berlin", 52.52, 13.41, List.of());
        Screen munich = TestScreens.register(admin, port, "Docs Munich " + RUN, "Europe/Berlin", 48.14, 11.58, List.of());
        String campaign = admin.graphQl("mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }",
                "input", Map.of("name", "Docs " + RUN, "advertiser", "Acme")).get("data").get("createCampaign")
                .get("id").asString();
        String asset = UUID.randomUUID().toString();
        Instant start = Instant.now().minus(Duration.ofHours(5));
        List<Map<String, Object>> plays = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            plays.add(play(asset, campaign, start.plusSeconds(60L * i), 15_000, i == 5 ? "FAILED" : "COMPLETED"));
        }
        plays.getLast().put("error", "docs: decoder failed " + RUN);
        assertThat(berlin.upload(plays).body().get("accepted").asInt()).isEqualTo(6);
        assertThat(munich.upload(List.of(play(asset, campaign, start, 15_000, "INTERRUPTED"))).status()).isEqualTo(200);
        ProcessorWatch.await(admin, PlayAnalyticsProjection.PROCESSING_GROUP, "caught up",
                ProcessorWatch.caughtUpWithTheHead(), Duration.ofSeconds(30));
        client.indices().refresh(r -> r.index(PlayIndex.ALIAS));

        String doc = Files.readString(Path.of("..", "docs", "analytics.md"));
        Matcher examples = EXAMPLE.matcher(doc);
        ElasticsearchConnectionDetails.Node first = elasticsearch.getNodes().getFirst();
        URI node = URI.create(first.protocol().name().toLowerCase(java.util.Locale.ROOT) + "://" + first.hostname() + ":" + first.port() + "/");
        Map<String, JsonNode> found = new LinkedHashMap<>();
        try (HttpClient http = HttpClient.newHttpClient()) {
            while (examples.find()) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(node.resolve(examples.group(2)))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(examples.group(3))).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(examples.group(1) + ": " + response.body()).isEqualTo(200);
                found.put(examples.group(1), JSON.readTree(response.body()).get("aggregations"));
            }
        }
        answers = found;
        return found;
    }

    private static JsonNode bucket(JsonNode buckets, String key) {
        return buckets.valueStream().filter(bucket -> bucket.get("key").asString().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no bucket " + key + " in " + buckets));
    }

    @Test
    void the_document_has_the_four_examples() throws Exception {
        assertThat(answers().keySet()).containsExactly("Delivery by campaign and day", "Completion rate by player",
                "Plays on a map", "Failures by error");
    }

    @Test
    void delivery_by_campaign_and_day_counts_the_campaigns_plays() throws Exception {
        JsonNode campaign = bucket(answers().get("Delivery by campaign and day").get("campaigns").get("buckets"),
                "Docs " + RUN);
        assertThat(campaign.get("doc_count").asLong()).isEqualTo(7);
        long days = campaign.get("days").get("buckets").valueStream().mapToLong(day -> day.get("doc_count").asLong())
                .sum();
        long completed = campaign.get("days").get("buckets").valueStream()
                .mapToLong(day -> day.get("completed").get("doc_count").asLong()).sum();
        assertThat(days).isEqualTo(7);
        assertThat(completed).isEqualTo(5);
    }

    @Test
    void completion_rate_by_player_has_each_screens_plays_and_completed_plays() throws Exception {
        JsonNode players = answers().get("Completion rate by player").get("players").get("buckets");
        JsonNode berlin = bucket(players, "Docs Berlin " + RUN);
        assertThat(berlin.get("doc_count").asLong()).isEqualTo(6);
        assertThat(berlin.get("completed").get("doc_count").asLong()).isEqualTo(5);
        assertThat(bucket(players, "Docs Munich " + RUN).get("completed").get("doc_count").asLong()).isZero();
    }

    @Test
    void plays_on_a_map_fall_on_the_screens_tiles() throws Exception {
        JsonNode tiles = answers().get("Plays on a map").get("tiles").get("buckets");
        assertThat(tiles.valueStream().anyMatch(tile -> Math.abs(tile.get("centre").get("location").get("lat")
                .asDouble() - 52.52) < 0.5)).isTrue();
        assertThat(tiles.valueStream().anyMatch(tile -> Math.abs(tile.get("centre").get("location").get("lat")
                .asDouble() - 48.14) < 0.5)).isTrue();
    }

    @Test
    void failures_by_error_name_the_error_reported() throws Exception {
        JsonNode error = bucket(answers().get("Failures by error").get("errors").get("buckets"),
                "docs: decoder failed " + RUN);
        assertThat(error.get("doc_count").asLong()).isEqualTo(1);
    }
}
