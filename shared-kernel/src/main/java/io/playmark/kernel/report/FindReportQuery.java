package io.playmark.kernel.report;

import java.util.Objects;

/** One report definition, or null when there is none (or it was deleted). */
public record FindReportQuery(ReportId reportId) {

    public FindReportQuery {
        Objects.requireNonNull(reportId, "reportId");
    }
}
