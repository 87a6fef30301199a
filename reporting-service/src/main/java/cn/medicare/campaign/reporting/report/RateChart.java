package cn.medicare.campaign.reporting.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * 走势图: each unit's rate at every period end of a bulletin against the stage thresholds and the
 * goal (its title is the form's, printed beside it), drawn with JFreeChart in the font this service ships (the machine's fonts never decide how
 * Chinese looks), as a PNG that is the same for the same figures.
 */
final class RateChart {

    private static final Font FONT = shippedFont();
    private static final int WIDTH = 1400;
    private static final int HEIGHT = 700;

    /** A horizontal line the rates are judged against: a stage's threshold, the goal. */
    record Threshold(String label, BigDecimal rate) {
    }

    private RateChart() {
    }

    /** @param rates each unit's name to its rate at each period (label to rate; a missing period is a gap) */
    static byte[] png(List<String> periods, Map<String, Map<String, BigDecimal>> rates, List<Threshold> thresholds) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        rates.forEach((unit, byPeriod) -> periods.forEach(period -> {
            BigDecimal rate = byPeriod.get(period);
            data.addValue(rate == null ? null : rate.movePointRight(2), unit, period);
        }));
        JFreeChart chart = ChartFactory.createLineChart(null, null, "参保率（%）", data, PlotOrientation.VERTICAL, true, false, false);
        chart.setAntiAlias(true);
        chart.getLegend().setItemFont(FONT.deriveFont(14f));
        chart.setBackgroundPaint(Color.WHITE);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xD8DEE4));
        plot.getRangeAxis().setRange(0, 105);
        plot.getRangeAxis().setLabelFont(FONT.deriveFont(14f));
        plot.getRangeAxis().setTickLabelFont(FONT.deriveFont(13f));
        CategoryAxis periodsAxis = plot.getDomainAxis();
        periodsAxis.setTickLabelFont(FONT.deriveFont(13f));
        periodsAxis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        for (Threshold threshold : thresholds) {
            ValueMarker marker = new ValueMarker(threshold.rate().movePointRight(2).doubleValue(), new Color(0xBF8700),
                    new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            marker.setLabel(threshold.label());
            marker.setLabelFont(FONT.deriveFont(13f));
            marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            marker.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
            plot.addRangeMarker(marker);
        }
        BufferedImage image = chart.createBufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB, null);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Font shippedFont() {
        try (InputStream in = RateChart.class.getResourceAsStream(FormPdf.FONT)) {
            if (in == null) {
                throw new IllegalStateException("the report font " + FormPdf.FONT + " is missing from the build");
            }
            return Font.createFonts(new ByteArrayInputStream(in.readAllBytes()))[0];
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException("the report font cannot be read", e);
        }
    }
}
