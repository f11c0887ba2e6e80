package io.playmark.infra.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * Slowing down key guessing ({@code playmark.limits.auth-failures.*}): a client address whose credentials were
 * refused (wrong API key, bad token) {@code maxFailures} times within {@code window} has all its requests refused for
 * {@code blockFor}, before any key is checked.
 *
 * @param exemptPaths          never refused (health)
 * @param maxTrackedAddresses  the most addresses counted at once; beyond it the least recently failing are forgotten
 */
@ConfigurationProperties("playmark.limits.auth-failures")
public record AuthFailureProperties(int maxFailures, Duration window, Duration blockFor, List<String> exemptPaths,
                                    int maxTrackedAddresses) {

    public AuthFailureProperties {
        maxFailures = maxFailures <= 0 ? 20 : maxFailures;
        window = window == null ? Duration.ofMinutes(1) : window;
        blockFor = blockFor == null ? Duration.ofMinutes(1) : blockFor;
        exemptPaths = exemptPaths == null ? LimitFilter.HEALTH_PATHS : List.copyOf(exemptPaths);
        maxTrackedAddresses = maxTrackedAddresses <= 0 ? 100_000 : maxTrackedAddresses;
    }
}
