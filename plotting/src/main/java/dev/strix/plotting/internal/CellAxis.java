package dev.strix.plotting.internal;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.AxisSpace;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;

/**
 * The axis of a matrix heat map: one tick per cell at 0, 1, ..., n-1, labelled with the row or
 * column names given by the user, or with the indices. Labels never overlap: when they do not
 * fit, column names are turned vertical (as seaborn does), and then every k-th label is shown
 * (indices on a 1-2-5 step, so they stay round numbers).
 */
public final class CellAxis extends NumberAxis {
    private static final long serialVersionUID = 1L;
    /** Space between two labels, in points. */
    private static final double GAP = 4;

    private final int n;
    private final String[] names;
    /** Decided when space is reserved (before drawing) so that drawing uses the space reserved for it. */
    private Boolean vertical;

    /** An axis over n cells; names null for indices. */
    public CellAxis(String label, int n, String[] names) {
        super(label);
        this.n = n;
        this.names = names;
        setRange(-0.5, n - 0.5);
    }

    private String text(int i) {
        return names != null ? names[i] : Integer.toString(i);
    }

    private double widest(FontMetrics fm) {
        double w = 0;
        for (int i = 0; i < n; i++) {
            w = Math.max(w, fm.stringWidth(text(i)));
        }
        return w;
    }

    /** Points per cell along an axis of the given length. */
    private double perCell(double length) {
        return length / getRange().getLength();
    }

    /**
     * Whether labels along a horizontal axis are drawn vertically: names that do not fit side by
     * side; never indices (numbers are thinned instead, as matplotlib does).
     */
    private boolean turn(FontMetrics fm, double length) {
        return names != null && widest(fm) + GAP > perCell(length);
    }

    /** Shows every step-th label: enough room for labels of the given extent along the axis. */
    private int step(double extent, double perCell) {
        int k = (int) Math.max(1, Math.ceil((extent + GAP) / Math.max(perCell, 1e-9)));
        if (names != null) {
            return Math.min(k, Math.max(1, n));
        }
        for (long m = 1; ; m *= 10) {
            for (int f : new int[] {1, 2, 5}) {
                if (f * m >= k) {
                    return (int) Math.min(f * m, Integer.MAX_VALUE);
                }
            }
        }
    }

    @Override
    public AxisSpace reserveSpace(Graphics2D g2, Plot plot, Rectangle2D plotArea, RectangleEdge edge,
            AxisSpace space) {
        if (space == null) {
            space = new AxisSpace();
        }
        if (!isVisible()) {
            return space;
        }
        double tickLabels = 0;
        if (isTickLabelsVisible()) {
            g2.setFont(getTickLabelFont());
            FontMetrics fm = g2.getFontMetrics();
            RectangleInsets in = getTickLabelInsets();
            if (RectangleEdge.isTopOrBottom(edge)) {
                // The data area will be narrower than the plot area by the y axis: judge on 90%.
                vertical = turn(fm, plotArea.getWidth() * 0.9);
                tickLabels = (vertical ? widest(fm) : fm.getHeight()) + in.getTop() + in.getBottom();
            } else {
                tickLabels = widest(fm) + in.getLeft() + in.getRight();
            }
        }
        Rectangle2D label = getLabelEnclosure(g2, edge);
        if (RectangleEdge.isTopOrBottom(edge)) {
            space.add(label.getHeight() + tickLabels, edge);
        } else {
            space.add(label.getWidth() + tickLabels, edge);
        }
        return space;
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        List ticks = new ArrayList();
        g2.setFont(getTickLabelFont());
        FontMetrics fm = g2.getFontMetrics();
        boolean horizontal = RectangleEdge.isTopOrBottom(edge);
        double length = horizontal ? dataArea.getWidth() : dataArea.getHeight();
        boolean turned = horizontal && (vertical != null ? vertical : turn(fm, length));
        double extent = horizontal && !turned ? widest(fm) : fm.getHeight();
        int step = isTickLabelsVisible() ? step(extent, perCell(length)) : 1;
        int lo = (int) Math.max(0, Math.ceil(getLowerBound()));
        int hi = (int) Math.min(n - 1, Math.floor(getUpperBound()));
        for (int i = (lo + step - 1) / step * step; i <= hi; i += step) {
            String t = isTickLabelsVisible() ? text(i) : "";
            if (horizontal && turned) {
                ticks.add(new NumberTick(TickType.MAJOR, i, t, TextAnchor.CENTER_RIGHT, TextAnchor.CENTER_RIGHT,
                        edge == RectangleEdge.TOP ? Math.PI / 2 : -Math.PI / 2));
            } else if (horizontal) {
                TextAnchor a = edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER;
                ticks.add(new NumberTick(TickType.MAJOR, i, t, a, a, 0.0));
            } else {
                TextAnchor a = edge == RectangleEdge.RIGHT ? TextAnchor.CENTER_LEFT : TextAnchor.CENTER_RIGHT;
                ticks.add(new NumberTick(TickType.MAJOR, i, t, a, a, 0.0));
            }
        }
        return ticks;
    }
}
