package dev.strix.plotting.internal;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnit;
import org.jfree.chart.axis.TickUnitSource;
import org.jfree.chart.ui.RectangleEdge;

/**
 * A number axis with fewer, rounder ticks than JFreeChart's default (which packs labels as
 * tightly as they fit): at most one tick per 45 points vertically and per 70 points horizontally.
 */
public final class TidyAxis extends NumberAxis {
    private static final long serialVersionUID = 1L;

    public TidyAxis(String label) {
        super(label);
    }

    @Override
    protected void selectAutoTickUnit(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        super.selectAutoTickUnit(g2, dataArea, edge);
        boolean vertical = RectangleEdge.isLeftOrRight(edge);
        double length = vertical ? dataArea.getHeight() : dataArea.getWidth();
        double maxTicks = Math.max(2, length / (vertical ? 45 : 70));
        TickUnitSource source = getStandardTickUnits();
        TickUnit unit = getTickUnit();
        double range = getRange().getLength();
        for (int guard = 0; guard < 50 && range / unit.getSize() > maxTicks; guard++) {
            TickUnit larger = source.getLargerTickUnit(unit);
            if (larger == null || larger.getSize() <= unit.getSize()) {
                break;
            }
            unit = larger;
        }
        if (unit instanceof NumberTickUnit) {
            setTickUnit((NumberTickUnit) unit, false, false);
        }
    }
}
