package io.playmark.kernel.report;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

public record DefineReportCommand(@TargetAggregateIdentifier ReportId reportId, ReportName name, ReportSpec spec) {

    public DefineReportCommand {
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(spec, "spec");
    }
}
