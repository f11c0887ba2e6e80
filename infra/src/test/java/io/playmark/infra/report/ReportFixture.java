package io.playmark.infra.report;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.playmark.infra.support.PlaymarkApi;
import io.playmark.infra.support.ProcessorWatch;
import io.playmark.infra.support.TestAssets;
import io.playmark.infra.support.TestScreens;
import io.playmark.kernel.asset.MediaKind;
import io.playmark.query.play.PlayAnalyticsProjection;
import io.playmark.query.play.PlayIndex;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Screens, a campaign and an asset, and plays the screens upload as they do; then the plays are searchable. */
final class ReportFixture {

    final String asset;
    final String campaign;
    final List<String> playIds = new ArrayList<>();
    private final PlaymarkApi admin;
    private final int port;
    private final ElasticsearchClient elasticsearch;

    ReportFixture(ApplicationContext playmark, PlaymarkApi admin, int port) {
        this.admin = admin;
        this.port = port;
        this.elasticsearch = playmark.getBean(ElasticsearchClient.class);
        TestAssets assets = TestAssets.of(playmark);
        asset = assets.register("Report spot " + UUID.randomUUID(), "spot.mp4", "/reports", Set.of(),
                assets.store(TestAssets.randomBytes(1000), "video/mp4"), "video/mp4", MediaKind.VIDEO).value();
        JsonNode created = admin.graphQl("mutation($input: CreateCampaignInput!) { createCampaign(input: $input) "
                + "{ id } }", "input", Map.of("name", "Report campaign " + UUID.randomUUID(), "advertiser", "Acme"));
        campaign = created.get("data").get("createCampaign").get("id").asString();
    }

    TestScreens.Screen screen(String zone) {
        return TestScreens.register(admin, port, "Report screen " + UUID.randomUUID(), zone, 52.52, 13.41,
                List.of("reports"));
    }

    Map<String, Object> play(Instant at, String outcome) {
        Map<String, Object> play = TestScreens.play(asset, campaign, at, outcome.equals("FAILED") ? 0 : 15_000,
                outcome);
        play.put("audience", Map.of("impressions", 3, "dwellMs", 2_000));
        if (outcome.equals("FAILED")) {
            play.put("error", "decoder: broken stream");
        }
        playIds.add((String) play.get("playId"));
        return play;
    }

    void upload(TestScreens.Screen screen, List<Map<String, Object>> plays) throws IOException {
        PlaymarkApi.Response answer = screen.upload(plays);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.body().get("accepted").asInt()).as(answer.text()).isEqualTo(plays.size());
    }

    void searchable() throws IOException, InterruptedException {
        ProcessorWatch.await(admin, PlayAnalyticsProjection.PROCESSING_GROUP, "caught up",
                ProcessorWatch.caughtUpWithTheHead(), Duration.ofSeconds(60));
        elasticsearch.indices().refresh(r -> r.index(PlayIndex.ALIAS));
    }
}
