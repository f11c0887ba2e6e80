package io.playmark.query.report;

import io.playmark.kernel.InvalidValueException;
import io.playmark.kernel.play.Outcome;
import io.playmark.kernel.report.Dimension;
import io.playmark.kernel.report.Metric;
import io.playmark.kernel.report.OutputFormat;
import io.playmark.kernel.report.ReportFilters;
import io.playmark.kernel.report.ReportSchedule;
import io.playmark.kernel.report.ReportSpec;
import io.playmark.kernel.report.ReportType;
import io.playmark.kernel.report.TimeBasis;
import io.playmark.kernel.report.TimeGrouping;
import io.playmark.kernel.report.TimeRange;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The GraphQL inputs of reports, turned into the kernel's value objects (which check them). */
final class ReportInputs {

    private ReportInputs() {
    }

    record TimeRangeInput(TimeRange.Kind kind, Instant from, Instant to, Integer days) {
        TimeRange range() {
            return new TimeRange(kind, from, to, days == null ? 0 : days);
        }
    }

    record ReportFiltersInput(List<String> campaigns, List<String> advertisers, List<String> players,
                              List<String> groups, List<String> tags, List<Outcome> outcomes) {
        ReportFilters filters() {
            return new ReportFilters(campaigns, advertisers, players, groups, tags, outcomes);
        }
    }

    /** A ready-made type without metrics takes the type's own metrics and dimensions. */
    record ReportInput(String id, String name, ReportType type, List<Metric> metrics, List<Dimension> dimensions,
                       TimeGrouping timeGrouping, TimeBasis timeBasis, TimeRangeInput range, String zone,
                       ReportFiltersInput filters, Metric sortBy, Boolean descending, Integer top,
                       List<OutputFormat> formats) {
        ReportSpec spec() {
            if (range == null) {
                throw new InvalidValueException("range", "a report needs a time range");
            }
            ReportFilters filter = filters == null ? ReportFilters.NONE : filters.filters();
            ReportType kind = type == null ? ReportType.CUSTOM : type;
            if (kind != ReportType.CUSTOM && (metrics == null || metrics.isEmpty())) {
                ReportSpec preset = ReportSpec.preset(kind, range.range(), filter, formats);
                return new ReportSpec(kind, preset.metrics(), preset.dimensions(),
                        timeGrouping == null ? preset.timeGrouping() : timeGrouping,
                        timeBasis == null ? preset.timeBasis() : timeBasis, preset.range(), zone, preset.filters(),
                        preset.sortBy(), preset.descending(), top, formats);
            }
            return new ReportSpec(kind, metrics, dimensions, timeGrouping, timeBasis, range.range(), zone, filter,
                    sortBy, Boolean.TRUE.equals(descending), top, formats);
        }
    }

    record ReportScheduleInput(ReportSchedule.Frequency frequency, String at, String zone, DayOfWeek dayOfWeek,
                               Integer dayOfMonth, List<String> emails, String webhook, String webhookSecret) {
        ReportSchedule schedule() {
            LocalTime time;
            try {
                time = at == null ? null : LocalTime.parse(at);
            } catch (DateTimeParseException malformed) {
                throw new InvalidValueException("at", "at is a time of day like 06:30, was '" + at + "'");
            }
            URI hook;
            try {
                hook = webhook == null || webhook.isBlank() ? null : URI.create(webhook);
            } catch (IllegalArgumentException malformed) {
                throw new InvalidValueException("webhook", "webhook is not a URL: '" + webhook + "'");
            }
            return new ReportSchedule(frequency, time, zone, dayOfWeek, dayOfMonth, emails, hook, webhookSecret);
        }
    }
}
