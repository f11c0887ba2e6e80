package io.playmark.infra.play;

import io.playmark.infra.security.Role;
import io.playmark.infra.support.PlaymarkApi;
import io.playmark.infra.support.PlaymarkIntegrationTest;
import io.playmark.infra.support.TestScreens;
import io.playmark.infra.support.TestScreens.Screen;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.playmark.infra.support.TestScreens.play;
import static org.assertj.core.api.Assertions.assertThat;

/** Screens upload their plays over REST: every play counted once, each bad one refused alone. */
class PlayIngestionIT extends PlaymarkIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @org.springframework.beans.factory.annotation.Autowired
    private co.elastic.clients.elasticsearch.ElasticsearchClient elasticsearch;
    private final String asset = UUID.randomUUID().toString();
    private final String campaign = UUID.randomUUID().toString();
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    private Screen screen(String name) {
        return TestScreens.register(asAdmin(), port, name + " " + UUID.randomUUID(), "Europe/Berlin", 52.52, 13.41,
                List.of("pop"));
    }

    private List<Map<String, Object>> plays(int count, Instant from) {
        List<Map<String, Object>> plays = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            plays.add(play(asset, campaign, from.plusSeconds(15L * i), 15_000, "COMPLETED"));
        }
        return plays;
    }

    private static void assertCounts(PlaymarkApi.Response answer, int accepted, int duplicates, int rejected) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.body().get("accepted").asInt()).as(answer.text()).isEqualTo(accepted);
        assertThat(answer.body().get("duplicates").asInt()).as(answer.text()).isEqualTo(duplicates);
        assertThat(answer.body().get("rejected").size()).as(answer.text()).isEqualTo(rejected);
    }

    @Test
    void a_batch_resent_whole_or_in_part_is_counted_once_and_a_play_twice_in_one_batch_once() {
        Screen screen = screen("Resending");
        List<Map<String, Object>> batch = plays(500, now.minus(Duration.ofHours(3)));

        long started = System.nanoTime();
        assertCounts(screen.upload(batch), 500, 0, 0);
        long first = System.nanoTime() - started;
        started = System.nanoTime();
        assertCounts(screen.upload(batch), 0, 500, 0);
        long again = System.nanoTime() - started;
        System.out.printf("500 new plays in %d ms; the same 500 again in %d ms%n", first / 1_000_000,
                again / 1_000_000);

        List<Map<String, Object>> mixed = new ArrayList<>(batch.subList(0, 10));
        mixed.addAll(plays(5, now.minus(Duration.ofHours(1))));
        mixed.add(mixed.get(12));
        assertCounts(screen.upload(mixed), 5, 11, 0);
    }

    @Test
    void malformed_plays_and_plays_outside_the_window_are_refused_alone_naming_the_reason() {
        Screen screen = screen("Malformed");
        List<Map<String, Object>> batch = plays(9, now.minus(Duration.ofDays(2)));
        batch.get(1).put("playId", "not-a-uuid");
        batch.get(2).put("durationMs", -5);
        batch.get(3).put("outcome", "PLAYED");
        batch.get(4).remove("assetId");
        batch.get(5).put("startedAt", "2026-12-03T09:15:30");
        batch.get(6).put("startedAt", now.minus(Duration.ofDays(401)).toString());
        batch.get(7).put("startedAt", now.plus(Duration.ofHours(1)).toString());

        PlaymarkApi.Response answer = screen.upload(batch);

        assertCounts(answer, 2, 0, 7);
        Map<Integer, String> problems = new LinkedHashMap<>();
        answer.body().get("rejected").forEach(rejected -> problems.put(rejected.get("index").asInt(),
                rejected.get("field").asString() + ": " + rejected.get("problem").asString()));
        assertThat(problems).containsOnlyKeys(1, 2, 3, 4, 5, 6, 7);
        assertThat(problems.get(1)).startsWith("playId: ").contains("UUID");
        assertThat(problems.get(2)).startsWith("durationMs: ").contains("negative");
        assertThat(problems.get(3)).startsWith("outcome: ").contains("COMPLETED, INTERRUPTED, FAILED, SKIPPED");
        assertThat(problems.get(4)).isEqualTo("assetId: assetId is required");
        assertThat(problems.get(5)).startsWith("startedAt: ").contains("offset");
        assertThat(problems.get(6)).startsWith("startedAt: ").contains("retention");
        assertThat(problems.get(7)).startsWith("startedAt: ").contains("clock-skew");
        assertThat(answer.body().get("rejected").get(0).get("playId").isNull()).isFalse();
    }

    @Test
    void a_two_day_backlog_out_of_order_is_accepted_and_counts_as_a_heartbeat() {
        Screen screen = screen("Offline");
        List<Map<String, Object>> backlog = plays(300, now.minus(Duration.ofDays(2)));
        java.util.Collections.shuffle(backlog, new java.util.Random(7));

        assertCounts(screen.upload(backlog.subList(150, 300)), 150, 0, 0);
        assertCounts(screen.upload(backlog.subList(0, 150)), 150, 0, 0);

        JsonNode player = asAdmin().get(TestScreens.PLAYERS + "/" + screen.id()).body();
        assertThat(player.get("status").asString()).isEqualTo("ONLINE");
    }

    @Test
    void only_the_players_own_key_uploads_its_plays() {
        Screen screen = screen("Own key");
        Screen other = screen("Other key");
        Map<String, Object> body = Map.of("plays", plays(1, now.minusSeconds(60)));

        assertThat(other.api().post(screen.plays(), body).status()).isEqualTo(403);
        // staff are refused too; ADMIN with the configured key: a second ADMIN key in the shared context would let
        // ApiKeysIT revoke the configured one, which it expects to be the last
        assertThat(asAdmin().post(screen.plays(), body).status()).isEqualTo(403);
        assertThat(as(Role.MANAGER).post(screen.plays(), body).status()).isEqualTo(403);
        assertThat(anonymous().post(screen.plays(), body).status()).isEqualTo(401);
    }

    @Test
    void a_gzip_body_is_read_and_limited_before_and_after_inflating() {
        Screen screen = screen("Compressing");
        String batch = JSON.writeValueAsString(Map.of("plays", plays(1_000, now.minus(Duration.ofHours(6)))));
        assertThat(batch.length()).isLessThan(1024 * 1024);

        PlaymarkApi.Response compressed = screen.api().sendBytes("POST", screen.plays(), TestScreens.gzip(batch),
                "Content-Type", "application/json", "Content-Encoding", "gzip");
        assertCounts(compressed, 1_000, 0, 0);

        String padded = "{\"padding\": \"" + " ".repeat(1100 * 1024) + "\", \"plays\": []}";
        PlaymarkApi.Response inflatedTooLarge = screen.api().sendBytes("POST", screen.plays(),
                TestScreens.gzip(padded), "Content-Type", "application/json", "Content-Encoding", "gzip");
        assertThat(inflatedTooLarge.status()).as(inflatedTooLarge.text()).isEqualTo(413);
        PlaymarkApi.Response notGzip = screen.api().sendBytes("POST", screen.plays(),
                batch.getBytes(java.nio.charset.StandardCharsets.UTF_8), "Content-Type", "application/json",
                "Content-Encoding", "gzip");
        assertThat(notGzip.status()).as(notGzip.text()).isEqualTo(400);
        PlaymarkApi.Response plainTooLarge = screen.api().send("POST", screen.plays(), padded,
                "Content-Type", "application/json");
        assertThat(plainTooLarge.status()).isEqualTo(413);
        assertThat(plainTooLarge.contentType()).startsWith("application/problem+json");
    }

    @Test
    void more_than_a_thousand_plays_in_one_upload_are_refused_whole() {
        Screen screen = screen("Too many");
        PlaymarkApi.Response answer = screen.upload(plays(1_001, now.minus(Duration.ofHours(6))));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("field").asString()).isEqualTo("plays");
    }

    @Test
    void a_screen_sending_too_fast_is_told_when_to_retry_and_keeps_every_play_it_was_answered_for() throws Exception {
        Screen screen = screen("Hasty");
        PlaymarkApi admin = asAdmin();
        String delivered = admin.graphQl("mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }",
                "input", Map.of("name", "Hasty " + UUID.randomUUID(), "advertiser", "Acme"))
                .get("data").get("createCampaign").get("id").asString();
        Instant from = now.minus(Duration.ofHours(2));
        int accepted = 0;
        PlaymarkApi.Response answer = null;
        long started = System.nanoTime();
        for (int i = 0; i < 1_000; i++) {
            answer = screen.upload(List.of(play(asset, delivered, from.plusSeconds(i), 1_000, "COMPLETED")));
            if (answer.status() != 200) {
                break;
            }
            accepted += answer.body().get("accepted").asInt();
        }

        System.out.printf("%d one-play uploads in %d ms%n", accepted, (System.nanoTime() - started) / 1_000_000);
        assertThat(answer.status()).isEqualTo(429);
        assertThat(answer.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Integer.parseInt(seconds)).isPositive());
        assertThat(accepted).isGreaterThanOrEqualTo(100);
        io.playmark.infra.support.ProcessorWatch.await(admin, "play-analytics", "caught up",
                io.playmark.infra.support.ProcessorWatch.caughtUpWithTheHead(), Duration.ofSeconds(30));
        elasticsearch.indices().refresh(r -> r.index(io.playmark.query.play.PlayIndex.ALIAS));
        JsonNode totals = admin.graphQl("""
                query($c: ID!, $from: Instant!, $to: Instant!) { campaignDelivery(campaignId: $c, from: $from, to: $to,
                  interval: HOUR, zone: "UTC") { totals { plays } } }""", "c", delivered,
                "from", from.toString(), "to", now.toString()).get("data").get("campaignDelivery").get("totals");
        assertThat(totals.get("plays").asLong()).isEqualTo(accepted);
    }
}
