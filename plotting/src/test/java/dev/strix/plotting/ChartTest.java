package dev.strix.plotting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strix.ndarray.Nd;
import dev.strix.ndarray.NdArray;
import dev.strix.ndarray.ShapeMismatchException;
import dev.strix.plotting.internal.ColorScale;
import dev.strix.plotting.internal.Theme;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pixels where the data lies, sizes and DPI, and the errors for bad input. */
class ChartTest {
    @TempDir
    Path dir;

    /** Maps data coordinates to pixels of the chart as saved (72 DPI, so 1 pixel per point). */
    private static final class Mapper {
        final XYPlot plot;
        final Rectangle2D area;

        Mapper(Chart chart) {
            JFreeChart jc = chart.build();
            BufferedImage scratch = new BufferedImage((int) chart.width, (int) chart.height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g2 = scratch.createGraphics();
            ChartRenderingInfo info = new ChartRenderingInfo();
            jc.draw(g2, new Rectangle2D.Double(0, 0, chart.width, chart.height), info);
            g2.dispose();
            plot = (XYPlot) jc.getPlot();
            area = info.getPlotInfo().getDataArea();
        }

        int px(double x) {
            return (int) Math.round(plot.getDomainAxis().valueToJava2D(x, area, RectangleEdge.BOTTOM));
        }

        int py(double y) {
            return (int) Math.round(plot.getRangeAxis().valueToJava2D(y, area, RectangleEdge.LEFT));
        }
    }

    private BufferedImage save(Chart chart) throws Exception {
        Path p = dir.resolve("c.png");
        chart.savePng(p);
        return Images.readPng(p);
    }

    @Test
    void lineColourLiesOnTheLine() throws Exception {
        NdArray x = Nd.linspace(0, 1, 50);
        Chart c = Plot.line(x, Nd.full(0.5, 50)).color("#D55E00").ylim(0, 1);
        BufferedImage img = save(c);
        Mapper m = new Mapper(c);
        assertTrue(Images.nearest(img, m.px(0.5), m.py(0.5), 1, new Color(0xD55E00)) < 30, "line colour on the line");
        assertTrue(Images.nearest(img, m.px(0.5), m.py(0.2), 3, new Color(0xD55E00)) > 150, "no line colour off the line");
    }

    @Test
    void nanLeavesAGapInTheLine() throws Exception {
        NdArray y = Nd.full(0.5, 11);
        y.setDouble(Double.NaN, 5);
        Chart c = Plot.line(Nd.linspace(0, 1, 11), y).color("#D55E00").ylim(0, 1);
        BufferedImage img = save(c);
        Mapper m = new Mapper(c);
        assertTrue(Images.nearest(img, m.px(0.2), m.py(0.5), 1, new Color(0xD55E00)) < 30, "line before the gap");
        assertTrue(Images.nearest(img, m.px(0.8), m.py(0.5), 1, new Color(0xD55E00)) < 30, "line after the gap");
        assertTrue(Images.nearest(img, m.px(0.5), m.py(0.5), 2, new Color(0xD55E00)) > 150, "no line across the NaN");
    }

    @Test
    void gridsStaySmallInSvg() throws Exception {
        String svg = Plot.contour((x, y) -> Math.sin(x * y), -3, 3, -3, 3).levels(12).filled().toSvg();
        assertTrue(svg.length() < 600_000, "filled contour SVG has " + svg.length() + " characters");
        assertTrue(svg.contains("<image"), "the cells are one embedded image");
        Images.parseSvg(svg);
    }

    @Test
    void defaultPaletteIsOkabeIto() throws Exception {
        NdArray x = Nd.linspace(0, 1, 20);
        Chart c = Plot.line(x, Nd.full(0.25, 20)).line(x, Nd.full(0.75, 20)).ylim(0, 1);
        BufferedImage img = save(c);
        Mapper m = new Mapper(c);
        assertTrue(Images.nearest(img, m.px(0.5), m.py(0.25), 1, Theme.PALETTE[0]) < 30);
        assertTrue(Images.nearest(img, m.px(0.5), m.py(0.75), 1, Theme.PALETTE[1]) < 30);
    }

    @Test
    void scatterPointsAreWhereTheDataIs() throws Exception {
        Chart c = Plot.scatter(Nd.of(0.2, 0.8), Nd.of(0.3, 0.7)).color("#009E73").xlim(0, 1).ylim(0, 1);
        BufferedImage img = save(c);
        Mapper m = new Mapper(c);
        // Points are 80% opaque over white: blend before comparing.
        Color expected = blend(new Color(0x009E73), 0.8);
        assertTrue(Images.nearest(img, m.px(0.2), m.py(0.3), 1, expected) < 20);
        assertTrue(Images.nearest(img, m.px(0.8), m.py(0.7), 1, expected) < 20);
        assertTrue(Images.nearest(img, m.px(0.8), m.py(0.3), 6, expected) > 100, "no point at (0.8, 0.3)");
    }

    @Test
    void scatterColourByValueUsesTheColourScale() throws Exception {
        Chart c = Plot.scatter(Nd.of(0.2, 0.8), Nd.of(0.5, 0.5)).colorBy(Nd.of(0, 1)).xlim(0, 1).ylim(0, 1);
        BufferedImage img = save(c);
        Mapper m = new Mapper(c);
        assertTrue(Images.nearest(img, m.px(0.2), m.py(0.5), 1, blend(ColorScale.at(0), 0.85)) < 20, "low end of viridis");
        assertTrue(Images.nearest(img, m.px(0.8), m.py(0.5), 1, blend(ColorScale.at(1), 0.85)) < 20, "high end of viridis");
    }

    @Test
    void histogramBarsHaveTheirHeights() throws Exception {
        // Bins [0,1), [1,2), [2,3]: counts 1, 3, 2.
        Chart c = Plot.histogram(Nd.of(0.5, 1.2, 1.5, 1.7, 2.5, 3.0), Nd.of(0, 1, 2, 3)).ylim(0, 4);
        BufferedImage img = save(c);
        Mapper m = new Mapper(c);
        Color bar = blend(Theme.PALETTE[0], 0.85);
        assertTrue(Images.nearest(img, m.px(1.5), m.py(2.9), 1, bar) < 20, "middle bin reaches 3");
        assertTrue(Images.nearest(img, m.px(1.5), m.py(3.2), 1, bar) > 100, "middle bin stops at 3");
        assertTrue(Images.nearest(img, m.px(0.5), m.py(0.9), 1, bar) < 20, "first bin reaches 1");
        assertTrue(Images.nearest(img, m.px(0.5), m.py(1.2), 1, bar) > 100, "first bin stops at 1");
    }

    @Test
    void heatmapCellsHaveTheirColours() throws Exception {
        Chart c = Plot.heatmap(Nd.of(new double[][] {{0, 1}, {2, 3}}));
        BufferedImage img = save(c);
        Mapper m = new Mapper(c);
        ColorScale s = new ColorScale(0, 3);
        assertTrue(Images.nearest(img, m.px(0), m.py(0), 0, s.color(0)) < 10, "cell (0, 0)");
        assertTrue(Images.nearest(img, m.px(1), m.py(1), 0, s.color(3)) < 10, "cell (1, 1)");
        assertTrue(m.py(0) < m.py(1), "row 0 is at the top");
    }

    @Test
    void barsAreDrawnInTheirColours() throws Exception {
        Chart c = Plot.bar(List.of("a", "b"), Nd.of(new double[][] {{1, 2}, {3, 4}})).seriesNames("s", "t");
        BufferedImage img = save(c);
        long first = count(img, Theme.PALETTE[0]);
        long second = count(img, Theme.PALETTE[1]);
        assertTrue(first > 1000 && second > 1000, "both series are drawn: " + first + ", " + second);
        assertTrue(second > first, "series t is taller in total");
        assertTrue(c.build().getPlot() instanceof CategoryPlot);
    }

    @Test
    void pixelSizeFollowsSizeAndDpi() throws Exception {
        Chart c = Plot.line(Nd.of(1, 2, 3)).size(400, 250).dpi(144);
        Path p = dir.resolve("hi.png");
        c.savePng(p);
        BufferedImage img = Images.readPng(p);
        assertEquals(800, img.getWidth());
        assertEquals(500, img.getHeight());
        assertEquals(Math.round(144 / 0.0254), Images.pixelsPerMetre(p));
        Path svg = dir.resolve("hi.svg");
        c.saveSvg(svg);
        org.w3c.dom.Element root = Images.parseSvg(Files.readString(svg)).getDocumentElement();
        assertEquals(400.0, Double.parseDouble(root.getAttribute("width").replace("px", "")));
        assertEquals(250.0, Double.parseDouble(root.getAttribute("height").replace("px", "")));
    }

    @Test
    void nanBreaksALineButDrawsTheRest() throws Exception {
        NdArray y = Nd.of(1, 2, Double.NaN, 4, 5);
        Chart c = Plot.line(y);
        Images.assertNotBlank(save(c), "line with a NaN");
        Images.assertNotBlank(save(Plot.scatter(Nd.of(1, Double.NaN, 3), Nd.of(1, 2, Double.POSITIVE_INFINITY))),
                "scatter with non-finite points");
        Images.assertNotBlank(save(Plot.histogram(Nd.of(1, 2, Double.NaN, 2, 3))), "histogram with a NaN");
    }

    @Test
    void mismatchedLengthsNameBothShapes() {
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
                () -> Plot.line(Nd.zeros(10), Nd.zeros(9)));
        assertTrue(e.getMessage().contains("(10,)") && e.getMessage().contains("(9,)"), e.getMessage());
        assertTrue(e.getMessage().startsWith("line"), e.getMessage());
        e = assertThrows(ShapeMismatchException.class, () -> Plot.scatter(Nd.zeros(3), Nd.zeros(4)));
        assertTrue(e.getMessage().contains("(3,)") && e.getMessage().contains("(4,)"), e.getMessage());
        e = assertThrows(ShapeMismatchException.class, () -> Plot.errorBars(Nd.zeros(3), Nd.zeros(3), Nd.zeros(2)));
        assertTrue(e.getMessage().contains("(2,)"), e.getMessage());
        e = assertThrows(ShapeMismatchException.class, () -> Plot.residuals(Nd.zeros(5), Nd.zeros(6)));
        assertTrue(e.getMessage().contains("(5,)") && e.getMessage().contains("(6,)"), e.getMessage());
        e = assertThrows(ShapeMismatchException.class,
                () -> Plot.contour(Nd.zeros(3), Nd.zeros(4), Nd.zeros(3, 4)));
        assertTrue(e.getMessage().contains("(3, 4)"), e.getMessage());
        e = assertThrows(ShapeMismatchException.class, () -> Plot.scatter(Nd.zeros(3), Nd.zeros(3)).colorBy(Nd.zeros(2)));
        assertTrue(e.getMessage().contains("(2,)") && e.getMessage().contains("3 points"), e.getMessage());
        e = assertThrows(ShapeMismatchException.class, () -> Plot.line(Nd.zeros(2, 3, 4)));
        assertTrue(e.getMessage().contains("(2, 3, 4)"), e.getMessage());
    }

    @Test
    void emptyOrAllNanDataIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Plot.line(Nd.zeros(0), Nd.zeros(0)));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Plot.histogram(Nd.zeros(0)));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Plot.histogram(Nd.of(Double.NaN, Double.NaN)));
        assertTrue(e.getMessage().contains("no finite value"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Plot.scatter(Nd.of(Double.NaN), Nd.of(1)));
        assertTrue(e.getMessage().contains("finite"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Plot.heatmap(Nd.zeros(0, 3)));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> new Chart().toPng());
        assertThrows(IllegalStateException.class, () -> Figure.grid(2, 2).toPng());
    }

    @Test
    void optionsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> Plot.line(Nd.of(1, 2)).xlim(2, 1));
        assertThrows(IllegalArgumentException.class, () -> Plot.line(Nd.of(1, 2)).size(10, 10));
        assertThrows(IllegalArgumentException.class, () -> Plot.line(Nd.of(1, 2)).dpi(0));
        assertThrows(IllegalArgumentException.class, () -> Plot.line(Nd.of(1, 2)).color("blue-ish"));
        assertThrows(IllegalArgumentException.class, () -> Plot.histogram(Nd.of(1, 2), 0));
        assertThrows(IllegalArgumentException.class, () -> Plot.histogram(Nd.of(1, 2), Nd.of(1, 1, 2)));
        assertThrows(IllegalArgumentException.class, () -> Plot.errorBars(Nd.of(1), Nd.of(1), Nd.of(-1)));
        IllegalStateException s = assertThrows(IllegalStateException.class, () -> Plot.line(Nd.of(1, 2)).stacked());
        assertTrue(s.getMessage().contains("line"), s.getMessage());
        IllegalArgumentException mix = assertThrows(IllegalArgumentException.class,
                () -> Plot.bar(Nd.of(1, 2)).line(Nd.of(1, 2)));
        assertTrue(mix.getMessage().contains("bar") && mix.getMessage().contains("line"), mix.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> Figure.grid(1, 2).set(1, 0, Plot.line(Nd.of(1, 2))));
        assertThrows(IllegalStateException.class,
                () -> Figure.grid(1, 1).add(Plot.line(Nd.of(1, 2))).add(Plot.line(Nd.of(1, 2))));
    }

    @Test
    void logAxesIgnoreNonPositiveValues() throws Exception {
        Chart c = Plot.line(Nd.of(0, 1, 10, 100), Nd.of(1, 10, 100, 1000)).logX().logY();
        Images.assertNotBlank(save(c), "log-log");
        XYPlot p = (XYPlot) c.build().getPlot();
        assertTrue(p.getDomainAxis().getLowerBound() > 0.5 && p.getDomainAxis().getLowerBound() < 1);
        assertThrows(IllegalArgumentException.class, () -> Plot.line(Nd.of(-1, -2)).logY().toPng());
    }

    @Test
    void sharedAxesHaveOneRange() {
        Figure f = Figure.grid(2, 1).shareX()
                .add(Plot.line(Nd.of(0, 1), Nd.of(0, 1)))
                .add(Plot.line(Nd.of(5, 10), Nd.of(0, 1)));
        Images.assertNotBlank(f.toImage(), "shared grid");
        assertEquals(400, f.pixelWidth());
        assertEquals(600, f.pixelHeight());
    }

    @Test
    void defaultAxisLabelsForDiagnostics() {
        XYPlot qq = (XYPlot) Plot.qq(Nd.of(1, 2, 3, 4)).build().getPlot();
        assertEquals("Sample quantiles", qq.getRangeAxis().getLabel());
        XYPlot r = (XYPlot) Plot.residuals(Nd.of(1, 2), Nd.of(0.1, -0.1)).xlabel("ŷ").build().getPlot();
        assertEquals("ŷ", r.getDomainAxis().getLabel());
        assertEquals("Residuals", r.getRangeAxis().getLabel());
    }

    private static Color blend(Color c, double alpha) {
        return new Color((int) Math.round(c.getRed() * alpha + 255 * (1 - alpha)),
                (int) Math.round(c.getGreen() * alpha + 255 * (1 - alpha)),
                (int) Math.round(c.getBlue() * alpha + 255 * (1 - alpha)));
    }

    private static long count(BufferedImage img, Color c) {
        long n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if (Images.distance(c, img.getRGB(x, y)) < 3) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void longCategoryNamesTurnInsteadOfBeingCut() {
        List<String> countries = List.of("Argentina", "Brazil", "Canada", "Denmark", "Ethiopia", "France", "Germany",
                "Honduras", "Indonesia", "Japan", "Kazakhstan", "Luxembourg", "Mozambique", "Netherlands", "Oman",
                "Portugal");
        assertEquals(org.jfree.chart.axis.CategoryLabelPositions.UP_45, categoryLabels(Plot.bar(countries,
                Nd.random(5).uniform(16))), "16 country names on 800 points are turned 45 degrees");
        List<String> many = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            many.add("category " + i);
        }
        assertEquals(org.jfree.chart.axis.CategoryLabelPositions.UP_90, categoryLabels(Plot.bar(many,
                Nd.random(5).uniform(60))), "60 names are turned upright");
        assertEquals(org.jfree.chart.axis.CategoryLabelPositions.STANDARD, categoryLabels(Plot.bar(List.of("Q1", "Q2"),
                Nd.of(1, 2))), "short names stay level");
    }

    private static org.jfree.chart.axis.CategoryLabelPositions categoryLabels(Chart c) {
        JFreeChart jc = c.build();
        BufferedImage img = new BufferedImage((int) c.width, (int) c.height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = img.createGraphics();
        jc.draw(g2, new Rectangle2D.Double(0, 0, c.width, c.height));
        g2.dispose();
        return ((CategoryPlot) jc.getPlot()).getDomainAxis().getCategoryLabelPositions();
    }
}
