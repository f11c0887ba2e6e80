package io.playmark.infra.report;

import io.playmark.query.report.ReportSummary;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/** The report's charts (JFreeChart): plays by day, as bars up to 45 days and as a line beyond; plays by outcome. */
final class ReportCharts {

    static final int WIDTH = 800;
    static final int HEIGHT = 400;

    private ReportCharts() {
    }

    static JFreeChart playsByDay(ReportSummary summary) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (ReportSummary.Day day : summary.days()) {
            data.addValue(day.plays(), "Plays", day.date());
            data.addValue(day.completed(), "Completed", day.date());
        }
        return summary.days().size() > 45
                ? ChartFactory.createLineChart("Plays by day", "Day", "Plays", data, PlotOrientation.VERTICAL, true,
                false, false)
                : ChartFactory.createBarChart("Plays by day", "Day", "Plays", data, PlotOrientation.VERTICAL, true,
                false, false);
    }

    static JFreeChart outcomes(ReportSummary summary) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        summary.outcomes().forEach((outcome, plays) -> data.addValue(plays, "Plays", outcome));
        return ChartFactory.createBarChart("Plays by outcome", "Outcome", "Plays", data, PlotOrientation.VERTICAL,
                false, false, false);
    }

    static BufferedImage image(JFreeChart chart) {
        return chart.createBufferedImage(WIDTH, HEIGHT);
    }

    static void png(BufferedImage image, Path file) throws IOException {
        try (var out = java.nio.file.Files.newOutputStream(file)) {
            ChartUtils.writeBufferedImageAsPNG(out, image);
        }
    }
}
