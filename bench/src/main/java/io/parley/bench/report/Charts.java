package io.parley.bench.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Draws a result's panels into one PNG (XChart), two side by side per row. */
public final class Charts {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 380;
    private static final int COLUMNS = 2;

    private Charts() {
    }

    public static Path write(ScenarioResult result, Path folder) {
        if (result.panels().isEmpty()) {
            return null;
        }
        int panels = result.panels().size();
        int rows = (panels + COLUMNS - 1) / COLUMNS;
        BufferedImage image = new BufferedImage(WIDTH * Math.min(panels, COLUMNS), HEIGHT * rows,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        for (int i = 0; i < panels; i++) {
            XYChart chart = chart(result.panels().get(i), result.scenario() + " " + result.database());
            g.drawImage(BitmapEncoder.getBufferedImage(chart), i % COLUMNS * WIDTH, i / COLUMNS * HEIGHT, null);
        }
        g.dispose();
        try {
            Files.createDirectories(folder);
            Path file = folder.resolve(result.fileStem() + ".png");
            ImageIO.write(image, "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static XYChart chart(Panel panel, String context) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(context + ": " + panel.title()).xAxisTitle(panel.xLabel()).yAxisTitle(panel.yLabel()).build();
        chart.getStyler().setPlotGridLinesColor(new Color(225, 225, 225));
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW).setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        if (panel.percentileAxis()) {
            chart.setCustomXAxisTickLabelsFormatter(Charts::percentileLabel);
        }
        int from = panel.percentileAxis() ? 0 : firstActivity(panel);
        for (Panel.Series s : panel.series()) {
            if (s.x().length <= from) {
                continue;
            }
            double[] x = Arrays.copyOfRange(s.x(), from, s.x().length);
            double[] y = Arrays.copyOfRange(s.y(), from, s.y().length);
            if (panel.percentileAxis()) {
                x = Arrays.stream(x).map(Charts::nines).toArray();
            }
            chart.addSeries(s.name(), x, y).setMarker(x.length > 40 ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
        }
        return chart;
    }

    /** Index of the point before the first non-zero value of any series: the setup before the load is not drawn. */
    private static int firstActivity(Panel panel) {
        int first = Integer.MAX_VALUE;
        for (Panel.Series s : panel.series()) {
            for (int i = 0; i < s.y().length; i++) {
                if (s.y()[i] != 0) {
                    first = Math.min(first, i);
                    break;
                }
            }
        }
        return first == Integer.MAX_VALUE ? 0 : Math.max(0, first - 1);
    }

    /** Percentile as "number of nines": p90 -> 1, p99 -> 2, p99.9 -> 3, so the tail gets room. */
    private static double nines(double percentile) {
        return -Math.log10(Math.max(1e-6, 1 - percentile / 100.0));
    }

    private static String percentileLabel(double nines) {
        double percentile = 100 * (1 - Math.pow(10, -nines));
        if (percentile < 99) {
            return String.format(Locale.ROOT, "p%.0f", percentile);
        }
        return "p" + new BigDecimal(percentile).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
