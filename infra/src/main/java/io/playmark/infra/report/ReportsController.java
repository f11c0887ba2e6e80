package io.playmark.infra.report;

import io.playmark.kernel.NotFoundException;
import io.playmark.kernel.ProblemAnswers;
import io.playmark.kernel.report.FindReportQuery;
import io.playmark.kernel.report.ReportId;
import io.playmark.query.report.ReportRunView;
import io.playmark.query.report.ReportRunner;
import io.playmark.query.report.ReportRuns;
import io.playmark.query.report.ReportView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

import static io.playmark.kernel.ErrorKind.NOT_FOUND;

/**
 * Reports over REST, beside GraphQL: run one now, follow a run, download its files. ANALYST, MANAGER and ADMIN
 * run reports; AUDITOR too may follow runs and download.
 */
@RestController
@Tag(name = "Reports", description = "Report runs and their files (definitions and schedules: GraphQL)")
class ReportsController {

    private final ReportRuns runs;
    private final ReportRunner runner;
    private final ReportFiles files;
    private final QueryGateway queries;
    private final Clock clock;

    ReportsController(ReportRuns runs, ReportRunner runner, ReportFiles files, QueryGateway queries, Clock clock) {
        this.runs = runs;
        this.runner = runner;
        this.files = files;
        this.queries = queries;
        this.clock = clock;
    }

    @PostMapping("/api/v1/reports/{reportId}/runs")
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'ANALYST')")
    @Operation(operationId = "runReport", summary = "Run a report now",
            description = "Queues a run over the report's own range (a relative range is taken now, in the report's "
                    + "zone) and answers it; follow it at its Location until SUCCEEDED, then download its files.")
    @ApiResponse(responseCode = "202", description = "Queued")
    @ProblemAnswers(NOT_FOUND)
    ResponseEntity<ReportRunView> run(@PathVariable String reportId, Authentication caller) {
        ReportView report = queries.query(new FindReportQuery(new ReportId(reportId)),
                ResponseTypes.instanceOf(ReportView.class)).join();
        if (report == null) {
            throw new NotFoundException("No report with id " + reportId);
        }
        var interval = report.spec().range().resolve(clock.instant(), report.spec().zoneId());
        ReportRunView run = runs.queue(report, interval, "MANUAL", caller.getName());
        runner.enqueue(run);
        return ResponseEntity.accepted().location(URI.create("/api/v1/report-runs/" + run.id())).body(run);
    }

    @GetMapping("/api/v1/report-runs/{runId}")
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'ANALYST', 'AUDITOR')")
    @Operation(operationId = "getReportRun", summary = "Follow a report run",
            description = "Its status (QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED), progress from 0 to 1, rows, "
                    + "open periods, files and delivery attempts.")
    @ApiResponse(responseCode = "200", description = "The run")
    @ProblemAnswers(NOT_FOUND)
    ReportRunView get(@PathVariable String runId) {
        return runs.require(runId);
    }

    @GetMapping("/api/v1/report-runs/{runId}/files/{name}")
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'ANALYST', 'AUDITOR')")
    @Operation(operationId = "downloadReportFile", summary = "Download a report file",
            description = "One of the run's files by its name (the run lists them), as an attachment; gone after "
                    + "the retention.")
    @ApiResponse(responseCode = "200", description = "The file",
            content = @Content(mediaType = "*/*", schema = @Schema(type = "string", format = "binary")))
    @ProblemAnswers(NOT_FOUND)
    ResponseEntity<Resource> download(@PathVariable String runId, @PathVariable String name) {
        ReportRunView run = runs.require(runId);
        Path file = files.file(run, name);
        String mediaType = run.files().stream().filter(listed -> listed.name().equals(name)).findFirst()
                .map(ReportRunView.ReportFile::mediaType).orElse(MediaType.APPLICATION_OCTET_STREAM_VALUE);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(mediaType))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name, StandardCharsets.UTF_8).build().toString())
                .body(new FileSystemResource(file));
    }
}
