package io.playmark.infra.play;

import io.playmark.infra.PlaymarkApplication;
import io.playmark.infra.support.PlaymarkApi;
import io.playmark.infra.support.ProcessorWatch;
import io.playmark.infra.support.TestScreens;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.playmark.query.play.PlayAnalyticsProjection;
import io.playmark.query.play.PlayIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.playmark.infra.support.TestScreens.play;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A screen's upload whose answer was lost in a restart, sent again after it with new plays: nothing lost, nothing
 * counted twice, on the persistent default (the H2 file).
 */
class PlayRestartIT {

    private static final String ADMIN_KEY = "pmk_play-restart-admin-key-01";

    @TempDir
    Path dataDirectory;

    @Test
    void a_batch_retried_after_a_restart_counts_its_plays_once() throws Exception {
        String asset = UUID.randomUUID().toString();
        String campaign;
        Instant hour = Instant.now().minus(Duration.ofHours(4)).truncatedTo(ChronoUnit.HOURS);
        List<Map<String, Object>> before = plays(asset, null, hour, 0, 200);
        TestScreens.Screen screen;
        try (ConfigurableApplicationContext first = start()) {
            PlaymarkApi admin = PlaymarkApi.of(first, ADMIN_KEY);
            campaign = admin.graphQl("mutation { createCampaign(input: {name: \"Restarted\", advertiser: \"Acme\"}) { id } }")
                    .get("data").get("createCampaign").get("id").asString();
            before.forEach(play -> play.put("campaignId", campaign));
            screen = TestScreens.register(admin, port(first), "Restarted screen", "Europe/Berlin", 52.5, 13.4,
                    List.of());
            assertThat(screen.upload(before).body().get("accepted").asInt()).isEqualTo(200);
        }

        try (ConfigurableApplicationContext second = start()) {
            PlaymarkApi admin = PlaymarkApi.of(second, ADMIN_KEY);
            TestScreens.Screen again = screen.on(second);
            List<Map<String, Object>> retried = new ArrayList<>(before);
            retried.addAll(plays(asset, campaign, hour, 200, 300));
            JsonNode answer = again.upload(retried).body();
            assertThat(answer.get("accepted").asInt()).as(answer.toString()).isEqualTo(100);
            assertThat(answer.get("duplicates").asInt()).as(answer.toString()).isEqualTo(200);

            ProcessorWatch.await(admin, PlayAnalyticsProjection.PROCESSING_GROUP, "caught up",
                    ProcessorWatch.caughtUpWithTheHead(), Duration.ofSeconds(60));
            second.getBean(ElasticsearchClient.class).indices().refresh(r -> r.index(PlayIndex.ALIAS));
            JsonNode totals = admin.graphQl("""
                    query($c: ID!, $from: Instant!, $to: Instant!) { campaignDelivery(campaignId: $c, from: $from,
                      to: $to, interval: HOUR, zone: "UTC") { totals { plays } } }""", "c", campaign,
                    "from", hour.toString(), "to", hour.plus(Duration.ofHours(3)).toString())
                    .get("data").get("campaignDelivery").get("totals");
            assertThat(totals.get("plays").asLong()).isEqualTo(300);
        }
    }

    /** Plays of 10 s each, one after another from the hour on, numbered from {@code from} up to {@code to}. */
    private static List<Map<String, Object>> plays(String asset, String campaign, Instant hour, int from, int to) {
        List<Map<String, Object>> plays = new ArrayList<>();
        for (int i = from; i < to; i++) {
            plays.add(play(asset, campaign, hour.plusSeconds(10L * i), 10_000, "COMPLETED"));
        }
        return plays;
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(PlaymarkApplication.class).run("--server.port=0",
                "--playmark.data-dir=" + dataDirectory, "--playmark.mongodb.embedded.backend=h2",
                "--playmark.security.admin-api-key=" + ADMIN_KEY, "--playmark.jobs.dashboard.enabled=false");
    }
}
