package io.playmark.kernel.report;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

public record DeleteReportCommand(@TargetAggregateIdentifier ReportId reportId) {

    public DeleteReportCommand {
        Objects.requireNonNull(reportId, "reportId");
    }
}
