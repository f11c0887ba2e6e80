package io.playmark.infra.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code playmark.limits.enabled}: whether the HTTP limits (body sizes, rate limits, authentication failures) apply.
 * On by default; off only to measure what they cost ({@code ./playmark bench-limits}). GraphQL's operation limits are
 * not affected.
 */
@ConfigurationProperties("playmark.limits")
public record LimitsProperties(Boolean enabled) {

    public LimitsProperties {
        enabled = enabled == null || enabled;
    }
}
