package io.playmark.kernel.report;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

public record ResumeReportScheduleCommand(@TargetAggregateIdentifier ReportId reportId) {

    public ResumeReportScheduleCommand {
        Objects.requireNonNull(reportId, "reportId");
    }
}
