package io.playmark.infra.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.net.URI;

/**
 * An S3-compatible object store for blobs ({@code playmark.storage.s3.*}), used with {@code playmark.storage.type=s3}.
 *
 * @param endpoint           the service's URL; empty: AWS's own endpoint for the region
 * @param accessKey          with secretKey; both empty: the AWS SDK's default credentials chain (environment, profile, role)
 * @param pathStyle          bucket in the path ({@code host/bucket/key}) rather than in the host name: most
 *                           self-hosted S3-compatible servers need it
 * @param prefix             put before every key, e.g. {@code playmark/}; empty: keys at the bucket's root
 * @param multipartThreshold files larger than this are sent in parts of partSize (S3's parts are at least 5 MB)
 */
@ConfigurationProperties("playmark.storage.s3")
public record S3StorageProperties(URI endpoint, String region, String bucket, String accessKey, String secretKey,
                                  boolean pathStyle, String prefix, DataSize multipartThreshold, DataSize partSize) {

    private static final long MIN_PART_BYTES = 5L << 20;

    public S3StorageProperties {
        endpoint = endpoint == null || endpoint.toString().isBlank() ? null : endpoint;
        region = blankTo(region, "us-east-1");
        accessKey = blankTo(accessKey, "");
        secretKey = blankTo(secretKey, "");
        prefix = normalizePrefix(prefix);
        multipartThreshold = multipartThreshold == null ? DataSize.ofMegabytes(64) : multipartThreshold;
        partSize = partSize == null ? DataSize.ofMegabytes(16) : partSize;
        if (partSize.toBytes() < MIN_PART_BYTES) {
            throw new IllegalArgumentException("playmark.storage.s3.part-size is at least 5MB (S3's smallest part)");
        }
    }

    /** Fails at start-up, not at the first upload, when S3 storage is chosen without a bucket. */
    S3StorageProperties requireBucket() {
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalStateException("playmark.storage.type is s3 but playmark.storage.s3.bucket (PLAYMARK_S3_BUCKET) is not set");
        }
        return this;
    }

    private static String normalizePrefix(String prefix) {
        String stripped = prefix == null ? "" : prefix.strip().replaceAll("^/+", "");
        return stripped.isEmpty() || stripped.endsWith("/") ? stripped : stripped + "/";
    }

    private static String blankTo(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
