package io.playmark.infra.limits;

import io.playmark.infra.security.Role;
import io.playmark.infra.support.PlaymarkApi;
import io.playmark.infra.support.PlaymarkIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each API key has its own token bucket, sized by its role; callers without credentials share one per client address.
 * Answers carry the RateLimit-Policy and RateLimit headers; a caller over its quota gets 429 with Retry-After, and
 * nobody else is slowed by it. Health is never limited.
 */
class RateLimitsIT extends PlaymarkIntegrationTest {

    private static final Map<String, String> TYPENAME = Map.of("query", "{ __typename }");
    private static final Pattern REMAINING = Pattern.compile("\"per-(key|address)\";r=(\\d+);t=(\\d+)");

    @Autowired
    private RateLimitProperties properties;

    @Test
    void every_answer_says_the_callers_quota_and_what_is_left_of_it() {
        PlaymarkApi analyst = as(Role.ANALYST);
        RateLimitProperties.Quota quota = properties.roles().get(Role.ANALYST);

        PlaymarkApi.Response first = analyst.post("/graphql", TYPENAME);
        PlaymarkApi.Response second = analyst.post("/graphql", TYPENAME);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.headers().firstValue("RateLimit-Policy"))
                .hasValue("\"per-key\";q=%d;w=%d".formatted(quota.capacity(), quota.window().toSeconds()));
        assertThat(remaining(first)).isEqualTo(quota.capacity() - 1);
        assertThat(remaining(second)).as("one token more taken, unless one was refilled meanwhile")
                .isBetween(quota.capacity() - 2, quota.capacity() - 1);
        assertThat(first.headers().firstValue("Retry-After")).isEmpty();
    }

    @Test
    void a_burst_from_one_key_is_answered_429_while_another_key_is_served() {
        RateLimitProperties.Quota quota = properties.roles().get(Role.PLAYER);
        PlaymarkApi screen = as(Role.PLAYER);
        PlaymarkApi otherScreen = as(Role.PLAYER);

        int served = 0;
        PlaymarkApi.Response refused = null;
        // the bucket refills while the burst runs, so allow for a few more than its capacity
        for (int i = 0; i < 2 * quota.capacity() && refused == null; i++) {
            PlaymarkApi.Response response = screen.post("/graphql", TYPENAME);
            if (response.status() == 429) {
                refused = response;
            } else {
                assertThat(response.status()).isEqualTo(200);
                served++;
            }
        }

        assertThat(refused).as("a burst of twice the quota meets a 429").isNotNull();
        assertThat(served).isGreaterThanOrEqualTo((int) quota.capacity());
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().get("type").asString()).isEqualTo("urn:playmark:problem:rate-limited");
        assertThat(refused.body().get("correlationId").asString()).isNotBlank();
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        assertThat(refused.headers().firstValue("RateLimit-Policy")).hasValue(
                "\"per-key\";q=%d;w=%d".formatted(quota.capacity(), quota.window().toSeconds()));
        assertThat(remaining(refused)).isZero();
        assertThat(otherScreen.post("/graphql", TYPENAME).status()).isEqualTo(200);
        assertThat(asAdmin().get("/api/v1/admin/api-keys").status()).isEqualTo(200);
    }

    @Test
    void callers_without_credentials_are_limited_per_address_and_health_never() {
        RateLimitProperties.Quota quota = properties.anonymous();
        PlaymarkApi fromElsewhere = anonymous().fromAddress("127.0.0.3");

        PlaymarkApi.Response last = null;
        for (int i = 0; i < 2 * quota.capacity() && (last == null || last.status() != 429); i++) {
            last = fromElsewhere.get("/api/v1/admin/api-keys");
        }

        assertThat(last.status()).isEqualTo(429);
        assertThat(last.headers().firstValue("RateLimit-Policy"))
                .hasValue("\"per-address\";q=%d;w=%d".formatted(quota.capacity(), quota.window().toSeconds()));
        assertThat(anonymous().fromAddress("127.0.0.4").get("/api/v1/admin/api-keys").status()).as("another address")
                .isEqualTo(401);
        PlaymarkApi.Response health = fromElsewhere.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.headers().firstValue("RateLimit")).isEmpty();
    }

    private static long remaining(PlaymarkApi.Response response) {
        Matcher matcher = REMAINING.matcher(response.headers().firstValue("RateLimit").orElseThrow());
        assertThat(matcher.matches()).as(response.headers().toString()).isTrue();
        return Long.parseLong(matcher.group(2));
    }
}
