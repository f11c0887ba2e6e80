package io.playmark.infra.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The scheduled deletion of blobs no asset refers to ({@code playmark.storage.cleanup.*}).
 *
 * @param cron  when it runs (JobRunr's cron, UTC); default hourly
 * @param grace a blob younger than this is kept even when unreferenced: its upload may not have registered it yet
 */
@ConfigurationProperties("playmark.storage.cleanup")
public record BlobCleanupProperties(String cron, Duration grace) {

    public BlobCleanupProperties {
        cron = cron == null || cron.isBlank() ? "0 * * * *" : cron.strip();
        grace = grace == null ? Duration.ofHours(24) : grace;
        if (grace.isNegative()) {
            throw new IllegalArgumentException("playmark.storage.cleanup.grace cannot be negative");
        }
    }
}
