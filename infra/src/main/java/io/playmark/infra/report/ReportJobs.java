package io.playmark.infra.report;

import io.playmark.kernel.report.FindReportQuery;
import io.playmark.kernel.report.ReportId;
import io.playmark.kernel.report.ReportSchedule;
import io.playmark.kernel.report.TimeRange;
import io.playmark.query.report.ReportRunView;
import io.playmark.query.report.ReportRunner;
import io.playmark.query.report.ReportRuns;
import io.playmark.query.report.ReportView;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.jobrunr.jobs.context.JobContext;
import org.jobrunr.jobs.context.JobDashboardProgressBar;
import org.jobrunr.scheduling.JobScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.ZoneId;
import java.util.UUID;

import static org.jobrunr.scheduling.JobBuilder.aJob;

/**
 * Report generation as JobRunr jobs labelled {@value #LABEL} (queues are a JobRunr Pro feature; the label is how the
 * dashboard tells report work apart), one per run under the run's id, so that any instance's job server takes it
 * once; a failed run is tried again {@code playmark.reports.retries} times with JobRunr's back-off. A scheduled
 * report's recurring job queues a run over the period just closed; a scheduled run, once made, is delivered by a
 * job of its own.
 */
public class ReportJobs implements ReportRunner {

    static final String LABEL = "reports";
    private static final Logger log = LoggerFactory.getLogger(ReportJobs.class);

    private final JobScheduler jobs;
    private final ReportGenerator generator;
    private final ReportDelivery delivery;
    private final ReportRuns runs;
    private final QueryGateway queries;
    private final int retries;
    private final Clock clock;

    ReportJobs(JobScheduler jobs, ReportGenerator generator, ReportDelivery delivery, ReportRuns runs,
               QueryGateway queries, int retries, Clock clock) {
        this.jobs = jobs;
        this.generator = generator;
        this.delivery = delivery;
        this.runs = runs;
        this.queries = queries;
        this.retries = retries;
        this.clock = clock;
    }

    @Override
    public void enqueue(ReportRunView run) {
        String id = run.id();
        jobs.create(aJob().withId(UUID.fromString(id)).withName("Report " + run.reportName() + ", run " + id)
                .withLabels(LABEL).withAmountOfRetries(retries)
                .withDetails((ReportJobs job) -> job.generate(id, JobContext.Null)));
    }

    @Override
    public void dequeue(String runId) {
        jobs.delete(UUID.fromString(runId));
    }

    /** The generation job, as JobRunr runs it; the dashboard's progress bar follows the run's. */
    public void generate(String runId, JobContext context) {
        JobDashboardProgressBar bar = context.progressBar(100);
        boolean made = generator.generate(runId, done -> bar.setProgress(Math.round(done * 100)));
        ReportRunView run = runs.find(runId);
        if (made && "SCHEDULE".equals(run.trigger())) {
            jobs.create(aJob().withId(deliveryJobId(runId)).withName("Deliver report run " + runId)
                    .withLabels(LABEL).withDetails((ReportJobs job) -> job.deliver(runId)));
        }
    }

    static UUID deliveryJobId(String runId) {
        return UUID.nameUUIDFromBytes(("report-delivery:" + runId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** What a report's recurring job does: queue a run over the period just closed in the schedule's zone. */
    public void scheduled(String reportId) {
        ReportView report = queries.query(new FindReportQuery(new ReportId(reportId)),
                ResponseTypes.instanceOf(ReportView.class)).join();
        if (report == null || report.schedule() == null || report.schedulePaused()) {
            log.info("Report {} is gone or not scheduled now: no run", reportId);
            return;
        }
        TimeRange period = TimeRange.previous(switch (ReportSchedule.Frequency.valueOf(report.schedule().frequency())) {
            case DAILY -> TimeRange.Kind.PREVIOUS_DAY;
            case WEEKLY -> TimeRange.Kind.PREVIOUS_WEEK;
            case MONTHLY -> TimeRange.Kind.PREVIOUS_MONTH;
        });
        TimeRange.Interval interval = period.resolve(clock.instant(), ZoneId.of(report.schedule().zone()));
        ReportRunView run = runs.queue(report, interval, "SCHEDULE", null);
        log.info("Scheduled run {} of report {} over {} to {}", run.id(), report.name(), interval.from(),
                interval.to());
        enqueue(run);
    }

    public void deliver(String runId) {
        delivery.deliver(runId);
    }
}
