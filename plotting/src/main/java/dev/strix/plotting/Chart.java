package dev.strix.plotting;

import dev.strix.ndarray.NdArray;
import dev.strix.plotting.internal.Binning;
import dev.strix.plotting.internal.Data;
import dev.strix.plotting.internal.Layer;
import dev.strix.plotting.internal.Theme;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.XYDataset;

/**
 * One chart (one set of axes) made of layers: lines, points, bars, ... Every method returns this
 * chart, so calls chain. Methods that add data start a new layer; {@link #label}, {@link #color},
 * {@link #colorBy}, {@link #sizeBy}, {@link #stacked}, {@link #levels} and {@link #filled} set
 * options of the layer added last; the others set options of the chart.
 *
 * <p>Non-finite values: a NaN or infinite y breaks a line (a gap); points with a non-finite
 * coordinate are left out of scatter, stem, error-bar and residual plots; histograms, box plots
 * and QQ plots use the finite values only; a NaN bar is not drawn; a NaN heat-map cell is light
 * grey; contour cells with a NaN corner draw no line. Data with no finite value at all is an
 * {@link IllegalArgumentException}, as is empty data.
 *
 * <p>Size is in points (1/72 inch), the unit of SVG and PDF; a PNG has {@code size * dpi / 72}
 * pixels, so at the default 72 DPI a PNG's pixels equal the size.
 */
public final class Chart implements Displayable {
    private final List<Layer> layers = new ArrayList<>();
    private String title;
    private String xLabel;
    private String yLabel;
    private Boolean legend;
    private boolean logX;
    private boolean logY;
    private double[] xLim;
    private double[] yLim;
    double width = Figure.DEFAULT_WIDTH;
    double height = Figure.DEFAULT_HEIGHT;
    double dpi = Figure.DEFAULT_DPI;

    /** An empty chart; add layers with the methods below. {@link Plot} has static shortcuts. */
    public Chart() {}

    // ---- layers ---------------------------------------------------------------------------------

    /** A line through (x[i], y[i]). y may be 2-D (n, k): k lines over the same x. */
    public Chart line(NdArray x, NdArray y) {
        double[] xs = Data.vector("line", "x", x);
        double[][] ys = columns("line", x, xs, y);
        for (double[] col : ys) {
            Data.someFinitePair("line", xs, col);
        }
        return add(new Layer.Line(xs, ys, null));
    }

    /** A line through (i, y[i]). */
    public Chart line(NdArray y) {
        return line(index(y, "line"), y);
    }

    /** Points at (x[i], y[i]). */
    public Chart scatter(NdArray x, NdArray y) {
        double[] xs = Data.vector("scatter", "x", x);
        double[] ys = Data.vector("scatter", "y", y);
        Data.sameLength("scatter", "x", x, xs, "y", y, ys);
        Data.someFinitePair("scatter", xs, ys);
        return add(new Layer.Scatter(xs, ys));
    }

    /** Colours the points of the last scatter layer by value (viridis), with a colour bar. */
    public Chart colorBy(NdArray values) {
        return colorBy(values, null);
    }

    /** Colours the points of the last scatter layer by value, with a titled colour bar. */
    public Chart colorBy(NdArray values, String title) {
        Layer.Scatter s = last(Layer.Scatter.class, "colorBy");
        double[] v = Data.vector("colorBy", "values", values);
        checkPointCount("colorBy", values, v);
        s.colorBy(v, title);
        return this;
    }

    /** Sizes the points of the last scatter layer by value (marker area grows linearly with it). */
    public Chart sizeBy(NdArray values) {
        return sizeBy(values, null);
    }

    public Chart sizeBy(NdArray values, String title) {
        Layer.Scatter s = last(Layer.Scatter.class, "sizeBy");
        double[] v = Data.vector("sizeBy", "values", values);
        checkPointCount("sizeBy", values, v);
        s.sizeBy(v, title);
        return this;
    }

    /**
     * Bars. {@code heights} is 1-D (one bar per category) or 2-D (categories, series): a group of
     * bars per category, one per series, side by side, or stacked after {@link #stacked()}.
     */
    public Chart bar(List<String> categories, NdArray heights) {
        double[][] h = heights != null && heights.ndim() == 1
                ? column(Data.vector("bar", "heights", heights)) : Data.matrix("bar", "heights", heights);
        if (categories.size() != h.length) {
            throw new IllegalArgumentException("bar: " + categories.size() + " categories but heights has shape "
                    + Data.shape(heights) + " (" + h.length + " rows)");
        }
        return add(new Layer.Bars(categories.toArray(new String[0]), h));
    }

    /** Bars with categories named 0, 1, 2, ... */
    public Chart bar(NdArray heights) {
        int n = heights == null ? 0 : heights.ndim() == 0 ? 1 : heights.shape(0);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add(Integer.toString(i));
        }
        return bar(names, heights);
    }

    /** Stacks the series of the last bar layer instead of grouping them. */
    public Chart stacked() {
        last(Layer.Bars.class, "stacked").stacked(true);
        return this;
    }

    /** Names the series (columns) of the last bar layer, for the legend. */
    public Chart seriesNames(String... names) {
        last(Layer.Bars.class, "seriesNames").seriesNames(names);
        return this;
    }

    /** A histogram with NumPy's "auto" bins. */
    public Chart histogram(NdArray data) {
        return histogram(data, BinRule.AUTO);
    }

    /** A histogram with bins chosen by a rule. */
    public Chart histogram(NdArray data, BinRule rule) {
        double[] v = sortedFinite("histogram", "data", data);
        return histogramLayer(v, Binning.edges(v, Binning.count(v, rule)));
    }

    /** A histogram with {@code bins} equal bins over the data's range. */
    public Chart histogram(NdArray data, int bins) {
        double[] v = sortedFinite("histogram", "data", data);
        return histogramLayer(v, Binning.edges(v, bins));
    }

    /** A histogram with the given bin edges (increasing; the last bin includes its right edge). */
    public Chart histogram(NdArray data, NdArray edges) {
        double[] v = sortedFinite("histogram", "data", data);
        double[] e = Data.vector("histogram", "edges", edges);
        if (e.length < 2) {
            throw new IllegalArgumentException("histogram: edges needs at least 2 values but has shape "
                    + Data.shape(edges));
        }
        for (int i = 0; i + 1 < e.length; i++) {
            if (!(e[i] < e[i + 1])) {
                throw new IllegalArgumentException("histogram: edges must increase strictly, but edges[" + i + "] = "
                        + e[i] + " and edges[" + (i + 1) + "] = " + e[i + 1]);
            }
        }
        return histogramLayer(v, e);
    }

    private Chart histogramLayer(double[] v, double[] edges) {
        return add(new Layer.Histogram(edges, Binning.counts(v, edges), v.length));
    }

    /** Box plots of the columns of a 2-D array (one box per column, named 0, 1, ...) or of a 1-D array. */
    public Chart box(NdArray data) {
        if (data != null && data.ndim() == 2) {
            double[][] m = Data.matrix("box", "data", data);
            int cols = m[0].length;
            String[] names = new String[cols];
            double[][] groups = new double[cols][];
            for (int j = 0; j < cols; j++) {
                double[] col = new double[m.length];
                for (int i = 0; i < m.length; i++) {
                    col[i] = m[i][j];
                }
                names[j] = Integer.toString(j);
                groups[j] = Data.finite("box", "column " + j, col);
            }
            return add(new Layer.Box(names, groups));
        }
        return add(new Layer.Box(new String[] {""}, new double[][] {sortedFinite("box", "data", data)}));
    }

    /** Box plots of named groups (the groups may differ in length). */
    public Chart box(List<String> names, NdArray... groups) {
        if (names.size() != groups.length) {
            throw new IllegalArgumentException("box: " + names.size() + " names for " + groups.length + " groups");
        }
        if (groups.length == 0) {
            throw new IllegalArgumentException("box: no group given; nothing to plot");
        }
        double[][] g = new double[groups.length][];
        for (int i = 0; i < groups.length; i++) {
            g[i] = Data.finite("box", "group '" + names.get(i) + "'", Data.vector("box", "group '" + names.get(i) + "'",
                    groups[i]));
        }
        return add(new Layer.Box(names.toArray(new String[0]), g));
    }

    /**
     * A heat map of a matrix: cell (i, j) at row i (from the top, as matplotlib's {@code imshow}
     * and seaborn's {@code heatmap}), column j; with a colour bar. Ticks sit at the cell centres,
     * labelled with the indices or with {@link #xLabels}/{@link #yLabels}.
     */
    public Chart heatmap(NdArray matrix) {
        return add(new Layer.Heatmap(Data.matrix("heatmap", "matrix", matrix), null, null, null));
    }

    /**
     * Names the columns of the last heat map (one per column), shown under the cells; names that
     * do not fit side by side are turned vertical, and thinned out if they still overlap.
     */
    public Chart xLabels(List<String> names) {
        Layer.Heatmap h = last(Layer.Heatmap.class, "xLabels");
        h.xNames(names("xLabels", names, h.columns(), "columns", h));
        return this;
    }

    /** {@link #xLabels(List)} with the names as arguments. */
    public Chart xLabels(String... names) {
        return xLabels(names == null ? null : Arrays.asList(names));
    }

    /** Names the rows of the last heat map (one per row), shown left of the cells, row 0 at the top. */
    public Chart yLabels(List<String> names) {
        Layer.Heatmap h = last(Layer.Heatmap.class, "yLabels");
        h.yNames(names("yLabels", names, h.rows(), "rows", h));
        return this;
    }

    /** {@link #yLabels(List)} with the names as arguments. */
    public Chart yLabels(String... names) {
        return yLabels(names == null ? null : Arrays.asList(names));
    }

    private static String[] names(String op, List<String> names, int n, String what, Layer.Heatmap h) {
        if (names == null) {
            throw new IllegalArgumentException(op + ": names is null");
        }
        if (names.size() != n) {
            throw new IllegalArgumentException(op + ": " + names.size() + " names for a matrix with " + n + " " + what
                    + " (shape (" + h.rows() + ", " + h.columns() + "))");
        }
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            out[i] = String.valueOf(names.get(i));
        }
        return out;
    }

    /**
     * Prints each cell's value in the last heat map: whole numbers for a matrix of whole numbers
     * (counts), else two decimals. The text is near-black on light cells and white on dark ones.
     */
    public Chart annotate() {
        Layer.Heatmap h = last(Layer.Heatmap.class, "annotate");
        h.annotate(h.defaultFormat());
        return this;
    }

    /**
     * Prints each cell's value in the last heat map with a {@link String#format} pattern for one
     * double, e.g. {@code "%.2f"} or {@code "%.0f%%"} (formatted in the ROOT locale: a point as
     * the decimal separator).
     */
    public Chart annotate(String format) {
        Layer.Heatmap h = last(Layer.Heatmap.class, "annotate");
        try {
            String.format(java.util.Locale.ROOT, format, 1.0);
        } catch (java.util.IllegalFormatException | NullPointerException e) {
            throw new IllegalArgumentException("annotate: \"" + format + "\" is not a format for one double"
                    + " (like \"%.2f\"): " + e.getMessage());
        }
        h.annotate(format);
        return this;
    }

    /**
     * The values at the two ends of the colour scale of the last heat map, contour or coloured
     * scatter (matplotlib's {@code vmin}/{@code vmax}); values beyond take the end colours. By
     * default the scale spans the data.
     */
    public Chart colorRange(double lo, double hi) {
        Layer l = colorLayer("colorRange");
        double[] r = limits("colorRange", lo, hi);
        double c = l.center();
        if (!Double.isNaN(c) && !(c > lo && c < hi)) {
            throw new IllegalArgumentException("colorRange: [" + lo + ", " + hi + "] does not contain the diverging"
                    + " centre " + c);
        }
        l.colorRange(r[0], r[1]);
        return this;
    }

    /**
     * A diverging palette for the last heat map, contour or coloured scatter: blue below
     * {@code center}, white at it, red above (ColorBrewer's RdBu, as matplotlib's {@code RdBu_r}).
     * Without a {@link #colorRange} the scale spans the data symmetrically about the centre; for
     * a correlation matrix use {@code .colorRange(-1, 1).diverging(0)}.
     */
    public Chart diverging(double center) {
        Layer l = colorLayer("diverging");
        if (!Double.isFinite(center)) {
            throw new IllegalArgumentException("diverging: the centre must be finite but got " + center);
        }
        double[] r = l.colorRange();
        if (r != null && !(center > r[0] && center < r[1])) {
            throw new IllegalArgumentException("diverging: the centre " + center + " is outside the colour range ["
                    + r[0] + ", " + r[1] + "]");
        }
        l.center(center);
        return this;
    }

    private Layer colorLayer(String op) {
        Layer l = lastLayer(op);
        if (!l.hasColorScale()) {
            throw new IllegalStateException(op + " applies to a heat map, a contour or a scatter coloured by value"
                    + " (colorBy), but the last layer is a " + l.kind()
                    + (l instanceof Layer.Scatter ? " without colorBy" : ""));
        }
        return l;
    }

    /** A contour plot of z (ny, nx) sampled at x (nx,) and y (ny,). */
    public Chart contour(NdArray x, NdArray y, NdArray z) {
        double[] xs = Data.vector("contour", "x", x);
        double[] ys = Data.vector("contour", "y", y);
        double[][] zs = Data.matrix("contour", "z", z);
        if (zs.length != ys.length || zs[0].length != xs.length) {
            throw new dev.strix.ndarray.ShapeMismatchException("contour: z has shape " + Data.shape(z)
                    + " but x has shape " + Data.shape(x) + " and y has shape " + Data.shape(y)
                    + "; z must have shape (len(y), len(x))");
        }
        if (xs.length < 2 || ys.length < 2) {
            throw new IllegalArgumentException("contour: the grid needs at least 2x2 points but z has shape "
                    + Data.shape(z));
        }
        return add(new Layer.Contour(xs, ys, zs));
    }

    /** A contour plot of a matrix over its indices (x = column, y = row). */
    public Chart contour(NdArray z) {
        double[][] zs = Data.matrix("contour", "z", z);
        return contour(dev.strix.ndarray.Nd.arange(0.0, zs[0].length, 1.0), dev.strix.ndarray.Nd.arange(0.0, zs.length, 1.0), z);
    }

    /** A contour plot of f(x, y) sampled on a 151x151 grid over [x0, x1] x [y0, y1]. */
    public Chart contour(DoubleBinaryOperator f, double x0, double x1, double y0, double y1) {
        int n = 151;
        if (!(x1 > x0) || !(y1 > y0)) {
            throw new IllegalArgumentException("contour: need x0 < x1 and y0 < y1 but got [" + x0 + ", " + x1 + "] x ["
                    + y0 + ", " + y1 + "]");
        }
        NdArray xs = dev.strix.ndarray.Nd.linspace(x0, x1, n);
        NdArray ys = dev.strix.ndarray.Nd.linspace(y0, y1, n);
        double[] xv = xs.toDoubleArray();
        double[] yv = ys.toDoubleArray();
        double[][] z = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                z[i][j] = f.applyAsDouble(xv[j], yv[i]);
            }
        }
        return contour(xs, ys, dev.strix.ndarray.Nd.of(z));
    }

    /** About {@code n} round contour levels for the last contour layer (default 8). */
    public Chart levels(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("levels: need at least 1 level but got " + n);
        }
        last(Layer.Contour.class, "levels").levelCount(n);
        return this;
    }

    /** Explicit contour levels for the last contour layer. */
    public Chart levels(double... levels) {
        if (levels.length == 0) {
            throw new IllegalArgumentException("levels: no level given");
        }
        double[] l = levels.clone();
        Arrays.sort(l);
        last(Layer.Contour.class, "levels").levels(l);
        return this;
    }

    /**
     * Writes each level on its contour lines, as matplotlib's {@code clabel}: on the straightest
     * stretch of every line long enough to hold it, turned along the line, with the line broken
     * under the text; labels that would overlap or leave the plot are left out. Levels print as
     * the shortest decimal (2.5, not 2.50).
     */
    public Chart levelLabels() {
        last(Layer.Contour.class, "levelLabels").labelFormat("");
        return this;
    }

    /** Inline level labels with a {@link String#format} pattern for one double, e.g. {@code "%.1f"}. */
    public Chart levelLabels(String format) {
        Layer.Contour c = last(Layer.Contour.class, "levelLabels");
        try {
            String.format(java.util.Locale.ROOT, format, 1.0);
        } catch (java.util.IllegalFormatException | NullPointerException e) {
            throw new IllegalArgumentException("levelLabels: \"" + format + "\" is not a format for one double"
                    + " (like \"%.1f\"): " + e.getMessage());
        }
        c.labelFormat(format);
        return this;
    }

    /** Fills the bands between the contour levels of the last contour layer. */
    public Chart filled() {
        last(Layer.Contour.class, "filled").filled(true);
        return this;
    }

    /** Points with symmetric vertical error bars y ± err. */
    public Chart errorBars(NdArray x, NdArray y, NdArray err) {
        double[] xs = Data.vector("errorBars", "x", x);
        double[] ys = Data.vector("errorBars", "y", y);
        double[] es = Data.vector("errorBars", "err", err);
        Data.sameLength("errorBars", "x", x, xs, "y", y, ys);
        Data.sameLength("errorBars", "y", y, ys, "err", err, es);
        Data.someFinitePair("errorBars", xs, ys);
        double[] lo = new double[xs.length];
        double[] hi = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            if (es[i] < 0) {
                throw new IllegalArgumentException("errorBars: err must be non-negative but err[" + i + "] = " + es[i]);
            }
            lo[i] = ys[i] - es[i];
            hi[i] = ys[i] + es[i];
        }
        return add(new Layer.ErrorBars(xs, ys, lo, hi));
    }

    /** Points with error bars from {@code lower} to {@code upper} (e.g. a confidence interval). */
    public Chart errorBars(NdArray x, NdArray y, NdArray lower, NdArray upper) {
        double[] xs = Data.vector("errorBars", "x", x);
        double[] ys = Data.vector("errorBars", "y", y);
        double[] lo = Data.vector("errorBars", "lower", lower);
        double[] hi = Data.vector("errorBars", "upper", upper);
        Data.sameLength("errorBars", "x", x, xs, "y", y, ys);
        Data.sameLength("errorBars", "y", y, ys, "lower", lower, lo);
        Data.sameLength("errorBars", "y", y, ys, "upper", upper, hi);
        Data.someFinitePair("errorBars", xs, ys);
        return add(new Layer.ErrorBars(xs, ys, lo, hi));
    }

    /** A stem plot: a vertical line from 0 to each y[i], with a marker on top. */
    public Chart stem(NdArray x, NdArray y) {
        double[] xs = Data.vector("stem", "x", x);
        double[] ys = Data.vector("stem", "y", y);
        Data.sameLength("stem", "x", x, xs, "y", y, ys);
        Data.someFinitePair("stem", xs, ys);
        return add(new Layer.Stem(xs, ys));
    }

    public Chart stem(NdArray y) {
        return stem(index(y, "stem"), y);
    }

    /** The area between y and 0, translucent, with its edge drawn. */
    public Chart area(NdArray x, NdArray y) {
        double[] xs = Data.vector("area", "x", x);
        double[] ys = Data.vector("area", "y", y);
        Data.sameLength("area", "x", x, xs, "y", y, ys);
        Data.someFinitePair("area", xs, ys);
        return add(new Layer.Area(xs, ys));
    }

    /**
     * A normal QQ plot: the sorted sample against standard normal quantiles at R's ppoints, with
     * the line through the first and third quartiles (R's qqline). Non-finite values are dropped.
     */
    public Chart qq(NdArray sample) {
        double[] v = sortedFinite("qq", "sample", sample);
        if (v.length < 2) {
            throw new IllegalArgumentException("qq: need at least 2 finite values but got " + v.length);
        }
        return add(new Layer.Qq(v));
    }

    /** Residuals against fitted values, with a dashed line at 0: the first regression diagnostic. */
    public Chart residuals(NdArray fitted, NdArray residuals) {
        double[] f = Data.vector("residuals", "fitted", fitted);
        double[] r = Data.vector("residuals", "residuals", residuals);
        Data.sameLength("residuals", "fitted", fitted, f, "residuals", residuals, r);
        Data.someFinitePair("residuals", f, r);
        return add(new Layer.Residuals(f, r));
    }

    // ---- layer options --------------------------------------------------------------------------

    /** Names the last layer; named layers appear in the legend. */
    public Chart label(String label) {
        lastLayer("label").label(label);
        return this;
    }

    /** Sets the colour of the last layer, as {@code "#RRGGBB"}. */
    public Chart color(String hex) {
        Color c;
        try {
            c = Color.decode(hex);
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException("color: expected a colour like \"#0072B2\" but got \"" + hex + "\"");
        }
        lastLayer("color").color(c);
        return this;
    }

    // ---- chart options --------------------------------------------------------------------------

    public Chart title(String title) {
        this.title = title;
        return this;
    }

    public Chart xlabel(String label) {
        this.xLabel = label;
        return this;
    }

    public Chart ylabel(String label) {
        this.yLabel = label;
        return this;
    }

    /** Shows or hides the legend. By default it is shown when some layer has a label. */
    public Chart legend(boolean show) {
        this.legend = show;
        return this;
    }

    /** A logarithmic x axis; points with x &lt;= 0 are not drawn. */
    public Chart logX() {
        this.logX = true;
        return this;
    }

    /** A logarithmic y axis; points with y &lt;= 0 are not drawn. */
    public Chart logY() {
        this.logY = true;
        return this;
    }

    public Chart xlim(double lo, double hi) {
        this.xLim = limits("xlim", lo, hi);
        return this;
    }

    public Chart ylim(double lo, double hi) {
        this.yLim = limits("ylim", lo, hi);
        return this;
    }

    /** Size in points (1/72 inch); default 800 x 500. */
    public Chart size(double width, double height) {
        Figure.checkSize(width, height);
        this.width = width;
        this.height = height;
        return this;
    }

    /** Resolution of PNG output; default 72, so pixels = points. 144 gives a sharp "retina" image. */
    public Chart dpi(double dpi) {
        Figure.checkDpi(dpi);
        this.dpi = dpi;
        return this;
    }

    // ---- output ---------------------------------------------------------------------------------

    /** This chart alone as a figure (its size and DPI). */
    public Figure figure() {
        return Figure.of(this);
    }

    public byte[] toPng() {
        return figure().toPng();
    }

    public String toSvg() {
        return figure().toSvg();
    }

    public void savePng(Path path) throws IOException {
        figure().savePng(path);
    }

    public void saveSvg(Path path) throws IOException {
        figure().saveSvg(path);
    }

    public void savePdf(Path path) throws IOException {
        figure().savePdf(path);
    }

    @Override
    public Map<String, Object> mimeBundle() {
        return figure().mimeBundle();
    }

    @Override
    public Map<String, Object> mimeMetadata() {
        return figure().mimeMetadata();
    }

    /**
     * The Vega-Lite v5 spec (with inline data). Every chart type has one; contours, having no
     * Vega-Lite mark, carry their computed lines and bands. Null only for a chart without layers.
     */
    public Map<String, Object> vegaLite() {
        Map<String, Object> spec = vegaLiteBody(width, height);
        if (spec == null) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("$schema", "https://vega.github.io/schema/vega-lite/v5.json");
        out.putAll(spec);
        return out;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Chart");
        if (title != null) {
            sb.append(" \"").append(title).append('"');
        }
        sb.append(": ");
        for (int i = 0; i < layers.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            Layer l = layers.get(i);
            sb.append(l.describe());
            if (l.label() != null) {
                sb.append(" \"").append(l.label()).append('"');
            }
        }
        if (layers.isEmpty()) {
            sb.append("no layers");
        }
        return sb.toString();
    }

    // ---- building -------------------------------------------------------------------------------

    List<Layer> layers() {
        return layers;
    }

    boolean isCategory() {
        return !layers.isEmpty() && layers.get(0).isCategory();
    }

    /** Builds the JFreeChart for this chart. */
    JFreeChart build() {
        if (layers.isEmpty()) {
            throw new IllegalStateException("chart has no layers; add one (line, scatter, bar, ...) before drawing");
        }
        String xl = axisLabel('x');
        String yl = axisLabel('y');
        boolean anyLabel = false;
        int colorIndex = 0;
        org.jfree.chart.plot.Plot plot;
        if (isCategory()) {
            CategoryPlot p = new CategoryPlot();
            CategoryAxis ca = new dev.strix.plotting.internal.TidyCategoryAxis(xl);
            ca.setCategoryMargin(0.2);
            ca.setLowerMargin(0.05);
            ca.setUpperMargin(0.05);
            p.setDomainAxis(ca);
            p.setRangeAxis(valueAxis(yl, logY));
            p.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
            int index = 0;
            for (Layer l : layers) {
                index = l.addTo(p, index, colorIndex);
                colorIndex += l.colorsUsed();
            }
            if (logY) {
                logRange(p.getRangeAxis(), categoryValues(p));
            }
            if (yLim != null) {
                p.getRangeAxis().setRange(yLim[0], yLim[1]);
            }
            plot = p;
        } else {
            XYPlot p = new XYPlot();
            p.setDomainAxis(valueAxis(xl, logX));
            p.setRangeAxis(valueAxis(yl, logY));
            p.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
            int index = 0;
            for (Layer l : layers) {
                index = l.addTo(p, index, colorIndex);
                colorIndex += l.colorsUsed();
                if (l.invertsY()) {
                    p.getRangeAxis().setInverted(true);
                }
            }
            if (logX) {
                logRange(p.getDomainAxis(), xyValues(p, true));
            }
            if (logY) {
                logRange(p.getRangeAxis(), xyValues(p, false));
            }
            if (xLim != null) {
                p.getDomainAxis().setRange(xLim[0], xLim[1]);
            }
            if (yLim != null) {
                p.getRangeAxis().setRange(yLim[0], yLim[1]);
            }
            plot = p;
        }
        for (Layer l : layers) {
            anyLabel |= (l.label() != null && l.inLegend()) || (l instanceof Layer.Bars && l.colorsUsed() > 1);
        }
        boolean showLegend = legend != null ? legend : anyLabel;
        JFreeChart chart = new JFreeChart(title, Theme.TITLE, plot, false);
        for (Layer l : layers) {
            if (l.colorBar() != null) {
                chart.addSubtitle(l.colorBar());
                break;
            }
        }
        if (showLegend) {
            LegendTitle lt = new LegendTitle(plot);
            lt.setPosition(RectangleEdge.BOTTOM);
            chart.addSubtitle(lt);
        }
        Theme.apply(chart);
        return chart;
    }

    private String axisLabel(char axis) {
        String set = axis == 'x' ? xLabel : yLabel;
        if (set != null) {
            return set;
        }
        for (Layer l : layers) {
            String d = l.defaultAxisLabel(axis);
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    private static ValueAxis valueAxis(String label, boolean log) {
        if (log) {
            LogAxis a = new LogAxis(label);
            a.setBase(10);
            a.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            a.setMinorTickMarksVisible(true);
            a.setMinorTickCount(9);
            return a;
        }
        NumberAxis a = new dev.strix.plotting.internal.TidyAxis(label);
        a.setAutoRangeIncludesZero(false);
        return a;
    }

    /** Sets a log axis' range to the positive data, with a 5% margin in log space. */
    private static void logRange(ValueAxis axis, double[] values) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (v > 0 && Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (lo > hi) {
            throw new IllegalArgumentException("log axis: no positive value to show");
        }
        double span = Math.max(Math.log10(hi) - Math.log10(lo), 0.5);
        axis.setRange(Math.pow(10, Math.log10(lo) - 0.05 * span), Math.pow(10, Math.log10(hi) + 0.05 * span));
    }

    private static double[] xyValues(XYPlot p, boolean x) {
        List<Double> out = new ArrayList<>();
        for (int d = 0; d < p.getDatasetCount(); d++) {
            XYDataset ds = p.getDataset(d);
            if (ds == null) {
                continue;
            }
            for (int s = 0; s < ds.getSeriesCount(); s++) {
                for (int i = 0; i < ds.getItemCount(s); i++) {
                    out.add(x ? ds.getXValue(s, i) : ds.getYValue(s, i));
                }
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double[] categoryValues(CategoryPlot p) {
        List<Double> out = new ArrayList<>();
        for (int d = 0; d < p.getDatasetCount(); d++) {
            CategoryDataset ds = p.getDataset(d);
            if (ds == null) {
                continue;
            }
            for (int r = 0; r < ds.getRowCount(); r++) {
                for (int c = 0; c < ds.getColumnCount(); c++) {
                    Number n = ds.getValue(r, c);
                    if (n != null) {
                        out.add(n.doubleValue());
                    }
                }
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The data field that carries a layer's label into a Vega-Lite legend. */
    private static final String LEGEND_FIELD = "series";

    /** The spec without "$schema", for embedding in a grid; null when some layer has no Vega-Lite form. */
    Map<String, Object> vegaLiteBody(double w, double h) {
        if (layers.isEmpty()) {
            return null;
        }
        List<Map<String, Object>> specs = new ArrayList<>();
        List<Object> domain = new ArrayList<>();
        List<Object> range = new ArrayList<>();
        int colorIndex = 0;
        for (Layer l : layers) {
            List<Map<String, Object>> s = l.vegaLite(colorIndex);
            if (s == null) {
                return null;
            }
            if (l instanceof Layer.Line) {
                for (Object[] e : ((Layer.Line) l).legendEntries(colorIndex)) {
                    domain.add(e[0]);
                    range.add(Theme.hex((Color) e[1]));
                }
            } else if (l.label() != null && l.inLegend() && !(l instanceof Layer.Bars)) {
                domain.add(l.label());
                range.add(Theme.hex(l.colorAt(colorIndex)));
            }
            specs.addAll(s);
            colorIndex += l.colorsUsed();
        }
        String xl = axisLabel('x');
        String yl = axisLabel('y');
        for (Map<String, Object> s : specs) {
            @SuppressWarnings("unchecked")
            Map<String, Object> enc = (Map<String, Object>) s.get("encoding");
            axisEncoding(enc.get("x"), xl, logX, xLim);
            axisEncoding(enc.get("y"), yl, logY, yLim);
            Object c = enc.get("color");
            if (c instanceof Map && ((Map<?, ?>) c).containsKey("datum")) {
                // A labelled layer of one colour: the schema allows no scale on a datum, so the
                // label becomes a constant field of the layer's rows, and every such layer shares
                // one explicit nominal scale (the legend, in the chart's colours).
                Object name = castMap(c).get("datum");
                for (Object row : (List<?>) castMap(s.get("data")).get("values")) {
                    castMap(row).put(LEGEND_FIELD, name);
                }
                enc.put("color", mapOf("field", LEGEND_FIELD, "type", "nominal",
                        "scale", mapOf("domain", domain, "range", range), "title", null));
            }
            if (xLim != null || yLim != null) {
                Object mark = s.get("mark");
                Map<String, Object> m = mark instanceof Map ? castMap(mark) : mapOf("type", mark);
                m.put("clip", true);
                s.put("mark", m);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        if (title != null) {
            out.put("title", title);
        }
        out.put("width", Math.round(w * 0.78));
        out.put("height", Math.round(h * 0.72));
        out.put("layer", specs);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }

    private static Map<String, Object> mapOf(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static void axisEncoding(Object o, String label, boolean log, double[] lim) {
        if (!(o instanceof Map)) {
            return;
        }
        Map<String, Object> e = castMap(o);
        if (!e.containsKey("title")) {
            e.put("title", label); // null: no title rather than the internal field name
        }
        if (log || lim != null) {
            Map<String, Object> scale = e.get("scale") instanceof Map ? castMap(e.get("scale")) : new LinkedHashMap<>();
            if (log) {
                scale.put("type", "log");
                scale.remove("zero"); // meaningless on a log scale (Vega-Lite warns and drops it)
            }
            if (lim != null) {
                scale.put("domain", List.of(lim[0], lim[1]));
            }
            e.put("scale", scale);
        }
    }

    // ---- helpers --------------------------------------------------------------------------------

    private Chart add(Layer l) {
        if (!layers.isEmpty() && layers.get(0).isCategory() != l.isCategory()) {
            throw new IllegalArgumentException("cannot put a " + l.kind() + " layer on a chart with a "
                    + layers.get(0).kind() + " layer: bars and box plots have category axes, the other"
                    + " charts numeric ones; use two charts in a Figure.grid instead");
        }
        layers.add(l);
        return this;
    }

    private Layer lastLayer(String op) {
        if (layers.isEmpty()) {
            throw new IllegalStateException(op + ": the chart has no layer yet");
        }
        return layers.get(layers.size() - 1);
    }

    private <T extends Layer> T last(Class<T> type, String op) {
        Layer l = lastLayer(op);
        if (!type.isInstance(l)) {
            throw new IllegalStateException(op + " applies to a " + type.getSimpleName().toLowerCase()
                    + " layer but the last layer is a " + l.kind());
        }
        return type.cast(l);
    }

    private void checkPointCount(String op, NdArray values, double[] v) {
        Layer.Scatter s = last(Layer.Scatter.class, op);
        int n = s.size();
        if (v.length != n) {
            throw new dev.strix.ndarray.ShapeMismatchException(op + ": values has shape " + Data.shape(values)
                    + " but the scatter has " + n + " points");
        }
    }

    private static double[] limits(String op, double lo, double hi) {
        if (!(Double.isFinite(lo) && Double.isFinite(hi) && lo < hi)) {
            throw new IllegalArgumentException(op + ": need finite lo < hi but got [" + lo + ", " + hi + "]");
        }
        return new double[] {lo, hi};
    }

    private static NdArray index(NdArray y, String op) {
        if (y == null) {
            throw new IllegalArgumentException(op + ": y is null");
        }
        int n = y.ndim() == 0 ? 1 : y.shape(0);
        return dev.strix.ndarray.Nd.arange(0.0, n, 1.0);
    }

    private static double[][] columns(String op, NdArray x, double[] xs, NdArray y) {
        if (y != null && y.ndim() == 2 && y.shape(1) > 1 && y.shape(0) > 1) {
            double[][] m = Data.matrix(op, "y", y);
            if (m.length != xs.length) {
                throw new dev.strix.ndarray.ShapeMismatchException(op + ": x has shape " + Data.shape(x)
                        + " but y has shape " + Data.shape(y) + "; y must have len(x) rows");
            }
            double[][] cols = new double[m[0].length][m.length];
            for (int i = 0; i < m.length; i++) {
                for (int j = 0; j < m[0].length; j++) {
                    cols[j][i] = m[i][j];
                }
            }
            return cols;
        }
        double[] ys = Data.vector(op, "y", y);
        Data.sameLength(op, "x", x, xs, "y", y, ys);
        return new double[][] {ys};
    }

    private static double[][] column(double[] v) {
        double[][] m = new double[v.length][1];
        for (int i = 0; i < v.length; i++) {
            m[i][0] = v[i];
        }
        return m;
    }

    private static double[] sortedFinite(String op, String name, NdArray a) {
        double[] v = Data.finite(op, name, Data.vector(op, name, a));
        Arrays.sort(v);
        return v;
    }
}
