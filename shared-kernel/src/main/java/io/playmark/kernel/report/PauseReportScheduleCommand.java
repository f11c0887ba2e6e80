package io.playmark.kernel.report;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

public record PauseReportScheduleCommand(@TargetAggregateIdentifier ReportId reportId) {

    public PauseReportScheduleCommand {
        Objects.requireNonNull(reportId, "reportId");
    }
}
