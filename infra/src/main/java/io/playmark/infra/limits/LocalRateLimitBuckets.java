package io.playmark.infra.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.local.LocalBucketBuilder;
import org.springframework.stereotype.Component;

/**
 * Buckets in this instance's memory, at most {@code max-tracked-callers} of them: one unused for the longest window
 * is full again and is dropped, and past the maximum the least recently used go first.
 */
@Component
class LocalRateLimitBuckets implements RateLimitBuckets {

    private final Cache<String, Bucket> buckets;

    LocalRateLimitBuckets(RateLimitProperties properties) {
        this.buckets = Caffeine.newBuilder()
                .maximumSize(properties.maxTrackedCallers())
                .expireAfterAccess(properties.longestWindow())
                .build();
    }

    @Override
    public Bucket bucketOf(String caller, BucketConfiguration configuration) {
        return buckets.get(caller, ignored -> newBucket(configuration));
    }

    private static Bucket newBucket(BucketConfiguration configuration) {
        LocalBucketBuilder builder = Bucket.builder();
        for (Bandwidth bandwidth : configuration.getBandwidths()) {
            builder.addLimit(bandwidth);
        }
        return builder.build();
    }
}
