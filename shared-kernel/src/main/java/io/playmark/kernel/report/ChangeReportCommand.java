package io.playmark.kernel.report;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

public record ChangeReportCommand(@TargetAggregateIdentifier ReportId reportId, ReportName name, ReportSpec spec) {

    public ChangeReportCommand {
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(spec, "spec");
    }
}
