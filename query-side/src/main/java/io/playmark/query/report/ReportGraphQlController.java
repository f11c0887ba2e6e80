package io.playmark.query.report;

import io.playmark.kernel.ConflictException;
import io.playmark.kernel.InvalidValueException;
import io.playmark.kernel.NotFoundException;
import io.playmark.kernel.report.ChangeReportCommand;
import io.playmark.kernel.report.DefineReportCommand;
import io.playmark.kernel.report.DeleteReportCommand;
import io.playmark.kernel.report.FindReportQuery;
import io.playmark.kernel.report.PauseReportScheduleCommand;
import io.playmark.kernel.report.ReportId;
import io.playmark.kernel.report.ReportName;
import io.playmark.kernel.report.ReportSpec;
import io.playmark.kernel.report.ResumeReportScheduleCommand;
import io.playmark.kernel.report.ScheduleReportCommand;
import io.playmark.query.consistency.ProjectionCatchUp;
import io.playmark.query.report.ReportInputs.ReportInput;
import io.playmark.query.report.ReportInputs.ReportScheduleInput;
import io.playmark.query.report.ReportInputs.TimeRangeInput;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;

import java.time.Clock;
import java.util.List;
import java.util.function.Function;

/**
 * Reports over GraphQL: ANALYST, MANAGER and ADMIN define and run them (AUDITOR reads them), only ADMIN and MANAGER
 * schedule them. Changes answer once the definitions' projection has them; a run is queued and followed by its id.
 */
@Controller
class ReportGraphQlController {

    private static final List<String> PROJECTIONS = List.of(ReportDefinitionProjection.PROCESSING_GROUP);
    private static final String READERS = "hasAnyRole('ADMIN', 'MANAGER', 'ANALYST', 'AUDITOR')";
    private static final String RUNNERS = "hasAnyRole('ADMIN', 'MANAGER', 'ANALYST')";
    private static final String SCHEDULERS = "hasAnyRole('ADMIN', 'MANAGER')";

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ProjectionCatchUp catchUp;
    private final ReportDefinitionProjection definitions;
    private final ReportRuns runs;
    private final ReportRunner runner;
    private final Clock clock;

    ReportGraphQlController(CommandGateway commands, QueryGateway queries, ProjectionCatchUp catchUp,
                            ReportDefinitionProjection definitions, ReportRuns runs, ReportRunner runner,
                            Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.catchUp = catchUp;
        this.definitions = definitions;
        this.runs = runs;
        this.runner = runner;
        this.clock = clock;
    }

    @QueryMapping
    @PreAuthorize(READERS)
    ReportView report(@Argument String id) {
        return find(new ReportId(id));
    }

    @QueryMapping
    @PreAuthorize(READERS)
    Connection<ReportView> reports(@Argument int first, @Argument String after) {
        return Connection.of(definitions.page(checkFirst(first), after), first, after != null, ReportView::id);
    }

    @QueryMapping
    @PreAuthorize(READERS)
    ReportRunView reportRun(@Argument String id) {
        return runs.find(id);
    }

    @QueryMapping
    @PreAuthorize(READERS)
    Connection<ReportRunView> reportRuns(@Argument String reportId, @Argument int first, @Argument String after) {
        String report = reportId == null ? null : new ReportId(reportId).value();
        return Connection.of(runs.page(report, checkFirst(first), after), first, after != null, ReportRunView::id);
    }

    @MutationMapping
    @PreAuthorize(RUNNERS)
    ReportView defineReport(@Argument ReportInput input) {
        ReportId id = input.id() == null ? ReportId.random() : new ReportId(input.id());
        var command = new DefineReportCommand(id, new ReportName(input.name()), input.spec());
        try {
            commands.sendAndWait(command);
        } catch (AggregateStreamCreationException | ConcurrencyException alreadyDefined) {
            catchUp.awaitCaughtUp(id.value(), PROJECTIONS);
            ReportView existing = find(id);
            if (existing.name().equals(command.name().value()) && existing.spec().equals(command.spec())) {
                return existing;
            }
            throw new ConflictException("Report " + id + " already exists with other values");
        }
        catchUp.awaitCaughtUp(id.value(), PROJECTIONS);
        return find(id);
    }

    @MutationMapping
    @PreAuthorize(RUNNERS)
    ReportView changeReport(@Argument String id, @Argument ReportInput input) {
        ReportName name = new ReportName(input.name());
        ReportSpec spec = input.spec();
        return change(id, reportId -> new ChangeReportCommand(reportId, name, spec));
    }

    @MutationMapping
    @PreAuthorize(RUNNERS)
    boolean deleteReport(@Argument String id) {
        ReportId reportId = new ReportId(id);
        send(reportId, new DeleteReportCommand(reportId));
        catchUp.awaitCaughtUp(reportId.value(), PROJECTIONS);
        return true;
    }

    @MutationMapping
    @PreAuthorize(SCHEDULERS)
    ReportView scheduleReport(@Argument String id, @Argument ReportScheduleInput schedule) {
        var value = schedule.schedule();
        return change(id, reportId -> new ScheduleReportCommand(reportId, value));
    }

    @MutationMapping
    @PreAuthorize(SCHEDULERS)
    ReportView pauseReportSchedule(@Argument String id) {
        return change(id, PauseReportScheduleCommand::new);
    }

    @MutationMapping
    @PreAuthorize(SCHEDULERS)
    ReportView resumeReportSchedule(@Argument String id) {
        return change(id, ResumeReportScheduleCommand::new);
    }

    /** Queues a run over the report's range, or over {@code range} when given. */
    @MutationMapping
    @PreAuthorize(RUNNERS)
    ReportRunView runReport(@Argument String id, @Argument TimeRangeInput range) {
        ReportView report = find(new ReportId(id));
        var interval = (range == null ? report.spec().range() : range.range())
                .resolve(clock.instant(), report.spec().zoneId());
        ReportRunView run = runs.queue(report, interval, "MANUAL", caller());
        runner.enqueue(run);
        return run;
    }

    @MutationMapping
    @PreAuthorize(RUNNERS)
    ReportRunView cancelReportRun(@Argument String id) {
        ReportRunView run = runs.requestCancel(id);
        if (run.status() == ReportRunStatus.CANCELLED) {
            runner.dequeue(id);
        }
        return run;
    }

    private static String caller() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? null : authentication.getName();
    }

    private static int checkFirst(int first) {
        if (first < 1 || first > 100) {
            throw new InvalidValueException("first", "first must be between 1 and 100, was " + first);
        }
        return first;
    }

    private ReportView change(String id, Function<ReportId, Object> command) {
        ReportId reportId = new ReportId(id);
        send(reportId, command.apply(reportId));
        catchUp.awaitCaughtUp(reportId.value(), PROJECTIONS);
        return find(reportId);
    }

    private void send(ReportId id, Object command) {
        try {
            commands.sendAndWait(command);
        } catch (AggregateNotFoundException unknown) {
            throw notFound(id);
        }
    }

    private ReportView find(ReportId id) {
        ReportView view = queries.query(new FindReportQuery(id), ResponseTypes.instanceOf(ReportView.class)).join();
        if (view == null) {
            throw notFound(id);
        }
        return view;
    }

    private static NotFoundException notFound(ReportId id) {
        return new NotFoundException("No report with id " + id);
    }
}
