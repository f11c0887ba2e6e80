package io.playmark.infra.audit;

import com.mongodb.client.MongoClient;
import io.playmark.infra.eventstore.EventChainVerifier;
import io.playmark.infra.eventstore.EventCheckpoints;
import org.jobrunr.scheduling.JobScheduler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import java.time.ZoneOffset;

import static org.jobrunr.scheduling.RecurringJobBuilder.aRecurringJob;

/**
 * Tamper evidence: the checkpoint chain over the global order, extended by a JobRunr recurring job that runs once per
 * schedule among the instances with the jobs role, and the verifier the verification jobs use.
 */
@Configuration(proxyBeanMethods = false)
class EventChainConfiguration {

    static final String CHECKPOINT_JOB_ID = "event-checkpoints";

    @Bean
    EventCheckpoints eventCheckpoints(MongoClient client, @Value("${playmark.mongodb.database}") String database,
                                      @Value("${playmark.audit.checkpoint-every:1000}") int every) {
        return new EventCheckpoints(client.getDatabase(database), every);
    }

    @Bean
    EventChainVerifier eventChainVerifier(EventCheckpoints checkpoints) {
        return new EventChainVerifier(checkpoints);
    }

    @Bean
    EventCheckpointJob eventCheckpointJob(EventCheckpoints checkpoints) {
        return new EventCheckpointJob(checkpoints);
    }

    @EventListener(ApplicationReadyEvent.class)
    void schedule(ApplicationReadyEvent ready) {
        String cron = ready.getApplicationContext().getEnvironment()
                .getProperty("playmark.audit.checkpoint-cron", "* * * * *");
        ready.getApplicationContext().getBean(JobScheduler.class).createRecurrently(aRecurringJob()
                .withId(CHECKPOINT_JOB_ID).withName("Extend the checkpoint chain over the event store")
                .withCron(cron).withZoneId(ZoneOffset.UTC)
                .<EventCheckpointJob>withDetails(EventCheckpointJob::run));
    }

    /** The recurring job's target: JobRunr calls it by type. */
    public static final class EventCheckpointJob {

        private final EventCheckpoints checkpoints;

        EventCheckpointJob(EventCheckpoints checkpoints) {
            this.checkpoints = checkpoints;
        }

        public int run() {
            return checkpoints.extend();
        }
    }
}
