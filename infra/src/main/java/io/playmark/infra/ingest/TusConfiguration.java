package io.playmark.infra.ingest;

import me.desair.tus.server.TusFileUploadService;
import org.jobrunr.scheduling.JobScheduler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import java.nio.file.Path;
import java.time.ZoneOffset;

import static org.jobrunr.scheduling.RecurringJobBuilder.aRecurringJob;

/**
 * tus 1.0 under /api/v1/uploads (tus-java-server): partial uploads and their locks as files under data-dir/tus, so
 * that several instances share them on a shared data directory. Expired uploads are removed hourly by a JobRunr
 * recurring job.
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
    TusCleanup tusCleanup(TusFileUploadService uploads) {
        return new TusCleanup(uploads);
    }

    @EventListener(ApplicationReadyEvent.class)
    void scheduleCleanup(ApplicationReadyEvent ready) {
        ready.getApplicationContext().getBean(JobScheduler.class).createRecurrently(aRecurringJob()
                .withId("tus-cleanup").withName("Remove expired tus uploads")
                .withCron("30 * * * *").withZoneId(ZoneOffset.UTC)
                .<TusCleanup>withDetails(TusCleanup::run));
    }
}
