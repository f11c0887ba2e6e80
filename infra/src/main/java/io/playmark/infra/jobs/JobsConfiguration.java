package io.playmark.infra.jobs;

import com.mongodb.client.MongoClient;
import org.jobrunr.jobs.mappers.JobMapper;
import org.jobrunr.storage.StorageProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
}
