package dev.strix.plotting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strix.ndarray.Nd;
import dev.strix.ndarray.NdArray;
import dev.strix.plotting.internal.Json;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;

/** Matrix heat maps: orientation, tick labels, cell text, diverging colours, and their errors. */
class HeatmapTest {
    /** ColorBrewer RdBu's end and middle colours (colorbrewer2.org, 11 classes). */
    private static final Color DARK_BLUE = new Color(0x053061);
    private static final Color WHITE_MIDDLE = new Color(0xf7f7f7);
    private static final Color DARK_RED = new Color(0x67001f);

    /** A chart drawn at its size, with its plot, data area and image. */
    private static final class Drawn {
        final BufferedImage img;
        final XYPlot plot;
        final Rectangle2D area;
        final Graphics2D g2;

        Drawn(Chart chart) {
            JFreeChart jc = chart.build();
            img = new BufferedImage((int) chart.width, (int) chart.height, BufferedImage.TYPE_INT_RGB);
            g2 = img.createGraphics();
            ChartRenderingInfo info = new ChartRenderingInfo();
            jc.draw(g2, new Rectangle2D.Double(0, 0, chart.width, chart.height), info);
            plot = (XYPlot) jc.getPlot();
            area = info.getPlotInfo().getDataArea();
        }

        /** The pixel at the centre of cell (row, col). */
        int[] cell(int row, int col) {
            int x = (int) Math.round(plot.getDomainAxis().valueToJava2D(col, area, RectangleEdge.BOTTOM));
            int y = (int) Math.round(plot.getRangeAxis().valueToJava2D(row, area, RectangleEdge.LEFT));
            return new int[] {x, y};
        }

        int rgb(int row, int col, int dx, int dy) {
            int[] p = cell(row, col);
            return img.getRGB(p[0] + dx, p[1] + dy) & 0xFFFFFF;
        }

        @SuppressWarnings("unchecked")
        List<NumberTick> ticks(boolean x) {
            ValueAxis a = x ? plot.getDomainAxis() : plot.getRangeAxis();
            return (List<NumberTick>) a.refreshTicks(g2, new AxisState(), area, x ? RectangleEdge.BOTTOM : RectangleEdge.LEFT);
        }
    }

    private static List<String> labels(List<NumberTick> ticks) {
        List<String> out = new ArrayList<>();
        for (NumberTick t : ticks) {
            out.add(t.getText());
        }
        return out;
    }

    @Test
    void rowZeroIsAtTheTopAndColumnZeroAtTheLeft() {
        // Only cell (0, 0) is high: it must be drawn top left, as imshow and seaborn draw it.
        Drawn d = new Drawn(Plot.heatmap(Nd.of(new double[][] {{1, 0, 0}, {0, 0, 0}})).size(400, 300));
        int[] tl = d.cell(0, 0);
        int[] br = d.cell(1, 2);
        assertTrue(tl[1] < br[1] && tl[0] < br[0], "cell (0, 0) is above and left of cell (1, 2)");
        assertTrue(Images.distance(new Color(0xfde725), d.rgb(0, 0, 0, 0)) < 10, "the high cell is viridis yellow");
        assertTrue(Images.distance(new Color(0x440154), d.rgb(1, 2, 0, 0)) < 10, "a low cell is viridis purple");
    }

    @Test
    void namesLabelTheCellCentresInOrder() {
        Drawn d = new Drawn(Plot.heatmap(Nd.of(new double[][] {{1, 2, 3}, {4, 5, 6}}))
                .xLabels(List.of("a", "b", "c")).yLabels("first", "second").size(500, 300));
        List<NumberTick> x = d.ticks(true);
        assertEquals(List.of("a", "b", "c"), labels(x));
        assertEquals(List.of(0.0, 1.0, 2.0), List.of(x.get(0).getValue(), x.get(1).getValue(), x.get(2).getValue()));
        assertEquals(0.0, x.get(0).getAngle(), "short names stay horizontal");
        assertEquals(List.of("first", "second"), labels(d.ticks(false)));
    }

    @Test
    void indicesAreTheDefaultLabels() {
        Drawn d = new Drawn(Plot.heatmap(Nd.random(1).gaussian(4, 6)).size(500, 300));
        assertEquals(List.of("0", "1", "2", "3", "4", "5"), labels(d.ticks(true)));
        assertEquals(List.of("0", "1", "2", "3"), labels(d.ticks(false)));
    }

    @Test
    void longColumnNamesTurnVertical() {
        List<String> names = List.of("systolic blood pressure", "diastolic blood pressure", "resting heart rate",
                "body mass index");
        Drawn d = new Drawn(Plot.heatmap(Nd.random(2).gaussian(4, 4)).xLabels(names).yLabels(names).size(500, 400));
        List<NumberTick> x = d.ticks(true);
        assertEquals(names, labels(x), "four columns have room for four vertical names");
        assertEquals(-Math.PI / 2, x.get(0).getAngle(), 1e-12);
        assertEquals(0.0, d.ticks(false).get(0).getAngle(), "row names stay horizontal");
    }

    /** Shown labels never overlap: neighbours are at least a label's extent apart. */
    private static void assertNoOverlap(Drawn d, boolean x, List<NumberTick> ticks) {
        Font f = (x ? d.plot.getDomainAxis() : d.plot.getRangeAxis()).getTickLabelFont();
        FontMetrics fm = d.g2.getFontMetrics(f);
        ValueAxis a = x ? d.plot.getDomainAxis() : d.plot.getRangeAxis();
        RectangleEdge e = x ? RectangleEdge.BOTTOM : RectangleEdge.LEFT;
        for (int i = 0; i + 1 < ticks.size(); i++) {
            NumberTick t = ticks.get(i);
            NumberTick u = ticks.get(i + 1);
            double gap = Math.abs(a.valueToJava2D(u.getValue(), d.area, e) - a.valueToJava2D(t.getValue(), d.area, e));
            boolean along = x && t.getAngle() == 0; // horizontal text along the x axis: widths matter
            double need = along ? (fm.stringWidth(t.getText()) + fm.stringWidth(u.getText())) / 2.0 : fm.getHeight();
            assertTrue(gap >= need, "labels '" + t.getText() + "' and '" + u.getText() + "' are " + gap
                    + " points apart but need " + need);
        }
    }

    @Test
    void manyLabelsAreThinnedNotOverlapped() {
        Drawn d = new Drawn(Plot.heatmap(Nd.random(3).gaussian(120, 200)).size(600, 400));
        List<NumberTick> x = d.ticks(true);
        List<NumberTick> y = d.ticks(false);
        assertTrue(x.size() > 5 && x.size() < 200, x.size() + " x labels");
        assertTrue(y.size() > 5 && y.size() < 120, y.size() + " y labels");
        double step = x.get(1).getValue() - x.get(0).getValue();
        assertTrue(List.of(2.0, 5.0, 10.0, 20.0, 50.0).contains(step), "indices thin on a 1-2-5 step, got " + step);
        assertEquals(0.0, x.get(0).getValue(), "the first index label is 0");
        assertNoOverlap(d, true, x);
        assertNoOverlap(d, false, y);

        List<String> names = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            names.add("variable " + i);
        }
        Drawn n = new Drawn(Plot.heatmap(Nd.random(4).gaussian(60, 60)).xLabels(names).yLabels(names).size(600, 500));
        List<NumberTick> nx = n.ticks(true);
        assertTrue(nx.size() < 60 && nx.size() >= 10, nx.size() + " of 60 names shown");
        assertEquals(-Math.PI / 2, nx.get(0).getAngle(), 1e-12);
        assertNoOverlap(n, true, nx);
        assertNoOverlap(n, false, n.ticks(false));
    }

    @Test
    void cellTextContrastsWithTheCell() {
        // Viridis: 0 is dark purple (white text), 1 is yellow (near-black text).
        Drawn d = new Drawn(Plot.heatmap(Nd.of(new double[][] {{0, 1}})).annotate("%.0f").size(300, 200));
        assertTrue(nearby(d, 0, 0, Color.WHITE) < 60, "white text on the dark cell");
        assertTrue(nearby(d, 0, 1, new Color(0x262626)) < 60, "dark text on the light cell");
        // Without annotate, the cells are plain.
        Drawn plain = new Drawn(Plot.heatmap(Nd.of(new double[][] {{0, 1}})).size(300, 200));
        assertTrue(nearby(plain, 0, 0, Color.WHITE) > 150, "no text without annotate");
    }

    private static double nearby(Drawn d, int row, int col, Color c) {
        int[] p = d.cell(row, col);
        return Images.nearest(d.img, p[0], p[1], 5, c);
    }

    @Test
    void cellTextIsFormatted() {
        Chart c = Plot.heatmap(Nd.of(new double[][] {{0.125, -0.001}, {3, 1234.5}})).annotate("%.2f");
        String text = Json.write(c.vegaLite());
        assertTrue(text.contains("\"text\":\"0.13\"") || text.contains("\"text\":\"0.12\""), text);
        assertTrue(text.contains("\"text\":\"0.00\""), "-0.001 prints as 0.00, without a minus sign: " + text);
        assertTrue(text.contains("\"text\":\"1234.50\""), text);
        String counts = Json.write(Plot.heatmap(Nd.of(new double[][] {{3, 12}, {0, 7}})).annotate().vegaLite());
        assertTrue(counts.contains("\"text\":\"12\"") && counts.contains("\"text\":\"0\""), "whole numbers by default: " + counts);
        String reals = Json.write(Plot.heatmap(Nd.of(new double[][] {{0.5, 12}})).annotate().vegaLite());
        assertTrue(reals.contains("\"text\":\"0.50\"") && reals.contains("\"text\":\"12.00\""), "two decimals by default: " + reals);
    }

    @Test
    void divergingIsWhiteAtTheCentreAndDarkAtTheEnds() {
        Drawn d = new Drawn(Plot.heatmap(Nd.of(new double[][] {{-1, 0, 1}})).colorRange(-1, 1).diverging(0).size(400, 200));
        assertTrue(Images.distance(DARK_BLUE, d.rgb(0, 0, 0, 0)) < 8, "-1 is dark blue");
        assertTrue(Images.distance(WHITE_MIDDLE, d.rgb(0, 1, 0, 0)) < 8, "0 is the white middle");
        assertTrue(Images.distance(DARK_RED, d.rgb(0, 2, 0, 0)) < 8, "1 is dark red");
    }

    @Test
    void divergingCentreNeedNotBeTheMiddleOfTheRange() {
        // Range [-1, 3] with the centre at 0: 0 is still white, and -1 and 3 the two dark ends.
        Drawn d = new Drawn(Plot.heatmap(Nd.of(new double[][] {{-1, 0, 3}})).colorRange(-1, 3).diverging(0).size(400, 200));
        assertTrue(Images.distance(DARK_BLUE, d.rgb(0, 0, 0, 0)) < 8);
        assertTrue(Images.distance(WHITE_MIDDLE, d.rgb(0, 1, 0, 0)) < 8);
        assertTrue(Images.distance(DARK_RED, d.rgb(0, 2, 0, 0)) < 8);
    }

    @Test
    void divergingWithoutRangeIsSymmetricAboutTheCentre() {
        // Data in [-0.5, 2] about 0: the scale spans [-2, 2], so -0.5 is a pale blue, not the dark end.
        Drawn d = new Drawn(Plot.heatmap(Nd.of(new double[][] {{-0.5, 2}})).diverging(0).size(300, 200));
        assertTrue(Images.distance(DARK_RED, d.rgb(0, 1, 0, 0)) < 8, "the largest distance from 0 is the dark end");
        Color pale = new Color(d.rgb(0, 0, 0, 0));
        assertTrue(pale.getBlue() > pale.getRed() && pale.getRed() > 120, "-0.5 is a pale blue, got " + pale);
    }

    @Test
    void colourRangeClampsTheValuesBeyond() {
        Drawn d = new Drawn(Plot.heatmap(Nd.of(new double[][] {{-5, 0.5, 5}})).colorRange(0, 1).size(400, 200));
        assertTrue(Images.distance(new Color(0x440154), d.rgb(0, 0, 0, 0)) < 8, "below the range: the low end");
        assertTrue(Images.distance(new Color(0xfde725), d.rgb(0, 2, 0, 0)) < 8, "above the range: the high end");
        assertTrue(Images.distance(new Color(0x21908d), d.rgb(0, 1, 0, 0)) < 8, "the middle of the range: viridis' middle");
    }

    @Test
    void vegaLiteKeepsNamesInMatrixOrderWithCellText() throws Exception {
        Chart c = Plot.heatmap(Nd.of(new double[][] {{1, -0.2}, {-0.2, 1}})).xLabels("b", "a").yLabels("b", "a")
                .colorRange(-1, 1).diverging(0).annotate();
        JsonNode vl = new ObjectMapper().readTree(Json.write(c.vegaLite()));
        JsonNode rect = vl.get("layer").get(0);
        assertEquals("b", rect.get("encoding").get("x").get("sort").get(0).asText(), "names in the given order");
        assertEquals("redblue", rect.get("encoding").get("color").get("scale").get("scheme").asText());
        assertEquals(0, rect.get("encoding").get("color").get("scale").get("domainMid").asInt());
        JsonNode text = vl.get("layer").get(1);
        assertEquals("text", text.get("mark").get("type").asText());
        assertEquals("#262626", text.get("data").get("values").get(1).get("textColor").asText(), "dark text on pale -0.2");
        assertEquals("#ffffff", text.get("data").get("values").get(0).get("textColor").asText(), "white text on dark red 1");
    }

    @Test
    void badOptionsSayWhatIsWrong() {
        NdArray m = Nd.zeros(2, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Plot.heatmap(m).xLabels("a", "b"));
        assertTrue(e.getMessage().contains("2 names") && e.getMessage().contains("3 columns")
                && e.getMessage().contains("(2, 3)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Plot.heatmap(m).yLabels("a", "b", "c"));
        assertTrue(e.getMessage().contains("3 names") && e.getMessage().contains("2 rows"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Plot.heatmap(m).annotate("%d"));
        assertTrue(e.getMessage().contains("%d"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Plot.heatmap(m).colorRange(-1, 1).diverging(2));
        assertTrue(e.getMessage().contains("outside the colour range"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Plot.heatmap(m).diverging(5).colorRange(-1, 1));
        assertTrue(e.getMessage().contains("centre 5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Plot.heatmap(m).colorRange(1, 1));
        IllegalStateException s = assertThrows(IllegalStateException.class,
                () -> Plot.line(Nd.of(1, 2)).diverging(0));
        assertTrue(s.getMessage().contains("heat map"), s.getMessage());
        s = assertThrows(IllegalStateException.class, () -> Plot.scatter(Nd.of(1, 2), Nd.of(1, 2)).colorRange(0, 1));
        assertTrue(s.getMessage().contains("without colorBy"), s.getMessage());
        s = assertThrows(IllegalStateException.class, () -> Plot.line(Nd.of(1, 2)).xLabels("a", "b"));
        assertTrue(s.getMessage().contains("heatmap"), s.getMessage());
    }
}
