package io.playmark.infra.limits;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;

/**
 * Where callers' token buckets live. Today {@link LocalRateLimitBuckets}, in this instance's memory, so each instance
 * limits on its own. A store shared by all instances can replace it: a Bucket4j {@code ProxyManager} over that store
 * gives, per key, a {@code BucketProxy}, which is a {@link Bucket} (ADR 0006).
 */
public interface RateLimitBuckets {

    /** The bucket of {@code caller}, made with {@code configuration} if it has none yet. */
    Bucket bucketOf(String caller, BucketConfiguration configuration);
}
