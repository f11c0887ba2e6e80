package io.playmark.infra.jobs;

import org.jobrunr.jobs.context.JobContext;

/** A piece of recurring maintenance; {@link Maintenance} runs it as the recurring job its {@link MaintenanceSchedule} names. */
public interface MaintenanceTask {

    /** The recurring job's id: stable, since the job dashboard and the maintenance API name the job by it. */
    String jobId();

    /** Does the work once, with progress on {@code job}, and says what it did. */
    MaintenanceResult run(JobContext job) throws Exception;
}
