package io.playmark.infra.report;

import io.playmark.kernel.play.OpenPeriod;
import io.playmark.query.report.ReportSink;
import io.playmark.query.report.ReportSummary;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/** One format's file(s), written row by row as the report is read, finished once it is all read. */
interface ReportWriter extends ReportSink {

    /** A finished file. */
    record Written(Path file, String format, String mediaType) {
    }

    /** What every file says about its run: whose report, which plays, and which hours were still open. */
    record Heading(String reportName, String type, Instant from, Instant to, Instant generatedAt,
                   List<OpenPeriod> openPeriods, long rows) {
    }

    /** Finishes the file(s); {@code summary} is read only by the formats that show one. */
    List<Written> finish(Heading heading, Supplier<ReportSummary> summary) throws IOException;

    /** Gives up the file (the run failed or was cancelled); its folder is deleted after. */
    void abort();

    /** A file name from the report's name: letters, digits and dashes. */
    static String slug(String name) {
        String slug = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        return slug.isEmpty() ? "report" : slug.length() > 60 ? slug.substring(0, 60) : slug;
    }
}
