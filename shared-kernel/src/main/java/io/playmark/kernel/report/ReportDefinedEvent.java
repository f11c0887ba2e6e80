package io.playmark.kernel.report;

import org.axonframework.serialization.Revision;

/** A report was defined; its spec is kept whole, as the definition's audit shows it. */
@Revision("1")
public record ReportDefinedEvent(String reportId, String name, ReportSpec spec) {
}
