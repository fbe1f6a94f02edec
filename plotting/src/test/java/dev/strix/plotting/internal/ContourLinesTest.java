package dev.strix.plotting.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Path2D;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Inline contour labels: where they go, how they turn, and the break in the line under them. */
class ContourLinesTest {
    private static final Rectangle2D AREA = new Rectangle2D.Double(0, 0, 600, 400);

    /** A polyline {xs, ys, arc length} through the given points, finely sampled. */
    private static double[][] line(double... xy) {
        List<double[]> pts = new ArrayList<>();
        for (int k = 0; k + 3 < xy.length; k += 2) {
            for (int t = 0; t < 50; t++) {
                double f = t / 50.0;
                pts.add(new double[] {xy[k] + f * (xy[k + 2] - xy[k]), xy[k + 1] + f * (xy[k + 3] - xy[k + 1])});
            }
        }
        pts.add(new double[] {xy[xy.length - 2], xy[xy.length - 1]});
        double[] x = new double[pts.size()];
        double[] y = new double[pts.size()];
        double[] s = new double[pts.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = pts.get(i)[0];
            y[i] = pts.get(i)[1];
            if (i > 0) {
                s[i] = s[i - 1] + Math.hypot(x[i] - x[i - 1], y[i] - y[i - 1]);
            }
        }
        return new double[][] {x, y, s};
    }

    @Test
    void levelsPrintAsTheShortestDecimal() {
        assertEquals("2.5", ContourLines.text("", 2.5));
        assertEquals("-0.75", ContourLines.text("", -0.75));
        assertEquals("6", ContourLines.text("", 6.0));
        assertEquals("0.1", ContourLines.text("", 0.1), "no binary noise such as 0.1000000000000000055");
        assertEquals("0.3", ContourLines.text("", 0.1 + 0.2), "levels made by adding steps print clean");
        assertEquals("1.50", ContourLines.text("%.2f", 1.5));
    }

    @Test
    void aLabelOnAStraightLineLiesOnItAndReadsLeftToRight() {
        // A horizontal line drawn from right to left: the text must still read left to right.
        double[][] l = line(500, 200, 100, 200);
        ContourLines.Label lab = ContourLines.place(l, 0, "1.5", 20, 9, AREA, List.of());
        assertNotNull(lab);
        assertEquals(200, lab.cy, 1e-9, "on the line");
        assertTrue(lab.cx > 100 && lab.cx < 500);
        assertEquals(0, lab.angle, 1e-9, "a horizontal label, upright");
        assertEquals(20 + 2 * ContourLines.PAD, lab.to - lab.from, 1e-9, "the break is the text plus padding");
    }

    @Test
    void aLabelTurnsWithTheLine() {
        double[][] l = line(100, 100, 300, 300); // 45 degrees down-right on screen
        ContourLines.Label lab = ContourLines.place(l, 0, "3", 10, 9, AREA, List.of());
        assertNotNull(lab);
        assertEquals(Math.PI / 4, lab.angle, 1e-9);
        assertEquals(lab.cx, lab.cy, 1e-9, "on the diagonal");
        double[][] up = line(300, 100, 100, 300); // drawn up-left to down-right reversed
        assertEquals(-Math.PI / 4, ContourLines.place(up, 0, "3", 10, 9, AREA, List.of()).angle, 1e-9);
    }

    @Test
    void aLabelGoesOnTheStraightPartOfABentLine() {
        // A tight zig-zag followed by a long straight stretch: the label must sit on the latter.
        double[][] l = line(50, 100, 60, 110, 70, 100, 80, 110, 90, 100, 400, 100);
        ContourLines.Label lab = ContourLines.place(l, 0, "10", 30, 9, AREA, List.of());
        assertNotNull(lab);
        assertTrue(lab.cx > 90 + 15, "on the straight stretch, got x = " + lab.cx);
        assertEquals(100, lab.cy, 1e-9);
    }

    @Test
    void tooShortOrOutsideGetsNoLabel() {
        assertNull(ContourLines.place(line(100, 100, 140, 100), 0, "123", 30, 9, AREA, List.of()), "shorter than 2.5 labels");
        assertNull(ContourLines.place(line(0, 1, 600, 1), 0, "1", 10, 9, AREA, List.of()), "the text would cross the edge");
    }

    @Test
    void labelsDoNotOverlap() {
        List<ContourLines.Label> placed = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            double y = 100 + 4 * k; // six lines 4 points apart: labels must be staggered along them
            ContourLines.Label lab = ContourLines.place(line(50, y, 550, y), k, "0.25", 24, 9, AREA, placed);
            assertNotNull(lab, "line " + k + " has room for a label somewhere");
            for (ContourLines.Label p : placed) {
                assertTrue(Math.abs(p.cx - lab.cx) >= 24, "labels of lines " + p.polyline + " and " + k + " overlap");
            }
            placed.add(lab);
        }
    }

    @Test
    void theLineIsBrokenUnderItsLabel() {
        double[][] l = line(100, 200, 500, 200);
        ContourLines.Label lab = ContourLines.place(l, 0, "7", 10, 9, AREA, List.of());
        Path2D path = new Path2D.Double();
        ContourLines.append(path, l, 0, List.of(lab));
        List<double[]> moves = new ArrayList<>();
        double maxInGap = 0;
        double[] c = new double[6];
        for (PathIterator it = path.getPathIterator(null); !it.isDone(); it.next()) {
            int type = it.currentSegment(c);
            if (type == PathIterator.SEG_MOVETO) {
                moves.add(new double[] {c[0], c[1]});
            }
            if (c[0] > lab.cx - lab.width / 2 && c[0] < lab.cx + lab.width / 2) {
                maxInGap++;
            }
        }
        assertEquals(2, moves.size(), "two pieces: before and after the label");
        assertEquals(0, maxInGap, "no vertex under the text");
        assertEquals(100, moves.get(0)[0], 1e-9);
        assertEquals(100 + lab.to, moves.get(1)[0], 1e-9, "the second piece starts where the break ends");
        // Without labels: one piece.
        Path2D whole = new Path2D.Double();
        ContourLines.append(whole, l, 0, List.of());
        int n = 0;
        for (PathIterator it = whole.getPathIterator(null); !it.isDone(); it.next()) {
            n += it.currentSegment(c) == PathIterator.SEG_MOVETO ? 1 : 0;
        }
        assertEquals(1, n);
    }
}
