package io.playmark.infra.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Counts refused credentials per client address in fixed windows, and blocks an address that reaches the maximum
 * within one. Logs one warning per address and window: the address and the count, never what was presented.
 */
@Component
class AuthFailures {

    private static final Logger log = LoggerFactory.getLogger(AuthFailures.class);

    private final int maxFailures;
    private final long windowNanos;
    private final long blockNanos;
    private final Cache<String, Count> counts;

    AuthFailures(AuthFailureProperties properties) {
        this.maxFailures = properties.maxFailures();
        this.windowNanos = properties.window().toNanos();
        this.blockNanos = properties.blockFor().toNanos();
        Duration kept = properties.window().compareTo(properties.blockFor()) > 0 ? properties.window()
                : properties.blockFor();
        // kept for the longest of window and block after the address was last seen (a count changes in place, so
        // expiry after its first write could drop a block set late in a window)
        this.counts = Caffeine.newBuilder().maximumSize(properties.maxTrackedAddresses()).expireAfterAccess(kept).build();
    }

    /** Nanoseconds until the address may try again; 0 when it is not blocked. */
    long blockedFor(String address) {
        Count count = counts.getIfPresent(address);
        return count == null ? 0 : count.blockedFor(System.nanoTime());
    }

    void failed(String address) {
        Count count = counts.get(address, ignored -> new Count());
        if (count.failed(System.nanoTime())) {
            log.warn("Client address {} presented refused credentials {} times within {} s; its requests are "
                    + "refused for {} s", address, maxFailures, windowNanos / 1_000_000_000,
                    blockNanos / 1_000_000_000);
        }
    }

    /** One address's failures in its current window. */
    private final class Count {

        private long windowStart;
        private int failures;
        private long blockedUntil;
        private boolean started;

        /** Counts a failure; true when it is the one that blocks the address (once per window, so logged once). */
        synchronized boolean failed(long now) {
            if (!started || now - windowStart >= windowNanos) {
                started = true;
                windowStart = now;
                failures = 0;
            }
            failures++;
            if (failures == maxFailures) {
                blockedUntil = now + blockNanos;
                return true;
            }
            return false;
        }

        synchronized long blockedFor(long now) {
            return started && blockedUntil - now > 0 ? blockedUntil - now : 0;
        }
    }
}
