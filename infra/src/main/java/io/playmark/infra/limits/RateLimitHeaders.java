package io.playmark.infra.limits;

import io.playmark.infra.limits.RateLimitProperties.Quota;
import jakarta.servlet.http.HttpServletResponse;

import java.util.concurrent.TimeUnit;

/**
 * The headers of draft-ietf-httpapi-ratelimit-headers, e.g. {@code RateLimit-Policy: "per-key";q=120;w=60} (the quota:
 * q requests per w seconds) and {@code RateLimit: "per-key";r=42;t=18} (r left; t seconds until the bucket is full
 * again), and {@code Retry-After} (seconds until the next request is accepted) on refusals.
 */
final class RateLimitHeaders {

    static final String POLICY = "RateLimit-Policy";
    static final String LIMIT = "RateLimit";
    static final String RETRY_AFTER = "Retry-After";

    private RateLimitHeaders() {
    }

    /** The RateLimit-Policy value of a quota: the same on every answer, so made once. */
    static String policy(String name, Quota quota) {
        return "\"%s\";q=%d;w=%d".formatted(name, quota.capacity(), Math.max(1, quota.window().toSeconds()));
    }

    static void write(HttpServletResponse response, String name, String policy, long remaining, long nanosToFull) {
        response.setHeader(POLICY, policy);
        // concatenation rather than a format: this runs on every request
        response.setHeader(LIMIT, '"' + name + "\";r=" + remaining + ";t=" + seconds(nanosToFull));
    }

    static long retryAfter(HttpServletResponse response, long nanos) {
        long seconds = Math.max(1, seconds(nanos));
        response.setHeader(RETRY_AFTER, Long.toString(seconds));
        return seconds;
    }

    /** Whole seconds, rounded up: a client that waits that long is not too early. */
    static long seconds(long nanos) {
        return (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
    }
}
