package io.playmark.kernel.report;

import org.axonframework.serialization.Revision;

/** The report runs by this schedule from now on (replacing any earlier one), not paused. */
@Revision("1")
public record ReportScheduledEvent(String reportId, ReportSchedule schedule) {
}
