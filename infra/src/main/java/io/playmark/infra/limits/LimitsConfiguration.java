package io.playmark.infra.limits;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Limits on every caller (ADR 0006): body sizes, rate limits, repeated authentication failures. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({LimitsProperties.class, BodyLimitProperties.class, RateLimitProperties.class,
        AuthFailureProperties.class})
class LimitsConfiguration {
}
