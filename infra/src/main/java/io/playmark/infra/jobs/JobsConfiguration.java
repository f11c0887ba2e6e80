package io.playmark.infra.jobs;

import com.mongodb.client.MongoClient;
import org.jobrunr.jobs.mappers.JobMapper;
import org.jobrunr.storage.StorageProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;

/** JobRunr on Playmark's MongoDB. */
@Configuration(proxyBeanMethods = false)
class JobsConfiguration {

    @Bean(destroyMethod = "close")
    StorageProvider storageProvider(MongoClient client, JobMapper jobMapper,
                                    @Value("${playmark.mongodb.database}") String database) {
        var provider = new IndexTolerantMongoStorageProvider(client, database);
        provider.setJobMapper(jobMapper);
        return provider;
    }

    @Bean
    JobHistoryCleanup jobHistoryCleanup(StorageProvider jobs, Clock clock,
                                        @Value("${playmark.jobs.history.succeeded}") Duration succeeded,
                                        @Value("${playmark.jobs.history.failed}") Duration failed,
                                        @Value("${playmark.jobs.history.deleted}") Duration deleted) {
        return new JobHistoryCleanup(jobs, new JobHistoryCleanup.Keep(succeeded, failed, deleted), clock);
    }

    @Bean
    MaintenanceSchedule jobHistoryCleanupMaintenance(JobHistoryCleanup task,
                                                     @Value("${playmark.jobs.history.cron}") String cron) {
        return new MaintenanceSchedule(task, "Remove old jobs from the job history", cron);
    }
}
