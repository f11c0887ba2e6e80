package io.playmark.infra.jobs;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jobrunr.jobs.RecurringJob;
import org.jobrunr.storage.StorageProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Operators' view of the recurring maintenance: each job's schedule, its next run and what its last run did. */
@RestController
@RequestMapping("/api/v1/admin/maintenance")
@Tag(name = "Operations", description = "Projections' positions, lag and replay (ADMIN only)")
class MaintenanceController {

    /** One recurring maintenance job; {@code lastRun} is null until it has run once. */
    record MaintenanceJob(String jobId, String name, String cron, Instant nextRun, Maintenance.LastRun lastRun) {
    }

    private final Maintenance maintenance;
    private final StorageProvider jobs;

    MaintenanceController(Maintenance maintenance, StorageProvider jobs) {
        this.maintenance = maintenance;
        this.jobs = jobs;
    }

    @GetMapping
    @Operation(operationId = "listMaintenanceJobs", summary = "List the recurring maintenance jobs",
            description = "Storage cleanup, asset expiry, play index retention and merging, job history cleanup "
                    + "and the others: each with its cron (UTC), its next run as JobRunr plans it, and the figures "
                    + "of its last run. The JobRunr dashboard shows the same runs with their logs.")
    List<MaintenanceJob> list() {
        Map<String, RecurringJob> recurring = jobs.getRecurringJobs().stream()
                .collect(Collectors.toMap(RecurringJob::getId, Function.identity()));
        Map<String, Maintenance.LastRun> lastRuns = maintenance.lastRuns();
        return maintenance.schedules().stream().map(schedule -> {
            RecurringJob job = recurring.get(schedule.jobId());
            return new MaintenanceJob(schedule.jobId(), schedule.name(), schedule.cron(),
                    job == null ? null : job.getNextRun(), lastRuns.get(schedule.jobId()));
        }).toList();
    }
}
