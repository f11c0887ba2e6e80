package io.playmark.infra.report;

import io.playmark.kernel.report.FindReportQuery;
import io.playmark.kernel.report.OutputFormat;
import io.playmark.kernel.report.ReportId;
import io.playmark.kernel.report.ReportSpec;
import io.playmark.kernel.report.TimeRange;
import io.playmark.query.report.ReportColumn;
import io.playmark.query.report.ReportData;
import io.playmark.query.report.ReportProgress;
import io.playmark.query.report.ReportRunView;
import io.playmark.query.report.ReportRuns;
import io.playmark.query.report.ReportSink;
import io.playmark.query.report.ReportSummary;
import io.playmark.query.report.ReportView;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;
import java.util.function.Supplier;

/**
 * Makes one run's files: takes the run (only a queued one), reads the report once into every format's writer,
 * and records the files, or the failure (queued again while tries are left), or the cancellation. A cancelled or
 * failed run keeps no files.
 */
class ReportGenerator {

    private static final Logger log = LoggerFactory.getLogger(ReportGenerator.class);

    private final ReportRuns runs;
    private final ReportData data;
    private final ReportFiles files;
    private final QueryGateway queries;
    private final Duration retention;
    private final int attempts;
    private final Clock clock;

    ReportGenerator(ReportRuns runs, ReportData data, ReportFiles files, QueryGateway queries, Duration retention,
                    int attempts, Clock clock) {
        this.runs = runs;
        this.data = data;
        this.files = files;
        this.queries = queries;
        this.retention = retention;
        this.attempts = attempts;
        this.clock = clock;
    }

    /** Thrown to have JobRunr try the run again. */
    static final class RetryLater extends RuntimeException {
        RetryLater(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** @return whether the run succeeded; {@code bar} is told the progress, 0 to 1 */
    boolean generate(String runId, DoubleConsumer bar) {
        ReportRunView run = runs.start(runId);
        if (run == null) {
            log.info("Report run {} is not queued (cancelled or finished): nothing to do", runId);
            return false;
        }
        List<ReportWriter> writers = new ArrayList<>();
        try {
            ReportView report = queries.query(new FindReportQuery(new ReportId(run.reportId())),
                    ResponseTypes.instanceOf(ReportView.class)).join();
            if (report == null) {
                throw new IllegalStateException("report " + run.reportId() + " was deleted");
            }
            ReportSpec spec = report.spec();
            Path folder = files.fresh(runId);
            String slug = ReportWriter.slug(report.name());
            for (OutputFormat format : spec.formats()) {
                writers.add(switch (format) {
                    case CSV -> new CsvReportWriter(folder.resolve(slug + ".csv"));
                    case XLSX -> new XlsxReportWriter(folder.resolve(slug + ".xlsx"));
                    case PDF -> new PdfReportWriter(folder, slug);
                });
            }
            TimeRange.Interval range = new TimeRange.Interval(run.from(), run.to());
            ReportData.Written written = data.write(spec, range, tee(writers), progress(runId, bar));
            var heading = new ReportWriter.Heading(report.name(), spec.type().name(), run.from(), run.to(),
                    clock.instant(), written.openPeriods(), written.rows());
            Supplier<ReportSummary> summary = memo(() -> data.summary(spec, range));
            Instant expires = clock.instant().plus(retention);
            List<ReportRunView.ReportFile> made = new ArrayList<>();
            for (ReportWriter writer : writers) {
                for (ReportWriter.Written file : writer.finish(heading, summary)) {
                    made.add(new ReportRunView.ReportFile(file.file().getFileName().toString(), file.format(),
                            file.mediaType(), Files.size(file.file()), expires));
                }
            }
            runs.succeeded(runId, written.rows(), made, written.openPeriods());
            bar.accept(1);
            log.info("Report run {} of {} wrote {} rows into {} files", runId, report.name(), written.rows(),
                    made.size());
            return true;
        } catch (ReportProgress.Cancelled cancelled) {
            discard(runId, writers);
            runs.cancelled(runId);
            log.info("Report run {} was cancelled", runId);
            return false;
        } catch (Exception e) {
            discard(runId, writers);
            boolean again = runs.find(runId).attempts() < attempts;
            runs.failed(runId, e.getMessage() == null ? e.toString() : e.getMessage(), again);
            if (again) {
                throw new RetryLater("report run " + runId + " failed, to be tried again: " + e.getMessage(), e);
            }
            log.warn("Report run {} failed for good", runId, e);
            return false;
        }
    }

    private ReportProgress progress(String runId, DoubleConsumer bar) {
        return new ReportProgress() {
            @Override
            public void update(double done, long rows) {
                runs.progress(runId, done, rows);
                bar.accept(done);
            }

            @Override
            public boolean cancelled() {
                return runs.cancelRequested(runId);
            }
        };
    }

    private void discard(String runId, List<ReportWriter> writers) {
        writers.forEach(ReportWriter::abort);
        try {
            files.delete(runId);
        } catch (IOException e) {
            log.warn("The files of report run {} could not be deleted", runId, e);
        }
    }

    private static ReportSink tee(List<ReportWriter> writers) {
        return new ReportSink() {
            @Override
            public void columns(List<ReportColumn> columns) throws IOException {
                for (ReportWriter writer : writers) {
                    writer.columns(columns);
                }
            }

            @Override
            public void row(List<Object> cells) throws IOException {
                for (ReportWriter writer : writers) {
                    writer.row(cells);
                }
            }
        };
    }

    private static <T> Supplier<T> memo(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }
}
