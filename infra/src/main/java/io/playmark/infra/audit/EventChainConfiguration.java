package io.playmark.infra.audit;

import com.mongodb.client.MongoClient;
import io.playmark.infra.eventstore.EventChainVerifier;
import io.playmark.infra.eventstore.EventCheckpoints;
import io.playmark.infra.jobs.MaintenanceResult;
import io.playmark.infra.jobs.MaintenanceSchedule;
import io.playmark.infra.jobs.MaintenanceTask;
import org.jobrunr.jobs.context.JobContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;

/**
 * Tamper evidence: the checkpoint chain over the global order, extended by recurring maintenance (once per schedule
 * among the instances with the jobs role), and the verifier the verification jobs use.
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

    @Bean
    MaintenanceSchedule eventCheckpointMaintenance(EventCheckpointJob task,
            @Value("${playmark.audit.checkpoint-cron:* * * * *}") String cron) {
        return new MaintenanceSchedule(task, "Extend the checkpoint chain over the event store", cron);
    }

    /** The checkpoint chain's recurring maintenance. */
    static final class EventCheckpointJob implements MaintenanceTask {

        private final EventCheckpoints checkpoints;

        EventCheckpointJob(EventCheckpoints checkpoints) {
            this.checkpoints = checkpoints;
        }

        /** What one extension added. */
        record Result(long added) implements MaintenanceResult {

            @Override
            public Map<String, Long> figures() {
                return Map.of("checkpointsAdded", added);
            }

            @Override
            public String summary() {
                return "Added " + added + " checkpoints to the chain over the event store";
            }
        }

        @Override
        public String jobId() {
            return CHECKPOINT_JOB_ID;
        }

        @Override
        public Result run(JobContext job) {
            return new Result(checkpoints.extend());
        }
    }
}
