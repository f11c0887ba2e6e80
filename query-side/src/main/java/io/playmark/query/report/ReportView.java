package io.playmark.query.report;

import io.playmark.kernel.report.ReportSpec;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/** A report definition as dashboards read it, in {@value #COLLECTION} by id; the webhook secret is not kept here. */
@Document(ReportView.COLLECTION)
public record ReportView(@Id String id, String name, ReportSpec spec, ScheduleView schedule, boolean schedulePaused,
                         Instant createdAt, Instant updatedAt, long version) {

    public static final String COLLECTION = "report_definitions";

    /** When the report runs by itself and where its runs go. */
    public record ScheduleView(String frequency, String at, String zone, String dayOfWeek, Integer dayOfMonth,
                               List<String> emails, String webhook, String cron) {
    }
}
