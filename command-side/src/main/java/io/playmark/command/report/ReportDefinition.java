package io.playmark.command.report;

import io.playmark.kernel.ConflictException;
import io.playmark.kernel.NotFoundException;
import io.playmark.kernel.report.ChangeReportCommand;
import io.playmark.kernel.report.DefineReportCommand;
import io.playmark.kernel.report.DeleteReportCommand;
import io.playmark.kernel.report.PauseReportScheduleCommand;
import io.playmark.kernel.report.ReportChangedEvent;
import io.playmark.kernel.report.ReportDefinedEvent;
import io.playmark.kernel.report.ReportDeletedEvent;
import io.playmark.kernel.report.ReportSchedule;
import io.playmark.kernel.report.ReportSchedulePausedEvent;
import io.playmark.kernel.report.ReportScheduleResumedEvent;
import io.playmark.kernel.report.ReportScheduledEvent;
import io.playmark.kernel.report.ReportSpec;
import io.playmark.kernel.report.ResumeReportScheduleCommand;
import io.playmark.kernel.report.ScheduleReportCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A report definition: what it counts and when it runs by itself. An aggregate so that every definition, change and
 * schedule is an event recording who asked. A change or schedule that changes nothing records nothing (retries are
 * safe); a deleted report takes no more commands.
 */
@Aggregate
public class ReportDefinition {

    @AggregateIdentifier
    private String reportId;
    private String name;
    private ReportSpec spec;
    private ReportSchedule schedule;
    private boolean paused;
    private boolean deleted;

    protected ReportDefinition() {
        // Axon rebuilds the aggregate from its events.
    }

    @CommandHandler
    public ReportDefinition(DefineReportCommand command) {
        apply(new ReportDefinedEvent(command.reportId().value(), command.name().value(), command.spec()));
    }

    @CommandHandler
    public void handle(ChangeReportCommand command) {
        requireExisting();
        if (command.name().value().equals(name) && command.spec().equals(spec)) {
            return;
        }
        apply(new ReportChangedEvent(reportId, command.name().value(), command.spec()));
    }

    @CommandHandler
    public void handle(ScheduleReportCommand command) {
        requireExisting();
        if (command.schedule().equals(schedule) && !paused) {
            return;
        }
        apply(new ReportScheduledEvent(reportId, command.schedule()));
    }

    @CommandHandler
    public void handle(PauseReportScheduleCommand command) {
        requireSchedule();
        if (!paused) {
            apply(new ReportSchedulePausedEvent(reportId));
        }
    }

    @CommandHandler
    public void handle(ResumeReportScheduleCommand command) {
        requireSchedule();
        if (paused) {
            apply(new ReportScheduleResumedEvent(reportId));
        }
    }

    @CommandHandler
    public void handle(DeleteReportCommand command) {
        if (!deleted) {
            apply(new ReportDeletedEvent(reportId));
        }
    }

    private void requireExisting() {
        if (deleted) {
            throw new NotFoundException("report " + reportId + " was deleted");
        }
    }

    private void requireSchedule() {
        requireExisting();
        if (schedule == null) {
            throw new ConflictException("report " + reportId + " has no schedule to pause or resume");
        }
    }

    @EventSourcingHandler
    void on(ReportDefinedEvent event) {
        reportId = event.reportId();
        name = event.name();
        spec = event.spec();
    }

    @EventSourcingHandler
    void on(ReportChangedEvent event) {
        name = event.name();
        spec = event.spec();
    }

    @EventSourcingHandler
    void on(ReportScheduledEvent event) {
        schedule = event.schedule();
        paused = false;
    }

    @EventSourcingHandler
    void on(ReportSchedulePausedEvent event) {
        paused = true;
    }

    @EventSourcingHandler
    void on(ReportScheduleResumedEvent event) {
        paused = false;
    }

    @EventSourcingHandler
    void on(ReportDeletedEvent event) {
        deleted = true;
    }
}
