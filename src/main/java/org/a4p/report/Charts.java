package org.a4p.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import org.a4p.i18n.Language;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Line charts of an indicator over the years as PNG data: URIs (XChart), drawn in the report's own font. */
final class Charts {
    /** One year's point; {@code value} null for a year with no published value (a gap, never a zero). */
    record Point(int year, Double value, Double target) {}

    private static final Font BASE = loadFont();
    private static final Color VALUE = new Color(0x1F, 0x5F, 0x99);
    private static final Color TARGET = new Color(0x8A, 0x4B, 0x08);

    private Charts() {}

    /** A chart of {@code points} (at least one with a value), with the target line where the pack sets one. */
    static String png(List<Point> points, Language language, String valueLabel, String targetLabel) {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(900).height(330).build();
        XYStyler styler = chart.getStyler();
        styler.setLocale(language.locale());
        styler.setXAxisDecimalPattern("0");
        styler.setYAxisDecimalPattern("#,##0.##");
        styler.setXAxisMaxLabelCount(points.size());
        styler.setAxisTickLabelsFont(BASE.deriveFont(18f));
        styler.setPlotGridVerticalLinesVisible(false);
        styler.setPlotBorderVisible(false);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setLegendFont(BASE.deriveFont(18f));
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setLegendBorderColor(Color.WHITE);
        styler.setChartTitleVisible(false);
        styler.setAntiAlias(true);
        double[] years = points.stream().mapToDouble(Point::year).toArray();
        XYSeries values = chart.addSeries(valueLabel, years, points.stream().mapToDouble(p -> p.value() == null ? Double.NaN : p.value()).toArray());
        style(values, VALUE, new BasicStroke(3f));
        values.setMarker(SeriesMarkers.CIRCLE);
        if (points.stream().anyMatch(p -> p.target() != null)) {
            XYSeries target = chart.addSeries(targetLabel, years, points.stream()
                    .mapToDouble(p -> p.target() == null ? Double.NaN : p.target()).toArray());
            style(target, TARGET, new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 6f}, 0f));
            target.setMarker(SeriesMarkers.DIAMOND);
        }
        try {
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw a chart: " + e.getMessage(), e);
        }
    }

    private static void style(XYSeries series, Color color, BasicStroke stroke) {
        series.setLineColor(color);
        series.setMarkerColor(color);
        series.setLineStyle(stroke);
    }

    private static Font loadFont() {
        try (InputStream in = Charts.class.getResourceAsStream("/report/fonts/DejaVuSans.ttf")) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | FontFormatException | NullPointerException e) {
            throw new IllegalStateException("the report's font is missing from the build: " + e.getMessage(), e);
        }
    }
}
