package io.playmark.infra.play;

import io.playmark.infra.security.Role;
import io.playmark.infra.support.GraphQlSubscription;
import io.playmark.infra.support.PlaymarkApi;
import io.playmark.infra.support.PlaymarkIntegrationTest;
import io.playmark.infra.support.TestScreens;
import io.playmark.infra.support.TestScreens.Screen;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.playmark.infra.support.TestScreens.play;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A dashboard follows a campaign's delivery over a GraphQL subscription (graphql-transport-ws over WebSocket): it gets
 * the figures at once and again when a screen's plays arrive, and only staff with credentials may follow.
 */
class LiveDeliveryIT extends PlaymarkIntegrationTest {

    private static final String LIVE = """
            subscription($campaign: ID!, $from: Instant!, $to: Instant!) {
              campaignDeliveryUpdates(campaignId: $campaign, from: $from, to: $to, interval: HOUR) {
                campaignId complete totals { plays completed playedMs } periods { start counts { plays } } } }""";

    private final Instant from = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(2));
    private final Instant to = from.plus(Duration.ofDays(1));

    private String key(Role role) {
        return apiKeys.issue("live " + role, Set.of(role), role == Role.PLAYER ? "player-1" : null).plainText();
    }

    private Map<String, Object> variables(String campaign, Instant rangeEnd) {
        return Map.of("campaign", campaign, "from", from.toString(), "to", rangeEnd.toString());
    }

    @Test
    void a_subscriber_gets_the_delivery_at_once_and_again_when_plays_arrive() {
        PlaymarkApi admin = asAdmin();
        String campaign = UUID.randomUUID().toString();
        String asset = UUID.randomUUID().toString();
        Screen screen = TestScreens.register(admin, port, "Live " + UUID.randomUUID(), "Europe/Berlin", 52.5, 13.4,
                List.of("live"));

        try (GraphQlSubscription live = GraphQlSubscription.open(port, LIVE, variables(campaign, to),
                "X-Api-Key", key(Role.ANALYST))) {
            JsonNode first = live.next(Duration.ofSeconds(20)).get("campaignDeliveryUpdates");
            assertThat(first.get("campaignId").asString()).isEqualTo(campaign);
            assertThat(first.get("totals").get("plays").asLong()).isZero();

            Instant hour = from.plus(Duration.ofHours(1));
            PlaymarkApi.Response sent = screen.upload(List.of(
                    play(asset, campaign, hour.plusSeconds(10), 15_000, "COMPLETED"),
                    play(asset, campaign, hour.plusSeconds(30), 15_000, "COMPLETED"),
                    play(asset, campaign, hour.plusSeconds(50), 4_000, "INTERRUPTED")));
            assertThat(sent.status()).as(sent.text()).isEqualTo(200);

            JsonNode update = live.next(Duration.ofSeconds(30)).get("campaignDeliveryUpdates");
            // plays may show in more than one update while the projection's segments catch up
            while (update.get("totals").get("plays").asLong() < 3) {
                update = live.next(Duration.ofSeconds(30)).get("campaignDeliveryUpdates");
            }
            assertThat(update.get("totals").get("plays").asLong()).isEqualTo(3);
            assertThat(update.get("totals").get("completed").asLong()).isEqualTo(2);
            assertThat(update.get("totals").get("playedMs").asLong()).isEqualTo(34_000);
            assertThat(update.get("periods").get(0).get("start").asString()).isEqualTo(hour.toString());
        }
    }

    @Test
    void a_range_the_delivery_query_refuses_is_an_error_naming_the_field() {
        try (GraphQlSubscription live = GraphQlSubscription.open(port, LIVE,
                variables(UUID.randomUUID().toString(), from.minusSeconds(1)), "X-Api-Key", key(Role.ANALYST))) {
            JsonNode refused = live.message(Duration.ofSeconds(20));
            JsonNode errors = "error".equals(refused.get("type").asString()) ? refused.get("payload")
                    : refused.get("payload").get("errors");
            assertThat(errors).as(refused.toString()).isNotNull();
            assertThat(errors.get(0).get("extensions").get("classification").asString()).isEqualTo("BAD_REQUEST");
            assertThat(errors.get(0).toString()).contains("to");
        }
    }

    @Test
    void a_screen_may_not_follow_delivery_and_a_caller_without_credentials_is_not_upgraded() {
        try (GraphQlSubscription live = GraphQlSubscription.open(port, LIVE,
                variables(UUID.randomUUID().toString(), to), "X-Api-Key", key(Role.PLAYER))) {
            JsonNode refused = live.message(Duration.ofSeconds(20));
            assertThat(refused.toString()).contains("FORBIDDEN");
        }
        assertThatThrownBy(() -> GraphQlSubscription.open(port, LIVE, variables(UUID.randomUUID().toString(), to)))
                .isInstanceOfSatisfying(GraphQlSubscription.Refused.class,
                        refused -> assertThat(refused.status()).isEqualTo(401));
    }
}
