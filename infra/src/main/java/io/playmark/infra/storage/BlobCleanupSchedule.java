package io.playmark.infra.storage;

import io.playmark.kernel.asset.BlobReferences;
import io.playmark.kernel.asset.BlobStore;
import org.axonframework.queryhandling.QueryGateway;
import org.jobrunr.jobs.context.JobContext;
import org.jobrunr.scheduling.JobScheduler;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import java.time.Clock;
import java.time.ZoneOffset;

import static org.jobrunr.scheduling.RecurringJobBuilder.aRecurringJob;

/**
 * The blob cleanup as a JobRunr recurring job: every instance registers it under one id, and JobRunr runs it once
 * per schedule among the instances with the jobs role.
 */
@Configuration(proxyBeanMethods = false)
class BlobCleanupSchedule {

    static final String JOB_ID = "blob-cleanup";

    private final JobScheduler jobs;
    private final BlobCleanupProperties properties;

    BlobCleanupSchedule(JobScheduler jobs, BlobCleanupProperties properties) {
        this.jobs = jobs;
        this.properties = properties;
    }

    @Bean
    BlobReferences blobReferences(QueryGateway queries) {
        return new QueriedBlobReferences(queries);
    }

    @Bean
    BlobCleanup blobCleanup(BlobStore store, BlobReferences references, BlobCleanupProperties properties, Clock clock) {
        return new BlobCleanup(store, references, properties.grace(), clock);
    }

    @EventListener(ApplicationReadyEvent.class)
    void schedule() {
        jobs.createRecurrently(aRecurringJob().withId(JOB_ID).withName("Delete blobs no asset refers to")
                .withCron(properties.cron()).withZoneId(ZoneOffset.UTC)
                .<BlobCleanup>withDetails(cleanup -> cleanup.run(JobContext.Null)));
    }
}
