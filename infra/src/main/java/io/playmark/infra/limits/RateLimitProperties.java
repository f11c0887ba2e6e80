package io.playmark.infra.limits;

import io.playmark.infra.security.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Rate limits ({@code playmark.limits.rate.*}): token buckets per API key (or token subject), sized by the caller's
 * role, and per client address for anonymous callers.
 *
 * @param roles            the quota of a caller with that role; a caller with several roles has the largest, a role
 *                         left out has the anonymous quota
 * @param anonymous        the quota of each client address without credentials, and of callers with no known role
 * @param exemptPaths      never limited (health)
 * @param maxTrackedCallers the most callers whose buckets are held at once; beyond it the longest unused are dropped
 *                         (a dropped bucket starts full again), so that countless addresses cannot exhaust memory
 */
@ConfigurationProperties("playmark.limits.rate")
public record RateLimitProperties(Map<Role, Quota> roles, Quota anonymous, List<String> exemptPaths,
                                  int maxTrackedCallers) {

    /**
     * {@code capacity} requests per {@code window}: a full bucket holds {@code capacity} (the largest burst) and is
     * refilled evenly, {@code capacity} tokens per {@code window}.
     */
    public record Quota(long capacity, Duration window) {

        public Quota {
            if (capacity <= 0 || window == null || window.isZero() || window.isNegative()) {
                throw new IllegalArgumentException("a rate limit quota needs a positive capacity and window, was "
                        + capacity + " per " + window);
            }
        }
    }

    public RateLimitProperties {
        anonymous = anonymous == null ? new Quota(60, Duration.ofMinutes(1)) : anonymous;
        Map<Role, Quota> complete = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            complete.put(role, roles == null || roles.get(role) == null ? anonymous : roles.get(role));
        }
        roles = Map.copyOf(complete);
        exemptPaths = exemptPaths == null ? LimitFilter.HEALTH_PATHS : List.copyOf(exemptPaths);
        maxTrackedCallers = maxTrackedCallers <= 0 ? 100_000 : maxTrackedCallers;
    }

    /** The longest window: a bucket unused for that long is full again, and need not be kept. */
    Duration longestWindow() {
        Duration longest = anonymous.window();
        for (Quota quota : roles.values()) {
            longest = quota.window().compareTo(longest) > 0 ? quota.window() : longest;
        }
        return longest;
    }
}
