package dev.strix.plotting.internal;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.axis.AxisSpace;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.ui.RectangleEdge;

/**
 * The category axis of bars and box plots. JFreeChart cuts a category name that is wider than
 * its slot to "Ar..."; this axis turns the names instead, by 45 degrees when they do not fit side
 * by side and by 90 when even that would crowd them, judged on the space at hand each time the
 * chart is laid out.
 */
public final class TidyCategoryAxis extends CategoryAxis {
    private static final long serialVersionUID = 1L;

    public TidyCategoryAxis(String label) {
        super(label);
    }

    @Override
    public AxisSpace reserveSpace(Graphics2D g2, Plot plot, Rectangle2D plotArea, RectangleEdge edge,
            AxisSpace space) {
        if (isVisible() && isTickLabelsVisible() && RectangleEdge.isTopOrBottom(edge) && plot instanceof CategoryPlot) {
            List<?> categories = ((CategoryPlot) plot).getCategoriesForAxis(this);
            if (!categories.isEmpty()) {
                FontMetrics fm = g2.getFontMetrics(getTickLabelFont());
                double widest = 0;
                for (Object c : categories) {
                    widest = Math.max(widest, fm.stringWidth(String.valueOf(c)));
                }
                // The data area is narrower than the plot area by the value axis: judge on 90%.
                double slot = plotArea.getWidth() * 0.9 * (1 - getLowerMargin() - getUpperMargin())
                        / categories.size();
                CategoryLabelPositions p = widest + 6 <= slot ? CategoryLabelPositions.STANDARD
                        : 1.5 * fm.getHeight() <= slot ? CategoryLabelPositions.UP_45 : CategoryLabelPositions.UP_90;
                if (p != getCategoryLabelPositions()) {
                    setCategoryLabelPositions(p); // the change event reaches no listener: charts are drawn, not shown
                }
            }
        }
        return super.reserveSpace(g2, plot, plotArea, edge, space);
    }
}
