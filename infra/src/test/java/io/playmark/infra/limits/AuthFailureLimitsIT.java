package io.playmark.infra.limits;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.playmark.infra.support.PlaymarkApi;
import io.playmark.infra.support.PlaymarkIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An address that keeps presenting wrong keys or bad tokens is slowed: past the threshold its requests are answered
 * 429, even with a good key, before any key is checked, and one warning names the address and the count but never
 * the secret. Other addresses are served as before. (The guessing client connects from 127.0.0.2, so that the rest
 * of the suite, on 127.0.0.1, is not slowed.)
 */
class AuthFailureLimitsIT extends PlaymarkIntegrationTest {

    private static final String GUESSING_ADDRESS = "127.0.0.2";
    private static final String KEYS = "/api/v1/admin/api-keys";

    @Autowired
    private AuthFailureProperties properties;

    private final ListAppender<ILoggingEvent> warnings = new ListAppender<>();

    @BeforeEach
    void listenToWarnings() {
        warnings.start();
        ((Logger) LoggerFactory.getLogger(AuthFailures.class)).addAppender(warnings);
    }

    @AfterEach
    void stopListening() {
        ((Logger) LoggerFactory.getLogger(AuthFailures.class)).detachAppender(warnings);
    }

    @Test
    void repeated_wrong_credentials_from_one_address_are_answered_429_while_another_address_is_served() {
        PlaymarkApi guesser = anonymous().fromAddress(GUESSING_ADDRESS);
        for (int i = 0; i < properties.maxFailures(); i++) {
            PlaymarkApi.Response response = i % 2 == 0
                    ? guesser.withKey("pmk_guess-number-" + i + "-0123456789").get(KEYS)
                    : guesser.withBearerToken("not-a-token-" + i).get(KEYS);
            assertThat(response.status()).as("guess " + i).isEqualTo(401);
        }

        PlaymarkApi.Response slowed = guesser.withKey(ADMIN_KEY).get(KEYS);
        PlaymarkApi.Response elsewhere = asAdmin().get(KEYS);

        assertThat(slowed.status()).as("even a good key, from that address").isEqualTo(429);
        assertThat(slowed.contentType()).startsWith("application/problem+json");
        assertThat(slowed.body().get("type").asString()).isEqualTo("urn:playmark:problem:rate-limited");
        assertThat(Long.parseLong(slowed.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, properties.blockFor().toSeconds());
        assertThat(slowed.headers().firstValue("RateLimit-Policy")).hasValue("\"auth-failures\";q=%d;w=%d"
                .formatted(properties.maxFailures(), properties.window().toSeconds()));
        assertThat(elsewhere.status()).isEqualTo(200);
        assertThat(guesser.get("/actuator/health").status()).as("health is never limited").isEqualTo(200);

        List<String> lines = warnings.list.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(line -> line.contains(GUESSING_ADDRESS)).toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.getFirst()).contains(String.valueOf(properties.maxFailures())).doesNotContain("pmk_", "token");
    }
}
