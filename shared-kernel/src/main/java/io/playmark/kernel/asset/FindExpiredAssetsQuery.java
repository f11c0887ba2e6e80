package io.playmark.kernel.asset;

import io.playmark.kernel.InvalidValueException;

import java.time.Instant;
import java.util.Objects;

/**
 * Active assets whose expiry is at or before {@code now}, soonest expired first: the ones to retire. Answered
 * with a list of {@link AssetId}, at most {@code limit} (1 to {@value #MAX_LIMIT}).
 */
public record FindExpiredAssetsQuery(Instant now, int limit) {

    public static final int MAX_LIMIT = 1000;

    public FindExpiredAssetsQuery {
        Objects.requireNonNull(now, "now");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidValueException("limit", "limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
    }
}
