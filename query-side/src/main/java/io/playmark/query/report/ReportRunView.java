package io.playmark.query.report;

import io.playmark.kernel.play.OpenPeriod;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * One run of a report, in {@value #COLLECTION} by id. Ids start with the time they were made (like UUIDv7), so
 * newest first is descending id order; {@code reportKey} ("reportId|runId", unique) pages one report's runs.
 * {@code progress} goes from 0 to 1; {@code openPeriods} are the players' hours in the range still open when it ran.
 */
@Document(ReportRunView.COLLECTION)
public record ReportRunView(@Id String id, String reportId, String reportName, String reportKey,
                            ReportRunStatus status, double progress, long rows, Instant from, Instant to,
                            String trigger, String requestedBy, Instant requestedAt, Instant startedAt,
                            Instant finishedAt, boolean cancelRequested, int attempts, String error,
                            List<OpenPeriod> openPeriods, List<ReportFile> files, List<DeliveryAttempt> deliveries) {

    public static final String COLLECTION = "report_runs";

    public boolean complete() {
        return openPeriods == null || openPeriods.isEmpty();
    }

    /** A file the run made: {@code name} is its download name; it is removed after {@code expiresAt}. */
    public record ReportFile(String name, String format, String mediaType, long sizeBytes, Instant expiresAt) {
    }

    /** One attempt to deliver the run: by EMAIL or WEBHOOK, to whom, with what outcome. */
    public record DeliveryAttempt(String channel, String target, int attempt, boolean delivered, Integer httpStatus,
                                  String error, Instant at) {
    }
}
