package io.playmark.infra.jobs;

import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.jobs.context.JobContext;
import org.jobrunr.scheduling.JobScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.jobrunr.scheduling.RecurringJobBuilder.aRecurringJob;

/**
 * Playmark's recurring maintenance: every instance registers each {@link MaintenanceSchedule} as a JobRunr recurring
 * job under its id, JobRunr runs it once a schedule among the instances with the jobs role, and each run's figures
 * go to the job's log in the dashboard and to {@code maintenance_results} (the last run of each job), which
 * {@code GET /api/v1/admin/maintenance} shows.
 */
@Component
public class Maintenance {

    private static final Logger log = LoggerFactory.getLogger(Maintenance.class);

    /** The last run of one recurring job. */
    @Document(Maintenance.COLLECTION)
    public record LastRun(@Id String jobId, Instant finishedAt, long tookMs, String summary, Map<String, Long> figures) {
    }

    static final String COLLECTION = "maintenance_results";

    private final Map<String, MaintenanceTask> tasks;
    private final List<MaintenanceSchedule> schedules;
    private final MongoTemplate mongo;
    private final Clock clock;

    Maintenance(List<MaintenanceSchedule> schedules, MongoTemplate mongo, Clock clock) {
        // two schedules of one id would run one task under the other's name: refused by toMap
        this.tasks = schedules.stream().collect(Collectors.toMap(MaintenanceSchedule::jobId, MaintenanceSchedule::task));
        this.schedules = List.copyOf(schedules);
        this.mongo = mongo;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void schedule(ApplicationReadyEvent ready) {
        JobScheduler jobs = ready.getApplicationContext().getBean(JobScheduler.class);
        for (MaintenanceSchedule schedule : schedules) {
            String jobId = schedule.jobId();
            jobs.createRecurrently(aRecurringJob().withId(jobId).withName(schedule.name()).withCron(schedule.cron())
                    .withZoneId(ZoneOffset.UTC).<Maintenance>withDetails(maintenance -> maintenance.run(jobId,
                            JobContext.Null)));
        }
    }

    /** Runs one task now (the recurring job's body) and keeps what it did as the job's last run. */
    @Job(name = "Maintenance: %0", retries = 2)
    public LastRun run(String jobId, JobContext job) throws Exception {
        MaintenanceTask task = Optional.ofNullable(tasks.get(jobId))
                .orElseThrow(() -> new IllegalArgumentException("No maintenance task " + jobId));
        Instant started = clock.instant();
        MaintenanceResult result = task.run(job);
        Instant finished = clock.instant();
        LastRun last = new LastRun(jobId, finished, Duration.between(started, finished).toMillis(), result.summary(),
                result.figures());
        mongo.save(last);
        job.logger().info(result.summary());
        log.info("{}: {}", jobId, result.summary());
        return last;
    }

    /** The schedules, in the order they were declared. */
    public List<MaintenanceSchedule> schedules() {
        return schedules;
    }

    /** The last run of each job that ran, by job id. */
    public Map<String, LastRun> lastRuns() {
        return mongo.findAll(LastRun.class).stream().collect(Collectors.toMap(LastRun::jobId, Function.identity()));
    }
}
