package io.playmark.infra.jobs;

/**
 * When a maintenance task runs: a JobRunr recurring job with the task's id, this name and this cron (UTC). Built
 * from the task, so that its id is declared in one place.
 */
public record MaintenanceSchedule(MaintenanceTask task, String name, String cron) {

    public MaintenanceSchedule {
        if (task == null || task.jobId() == null || task.jobId().isBlank() || name == null || name.isBlank()
                || cron == null || cron.isBlank()) {
            throw new IllegalArgumentException("A maintenance schedule needs a task with a job id, a name and a cron: "
                    + task + ", " + name + ", " + cron);
        }
    }

    public String jobId() {
        return task.jobId();
    }
}
