package dev.strix.plotting.internal;

import java.awt.Color;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.chart.renderer.category.ScatterRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYAreaRenderer;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.BoxAndWhiskerItem;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;
import org.jfree.data.statistics.DefaultMultiValueCategoryDataset;
import org.jfree.data.xy.DefaultXYDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * One layer of a chart (a line set, a scatter, bars, ...): what it adds to a JFreeChart plot and
 * to a Vega-Lite spec. Layers are built by {@code Chart}; nothing outside the module uses them.
 */
public abstract class Layer {
    protected String label;
    protected Color color;
    /** Filled in when the layer is drawn: its colour bar, if it has one. */
    protected PaintScaleLegend colorBar;

    public void label(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public void color(Color color) {
        this.color = color;
    }

    public boolean isCategory() {
        return false;
    }

    /** Whether the layer's label goes in the legend (heat maps and contours title their colour bar instead). */
    public boolean inLegend() {
        return true;
    }

    /** How many palette colours the layer takes. */
    public int colorsUsed() {
        return 1;
    }

    /** Whether the y axis grows downwards (a matrix heat map: row 0 at the top). */
    public boolean invertsY() {
        return false;
    }

    /** The label an axis gets when the chart names none ("x" or "y"), or null. */
    public String defaultAxisLabel(char axis) {
        return null;
    }

    /** Adds datasets and renderers from {@code index} on; returns the next free index. */
    public int addTo(XYPlot plot, int index, int colorIndex) {
        throw new IllegalStateException(kind() + " is not an x-y layer");
    }

    public int addTo(CategoryPlot plot, int index, int colorIndex) {
        throw new IllegalStateException(kind() + " is not a category layer");
    }

    public PaintScaleLegend colorBar() {
        return colorBar;
    }

    // ---- colour-scale options (heat maps, contours, scatter colorBy) ----------------------------

    /** The values mapped to the ends of the colour scale (vmin, vmax), or null for the data's range. */
    protected double[] colorRange;
    /** The value at the white middle of the diverging palette, or NaN for viridis. */
    protected double center = Double.NaN;

    /** Whether the layer maps values to colours (so that colorRange and diverging apply). */
    public boolean hasColorScale() {
        return false;
    }

    public void colorRange(double lo, double hi) {
        this.colorRange = new double[] {lo, hi};
    }

    public double[] colorRange() {
        return colorRange == null ? null : colorRange.clone();
    }

    public void center(double c) {
        this.center = c;
    }

    public double center() {
        return center;
    }

    /**
     * The layer's colour scale over data in [lo, hi]: the user's range if given; a diverging
     * scale without a range spans the data symmetrically about the centre, so that equal
     * distances from the centre get equally strong colours.
     */
    ColorScale scaleOver(double lo, double hi, double[] bands) {
        double a = colorRange != null ? colorRange[0] : lo;
        double b = colorRange != null ? colorRange[1] : hi;
        if (!Double.isNaN(center) && colorRange == null) {
            double half = Math.max(Math.abs(hi - center), Math.abs(center - lo));
            if (!(half > 0)) {
                half = 1;
            }
            a = center - half;
            b = center + half;
        }
        return new ColorScale(a, b, bands, center);
    }

    /** Vega-Lite layer specs with inline data, or null when Vega-Lite cannot express the layer. */
    public abstract List<Map<String, Object>> vegaLite(int colorIndex);

    public abstract String kind();

    public abstract String describe();

    /** The layer's colour: its own, or the palette's at colorIndex. */
    public Color colorAt(int colorIndex) {
        return color != null ? color : Theme.color(colorIndex);
    }

    // ---- shared helpers -------------------------------------------------------------------------

    static double[] range(double[] v) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double d : v) {
            if (Double.isFinite(d)) {
                lo = Math.min(lo, d);
                hi = Math.max(hi, d);
            }
        }
        return new double[] {lo, hi};
    }

    static PaintScaleLegend colorBar(ColorScale scale, String title) {
        NumberAxis axis = new TidyAxis(title);
        axis.setRange(scale.getLowerBound(), scale.getUpperBound());
        Theme.axis(axis);
        PaintScaleLegend legend = new PaintScaleLegend(scale, axis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        legend.setStripWidth(14);
        legend.setSubdivisionCount(256);
        legend.setAxisOffset(4);
        legend.setStripOutlineVisible(false);
        legend.setFrame(BlockBorder.NONE);
        legend.setBackgroundPaint(Color.WHITE);
        legend.setMargin(new RectangleInsets(8, 10, 8, 0));
        return legend;
    }

    /** Axis ranges exactly over a grid (no margins), for heat maps and contours. */
    static void tight(XYPlot plot, double[] xs, double[] ys) {
        if (plot.getDomainAxis() instanceof NumberAxis) {
            double[] r = range(xs);
            plot.getDomainAxis().setRange(r[0], r[1]);
        }
        if (plot.getRangeAxis() instanceof NumberAxis) {
            double[] r = range(ys);
            plot.getRangeAxis().setRange(r[0], r[1]);
        }
    }

    static XYLineAndShapeRenderer lines(Color c) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setDrawSeriesLineAsPath(true); // one path per series: smooth joins, small SVG; NaN starts a new subpath
        r.setSeriesPaint(0, c);
        r.setSeriesStroke(0, Theme.LINE);
        return r;
    }

    static Shape circle(double diameter) {
        return new Ellipse2D.Double(-diameter / 2, -diameter / 2, diameter, diameter);
    }

    static XYLineAndShapeRenderer points(Color c, double diameter) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        r.setSeriesPaint(0, c);
        r.setSeriesShape(0, circle(diameter));
        r.setDrawOutlines(false);
        return r;
    }

    static DefaultXYDataset xy(String key, double[] x, double[] y) {
        DefaultXYDataset ds = new DefaultXYDataset();
        ds.addSeries(key, new double[][] {x, y});
        return ds;
    }

    String key(String fallback) {
        return label != null ? label : fallback;
    }

    void legend(org.jfree.chart.renderer.AbstractRenderer r, int series) {
        r.setSeriesVisibleInLegend(series, label != null);
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** Rows {name0: col0[i], name1: col1[i], ...}, leaving out rows with a non-finite number. */
    static List<Map<String, Object>> rows(String[] names, double[]... cols) {
        List<Map<String, Object>> out = new ArrayList<>();
        outer:
        for (int i = 0; i < cols[0].length; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int k = 0; k < names.length; k++) {
                double v = cols[k][i];
                if (!Double.isFinite(v)) {
                    continue outer;
                }
                row.put(names[k], v);
            }
            out.add(row);
        }
        return out;
    }

    static Map<String, Object> q(String field) {
        return map("field", field, "type", "quantitative");
    }

    /** A colour encoding: a legend entry (datum) when labelled, else a fixed value. */
    Map<String, Object> colorEnc(Color c) {
        return label != null ? map("datum", label) : map("value", Theme.hex(c));
    }

    static Map<String, Object> spec(List<Map<String, Object>> values, Object mark, Map<String, Object> encoding) {
        return map("data", map("values", values), "mark", mark, "encoding", encoding);
    }

    // ---- lines ----------------------------------------------------------------------------------

    /** One or more lines over shared x; non-finite y values break the line. */
    public static final class Line extends Layer {
        private final double[] x;
        private final double[][] ys;
        private final String[] names;

        public Line(double[] x, double[][] ys, String[] names) {
            this.x = x;
            this.ys = ys;
            this.names = names;
        }

        @Override public int colorsUsed() { return ys.length; }
        @Override public String kind() { return "line"; }

        @Override
        public String describe() {
            return ys.length == 1 ? "line (" + x.length + " points)" : ys.length + " lines (" + x.length + " points each)";
        }

        private String name(int k) {
            if (ys.length == 1) {
                return label;
            }
            if (names != null) {
                return names[k];
            }
            return label == null ? null : label + " " + k;
        }

        @Override
        public int addTo(XYPlot plot, int index, int colorIndex) {
            DefaultXYDataset ds = new DefaultXYDataset();
            XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
            r.setDrawSeriesLineAsPath(true);
            for (int k = 0; k < ys.length; k++) {
                String n = name(k);
                ds.addSeries(n != null ? n : "line#" + index + "." + k, new double[][] {x, ys[k]});
                Color c = ys.length == 1 ? colorAt(colorIndex) : Theme.color(colorIndex + k);
                r.setSeriesPaint(k, c);
                r.setSeriesStroke(k, Theme.LINE);
                r.setSeriesVisibleInLegend(k, n != null);
            }
            plot.setDataset(index, ds);
            plot.setRenderer(index, r);
            return index + 1;
        }

        @Override
        public List<Map<String, Object>> vegaLite(int colorIndex) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (int k = 0; k < ys.length; k++) {
                Color c = ys.length == 1 ? colorAt(colorIndex) : Theme.color(colorIndex + k);
                String n = name(k);
                Map<String, Object> color = n != null ? map("datum", n) : map("value", Theme.hex(c));
                out.add(spec(rows(new String[] {"x", "y"}, x, ys[k]), map("type", "line", "strokeWidth", 2),
                        map("x", q("x"), "y", q("y"), "color", color)));
            }
            return out;
        }

        /** (name, colour) legend entries for Vega-Lite. */
        public List<Object[]> legendEntries(int colorIndex) {
            List<Object[]> out = new ArrayList<>();
            for (int k = 0; k < ys.length; k++) {
                String n = name(k);
                if (n != null) {
                    out.add(new Object[] {n, ys.length == 1 ? colorAt(colorIndex) : Theme.color(colorIndex + k)});
                }
            }
            return out;
        }
    }

    // ---- scatter --------------------------------------------------------------------------------

    /** Points, optionally coloured and/or sized by a value per point. Non-finite points are left out. */
    public static final class Scatter extends Layer {
        private final double[] x;
        private final double[] y;
        private double[] colorBy;
        private double[] sizeBy;
        private String colorTitle;
        private String sizeTitle;

        public Scatter(double[] x, double[] y) {
            this.x = x;
            this.y = y;
        }

        public int size() {
            return x.length;
        }

        public void colorBy(double[] values, String title) {
            this.colorBy = values;
            this.colorTitle = title;
        }

        public void sizeBy(double[] values, String title) {
            this.sizeBy = values;
            this.sizeTitle = title;
        }

        @Override public String kind() { return "scatter"; }
        @Override public boolean hasColorScale() { return colorBy != null; }

        @Override
        public String describe() {
            return "scatter (" + x.length + " points" + (colorBy != null ? ", colour by value" : "")
                    + (sizeBy != null ? ", size by value" : "") + ")";
        }

        @Override
        public int addTo(XYPlot plot, int index, int colorIndex) {
            Color base = colorAt(colorIndex);
            ColorScale scale = null;
            if (colorBy != null) {
                double[] r = range(colorBy);
                scale = scaleOver(r[0], r[1], null);
                colorBar = colorBar(scale, colorTitle);
            }
            double[] sr = sizeBy != null ? range(sizeBy) : null;
            final ColorScale cs = scale;
            final Color fill = Theme.withAlpha(base, 0.8);
            final Shape dot = circle(7);
            XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true) {
                private static final long serialVersionUID = 1L;

                @Override
                public Paint getItemPaint(int series, int item) {
                    if (cs == null) {
                        return fill;
                    }
                    return Theme.withAlpha(cs.color(colorBy[item]), 0.85);
                }

                @Override
                public Shape getItemShape(int series, int item) {
                    if (sizeBy == null) {
                        return dot;
                    }
                    double v = sizeBy[item];
                    if (!Double.isFinite(v)) {
                        return circle(0);
                    }
                    double t = sr[1] > sr[0] ? (v - sr[0]) / (sr[1] - sr[0]) : 0.5;
                    return circle(4 + 16 * Math.sqrt(t)); // area grows linearly with the value
                }
            };
            r.setSeriesPaint(0, fill);
            r.setSeriesShape(0, dot);
            // Diverging colours are near white at the centre: a thin grey rim keeps those points
            // visible on the white plot.
            boolean rim = cs != null && cs.diverging();
            r.setDrawOutlines(rim);
            r.setUseOutlinePaint(rim);
            r.setSeriesOutlinePaint(0, new Color(0x99, 0x99, 0x99, 150));
            r.setSeriesOutlineStroke(0, new java.awt.BasicStroke(0.6f));
            legend(r, 0);
            plot.setDataset(index, xy(key("scatter#" + index), x, y));
            plot.setRenderer(index, r);
            return index + 1;
        }

        @Override
        public List<Map<String, Object>> vegaLite(int colorIndex) {
            List<String> names = new ArrayList<>(List.of("x", "y"));
            List<double[]> cols = new ArrayList<>(List.of(x, y));
            Map<String, Object> enc = map("x", q("x"), "y", q("y"));
            if (colorBy != null) {
                names.add("c");
                cols.add(colorBy);
                Map<String, Object> c = q("c");
                double[] r = range(colorBy);
                c.put("scale", scaleOver(r[0], r[1], null).vegaScale(colorRange != null));
                c.put("title", colorTitle == null ? "value" : colorTitle);
                enc.put("color", c);
            } else {
                enc.put("color", colorEnc(colorAt(colorIndex)));
            }
            if (sizeBy != null) {
                names.add("s");
                cols.add(sizeBy);
                Map<String, Object> s = q("s");
                s.put("title", sizeTitle == null ? "size" : sizeTitle);
                enc.put("size", s);
            }
            enc.put("tooltip", List.of(q("x"), q("y")));
            Map<String, Object> mark = map("type", "point", "filled", true, "opacity", 0.8);
            if (colorBy != null && !Double.isNaN(center)) {
                mark.put("stroke", "#999999"); // the grey rim of the PNG, for the near-white points
                mark.put("strokeWidth", 0.6);
            }
            return List.of(spec(rows(names.toArray(new String[0]), cols.toArray(new double[0][])), mark, enc));
        }
    }

    // ---- histogram ------------------------------------------------------------------------------

    public static final class Histogram extends Layer {
        private final double[] edges;
        private final long[] counts;
        private final int n;

        public Histogram(double[] edges, long[] counts, int n) {
            this.edges = edges;
            this.counts = counts;
            this.n = n;
        }

        public double[] edges() { return edges.clone(); }
        public long[] counts() { return counts.clone(); }

        @Override public String kind() { return "histogram"; }

        @Override
        public String describe() {
            return "histogram (" + n + " values, " + counts.length + " bins)";
        }

        @Override
        public String defaultAxisLabel(char axis) {
            return axis == 'y' ? "Count" : null;
        }

        @Override
        public int addTo(XYPlot plot, int index, int colorIndex) {
            XYIntervalSeries s = new XYIntervalSeries(key("histogram#" + index));
            for (int i = 0; i < counts.length; i++) {
                double mid = (edges[i] + edges[i + 1]) / 2;
                s.add(mid, edges[i], edges[i + 1], counts[i], 0, counts[i]);
            }
            XYIntervalSeriesCollection ds = new XYIntervalSeriesCollection();
            ds.addSeries(s);
            XYBarRenderer r = new XYBarRenderer();
            r.setBarPainter(new StandardXYBarPainter());
            r.setShadowVisible(false);
            r.setSeriesPaint(0, Theme.withAlpha(colorAt(colorIndex), 0.85));
            r.setDrawBarOutline(true);
            r.setSeriesOutlinePaint(0, Color.WHITE);
            r.setSeriesOutlineStroke(0, new java.awt.BasicStroke(0.8f));
            r.setUseYInterval(true);
            legend(r, 0);
            plot.setDataset(index, ds);
            plot.setRenderer(index, r);
            return index + 1;
        }

        @Override
        public List<Map<String, Object>> vegaLite(int colorIndex) {
            double[] lo = Arrays.copyOf(edges, counts.length);
            double[] hi = Arrays.copyOfRange(edges, 1, edges.length);
            double[] c = new double[counts.length];
            for (int i = 0; i < c.length; i++) {
                c[i] = counts[i];
            }
            Map<String, Object> enc = map("x", q("lo"), "x2", map("field", "hi"), "y", q("count"),
                    "color", colorEnc(colorAt(colorIndex)), "tooltip", List.of(q("lo"), q("hi"), q("count")));
            return List.of(spec(rows(new String[] {"lo", "hi", "count"}, lo, hi, c),
                    map("type", "bar", "stroke", "white", "strokeWidth", 0.8), enc));
        }
    }

    // ---- heat map -------------------------------------------------------------------------------

    public static final class Heatmap extends Layer {
        private final double[][] z;
        private final double[] xs;
        private final double[] ys;
        private final boolean matrix;
        private final String valueTitle;
        private String[] xNames;
        private String[] yNames;
        /** The cell text's format (String.format), or null for no cell text. */
        private String annotate;

        /** A matrix heat map (row 0 at the top), or cells centred on xs/ys when given. */
        public Heatmap(double[][] z, double[] xs, double[] ys, String valueTitle) {
            this.z = z;
            this.matrix = xs == null;
            this.xs = xs != null ? xs : seq(z[0].length);
            this.ys = ys != null ? ys : seq(z.length);
            this.valueTitle = valueTitle;
        }

        static double[] seq(int n) {
            double[] s = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = i;
            }
            return s;
        }

        public int rows() { return z.length; }
        public int columns() { return z[0].length; }
        public void xNames(String[] names) { this.xNames = names; }
        public void yNames(String[] names) { this.yNames = names; }
        public void annotate(String format) { this.annotate = format; }

        /**
         * The default cell text: integers for a matrix of whole numbers (counts, a confusion
         * matrix), else two decimals.
         */
        public String defaultFormat() {
            for (double[] row : z) {
                for (double v : row) {
                    if (Double.isFinite(v) && (v != Math.rint(v) || Math.abs(v) >= 1e15)) {
                        return "%.2f";
                    }
                }
            }
            return "%.0f";
        }

        @Override public String kind() { return "heatmap"; }
        @Override public boolean inLegend() { return false; }
        @Override public boolean invertsY() { return matrix; }
        @Override public boolean hasColorScale() { return true; }

        @Override
        public String describe() {
            return "heat map (" + z.length + "x" + z[0].length + (annotate != null ? ", annotated" : "") + ")";
        }

        /** Set by a filled contour: its banded scale instead of a continuous one over the data. */
        ColorScale scale;

        private ColorScale resolvedScale() {
            if (scale != null) {
                return scale;
            }
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double[] row : z) {
                double[] r = range(row);
                lo = Math.min(lo, r[0]);
                hi = Math.max(hi, r[1]);
            }
            if (lo > hi) {
                lo = 0;
                hi = 1;
            }
            return scaleOver(lo, hi, null);
        }

        /** The cell text; a value that rounds to zero prints without a minus sign ("0.00", not "-0.00"). */
        public String text(double v) {
            String t = String.format(java.util.Locale.ROOT, annotate, v);
            if (t.startsWith("-") && t.chars().noneMatch(ch -> ch >= '1' && ch <= '9')) {
                return t.substring(1);
            }
            return t;
        }

        /**
         * The cells as one image (an annotation behind the other layers) rather than one
         * rectangle per cell: an SVG or PDF of a 151 x 151 grid stays small, and no seams show
         * between cells. The image is enlarged by whole pixels (nearest neighbour) so that viewers
         * that smooth images keep the cell edges sharp.
         */
        @Override
        public int addTo(XYPlot plot, int index, int colorIndex) {
            int rows = z.length;
            int cols = z[0].length;
            ColorScale cs = resolvedScale();
            if (scale == null) {
                colorBar = colorBar(cs, valueTitle != null ? valueTitle : label);
            }
            int k = (int) Math.max(1, Math.min(Math.ceil(400.0 / Math.max(rows, cols)),
                    Math.floor(Math.sqrt(4_000_000.0 / ((double) rows * cols)))));
            java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(cols * k, rows * k,
                    java.awt.image.BufferedImage.TYPE_INT_RGB);
            boolean yUp = !matrix && ys[ys.length - 1] > ys[0];
            boolean xLeft = xs[xs.length - 1] >= xs[0];
            for (int i = 0; i < rows; i++) {
                // Image row 0 is drawn at the top: the last y for increasing y, row 0 for a matrix.
                int imgRow = yUp ? rows - 1 - i : i;
                for (int j = 0; j < cols; j++) {
                    int imgCol = xLeft ? j : cols - 1 - j;
                    int rgb = cs.color(z[i][j]).getRGB();
                    for (int a = 0; a < k; a++) {
                        for (int b = 0; b < k; b++) {
                            img.setRGB(imgCol * k + b, imgRow * k + a, rgb);
                        }
                    }
                }
            }
            double dx = cols > 1 ? Math.abs(xs[1] - xs[0]) : 1;
            double dy = rows > 1 ? Math.abs(ys[1] - ys[0]) : 1;
            double[] xr = range(xs);
            double[] yr = range(ys);
            double x0 = xr[0] - dx / 2;
            double y0 = yr[0] - dy / 2;
            double w = xr[1] - xr[0] + dx;
            double h = yr[1] - yr[0] + dy;
            XYLineAndShapeRenderer holder = new XYLineAndShapeRenderer(false, false);
            holder.setSeriesVisibleInLegend(0, false);
            holder.addAnnotation(new org.jfree.chart.annotations.XYDataImageAnnotation(img, x0, y0, w, h, true),
                    org.jfree.chart.ui.Layer.BACKGROUND);
            if (annotate != null) {
                holder.addAnnotation(new CellText(cs), org.jfree.chart.ui.Layer.FOREGROUND);
            }
            plot.setDataset(index, xy(key("heatmap#" + index), new double[] {x0, x0 + w}, new double[] {y0, y0 + h}));
            plot.setRenderer(index, holder);
            if (matrix) {
                // Ticks at the cell centres, labelled with the names or the indices, never overlapping.
                plot.setDomainAxis(new CellAxis(plot.getDomainAxis().getLabel(), cols, xNames));
                plot.setRangeAxis(new CellAxis(plot.getRangeAxis().getLabel(), rows, yNames));
            }
            plot.getDomainAxis().setRange(x0, x0 + w);
            plot.getRangeAxis().setRange(y0, y0 + h);
            plot.setDomainGridlinesVisible(false);
            plot.setRangeGridlinesVisible(false);
            return index + 1;
        }

        /**
         * The value of each cell printed in it, in a colour that contrasts with the cell's, at the
         * tick-label size or smaller if the cells are small; not at all when even 6-point text
         * would not fit (a large matrix), rather than text spilling over the neighbours.
         */
        private final class CellText extends org.jfree.chart.annotations.AbstractXYAnnotation {
            private static final long serialVersionUID = 1L;
            private final ColorScale cs;

            CellText(ColorScale cs) {
                this.cs = cs;
            }

            @Override
            public void draw(java.awt.Graphics2D g2, XYPlot plot, java.awt.geom.Rectangle2D dataArea,
                    org.jfree.chart.axis.ValueAxis domainAxis, org.jfree.chart.axis.ValueAxis rangeAxis,
                    int rendererIndex, org.jfree.chart.plot.PlotRenderingInfo info) {
                org.jfree.chart.ui.RectangleEdge xe = org.jfree.chart.ui.RectangleEdge.BOTTOM;
                org.jfree.chart.ui.RectangleEdge ye = org.jfree.chart.ui.RectangleEdge.LEFT;
                double cw = Math.abs(domainAxis.lengthToJava2D(xs.length > 1 ? xs[1] - xs[0] : 1, dataArea, xe));
                double ch = Math.abs(rangeAxis.lengthToJava2D(ys.length > 1 ? ys[1] - ys[0] : 1, dataArea, ye));
                String widest = "";
                for (double[] row : z) {
                    for (double v : row) {
                        if (Double.isFinite(v) && text(v).length() > widest.length()) {
                            widest = text(v);
                        }
                    }
                }
                java.awt.Font font = null;
                for (float size = Theme.TICK.getSize2D() + 1; size >= 6; size -= 0.5f) {
                    java.awt.Font f = Theme.TICK.deriveFont(size);
                    java.awt.FontMetrics fm = g2.getFontMetrics(f);
                    if (fm.stringWidth(widest) <= 0.9 * cw && fm.getAscent() <= 0.8 * ch) {
                        font = f;
                        break;
                    }
                }
                if (font == null) {
                    return;
                }
                java.awt.Font old = g2.getFont();
                g2.setFont(font);
                java.awt.geom.Rectangle2D clip = dataArea;
                for (int i = 0; i < z.length; i++) {
                    for (int j = 0; j < z[0].length; j++) {
                        double v = z[i][j];
                        if (!Double.isFinite(v)) {
                            continue;
                        }
                        double px = domainAxis.valueToJava2D(xs[j], dataArea, xe);
                        double py = rangeAxis.valueToJava2D(ys[i], dataArea, ye);
                        if (!clip.contains(px, py)) {
                            continue;
                        }
                        g2.setPaint(ColorScale.textOn(cs.color(v)));
                        org.jfree.chart.text.TextUtils.drawAlignedString(text(v), g2, (float) px, (float) py,
                                org.jfree.chart.ui.TextAnchor.CENTER);
                    }
                }
                g2.setFont(old);
            }
        }

        @Override
        public List<Map<String, Object>> vegaLite(int colorIndex) {
            ColorScale cs = resolvedScale();
            List<Map<String, Object>> values = new ArrayList<>();
            for (int i = 0; i < z.length; i++) {
                for (int j = 0; j < z[0].length; j++) {
                    double v = z[i][j];
                    Map<String, Object> row = map("x", matrix && xNames != null ? (Object) xNames[j] : xs[j],
                            "y", matrix && yNames != null ? (Object) yNames[i] : ys[i],
                            "z", Double.isFinite(v) ? v : null);
                    if (annotate != null && Double.isFinite(v)) {
                        row.put("text", text(v));
                        row.put("textColor", Theme.hex(ColorScale.textOn(cs.color(v))));
                    }
                    values.add(row);
                }
            }
            Map<String, Object> c = q("z");
            c.put("scale", cs.vegaScale(colorRange != null));
            c.put("title", valueTitle != null ? valueTitle : label != null ? label : "value");
            Map<String, Object> xa = map("field", "x", "type", "ordinal");
            Map<String, Object> ya = map("field", "y", "type", "ordinal");
            if (matrix) {
                // Keep the matrix order (names are not sorted), row 0 at the top.
                xa.put("sort", xNames != null ? List.of(xNames) : null);
                ya.put("sort", yNames != null ? List.of(yNames) : null);
                if (xNames != null && Arrays.stream(xNames).anyMatch(n -> n.length() > 3)) {
                    xa.put("axis", map("labelAngle", -90)); // as the PNG turns names that do not fit
                }
            } else {
                ya.put("sort", "descending");
            }
            List<Map<String, Object>> out = new ArrayList<>();
            out.add(spec(values, "rect", map("x", xa, "y", ya, "color", c,
                    "tooltip", List.of(map("field", "x", "type", "ordinal"), map("field", "y", "type", "ordinal"),
                            q("z")))));
            if (annotate != null) {
                out.add(spec(values, map("type", "text", "baseline", "middle"), map("x", xa, "y", ya,
                        "text", map("field", "text", "type", "nominal"),
                        // A condition on the row's colour, not a field with "scale": null, which
                        // Vega-Lite 5 fails to compile beside the layer's shared colour scale.
                        "color", map("condition", map("test", "datum.textColor === '#ffffff'", "value", "#ffffff"),
                                "value", "#262626"))));
            }
            return out;
        }
    }

    // ---- contour --------------------------------------------------------------------------------

    public static final class Contour extends Layer {
        private final double[] xs;
        private final double[] ys;
        private final double[][] z;
        private double[] levels;
        private int levelCount = 8;
        private boolean filled;

        public Contour(double[] xs, double[] ys, double[][] z) {
            this.xs = xs;
            this.ys = ys;
            this.z = z;
        }

        public void levels(double[] levels) { this.levels = levels; }
        public void levelCount(int n) { this.levelCount = n; }
        public void filled(boolean f) { this.filled = f; }
        /** Inline level labels with this format ("" for the shortest decimal); null for none. */
        public void labelFormat(String f) { this.labelFormat = f; }
        private String labelFormat;

        /** The common step of evenly spaced levels that are multiples of it (as the default levels are), else 0. */
        static double levelStep(double[] lv) {
            if (lv.length < 2) {
                return 0;
            }
            double step = lv[1] - lv[0];
            for (int k = 0; k < lv.length; k++) {
                double m = lv[k] / step;
                boolean even = k == 0 || Math.abs(lv[k] - lv[k - 1] - step) <= 1e-9 * step;
                if (!even || Math.abs(m - Math.rint(m)) > 1e-6) {
                    return 0;
                }
            }
            return step;
        }

        /** A line colour darkened until text in it reads on white (viridis' light end is faint). */
        static Color readableOnWhite(Color c) {
            Color t = c;
            for (int k = 0; k < 10 && ColorScale.luminance(t) > 0.3; k++) {
                t = new Color((int) (t.getRed() * 0.85), (int) (t.getGreen() * 0.85), (int) (t.getBlue() * 0.85));
            }
            return t;
        }

        /**
         * The filled bands as an image, finer than the grid: each pixel takes the band of z
         * interpolated bilinearly between the four grid points around it, so that the band edges
         * follow the contour lines (which interpolate linearly along the cell edges) instead of
         * stepping from cell to cell. A cell with a NaN corner is left grey, as it has no lines.
         */
        java.awt.image.BufferedImage fillImage(ColorScale scale) {
            int nx = xs.length;
            int ny = ys.length;
            int w = (int) Math.min(1200, Math.max(nx, Math.min(4L * (nx - 1), 800)));
            int h = (int) Math.min(1200, Math.max(ny, Math.min(4L * (ny - 1), 800)));
            java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(w, h,
                    java.awt.image.BufferedImage.TYPE_INT_RGB);
            double[] xr = range(xs);
            double[] yr = range(ys);
            for (int py = 0; py < h; py++) {
                double y = yr[1] - (py + 0.5) / h * (yr[1] - yr[0]); // image row 0 is the top: the largest y
                int i = cell(ys, y);
                double v = (y - ys[i]) / (ys[i + 1] - ys[i]);
                for (int px = 0; px < w; px++) {
                    double x = xr[0] + (px + 0.5) / w * (xr[1] - xr[0]);
                    int j = cell(xs, x);
                    double u = (x - xs[j]) / (xs[j + 1] - xs[j]);
                    double zz = (1 - u) * (1 - v) * z[i][j] + u * (1 - v) * z[i][j + 1]
                            + u * v * z[i + 1][j + 1] + (1 - u) * v * z[i + 1][j];
                    img.setRGB(px, py, scale.color(zz).getRGB());
                }
            }
            return img;
        }

        /** The grid cell [g[k], g[k+1]] that holds t, for increasing or decreasing g. */
        private static int cell(double[] g, double t) {
            int n = g.length;
            boolean up = g[n - 1] >= g[0];
            int lo = 0;
            int hi = n - 1;
            while (hi - lo > 1) {
                int mid = (lo + hi) >>> 1;
                if ((g[mid] <= t) == up) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        @Override public String kind() { return "contour"; }
        @Override public boolean hasColorScale() { return true; }
        @Override public boolean inLegend() { return false; }

        @Override
        public String describe() {
            return (filled ? "filled contour (" : "contour (") + z.length + "x" + z[0].length + " grid"
                    + (labelFormat != null ? ", labelled" : "") + ")";
        }

        public double[] resolvedLevels() {
            if (levels != null) {
                return levels.clone();
            }
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double[] row : z) {
                for (double v : row) {
                    if (Double.isFinite(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
            return MarchingSquares.niceLevels(lo, hi, levelCount);
        }

        /** The levels drawn: the given or round ones, or the middle of the range when none falls inside. */
        private double[] drawnLevels() {
            double[] lv = resolvedLevels();
            if (lv.length == 0) {
                double[] r = zRange();
                lv = new double[] {(r[0] + r[1]) / 2};
            }
            return lv;
        }

        private double[] zRange() {
            double[] zr = new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
            for (double[] row : z) {
                double[] r = range(row);
                zr[0] = Math.min(zr[0], r[0]);
                zr[1] = Math.max(zr[1], r[1]);
            }
            return zr;
        }

        /** Filled: bands over the data's range; lines: colours over the levels. */
        private ColorScale scale(double[] lv) {
            double[] zr = zRange();
            return filled
                    ? scaleOver(Math.min(zr[0], lv[0]), Math.max(zr[1], lv[lv.length - 1]), lv)
                    : scaleOver(lv[0], lv[lv.length - 1], null);
        }

        @Override
        public int addTo(XYPlot plot, int index, int colorIndex) {
            double[] lv = drawnLevels();
            ColorScale scale = scale(lv);
            XYLineAndShapeRenderer holder = new XYLineAndShapeRenderer(false, false);
            holder.setSeriesVisibleInLegend(0, false);
            if (filled) {
                double[] xr = range(xs);
                double[] yr = range(ys);
                holder.addAnnotation(new org.jfree.chart.annotations.XYDataImageAnnotation(
                        fillImage(scale), xr[0], yr[0], xr[1] - xr[0], yr[1] - yr[0], true),
                        org.jfree.chart.ui.Layer.BACKGROUND);
            }
            List<ContourLines.Level> lines = new ArrayList<>();
            for (double level : lv) {
                MarchingSquares.Segments seg = MarchingSquares.contour(xs, ys, z, level);
                if (seg.count == 0) {
                    continue;
                }
                Color c = scale.color(level);
                lines.add(new ContourLines.Level(level, seg.x, seg.y,
                        filled ? new Color(0, 0, 0, 110) : c,
                        filled ? new java.awt.BasicStroke(0.8f) : new java.awt.BasicStroke(1.6f),
                        filled ? ColorScale.textOn(c) : readableOnWhite(c)));
            }
            holder.addAnnotation(new ContourLines(lines, labelFormat, Theme.TICK.deriveFont(10.5f)),
                    org.jfree.chart.ui.Layer.FOREGROUND);
            double[] xr = range(xs);
            double[] yr = range(ys);
            plot.setDataset(index, xy("contour#" + index, new double[] {xr[0], xr[1]}, new double[] {yr[0], yr[1]}));
            plot.setRenderer(index, holder);
            int next = index;
            colorBar = colorBar(scale, label);
            double step = levelStep(lv);
            if (filled && step > 0 && lv.length <= 12) {
                // Ticks at the levels themselves, so each band of the bar sits between two ticks.
                ((NumberAxis) colorBar.getAxis()).setTickUnit(new org.jfree.chart.axis.NumberTickUnit(step));
            }
            tight(plot, xs, ys);
            plot.setDomainGridlinesVisible(false);
            plot.setRangeGridlinesVisible(false);
            return next + 1;
        }

        /**
         * Vega-Lite has no contour mark, so the spec carries what the PNG draws, computed here:
         * each level's polylines as a {@code line} mark (one {@code detail} per polyline, drawn in
         * order), simplified to 1/4000 of the plot's size; and for a filled contour
         * the bands as {@code rect}s, runs of grid cells of one band along each row, in the
         * band's colour, with a legend of the bands. Inline labels are not repeated (Vega-Lite
         * cannot break a line under text); the tooltips give the level.
         */
        @Override
        public List<Map<String, Object>> vegaLite(int colorIndex) {
            double[] lv = drawnLevels();
            ColorScale scale = scale(lv);
            double[] xr = range(xs);
            double[] yr = range(ys);
            List<Map<String, Object>> out = new ArrayList<>();
            Map<String, Object> xEnc = map("field", "x", "type", "quantitative",
                    "scale", map("nice", false, "zero", false), "axis", map("grid", false));
            Map<String, Object> yEnc = map("field", "y", "type", "quantitative",
                    "scale", map("nice", false, "zero", false), "axis", map("grid", false));
            // The grid's corners as invisible points: the axes span the whole grid, as in the PNG,
            // and still take in other charts' data when a grid shares the scales (a fixed
            // domain would cut those off).
            out.add(spec(rows(new String[] {"x", "y"}, new double[] {xr[0], xr[1]}, new double[] {yr[0], yr[1]}),
                    map("type", "point", "opacity", 0), map("x", new LinkedHashMap<>(xEnc),
                            "y", new LinkedHashMap<>(yEnc))));
            if (filled) {
                out.add(bandCells(lv, scale, xEnc, yEnc));
            }
            List<Map<String, Object>> pts = new ArrayList<>();
            double tolX = (xr[1] - xr[0]) * 2.5e-4;
            double tolY = (yr[1] - yr[0]) * 2.5e-4;
            int line = 0;
            for (double level : lv) {
                MarchingSquares.Segments seg = MarchingSquares.contour(xs, ys, z, level);
                int start = 0;
                for (int i = 0; i <= seg.x.length; i++) {
                    if (i == seg.x.length || Double.isNaN(seg.x[i])) {
                        if (i - start >= 2) {
                            boolean[] keep = simplify(seg.x, seg.y, start, i - 1, tolX, tolY);
                            int order = 0;
                            for (int k = start; k < i; k++) {
                                if (keep[k - start]) {
                                    pts.add(map("x", round(seg.x[k]), "y", round(seg.y[k]), "level", level,
                                            "line", line, "order", order++));
                                }
                            }
                            line++;
                        }
                        start = i + 1;
                    }
                }
            }
            Map<String, Object> color = filled ? map("value", "#000000")
                    : map("field", "level", "type", "quantitative", "scale", scale.vegaScale(true),
                            "title", label != null ? label : "level");
            out.add(spec(pts, map("type", "line", "strokeWidth", filled ? 0.8 : 1.6, "opacity", filled ? 0.45 : 1),
                    map("x", xEnc, "y", yEnc, "detail", map("field", "line", "type", "nominal"),
                            "order", map("field", "order", "type", "quantitative"), "color", color,
                            "tooltip", List.of(q("level")))));
            return out;
        }

        /** The filled bands as rects (runs of grid cells along the rows), coloured by band, with a legend. */
        private Map<String, Object> bandCells(double[] lv, ColorScale scale, Map<String, Object> xEnc,
                Map<String, Object> yEnc) {
            double lo = scale.getLowerBound();
            double hi = scale.getUpperBound();
            List<String> names = new ArrayList<>();
            List<String> colours = new ArrayList<>();
            double[] edges = new double[lv.length + 2];
            edges[0] = lo;
            System.arraycopy(lv, 0, edges, 1, lv.length);
            edges[edges.length - 1] = hi;
            for (int b = 0; b + 1 < edges.length; b++) {
                if (edges[b + 1] > edges[b]) {
                    names.add(bandEnd(edges, b) + " to " + bandEnd(edges, b + 1));
                    colours.add(Theme.hex(scale.color((edges[b] + edges[b + 1]) / 2)));
                }
            }
            // Each grid cell takes the band of its centre (the mean of its corners, the bilinear
            // value there); runs of cells of one band along a row become one rect, so a band is a
            // few rects per row rather than one per cell. Grids finer than 200 points are sampled.
            int si = Math.max(1, (int) Math.ceil((ys.length - 1) / 200.0));
            int sj = Math.max(1, (int) Math.ceil((xs.length - 1) / 200.0));
            List<Map<String, Object>> cells = new ArrayList<>();
            for (int i = 0; i + 1 < ys.length; i += si) {
                int i2 = Math.min(i + si, ys.length - 1);
                int runStart = -1;
                String runBand = null;
                for (int j = 0; ; j += sj) {
                    String band = null;
                    int j2 = Math.min(j + sj, xs.length - 1);
                    if (j + 1 < xs.length) {
                        double v = (z[i][j] + z[i][j2] + z[i2][j] + z[i2][j2]) / 4;
                        if (Double.isFinite(v)) {
                            int k = 0;
                            while (k < lv.length && lv[k] <= v) {
                                k++;
                            }
                            band = names.get(Math.min(k, names.size() - 1));
                        }
                    }
                    if (runBand != null && !runBand.equals(band)) {
                        cells.add(map("x", round(xs[runStart]), "x2", round(xs[Math.min(j, xs.length - 1)]),
                                "y", round(ys[i]), "y2", round(ys[i2]), "band", runBand));
                        runBand = null;
                    }
                    if (band != null && runBand == null) {
                        runStart = j;
                        runBand = band;
                    }
                    if (j + 1 >= xs.length) {
                        break;
                    }
                }
            }
            Map<String, Object> xe = new LinkedHashMap<>(xEnc);
            Map<String, Object> ye = new LinkedHashMap<>(yEnc);
            // The cells are stroked in their own colour: without it, antialiasing leaves white seams.
            return spec(cells, map("type", "rect", "strokeWidth", 0.6), map("x", xe, "x2", map("field", "x2"),
                    "y", ye, "y2", map("field", "y2"),
                    "color", map("field", "band", "type", "ordinal", "scale", map("domain", names, "range", colours),
                            "sort", null, "title", label != null ? label : "band"),
                    "stroke", map("field", "band", "type", "ordinal", "scale", map("domain", names, "range", colours),
                            "sort", null, "title", label != null ? label : "band")));
        }

        /** A band's end for the legend: a level as it is, the data's extremes to three digits. */
        private static String bandEnd(double[] edges, int k) {
            double v = edges[k];
            if (k == 0 || k == edges.length - 1) {
                v = new java.math.BigDecimal(v).round(new java.math.MathContext(3)).doubleValue();
            }
            return ContourLines.text("", v);
        }

        /** Six significant digits: enough for a screen, and a third of the JSON of full doubles. */
        private static double round(double v) {
            if (v == 0 || !Double.isFinite(v)) {
                return v;
            }
            return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).doubleValue();
        }

        /**
         * Ramer-Douglas-Peucker on points [from, to]: which to keep so that the dropped ones lie
         * within the tolerance (in units of the plot's width and height) of the simplified line.
         */
        static boolean[] simplify(double[] x, double[] y, int from, int to, double tolX, double tolY) {
            boolean[] keep = new boolean[to - from + 1];
            keep[0] = true;
            keep[keep.length - 1] = true;
            java.util.ArrayDeque<int[]> stack = new java.util.ArrayDeque<>();
            stack.push(new int[] {from, to});
            while (!stack.isEmpty()) {
                int[] r = stack.pop();
                int a = r[0];
                int b = r[1];
                double ax = x[a] / tolX;
                double ay = y[a] / tolY;
                double dx = x[b] / tolX - ax;
                double dy = y[b] / tolY - ay;
                double len = Math.hypot(dx, dy);
                int worst = -1;
                double far = 1; // in tolerance units
                for (int k = a + 1; k < b; k++) {
                    double px = x[k] / tolX - ax;
                    double py = y[k] / tolY - ay;
                    double d = len > 0 ? Math.abs(px * dy - py * dx) / len : Math.hypot(px, py);
                    if (d > far) {
                        far = d;
                        worst = k;
                    }
                }
                if (worst >= 0) {
                    keep[worst - from] = true;
                    stack.push(new int[] {a, worst});
                    stack.push(new int[] {worst, b});
                }
            }
            return keep;
        }
    }

    // ---- error bars -----------------------------------------------------------------------------

    public static final class ErrorBars extends Layer {
        private final double[] x;
        private final double[] y;
        private final double[] lo;
        private final double[] hi;

        public ErrorBars(double[] x, double[] y, double[] lo, double[] hi) {
            this.x = x;
            this.y = y;
            this.lo = lo;
            this.hi = hi;
        }

        @Override public String kind() { return "error bars"; }

        @Override
        public String describe() {
            return "error bars (" + x.length + " points)";
        }

        @Override
        public int addTo(XYPlot plot, int index, int colorIndex) {
            YIntervalSeries s = new YIntervalSeries(key("errorbars#" + index), false, true);
            for (int i = 0; i < x.length; i++) {
                if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                    s.add(x[i], y[i], Double.isFinite(lo[i]) ? lo[i] : y[i], Double.isFinite(hi[i]) ? hi[i] : y[i]);
                }
            }
            YIntervalSeriesCollection ds = new YIntervalSeriesCollection();
            ds.addSeries(s);
            XYErrorRenderer r = new XYErrorRenderer();
            Color c = colorAt(colorIndex);
            r.setSeriesPaint(0, c);
            r.setSeriesShape(0, circle(7));
            r.setSeriesLinesVisible(0, false);
            r.setDrawXError(false);
            r.setDrawYError(true);
            r.setCapLength(8);
            r.setErrorStroke(new java.awt.BasicStroke(1.5f));
            r.setDrawOutlines(false);
            legend(r, 0);
            plot.setDataset(index, ds);
            plot.setRenderer(index, r);
            return index + 1;
        }

        @Override
        public List<Map<String, Object>> vegaLite(int colorIndex) {
            List<Map<String, Object>> v = rows(new String[] {"x", "y", "lo", "hi"}, x, y, lo, hi);
            Map<String, Object> color = colorEnc(colorAt(colorIndex));
            return List.of(
                    spec(v, "rule", map("x", q("x"), "y", q("lo"), "y2", map("field", "hi"), "color", color)),
                    spec(v, map("type", "point", "filled", true, "size", 50), map("x", q("x"), "y", q("y"),
                            "color", color, "tooltip", List.of(q("x"), q("y"), q("lo"), q("hi")))));
        }
    }

    // ---- stem -----------------------------------------------------------------------------------

    public static final class Stem extends Layer {
        private final double[] x;
        private final double[] y;

        public Stem(double[] x, double[] y) {
            this.x = x;
            this.y = y;
        }

        @Override public String kind() { return "stem"; }

        @Override
        public String describe() {
            return "stem (" + x.length + " points)";
        }

        @Override
        public int addTo(XYPlot plot, int index, int colorIndex) {
            Color c = colorAt(colorIndex);
            double[] sx = new double[x.length * 3];
            double[] sy = new double[x.length * 3];
            for (int i = 0; i < x.length; i++) {
                sx[3 * i] = x[i];
                sy[3 * i] = 0;
                sx[3 * i + 1] = x[i];
                sy[3 * i + 1] = y[i];
                sx[3 * i + 2] = Double.NaN;
                sy[3 * i + 2] = Double.NaN;
            }
            XYLineAndShapeRenderer stems = lines(c);
            stems.setSeriesStroke(0, new java.awt.BasicStroke(1.5f));
            stems.setSeriesVisibleInLegend(0, false);
            plot.setDataset(index, xy("stems#" + index, sx, sy));
            plot.setRenderer(index, stems);
            XYLineAndShapeRenderer heads = points(c, 8);
            legend(heads, 0);
            plot.setDataset(index + 1, xy(key("stem#" + index), x, y));
            plot.setRenderer(index + 1, heads);
            ValueMarker base = new ValueMarker(0, Theme.REFERENCE, new java.awt.BasicStroke(1f));
            plot.addRangeMarker(base);
            return index + 2;
        }

        @Override
        public List<Map<String, Object>> vegaLite(int colorIndex) {
            double[] zero = new double[x.length];
            List<Map<String, Object>> v = rows(new String[] {"x", "y", "zero"}, x, y, zero);
            Map<String, Object> color = colorEnc(colorAt(colorIndex));
            return List.of(
                    spec(v, "rule", map("x", q("x"), "y", q("zero"), "y2", map("field", "y"), "color", color)),
                    spec(v, map("type", "point", "filled", true, "size", 60), map("x", q("x"), "y", q("y"),
                            "color", color)));
        }
    }

    // ---- area -----------------------------------------------------------------------------------

    public static final class Area extends Layer {
        private final double[] x;
        private final double[] y;

        public Area(double[] x, double[] y) {
            this.x = x;
            this.y = y;
        }

        @Override public String kind() { return "area"; }

        @Override
        public String describe() {
            return "area (" + x.length + " points)";
        }

        @Override
        public int addTo(XYPlot plot, int index, int colorIndex) {
            Color c = colorAt(colorIndex);
            XYAreaRenderer fill = new XYAreaRenderer(XYAreaRenderer.AREA);
            fill.setSeriesPaint(0, Theme.withAlpha(c, 0.35));
            fill.setOutline(false);
            legend(fill, 0);
            plot.setDataset(index, xy(key("area#" + index), x, y));
            plot.setRenderer(index, fill);
            XYLineAndShapeRenderer edge = lines(c);
            edge.setSeriesVisibleInLegend(0, false);
            plot.setDataset(index + 1, xy("edge#" + index, x, y));
            plot.setRenderer(index + 1, edge);
            return index + 2;
        }

        @Override
        public List<Map<String, Object>> vegaLite(int colorIndex) {
            Color c = colorAt(colorIndex);
            return List.of(spec(rows(new String[] {"x", "y"}, x, y),
                    map("type", "area", "opacity", 0.35, "line", map("color", Theme.hex(c), "strokeWidth", 2)),
                    map("x", q("x"), "y", q("y"), "color", colorEnc(c))));
        }
    }

    // ---- QQ plot --------------------------------------------------------------------------------

    /** Sample quantiles against normal quantiles, with R's qqline (through the quartiles). */
    public static final class Qq extends Layer {
        private final double[] theoretical;
        private final double[] sample;
        private final double slope;
        private final double intercept;

        public Qq(double[] sortedFinite) {
            this.sample = sortedFinite;
            this.theoretical = Normal.plottingPositions(sortedFinite.length);
            double q1 = Binning.quantile(sortedFinite, 0.25);
            double q3 = Binning.quantile(sortedFinite, 0.75);
            double t1 = Normal.quantile(0.25);
            double t3 = Normal.quantile(0.75);
            double s = (q3 - q1) / (t3 - t1);
            this.slope = s;
            this.intercept = q1 - s * t1;
        }

        public double slope() { return slope; }
        public double intercept() { return intercept; }

        @Override public String kind() { return "QQ plot"; }

        @Override
        public String describe() {
            return "normal QQ plot (" + sample.length + " values)";
        }

        @Override
        public String defaultAxisLabel(char axis) {
            return axis == 'x' ? "Theoretical quantiles (standard normal)" : "Sample quantiles";
        }

        private double[][] line() {
            double a = theoretical[0];
            double b = theoretical[theoretical.length - 1];
            return new double[][] {{a, b}, {intercept + slope * a, intercept + slope * b}};
        }

        @Override
        public int addTo(XYPlot plot, int index, int colorIndex) {
            double[][] l = line();
            XYLineAndShapeRenderer ref = lines(Theme.REFERENCE);
            ref.setSeriesStroke(0, Theme.DASHED);
            ref.setSeriesVisibleInLegend(0, false);
            plot.setDataset(index, xy("qqline#" + index, l[0], l[1]));
            plot.setRenderer(index, ref);
            XYLineAndShapeRenderer pts = points(Theme.withAlpha(colorAt(colorIndex), 0.8), 7);
            legend(pts, 0);
            plot.setDataset(index + 1, xy(key("qq#" + index), theoretical, sample));
            plot.setRenderer(index + 1, pts);
            return index + 2;
        }

        @Override
        public List<Map<String, Object>> vegaLite(int colorIndex) {
            double[][] l = line();
            return List.of(
                    spec(rows(new String[] {"x", "y"}, theoretical, sample), map("type", "point", "filled", true),
                            map("x", q("x"), "y", q("y"), "color", colorEnc(colorAt(colorIndex)))),
                    spec(rows(new String[] {"x", "y"}, l[0], l[1]),
                            map("type", "line", "strokeDash", List.of(5, 4), "color", Theme.hex(Theme.REFERENCE)),
                            map("x", q("x"), "y", q("y"))));
        }
    }

    // ---- residuals ------------------------------------------------------------------------------

    public static final class Residuals extends Layer {
        private final double[] fitted;
        private final double[] residuals;

        public Residuals(double[] fitted, double[] residuals) {
            this.fitted = fitted;
            this.residuals = residuals;
        }

        @Override public String kind() { return "residuals"; }

        @Override
        public String describe() {
            return "residuals vs fitted (" + fitted.length + " points)";
        }

        @Override
        public String defaultAxisLabel(char axis) {
            return axis == 'x' ? "Fitted values" : "Residuals";
        }

        @Override
        public int addTo(XYPlot plot, int index, int colorIndex) {
            plot.addRangeMarker(new ValueMarker(0, Theme.REFERENCE, Theme.DASHED));
            XYLineAndShapeRenderer pts = points(Theme.withAlpha(colorAt(colorIndex), 0.8), 7);
            legend(pts, 0);
            plot.setDataset(index, xy(key("residuals#" + index), fitted, residuals));
            plot.setRenderer(index, pts);
            return index + 1;
        }

        @Override
        public List<Map<String, Object>> vegaLite(int colorIndex) {
            double[] zero = {0};
            return List.of(
                    spec(rows(new String[] {"x", "y"}, fitted, residuals), map("type", "point", "filled", true),
                            map("x", q("x"), "y", q("y"), "color", colorEnc(colorAt(colorIndex)),
                                    "tooltip", List.of(q("x"), q("y")))),
                    spec(rows(new String[] {"y"}, zero),
                            map("type", "rule", "strokeDash", List.of(5, 4), "color", Theme.hex(Theme.REFERENCE)),
                            map("y", q("y"))));
        }
    }

    // ---- bars (category) ------------------------------------------------------------------------

    /** Bars: values[c][s] is the height of series s in category c; grouped side by side or stacked. */
    public static final class Bars extends Layer {
        private final String[] categories;
        private final double[][] values;
        private String[] seriesNames;
        private boolean stacked;

        public Bars(String[] categories, double[][] values) {
            this.categories = categories;
            this.values = values;
        }

        public void stacked(boolean s) { this.stacked = s; }

        public void seriesNames(String[] names) {
            if (names.length != values[0].length) {
                throw new IllegalArgumentException("bar: " + names.length + " series names given for "
                        + values[0].length + " series (columns of the heights)");
            }
            this.seriesNames = names;
        }

        private String series(int s) {
            if (seriesNames != null) {
                return seriesNames[s];
            }
            if (values[0].length == 1) {
                return label;
            }
            return (label == null ? "series " : label + " ") + s;
        }

        @Override public boolean isCategory() { return true; }
        @Override public int colorsUsed() { return values[0].length; }
        @Override public String kind() { return stacked ? "stacked bar" : "bar"; }

        @Override
        public String describe() {
            return (stacked ? "stacked bars (" : "bars (") + categories.length + " categories x " + values[0].length
                    + " series)";
        }

        @Override
        public int addTo(CategoryPlot plot, int index, int colorIndex) {
            DefaultCategoryDataset ds = new DefaultCategoryDataset();
            int ns = values[0].length;
            for (int c = 0; c < categories.length; c++) {
                for (int s = 0; s < ns; s++) {
                    double v = values[c][s];
                    String sk = series(s);
                    ds.addValue(Double.isFinite(v) ? (Number) v : null, sk == null ? "bars" : sk, categories[c]);
                }
            }
            BarRenderer r = stacked ? new StackedBarRenderer() : new BarRenderer();
            r.setBarPainter(new StandardBarPainter());
            r.setShadowVisible(false);
            r.setDrawBarOutline(false);
            r.setItemMargin(0.04);
            r.setMaximumBarWidth(0.12);
            for (int s = 0; s < ns; s++) {
                r.setSeriesPaint(s, ns == 1 ? colorAt(colorIndex) : Theme.color(colorIndex + s));
                r.setSeriesVisibleInLegend(s, series(s) != null);
            }
            plot.setDataset(index, ds);
            plot.setRenderer(index, r);
            return index + 1;
        }

        @Override
        public List<Map<String, Object>> vegaLite(int colorIndex) {
            List<Map<String, Object>> v = new ArrayList<>();
            int ns = values[0].length;
            List<String> domain = new ArrayList<>();
            List<String> range = new ArrayList<>();
            for (int s = 0; s < ns; s++) {
                String n = series(s);
                domain.add(n == null ? "series " + s : n);
                range.add(Theme.hex(ns == 1 ? colorAt(colorIndex) : Theme.color(colorIndex + s)));
            }
            for (int c = 0; c < categories.length; c++) {
                for (int s = 0; s < ns; s++) {
                    if (Double.isFinite(values[c][s])) {
                        v.add(map("category", categories[c], "series", domain.get(s), "value", values[c][s]));
                    }
                }
            }
            Map<String, Object> enc = map("x", map("field", "category", "type", "nominal", "sort", null),
                    "y", map("field", "value", "type", "quantitative", "stack", stacked ? "zero" : null),
                    "color", map("field", "series", "type", "nominal", "scale", map("domain", domain, "range", range),
                            "legend", ns == 1 && series(0) == null ? null : map()));
            if (!stacked && ns > 1) {
                enc.put("xOffset", map("field", "series", "sort", null));
            }
            enc.put("tooltip", List.of(map("field", "category"), map("field", "series"), q("value")));
            return List.of(spec(v, "bar", enc));
        }
    }

    // ---- box plot (category) --------------------------------------------------------------------

    public static final class Box extends Layer {
        private final String[] names;
        private final double[][] groups; // finite values only

        public Box(String[] names, double[][] groups) {
            this.names = names;
            this.groups = groups;
        }

        @Override public boolean isCategory() { return true; }
        @Override public String kind() { return "box plot"; }

        @Override
        public String describe() {
            return "box plot (" + groups.length + " groups)";
        }

        /** Tukey's box: quartiles (linear interpolation, as NumPy), whiskers to the furthest values within 1.5 IQR. */
        static BoxAndWhiskerItem stats(double[] sorted) {
            double q1 = Binning.quantile(sorted, 0.25);
            double med = Binning.quantile(sorted, 0.5);
            double q3 = Binning.quantile(sorted, 0.75);
            double iqr = q3 - q1;
            double loFence = q1 - 1.5 * iqr;
            double hiFence = q3 + 1.5 * iqr;
            double lo = q1;
            double hi = q3;
            double mean = 0;
            for (double d : sorted) {
                mean += d;
                if (d >= loFence) {
                    lo = Math.min(lo, d);
                }
                if (d <= hiFence) {
                    hi = Math.max(hi, d);
                }
            }
            mean /= sorted.length;
            return new BoxAndWhiskerItem(mean, med, q1, q3, lo, hi, sorted[0], sorted[sorted.length - 1],
                    new ArrayList<>());
        }

        @Override
        public int addTo(CategoryPlot plot, int index, int colorIndex) {
            DefaultBoxAndWhiskerCategoryDataset ds = new DefaultBoxAndWhiskerCategoryDataset();
            DefaultMultiValueCategoryDataset outliers = new DefaultMultiValueCategoryDataset();
            String row = key("values");
            for (int g = 0; g < groups.length; g++) {
                double[] sorted = groups[g].clone();
                Arrays.sort(sorted);
                BoxAndWhiskerItem item = stats(sorted);
                ds.add(item, row, names[g]);
                List<Double> out = new ArrayList<>();
                for (double d : sorted) {
                    if (d < item.getMinRegularValue().doubleValue() || d > item.getMaxRegularValue().doubleValue()) {
                        out.add(d);
                    }
                }
                outliers.add(out, row, names[g]);
            }
            BoxAndWhiskerRenderer r = new BoxAndWhiskerRenderer();
            Color c = colorAt(colorIndex);
            r.setSeriesPaint(0, Theme.withAlpha(c, 0.45));
            r.setSeriesOutlinePaint(0, c.darker());
            r.setUseOutlinePaintForWhiskers(true);
            r.setDefaultOutlineStroke(new java.awt.BasicStroke(1.5f));
            r.setSeriesOutlineStroke(0, new java.awt.BasicStroke(1.5f));
            r.setMeanVisible(false);
            r.setMedianVisible(true);
            r.setFillBox(true);
            r.setMaximumBarWidth(0.25);
            r.setWhiskerWidth(0.6);
            legend(r, 0);
            plot.setDataset(index, ds);
            plot.setRenderer(index, r);
            ScatterRenderer pts = new ScatterRenderer();
            pts.setSeriesPaint(0, c.darker());
            pts.setSeriesShape(0, circle(6));
            pts.setSeriesShapesFilled(0, false);
            pts.setDrawOutlines(true);
            pts.setUseOutlinePaint(false);
            pts.setSeriesOutlineStroke(0, new java.awt.BasicStroke(1.2f));
            pts.setSeriesVisibleInLegend(0, false);
            plot.setDataset(index + 1, outliers);
            plot.setRenderer(index + 1, pts);
            return index + 2;
        }

        @Override
        public List<Map<String, Object>> vegaLite(int colorIndex) {
            List<Map<String, Object>> v = new ArrayList<>();
            for (int g = 0; g < groups.length; g++) {
                for (double d : groups[g]) {
                    v.add(map("group", names[g], "value", d));
                }
            }
            return List.of(spec(v, map("type", "boxplot", "extent", 1.5),
                    map("x", map("field", "group", "type", "nominal", "sort", null), "y", q("value"),
                            "color", colorEnc(colorAt(colorIndex)))));
        }
    }
}
