package io.playmark.infra.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * Resumable uploads over tus ({@code playmark.uploads.tus.*}).
 *
 * @param maxSize    the largest upload a client may announce (Upload-Length)
 * @param expiration an unfinished upload untouched this long is removed with its bytes
 */
@ConfigurationProperties("playmark.uploads.tus")
public record TusProperties(DataSize maxSize, Duration expiration) {

    public TusProperties {
        maxSize = maxSize == null ? DataSize.ofGigabytes(20) : maxSize;
        expiration = expiration == null ? Duration.ofHours(24) : expiration;
    }
}
