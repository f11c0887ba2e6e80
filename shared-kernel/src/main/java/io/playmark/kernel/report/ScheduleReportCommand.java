package io.playmark.kernel.report;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

public record ScheduleReportCommand(@TargetAggregateIdentifier ReportId reportId, ReportSchedule schedule) {

    public ScheduleReportCommand {
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(schedule, "schedule");
    }
}
