package io.playmark.infra.report;

import io.playmark.kernel.report.ReportDeletedEvent;
import io.playmark.kernel.report.ReportSchedule;
import io.playmark.kernel.report.ReportSchedulePausedEvent;
import io.playmark.kernel.report.ReportScheduleResumedEvent;
import io.playmark.kernel.report.ReportScheduledEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.jobrunr.scheduling.JobScheduler;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.ZoneId;
import java.util.List;

import static org.jobrunr.scheduling.RecurringJobBuilder.aRecurringJob;

/**
 * Keeps one JobRunr recurring job per scheduled report ({@code report-<id>}, its cron in the schedule's zone), and
 * where each report's runs are delivered, with the webhook's secret, in {@value Targets#COLLECTION}. A recurring job
 * is created under the same id by whichever instance handles the event, so a redelivery changes nothing.
 */
@ProcessingGroup(ReportScheduling.PROCESSING_GROUP)
class ReportScheduling {

    static final String PROCESSING_GROUP = "report-schedules";

    private final JobScheduler jobs;
    private final MongoTemplate mongo;

    ReportScheduling(JobScheduler jobs, MongoTemplate mongo) {
        this.jobs = jobs;
        this.mongo = mongo;
    }

    /** Where a report's runs go. */
    @Document(Targets.COLLECTION)
    record Targets(@Id String reportId, String cron, String zone, List<String> emails, String webhook,
                   String webhookSecret) {
        static final String COLLECTION = "report_schedules";
    }

    static String jobId(String reportId) {
        return "report-" + reportId;
    }

    @EventHandler
    void on(ReportScheduledEvent event) {
        ReportSchedule schedule = event.schedule();
        Targets targets = new Targets(event.reportId(), schedule.cron(), schedule.zone(), schedule.emails(),
                schedule.webhook() == null ? null : schedule.webhook().toString(), schedule.webhookSecret());
        mongo.save(targets);
        recur(targets);
    }

    @EventHandler
    void on(ReportSchedulePausedEvent event) {
        jobs.deleteRecurringJob(jobId(event.reportId()));
    }

    @EventHandler
    void on(ReportScheduleResumedEvent event) {
        Targets targets = mongo.findById(event.reportId(), Targets.class);
        if (targets != null) {
            recur(targets);
        }
    }

    @EventHandler
    void on(ReportDeletedEvent event) {
        jobs.deleteRecurringJob(jobId(event.reportId()));
        mongo.remove(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(event.reportId())), Targets.class);
    }

    private void recur(Targets targets) {
        String reportId = targets.reportId();
        jobs.createRecurrently(aRecurringJob().withId(jobId(reportId)).withName("Scheduled report " + reportId)
                .withCron(targets.cron()).withZoneId(ZoneId.of(targets.zone())).withLabels(ReportJobs.LABEL)
                .<ReportJobs>withDetails(job -> job.scheduled(reportId)));
    }

    Targets targets(String reportId) {
        return mongo.findById(reportId, Targets.class);
    }
}
