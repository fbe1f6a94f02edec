package dev.strix.plotting.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.RenderingHints;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The default look: white background, light grey grid, antialiased lines and text, SansSerif
 * (DejaVu Sans on Debian) at readable sizes, and the Okabe-Ito palette, which stays distinct
 * under the common colour-vision deficiencies (Okabe and Ito, "Color Universal Design", 2008).
 * Yellow is moved to the end because it is faint on white.
 */
public final class Theme {
    private Theme() {}

    public static final Color[] PALETTE = {
        new Color(0x0072B2), // blue
        new Color(0xE69F00), // orange
        new Color(0x009E73), // bluish green
        new Color(0xD55E00), // vermillion
        new Color(0xCC79A7), // reddish purple
        new Color(0x56B4E9), // sky blue
        new Color(0x000000), // black
        new Color(0xF0E442), // yellow
    };

    public static final Color GRID = new Color(0xDDDDDD);
    public static final Color AXIS = new Color(0x555555);
    public static final Color TEXT = new Color(0x222222);
    public static final Color REFERENCE = new Color(0x444444);

    public static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    public static final Font FIGURE_TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 18);
    public static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    public static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    public static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    public static final BasicStroke LINE = new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    public static final BasicStroke THIN = new BasicStroke(1.2f);
    public static final BasicStroke DASHED = new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
            10f, new float[] {5f, 4f}, 0f);

    public static Color color(int i) {
        return PALETTE[Math.floorMod(i, PALETTE.length)];
    }

    public static Color withAlpha(Color c, double alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(alpha * 255));
    }

    public static String hex(Color c) {
        return String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    /** Applies the theme to a built chart. */
    public static void apply(JFreeChart chart) {
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.getRenderingHints().put(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        chart.getRenderingHints().put(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        chart.getRenderingHints().put(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(8, 8, 8, 12));
        TextTitle title = chart.getTitle();
        if (title != null) {
            title.setFont(TITLE);
            title.setPaint(TEXT);
            title.setPadding(new RectangleInsets(2, 4, 8, 4));
        }
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            Title t = chart.getSubtitle(i);
            if (t instanceof LegendTitle) {
                LegendTitle l = (LegendTitle) t;
                l.setItemFont(LEGEND);
                l.setItemPaint(TEXT);
                l.setBackgroundPaint(Color.WHITE);
                l.setFrame(new org.jfree.chart.block.BlockBorder(Color.WHITE));
            }
        }
        Plot plot = chart.getPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(GRID);
        plot.setInsets(new RectangleInsets(4, 4, 4, 4));
        if (plot instanceof XYPlot) {
            XYPlot p = (XYPlot) plot;
            p.setDomainGridlinePaint(GRID);
            p.setRangeGridlinePaint(GRID);
            p.setDomainGridlineStroke(new BasicStroke(0.8f));
            p.setRangeGridlineStroke(new BasicStroke(0.8f));
            p.setAxisOffset(RectangleInsets.ZERO_INSETS);
            for (int i = 0; i < p.getDomainAxisCount(); i++) {
                axis(p.getDomainAxis(i));
            }
            for (int i = 0; i < p.getRangeAxisCount(); i++) {
                axis(p.getRangeAxis(i));
            }
        } else if (plot instanceof CategoryPlot) {
            CategoryPlot p = (CategoryPlot) plot;
            p.setRangeGridlinePaint(GRID);
            p.setRangeGridlineStroke(new BasicStroke(0.8f));
            p.setDomainGridlinesVisible(false);
            p.setAxisOffset(RectangleInsets.ZERO_INSETS);
            CategoryAxis c = p.getDomainAxis();
            axis(c);
            for (int i = 0; i < p.getRangeAxisCount(); i++) {
                axis(p.getRangeAxis(i));
            }
        }
    }

    public static void axis(Axis a) {
        if (a == null) {
            return;
        }
        a.setLabelFont(LABEL);
        a.setLabelPaint(TEXT);
        a.setTickLabelFont(TICK);
        a.setTickLabelPaint(TEXT);
        a.setAxisLinePaint(AXIS);
        a.setTickMarkPaint(AXIS);
        if (a instanceof ValueAxis) {
            ((ValueAxis) a).setTickMarkOutsideLength(4f);
        }
    }
}
