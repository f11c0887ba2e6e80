package io.playmark.infra.ingest;

import io.playmark.infra.jobs.MaintenanceSchedule;
import me.desair.tus.server.TusFileUploadService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;

/**
 * tus 1.0 under /api/v1/uploads (tus-java-server): partial uploads and their locks as files under data-dir/tus, so
 * that several instances share them on a shared data directory. Expired uploads are removed hourly by recurring
 * maintenance.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({TusProperties.class, ImportFolderProperties.class})
class TusConfiguration {

    static final String UPLOADS_PATH = "/api/v1/uploads";

    @Bean
    TusFileUploadService tusUploads(@Value("${playmark.data-dir}") Path dataDirectory, TusProperties properties) {
        return new TusFileUploadService()
                .withUploadUri(UPLOADS_PATH)
                .withStoragePath(dataDirectory.resolve("tus").toString())
                .withMaxUploadSize(properties.maxSize().toBytes())
                .withUploadExpirationPeriod(properties.expiration().toMillis())
                // a concatenated upload completes without a PATCH, where Playmark imports finished uploads
                .disableTusExtension("concatenation");
    }

    @Bean
    TusCleanup tusCleanup(TusFileUploadService uploads, @Value("${playmark.data-dir}") Path dataDirectory) {
        return new TusCleanup(uploads, dataDirectory.resolve("tus"));
    }

    @Bean
    MaintenanceSchedule tusCleanupMaintenance(TusCleanup task) {
        return new MaintenanceSchedule(task, "Remove expired tus uploads", "30 * * * *");
    }
}
