package io.playmark.infra.report;

import io.playmark.kernel.report.OutputFormat;
import io.playmark.query.report.ReportColumn;
import io.playmark.query.report.ReportSummary;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * RFC 4180 CSV, each row written as it comes: memory stays the same for any number of rows. Open periods are in
 * each row's {@code open} column.
 */
final class CsvReportWriter implements ReportWriter {

    private final Path file;
    private final Writer out;

    CsvReportWriter(Path file) throws IOException {
        this.file = file;
        this.out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 64 * 1024);
    }

    @Override
    public void columns(List<ReportColumn> columns) throws IOException {
        line(columns.stream().map(column -> (Object) column.name()).toList());
    }

    @Override
    public void row(List<Object> cells) throws IOException {
        line(cells);
    }

    private void line(List<Object> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            Object cell = cells.get(i);
            if (cell != null) {
                out.write(quoted(cell.toString()));
            }
        }
        out.write("\r\n");
    }

    static String quoted(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    @Override
    public List<Written> finish(Heading heading, Supplier<ReportSummary> summary) throws IOException {
        out.close();
        return List.of(new Written(file, OutputFormat.CSV.name(), OutputFormat.CSV.mediaType()));
    }

    @Override
    public void abort() {
        try {
            out.close();
        } catch (IOException ignored) {
            // the folder is deleted next
        }
    }
}
