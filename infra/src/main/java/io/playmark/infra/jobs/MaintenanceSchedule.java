package io.playmark.infra.jobs;

/** When a maintenance task runs: a JobRunr recurring job with this id, name and cron (UTC). */
public record MaintenanceSchedule(String jobId, String name, String cron) {

    public MaintenanceSchedule {
        if (jobId == null || jobId.isBlank() || name == null || name.isBlank() || cron == null || cron.isBlank()) {
            throw new IllegalArgumentException("A maintenance schedule needs a job id, a name and a cron: "
                    + jobId + ", " + name + ", " + cron);
        }
    }
}
