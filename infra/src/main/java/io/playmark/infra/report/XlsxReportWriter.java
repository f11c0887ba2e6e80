package io.playmark.infra.report;

import io.playmark.kernel.play.OpenPeriod;
import io.playmark.kernel.report.OutputFormat;
import io.playmark.query.report.ReportColumn;
import io.playmark.query.report.ReportSummary;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * An XLSX workbook written with POI's streaming writer (100 rows in memory, the rest on disk): the sheet "Report"
 * with the rows (past Excel's 1,048,575 rows a new sheet "Report 2" and so on), "Summary" with the totals and
 * "Open periods".
 */
final class XlsxReportWriter implements ReportWriter {

    private static final int MAX_ROWS = 1_048_575;

    private final Path file;
    private final SXSSFWorkbook workbook = new SXSSFWorkbook(100);
    private List<ReportColumn> columns;
    private Sheet sheet;
    private int sheets;
    private int next;

    XlsxReportWriter(Path file) {
        this.file = file;
        workbook.setCompressTempFiles(true);
    }

    @Override
    public void columns(List<ReportColumn> columns) {
        this.columns = columns;
        newSheet();
    }

    private void newSheet() {
        sheets++;
        sheet = workbook.createSheet(sheets == 1 ? "Report" : "Report " + sheets);
        Row header = sheet.createRow(0);
        for (int i = 0; i < columns.size(); i++) {
            header.createCell(i).setCellValue(columns.get(i).name());
        }
        next = 1;
    }

    @Override
    public void row(List<Object> cells) {
        if (next > MAX_ROWS) {
            newSheet();
        }
        Row row = sheet.createRow(next++);
        for (int i = 0; i < cells.size(); i++) {
            Object cell = cells.get(i);
            if (cell instanceof Number number) {
                row.createCell(i).setCellValue(number.doubleValue());
            } else if (cell instanceof Boolean flag) {
                row.createCell(i).setCellValue(flag);
            } else if (cell != null) {
                row.createCell(i).setCellValue(cell.toString());
            }
        }
    }

    @Override
    public List<Written> finish(Heading heading, Supplier<ReportSummary> summary) throws IOException {
        ReportSummary totals = summary.get();
        Sheet sums = workbook.createSheet("Summary");
        int at = 0;
        at = pair(sums, at, "Report", heading.reportName());
        at = pair(sums, at, "From", heading.from().toString());
        at = pair(sums, at, "To", heading.to().toString());
        at = pair(sums, at, "Rows", heading.rows());
        at = pair(sums, at, "Plays", totals.plays());
        at = pair(sums, at, "Completed", totals.completed());
        at = pair(sums, at, "Played ms", totals.playedMs());
        at = pair(sums, at, "Impressions", totals.impressions());
        pair(sums, at, "Complete", heading.openPeriods().isEmpty() ? "yes" : "no: see Open periods");
        Sheet open = workbook.createSheet("Open periods");
        Row header = open.createRow(0);
        header.createCell(0).setCellValue("playerId");
        header.createCell(1).setCellValue("from");
        header.createCell(2).setCellValue("to");
        int row = 1;
        for (OpenPeriod period : heading.openPeriods()) {
            Row line = open.createRow(row++);
            line.createCell(0).setCellValue(period.playerId());
            line.createCell(1).setCellValue(period.from().toString());
            line.createCell(2).setCellValue(period.to().toString());
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        } finally {
            workbook.close();
        }
        return List.of(new Written(file, OutputFormat.XLSX.name(), OutputFormat.XLSX.mediaType()));
    }

    private static int pair(Sheet sheet, int at, String name, Object value) {
        Row row = sheet.createRow(at);
        row.createCell(0).setCellValue(name);
        if (value instanceof Number number) {
            row.createCell(1).setCellValue(number.doubleValue());
        } else {
            row.createCell(1).setCellValue(String.valueOf(value));
        }
        return at + 1;
    }

    @Override
    public void abort() {
        try {
            workbook.close();
        } catch (IOException ignored) {
            // the folder is deleted next
        }
    }
}
