package dev.strix.plotting.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Stroke;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;

/**
 * Draws the contour lines of a plot, one path per level, optionally with inline level labels as
 * matplotlib's {@code clabel}: each line long enough gets its level written along its
 * straightest stretch, turned with the line and kept upright, and the line is broken under the
 * label. Placement works in screen space (labels have a size in points, not in data units), so it
 * is redone each time the plot is drawn at a new size.
 */
public final class ContourLines extends AbstractXYAnnotation {
    private static final long serialVersionUID = 1L;
    /** Space between a label and the broken ends of its line, in points. */
    static final double PAD = 3;
    /** A label is only put where the line over its width is this straight (chord / arc length). */
    static final double MIN_STRAIGHTNESS = 0.9;

    /** One level: its polylines in data coordinates (NaN-separated), colours and label. */
    public static final class Level {
        final double value;
        final double[] x;
        final double[] y;
        final Paint line;
        final Stroke stroke;
        final Color text;

        public Level(double value, double[] x, double[] y, Paint line, Stroke stroke, Color text) {
            this.value = value;
            this.x = x;
            this.y = y;
            this.line = line;
            this.stroke = stroke;
            this.text = text;
        }
    }

    /** Where a label goes: the centre and angle of its text, and the stretch of line it covers. */
    public static final class Label {
        public final String text;
        public final double cx;
        public final double cy;
        /** Radians, within [-pi/2, pi/2] so that the text reads left to right. */
        public final double angle;
        public final double width;
        public final double height;
        final int polyline;
        final double from;
        final double to;

        Label(String text, double cx, double cy, double angle, double width, double height, int polyline,
                double from, double to) {
            this.text = text;
            this.cx = cx;
            this.cy = cy;
            this.angle = angle;
            this.width = width;
            this.height = height;
            this.polyline = polyline;
            this.from = from;
            this.to = to;
        }
    }

    private final List<Level> levels;
    private final String format; // null: no labels
    private final Font font;

    public ContourLines(List<Level> levels, String format, Font font) {
        this.levels = levels;
        this.format = format;
        this.font = font;
    }

    /** The label text of a level: the format, or the shortest plain decimal (2.5, not 2.50). */
    public static String text(String format, double v) {
        if (format != null && !format.isEmpty()) {
            return String.format(Locale.ROOT, format, v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = new java.math.BigDecimal(Double.toString(v)).round(new java.math.MathContext(6))
                .stripTrailingZeros().toPlainString();
        return s;
    }

    @Override
    public void draw(Graphics2D g2, XYPlot plot, Rectangle2D dataArea, ValueAxis domainAxis, ValueAxis rangeAxis,
            int rendererIndex, PlotRenderingInfo info) {
        List<Label> placed = new ArrayList<>();
        FontMetrics fm = g2.getFontMetrics(font);
        for (Level level : levels) {
            List<double[][]> lines = screen(level, dataArea, domainAxis, rangeAxis);
            List<Label> mine = new ArrayList<>();
            if (format != null) {
                String t = text(format, level.value);
                for (int k = 0; k < lines.size(); k++) {
                    Label l = place(lines.get(k), k, t, fm.stringWidth(t), fm.getAscent(), dataArea, placed);
                    if (l != null) {
                        mine.add(l);
                        placed.add(l);
                    }
                }
            }
            Path2D path = new Path2D.Double();
            for (int k = 0; k < lines.size(); k++) {
                append(path, lines.get(k), k, mine);
            }
            g2.setPaint(level.line);
            g2.setStroke(level.stroke);
            g2.draw(path);
            if (!mine.isEmpty()) {
                Font old = g2.getFont();
                g2.setFont(font);
                g2.setPaint(level.text);
                FontMetrics f = g2.getFontMetrics();
                for (Label l : mine) {
                    // drawString under a rotation (not JFreeChart's TextLayout workaround), so
                    // that SVG and PDF keep the label as text rather than glyph outlines.
                    java.awt.geom.AffineTransform saved = g2.getTransform();
                    g2.rotate(l.angle, l.cx, l.cy);
                    g2.drawString(l.text, (float) (l.cx - f.stringWidth(l.text) / 2.0),
                            (float) (l.cy + (f.getAscent() - f.getDescent()) / 2.0));
                    g2.setTransform(saved);
                }
                g2.setFont(old);
            }
        }
    }

    /** The level's polylines in Java2D coordinates: {xs, ys, cumulative arc length}. */
    static List<double[][]> screen(Level level, Rectangle2D area, ValueAxis xa, ValueAxis ya) {
        List<double[][]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= level.x.length; i++) {
            if (i == level.x.length || Double.isNaN(level.x[i])) {
                int m = i - start;
                if (m >= 2) {
                    double[] px = new double[m];
                    double[] py = new double[m];
                    double[] s = new double[m];
                    for (int k = 0; k < m; k++) {
                        px[k] = xa.valueToJava2D(level.x[start + k], area, RectangleEdge.BOTTOM);
                        py[k] = ya.valueToJava2D(level.y[start + k], area, RectangleEdge.LEFT);
                        if (k > 0) {
                            s[k] = s[k - 1] + Math.hypot(px[k] - px[k - 1], py[k] - py[k - 1]);
                        }
                    }
                    out.add(new double[][] {px, py, s});
                }
                start = i + 1;
            }
        }
        return out;
    }

    /** The point at arc length t along a polyline {xs, ys, s}. */
    static double[] at(double[][] line, double t) {
        double[] s = line[2];
        int n = s.length;
        if (t <= 0) {
            return new double[] {line[0][0], line[1][0]};
        }
        if (t >= s[n - 1]) {
            return new double[] {line[0][n - 1], line[1][n - 1]};
        }
        int lo = 0;
        int hi = n - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (s[mid] <= t) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double f = s[hi] > s[lo] ? (t - s[lo]) / (s[hi] - s[lo]) : 0;
        return new double[] {line[0][lo] + f * (line[0][hi] - line[0][lo]), line[1][lo] + f * (line[1][hi] - line[1][lo])};
    }

    /**
     * The best place for a label of the given size on one polyline, or null when the line is too
     * short or too curved, or every straight stretch would put the label outside the plot or on
     * a label already placed. Among the candidates (every half label width along the line) the
     * straightest wins; among nearly straight ones, the farthest from the other labels.
     */
    static Label place(double[][] line, int index, String text, double textWidth, double textHeight,
            Rectangle2D area, List<Label> placed) {
        double[] s = line[2];
        double length = s[s.length - 1];
        double span = textWidth + 2 * PAD;
        if (length < 2.5 * span) {
            return null;
        }
        Label best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (double c = span; c <= length - span; c += span / 2) {
            double[] a = at(line, c - span / 2);
            double[] b = at(line, c + span / 2);
            double chord = Math.hypot(b[0] - a[0], b[1] - a[1]);
            double straight = chord / span;
            if (straight < MIN_STRAIGHTNESS) {
                continue;
            }
            double[] m = at(line, c);
            double angle = Math.atan2(b[1] - a[1], b[0] - a[0]);
            if (angle > Math.PI / 2) {
                angle -= Math.PI;
            } else if (angle < -Math.PI / 2) {
                angle += Math.PI;
            }
            if (!inside(m[0], m[1], textWidth, textHeight, angle, area)) {
                continue;
            }
            double nearest = 300;
            boolean clash = false;
            for (Label p : placed) {
                double d = Math.hypot(p.cx - m[0], p.cy - m[1]);
                // Two labels are apart when their enclosing circles are (conservative for long labels).
                if (d < (Math.hypot(p.width, p.height) + Math.hypot(textWidth, textHeight)) / 2 + PAD) {
                    clash = true;
                    break;
                }
                nearest = Math.min(nearest, d);
            }
            if (clash) {
                continue;
            }
            // Straightness first (a label on a bend hides the bend and reads badly); among the
            // nearly straight stretches, the one farthest from the other labels.
            double score = Math.min(straight, 0.99) + 0.0002 * Math.min(nearest, 300);
            if (score > bestScore) {
                bestScore = score;
                best = new Label(text, m[0], m[1], angle, textWidth, textHeight, index, c - span / 2, c + span / 2);
            }
        }
        return best;
    }

    /** Whether the turned text's corners lie within the area (with a small margin). */
    private static boolean inside(double cx, double cy, double w, double h, double angle, Rectangle2D area) {
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        for (int sx = -1; sx <= 1; sx += 2) {
            for (int sy = -1; sy <= 1; sy += 2) {
                double dx = sx * w / 2;
                double dy = sy * h / 2;
                double x = cx + dx * cos - dy * sin;
                double y = cy + dx * sin + dy * cos;
                if (x < area.getMinX() + 2 || x > area.getMaxX() - 2 || y < area.getMinY() + 2
                        || y > area.getMaxY() - 2) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Appends a polyline to the path, leaving out the stretches under its labels. */
    static void append(Path2D path, double[][] line, int index, List<Label> labels) {
        double[] px = line[0];
        double[] py = line[1];
        double[] s = line[2];
        List<double[]> gaps = new ArrayList<>();
        for (Label l : labels) {
            if (l.polyline == index) {
                gaps.add(new double[] {l.from, l.to});
            }
        }
        if (gaps.isEmpty()) {
            path.moveTo(px[0], py[0]);
            for (int k = 1; k < px.length; k++) {
                path.lineTo(px[k], py[k]);
            }
            return;
        }
        gaps.sort((a, b) -> Double.compare(a[0], b[0]));
        double t = 0;
        for (double[] g : gaps) {
            segment(path, line, t, g[0]);
            t = g[1];
        }
        segment(path, line, t, s[s.length - 1]);
    }

    /** The part of a polyline between arc lengths t0 and t1 as a new subpath. */
    private static void segment(Path2D path, double[][] line, double t0, double t1) {
        if (t1 <= t0) {
            return;
        }
        double[] s = line[2];
        double[] a = at(line, t0);
        path.moveTo(a[0], a[1]);
        for (int k = 0; k < s.length; k++) {
            if (s[k] > t0 && s[k] < t1) {
                path.lineTo(line[0][k], line[1][k]);
            }
        }
        double[] b = at(line, t1);
        path.lineTo(b[0], b[1]);
    }
}
