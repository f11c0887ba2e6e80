package io.playmark.kernel.asset;

import java.util.Optional;

/** The length classes a library is browsed by; images have none. Lower bounds are inclusive. */
public enum DurationRange {
    /** Under 10 seconds. */
    UNDER_10S(0),
    /** 10 to 30 seconds. */
    FROM_10S_TO_30S(10_000),
    /** 30 to 60 seconds. */
    FROM_30S_TO_60S(30_000),
    /** A minute or more. */
    OVER_60S(60_000);

    private final long fromMillis;

    DurationRange(long fromMillis) {
        this.fromMillis = fromMillis;
    }

    public static Optional<DurationRange> of(MediaProbe probe) {
        if (probe.durationMillis() == null) {
            return Optional.empty();
        }
        DurationRange range = UNDER_10S;
        for (DurationRange candidate : values()) {
            if (probe.durationMillis() >= candidate.fromMillis) {
                range = candidate;
            }
        }
        return Optional.of(range);
    }
}
