package io.playmark.query.report;

import java.util.List;
import java.util.Map;

/** A report's totals, plays by day and by outcome: its PDF's summary and charts. */
public record ReportSummary(long plays, long completed, long playedMs, long impressions, List<Day> days,
                            Map<String, Long> outcomes) {

    public record Day(String date, long plays, long completed) {
    }

    public double completionRate() {
        return plays == 0 ? 0 : (double) completed / plays;
    }
}
