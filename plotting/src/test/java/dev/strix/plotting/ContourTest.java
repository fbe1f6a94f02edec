package dev.strix.plotting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strix.ndarray.Nd;
import dev.strix.plotting.internal.ColorScale;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;

/** Contour plots: filled bands that follow the lines, inline level labels, colour options. */
class ContourTest {
    private static final class Drawn {
        final BufferedImage img;
        final XYPlot plot;
        final Rectangle2D area;

        Drawn(Chart chart) {
            JFreeChart jc = chart.build();
            img = new BufferedImage((int) chart.width, (int) chart.height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g2 = img.createGraphics();
            ChartRenderingInfo info = new ChartRenderingInfo();
            jc.draw(g2, new Rectangle2D.Double(0, 0, chart.width, chart.height), info);
            g2.dispose();
            plot = (XYPlot) jc.getPlot();
            area = info.getPlotInfo().getDataArea();
        }

        Color at(double x, double y) {
            int px = (int) Math.round(plot.getDomainAxis().valueToJava2D(x, area, RectangleEdge.BOTTOM));
            int py = (int) Math.round(plot.getRangeAxis().valueToJava2D(y, area, RectangleEdge.LEFT));
            return new Color(img.getRGB(px, py));
        }
    }

    @Test
    void filledBandsFollowTheInterpolatedLevelNotTheGridCells() {
        // z = x on a coarse 4 x 2 grid, levels 0.25 and 1.75: bilinear interpolation puts the
        // first band edge at x = 0.25 exactly, inside the first grid cell; drawing each cell in
        // one colour would put it at a cell edge.
        Chart c = Plot.contour(Nd.of(0, 1, 2, 3), Nd.of(0, 1), Nd.of(new double[][] {{0, 1, 2, 3}, {0, 1, 2, 3}}))
                .levels(0.25, 1.75).filled().size(600, 300);
        ColorScale scale = new ColorScale(0, 3, new double[] {0.25, 1.75});
        Drawn d = new Drawn(c);
        assertTrue(Images.distance(scale.color(0.1), d.at(0.15, 0.5).getRGB()) < 6, "below 0.25: the lowest band");
        assertTrue(Images.distance(scale.color(1.0), d.at(0.35, 0.5).getRGB()) < 6, "just above 0.25: the middle band");
        assertTrue(Images.distance(scale.color(1.0), d.at(1.65, 0.5).getRGB()) < 6, "just below 1.75: the middle band");
        assertTrue(Images.distance(scale.color(2.5), d.at(1.85, 0.5).getRGB()) < 6, "above 1.75: the top band");
    }

    @Test
    void divergingContoursAreWhiteAtTheCentre() {
        // Bands of x over [-1, 1] with levels every 0.5, centred at 0: the bands either side of 0
        // are light blue and light red, the outer ones darker.
        Chart c = Plot.contour((x, y) -> x, -1, 1, 0, 1).levels(-0.5, 0, 0.5).filled().diverging(0).size(600, 300);
        Drawn d = new Drawn(c);
        Color innerBlue = d.at(-0.25, 0.5);
        Color outerBlue = d.at(-0.75, 0.5);
        Color innerRed = d.at(0.25, 0.5);
        assertTrue(innerBlue.getBlue() > innerBlue.getRed() && innerRed.getRed() > innerRed.getBlue(),
                innerBlue + " / " + innerRed);
        assertTrue(ColorScale.luminance(outerBlue) < ColorScale.luminance(innerBlue), "darker away from the centre");
    }

    @Test
    void labelledContoursDrawTheirLevelsAsText() throws Exception {
        Chart plain = Plot.contour((x, y) -> x * x + y * y, -2, 2, -2, 2).levels(1, 2, 3);
        Chart labelled = Plot.contour((x, y) -> x * x + y * y, -2, 2, -2, 2).levels(1, 2, 3).levelLabels();
        String svgPlain = plain.toSvg();
        String svg = labelled.toSvg();
        // SVG keeps text as text: each labelled circle carries its level.
        for (String level : new String[] {">1<", ">2<", ">3<"}) {
            assertTrue(svg.contains(level), "label " + level + " in the SVG");
        }
        assertTrue(!svgPlain.contains(">3<"), "no labels unless asked");
        assertTrue(labelled.toString().contains("labelled"), labelled.toString());
        Images.assertNotBlank(labelled.figure().toImage(), "labelled contour");
    }

    @Test
    void badLabelFormatIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Plot.contour(Nd.random(1).gaussian(5, 5)).levelLabels("%s %s"));
        assertTrue(e.getMessage().contains("levelLabels") && e.getMessage().contains("%s %s"), e.getMessage());
        IllegalStateException s = assertThrows(IllegalStateException.class, () -> Plot.line(Nd.of(1, 2)).levelLabels());
        assertTrue(s.getMessage().contains("contour"), s.getMessage());
        assertEquals("contour (5x5 grid)", Plot.contour(Nd.random(1).gaussian(5, 5)).toString().replace("Chart: ", ""));
    }
}
