package io.playmark.infra.storage;

import io.playmark.infra.jobs.MaintenanceSchedule;
import io.playmark.kernel.asset.BlobReferences;
import io.playmark.kernel.asset.BlobStore;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** The blob cleanup as recurring maintenance ({@code playmark.storage.cleanup.cron}). */
@Configuration(proxyBeanMethods = false)
class BlobCleanupSchedule {

    @Bean
    BlobReferences blobReferences(QueryGateway queries) {
        return new QueriedBlobReferences(queries);
    }

    @Bean
    BlobCleanup blobCleanup(BlobStore store, BlobReferences references, BlobCleanupProperties properties, Clock clock) {
        return new BlobCleanup(store, references, properties.grace(), clock);
    }

    @Bean
    MaintenanceSchedule blobCleanupMaintenance(BlobCleanup task, BlobCleanupProperties properties) {
        return new MaintenanceSchedule(task, "Delete blobs no asset refers to", properties.cron());
    }
}
