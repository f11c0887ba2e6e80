package io.playmark.kernel.report;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ReportScheduleResumedEvent(String reportId) {
}
