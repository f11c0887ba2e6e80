package io.playmark.infra.report;

import io.playmark.kernel.play.OpenPeriod;
import io.playmark.kernel.report.OutputFormat;
import io.playmark.query.report.ReportColumn;
import io.playmark.query.report.ReportSummary;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * A PDF (PDFBox) with a title page (report, range, whether complete), a summary table, the two charts, the open
 * periods and the report's first {@value #SHOWN_ROWS} rows; and a PNG of each chart beside it. Only those rows are
 * kept: the whole table is in the CSV and XLSX.
 */
final class PdfReportWriter implements ReportWriter {

    static final int SHOWN_ROWS = 40;
    private static final float MARGIN = 50;
    private static final float LINE = 14;

    private final Path folder;
    private final String slug;
    private final List<List<Object>> rows = new ArrayList<>();
    private List<ReportColumn> columns = List.of();

    PdfReportWriter(Path folder, String slug) {
        this.folder = folder;
        this.slug = slug;
    }

    @Override
    public void columns(List<ReportColumn> columns) {
        this.columns = columns;
    }

    @Override
    public void row(List<Object> cells) {
        if (rows.size() < SHOWN_ROWS) {
            rows.add(cells);
        }
    }

    @Override
    public List<Written> finish(Heading heading, Supplier<ReportSummary> summary) throws IOException {
        ReportSummary totals = summary.get();
        BufferedImage byDay = ReportCharts.image(ReportCharts.playsByDay(totals));
        BufferedImage outcomes = ReportCharts.image(ReportCharts.outcomes(totals));
        Path pdf = folder.resolve(slug + ".pdf");
        try (PDDocument document = new PDDocument()) {
            titlePage(document, heading);
            summaryPage(document, heading, totals);
            chartsPage(document, byDay, outcomes);
            rowsPage(document, heading);
            document.save(pdf.toFile());
        }
        Path dayPng = folder.resolve(slug + "-plays-by-day.png");
        Path outcomePng = folder.resolve(slug + "-outcomes.png");
        ReportCharts.png(byDay, dayPng);
        ReportCharts.png(outcomes, outcomePng);
        return List.of(new Written(pdf, OutputFormat.PDF.name(), OutputFormat.PDF.mediaType()),
                new Written(dayPng, "PNG", "image/png"), new Written(outcomePng, "PNG", "image/png"));
    }

    private static PDType1Font font(boolean bold) {
        return new PDType1Font(bold ? Standard14Fonts.FontName.HELVETICA_BOLD : Standard14Fonts.FontName.HELVETICA);
    }

    /** Lines of text from the top of a new page. */
    private static void textPage(PDDocument document, List<String> lines, float size, boolean firstBold)
            throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            float y = page.getMediaBox().getHeight() - MARGIN;
            for (int i = 0; i < lines.size(); i++) {
                if (y < MARGIN) {
                    break;
                }
                content.beginText();
                content.setFont(font(firstBold && i == 0), firstBold && i == 0 ? size + 8 : size);
                content.newLineAtOffset(MARGIN, y);
                content.showText(printable(lines.get(i)));
                content.endText();
                y -= firstBold && i == 0 ? LINE * 2 : LINE;
            }
        }
    }

    private static void titlePage(PDDocument document, Heading heading) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(heading.reportName());
        lines.add("Report type: " + heading.type());
        lines.add("Plays started from " + heading.from() + " to " + heading.to() + " (UTC)");
        lines.add("Generated " + heading.generatedAt());
        lines.add("Rows: " + heading.rows());
        lines.add(heading.openPeriods().isEmpty() ? "Complete: every player had reported the whole range."
                : "Not complete: " + heading.openPeriods().size() + " players' hours were still open "
                + "(figures touching them may still grow).");
        textPage(document, lines, 12, true);
    }

    private static void summaryPage(PDDocument document, Heading heading, ReportSummary totals) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("Summary");
        lines.add("Plays: " + totals.plays());
        lines.add("Completed: " + totals.completed());
        lines.add(String.format(Locale.ROOT, "Completion rate: %.4f", totals.completionRate()));
        lines.add("Played ms: " + totals.playedMs());
        lines.add("Impressions: " + totals.impressions());
        lines.add("");
        lines.add("Outcome / plays");
        totals.outcomes().forEach((outcome, plays) -> lines.add(outcome + ": " + plays));
        lines.add("");
        lines.add("Day / plays / completed");
        totals.days().forEach(day -> lines.add(day.date() + ": " + day.plays() + " / " + day.completed()));
        lines.add("");
        lines.add("Open periods (player, from, to)");
        for (OpenPeriod period : heading.openPeriods()) {
            lines.add(period.playerId() + "  " + period.from() + "  " + period.to());
        }
        if (heading.openPeriods().isEmpty()) {
            lines.add("none");
        }
        textPage(document, lines, 10, true);
    }

    private static void chartsPage(PDDocument document, BufferedImage byDay, BufferedImage outcomes)
            throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        float width = page.getMediaBox().getWidth() - 2 * MARGIN;
        float height = width * ReportCharts.HEIGHT / ReportCharts.WIDTH;
        float top = page.getMediaBox().getHeight() - MARGIN;
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            PDImageXObject first = LosslessFactory.createFromImage(document, byDay);
            content.drawImage(first, MARGIN, top - height, width, height);
            PDImageXObject second = LosslessFactory.createFromImage(document, outcomes);
            content.drawImage(second, MARGIN, top - 2 * height - 20, width, height);
        }
    }

    private void rowsPage(PDDocument document, Heading heading) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("First rows" + (heading.rows() > rows.size() ? " (" + rows.size() + " of " + heading.rows() + ")"
                : ""));
        lines.add(String.join(" | ", columns.stream().map(ReportColumn::name).toList()));
        for (List<Object> row : rows) {
            lines.add(String.join(" | ", row.stream().map(cell -> cell == null ? "" : cell.toString()).toList()));
        }
        textPage(document, lines, 7, true);
    }

    /** Helvetica has Latin-1 only; other characters show as '?', and long lines are cut. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(160).forEach(c -> out.append(c >= 32 && c < 127 || c >= 160 && c < 256
                ? (char) c : '?'));
        return out.toString();
    }

    @Override
    public void abort() {
        rows.clear();
    }
}
