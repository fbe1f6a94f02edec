package dev.strix.plotting;

import dev.strix.plotting.internal.AtomicFiles;
import dev.strix.plotting.internal.Pdf;
import dev.strix.plotting.internal.Png;
import dev.strix.plotting.internal.Theme;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisSpace;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.Range;
import org.jfree.svg.SVGGraphics2D;

/**
 * What is drawn and saved: one chart, or a grid of charts ({@link #grid}) that may share axes.
 * Outputs: PNG (with its DPI in a pHYs chunk), SVG (JFreeSVG), PDF (OpenPDF, optional
 * dependency); files are written atomically (a temporary file renamed over the target). Rendering
 * is headless: it never opens a window and works with {@code java.awt.headless=true}.
 */
public final class Figure implements Displayable {
    static final double DEFAULT_WIDTH = 800;
    static final double DEFAULT_HEIGHT = 500;
    static final double DEFAULT_DPI = 72;
    private static final double TITLE_SPACE = 34;

    private final int rows;
    private final int cols;
    private final Chart[] cells;
    private String title;
    private boolean shareX;
    private boolean shareY;
    private double width = DEFAULT_WIDTH;
    private double height = DEFAULT_HEIGHT;
    private double dpi = DEFAULT_DPI;
    private int next;

    private Figure(int rows, int cols) {
        this.rows = rows;
        this.cols = cols;
        this.cells = new Chart[rows * cols];
    }

    /** A grid of rows x cols charts; fill it with {@link #set} or {@link #add}. Size defaults to 400 x 300 points per cell. */
    public static Figure grid(int rows, int cols) {
        if (rows < 1 || cols < 1 || rows * (long) cols > 100) {
            throw new IllegalArgumentException("Figure.grid: need 1 to 100 cells but got " + rows + " x " + cols);
        }
        Figure f = new Figure(rows, cols);
        f.width = Math.min(1600, 400 * cols);
        f.height = Math.min(1200, 300 * rows);
        return f;
    }

    /** A figure of one chart, with the chart's size and DPI. */
    public static Figure of(Chart chart) {
        Figure f = new Figure(1, 1);
        f.cells[0] = chart;
        f.width = chart.width;
        f.height = chart.height;
        f.dpi = chart.dpi;
        return f;
    }

    /** Puts a chart in cell (row, col), counted from 0 at the top left. */
    public Figure set(int row, int col, Chart chart) {
        if (row < 0 || row >= rows || col < 0 || col >= cols) {
            throw new IndexOutOfBoundsException("Figure.set: cell (" + row + ", " + col + ") is outside the "
                    + rows + " x " + cols + " grid");
        }
        cells[row * cols + col] = chart;
        return this;
    }

    /** Puts a chart in the next empty cell, row by row. */
    public Figure add(Chart chart) {
        while (next < cells.length && cells[next] != null) {
            next++;
        }
        if (next >= cells.length) {
            throw new IllegalStateException("Figure.add: all " + cells.length + " cells are full");
        }
        cells[next++] = chart;
        return this;
    }

    public Figure title(String title) {
        this.title = title;
        return this;
    }

    /** Charts in the same column share their x range; only the bottom one shows x tick labels. */
    public Figure shareX() {
        this.shareX = true;
        return this;
    }

    /** Charts in the same row share their y range; only the leftmost one shows y tick labels. */
    public Figure shareY() {
        this.shareY = true;
        return this;
    }

    /** Size in points (1/72 inch). */
    public Figure size(double width, double height) {
        checkSize(width, height);
        this.width = width;
        this.height = height;
        return this;
    }

    /** PNG resolution: the PNG has size * dpi / 72 pixels. */
    public Figure dpi(double dpi) {
        checkDpi(dpi);
        this.dpi = dpi;
        return this;
    }

    /** The PNG's width in pixels. */
    public int pixelWidth() {
        return (int) Math.round(width * dpi / 72);
    }

    public int pixelHeight() {
        return (int) Math.round(height * dpi / 72);
    }

    // ---- drawing --------------------------------------------------------------------------------

    private JFreeChart[] build() {
        JFreeChart[] built = new JFreeChart[cells.length];
        boolean any = false;
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] != null) {
                built[i] = cells[i].build();
                any = true;
            }
        }
        if (!any) {
            throw new IllegalStateException("Figure: no chart in any cell; nothing to draw");
        }
        if (shareX) {
            for (int c = 0; c < cols; c++) {
                List<ValueAxis> axes = new ArrayList<>();
                for (int r = 0; r < rows; r++) {
                    JFreeChart jc = built[r * cols + c];
                    if (jc != null && jc.getPlot() instanceof XYPlot) {
                        axes.add(((XYPlot) jc.getPlot()).getDomainAxis());
                    }
                }
                share(axes);
                hideInner(built, c, true);
            }
        }
        if (shareY) {
            for (int r = 0; r < rows; r++) {
                List<ValueAxis> axes = new ArrayList<>();
                for (int c = 0; c < cols; c++) {
                    JFreeChart jc = built[r * cols + c];
                    if (jc != null) {
                        axes.add(jc.getPlot() instanceof XYPlot ? ((XYPlot) jc.getPlot()).getRangeAxis()
                                : ((CategoryPlot) jc.getPlot()).getRangeAxis());
                    }
                }
                share(axes);
                hideInner(built, r, false);
            }
        }
        if (cells.length > 1) {
            align(built);
        }
        return built;
    }

    /**
     * Lines up the plot areas of a grid: the y axes of a column get the widest one's space, the x
     * axes of a row the tallest one's, so that the charts' frames align whatever their tick labels.
     */
    private void align(JFreeChart[] built) {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = scratch.createGraphics();
        try {
            Rectangle2D area = new Rectangle2D.Double(0, 0, width / cols, (height - (title != null ? TITLE_SPACE : 0)) / rows);
            double[] left = new double[cols];
            double[] bottom = new double[rows];
            for (int i = 0; i < built.length; i++) {
                if (built[i] == null) {
                    continue;
                }
                org.jfree.chart.plot.Plot p = built[i].getPlot();
                org.jfree.chart.axis.Axis y = p instanceof XYPlot ? ((XYPlot) p).getRangeAxis() : ((CategoryPlot) p).getRangeAxis();
                org.jfree.chart.axis.Axis x = p instanceof XYPlot ? ((XYPlot) p).getDomainAxis() : ((CategoryPlot) p).getDomainAxis();
                left[i % cols] = Math.max(left[i % cols], space(y, g2, p, area, RectangleEdge.LEFT).getLeft());
                bottom[i / cols] = Math.max(bottom[i / cols], space(x, g2, p, area, RectangleEdge.BOTTOM).getBottom());
            }
            for (int i = 0; i < built.length; i++) {
                if (built[i] == null) {
                    continue;
                }
                AxisSpace ys = new AxisSpace();
                ys.setLeft(left[i % cols]);
                AxisSpace xs = new AxisSpace();
                xs.setBottom(bottom[i / cols]);
                org.jfree.chart.plot.Plot p = built[i].getPlot();
                if (p instanceof XYPlot) {
                    ((XYPlot) p).setFixedRangeAxisSpace(ys);
                    ((XYPlot) p).setFixedDomainAxisSpace(xs);
                } else {
                    ((CategoryPlot) p).setFixedRangeAxisSpace(ys);
                    ((CategoryPlot) p).setFixedDomainAxisSpace(xs);
                }
            }
        } finally {
            g2.dispose();
        }
    }

    private static AxisSpace space(org.jfree.chart.axis.Axis axis, Graphics2D g2, org.jfree.chart.plot.Plot plot,
            Rectangle2D area, RectangleEdge edge) {
        return axis.reserveSpace(g2, plot, area, edge, new AxisSpace());
    }

    private static void share(List<ValueAxis> axes) {
        Range u = null;
        for (ValueAxis a : axes) {
            u = u == null ? a.getRange() : Range.combine(u, a.getRange());
        }
        for (ValueAxis a : axes) {
            a.setRange(u);
        }
    }

    /** Hides tick labels and axis labels of the inner charts of a shared column (x) or row (y). */
    private void hideInner(JFreeChart[] built, int line, boolean x) {
        int count = x ? rows : cols;
        int keep = -1; // the bottom-most chart of a column, the leftmost of a row
        for (int k = 0; k < count; k++) {
            int i = x ? k * cols + line : line * cols + k;
            if (built[i] != null && (x || keep < 0)) {
                keep = k;
            }
        }
        for (int k = 0; k < count; k++) {
            int i = x ? k * cols + line : line * cols + k;
            if (built[i] == null || k == keep) {
                continue;
            }
            ValueAxis a;
            if (built[i].getPlot() instanceof XYPlot) {
                XYPlot p = (XYPlot) built[i].getPlot();
                a = x ? p.getDomainAxis() : p.getRangeAxis();
            } else if (!x) {
                a = ((CategoryPlot) built[i].getPlot()).getRangeAxis();
            } else {
                continue;
            }
            a.setTickLabelsVisible(false);
            a.setLabel(null);
        }
    }

    /** Draws the figure into a width x height (points) area at the origin. */
    private void draw(Graphics2D g2) {
        JFreeChart[] built = build();
        g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g2.setPaint(Color.WHITE);
        g2.fill(new Rectangle2D.Double(0, 0, width, height));
        double top = 0;
        if (title != null) {
            g2.setFont(Theme.FIGURE_TITLE);
            g2.setPaint(Theme.TEXT);
            FontMetrics fm = g2.getFontMetrics();
            float tw = fm.stringWidth(title);
            g2.drawString(title, (float) ((width - tw) / 2), (float) (8 + fm.getAscent()));
            top = TITLE_SPACE;
        }
        double cw = width / cols;
        double ch = (height - top) / rows;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                JFreeChart jc = built[r * cols + c];
                if (jc != null) {
                    jc.draw(g2, new Rectangle2D.Double(c * cw, top + r * ch, cw, ch));
                }
            }
        }
    }

    // ---- output ---------------------------------------------------------------------------------

    /** Renders to an image of {@link #pixelWidth()} x {@link #pixelHeight()} pixels. */
    public BufferedImage toImage() {
        int pw = pixelWidth();
        int ph = pixelHeight();
        BufferedImage img = new BufferedImage(pw, ph, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = img.createGraphics();
        try {
            g2.scale(pw / width, ph / height);
            draw(g2);
        } finally {
            g2.dispose();
        }
        return img;
    }

    public byte[] toPng() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Png.write(toImage(), dpi, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The figure as an SVG document (width and height in points). */
    public String toSvg() {
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        draw(g2);
        return g2.getSVGDocument();
    }

    public void savePng(Path path) throws IOException {
        BufferedImage img = toImage();
        AtomicFiles.write(path, out -> Png.write(img, dpi, out));
    }

    public void saveSvg(Path path) throws IOException {
        byte[] svg = toSvg().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(path, out -> out.write(svg));
    }

    /**
     * Writes a vector PDF of width x height points. Needs OpenPDF
     * ({@code com.github.librepdf:openpdf:2.0.5}), an optional dependency of strix-plotting.
     */
    public void savePdf(Path path) throws IOException {
        if (!Pdf.available()) {
            throw new UnsupportedOperationException("savePdf needs OpenPDF on the classpath: add the dependency"
                    + " com.github.librepdf:openpdf:2.0.5 (optional in strix-plotting)");
        }
        build(); // fail before touching the file system if the figure cannot be drawn
        AtomicFiles.write(path, out -> Pdf.write((float) width, (float) height, this::draw, out));
    }

    /** The Vega-Lite v5 spec of the figure, or null when some chart has no Vega-Lite form. */
    public Map<String, Object> vegaLite() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("$schema", "https://vega.github.io/schema/vega-lite/v5.json");
        if (rows * cols == 1) {
            Map<String, Object> body = cells[0] == null ? null : cells[0].vegaLiteBody(width, height);
            if (body == null) {
                return null;
            }
            out.putAll(body);
            return out;
        }
        if (title != null) {
            out.put("title", title);
        }
        // Vega-Lite shares scales within a concat: rows share y (shareY); columns share x (shareX
        // alone: the grid is built column by column); with both, x is shared by the whole grid.
        boolean byColumn = shareX && !shareY;
        int outer = byColumn ? cols : rows;
        int inner = byColumn ? rows : cols;
        List<Object> lines = new ArrayList<>();
        for (int a = 0; a < outer; a++) {
            List<Object> cellsOfLine = new ArrayList<>();
            for (int b = 0; b < inner; b++) {
                Chart chart = byColumn ? cells[b * cols + a] : cells[a * cols + b];
                if (chart == null) {
                    continue;
                }
                Map<String, Object> body = chart.vegaLiteBody(width / cols, (height - TITLE_SPACE) / rows);
                if (body == null) {
                    return null;
                }
                cellsOfLine.add(body);
            }
            Map<String, Object> line = new LinkedHashMap<>();
            line.put(byColumn ? "vconcat" : "hconcat", cellsOfLine);
            if (byColumn || shareY) {
                line.put("resolve", Map.of("scale", Map.of(byColumn ? "x" : "y", "shared")));
            }
            lines.add(line);
        }
        out.put(byColumn ? "hconcat" : "vconcat", lines);
        if (shareX && shareY) {
            out.put("resolve", Map.of("scale", Map.of("x", "shared")));
        }
        return out;
    }

    /**
     * {@code text/plain} (a description), {@code image/png} (base64), {@code image/svg+xml}, and
     * {@code application/vnd.vegalite.v5+json} when every chart has a Vega-Lite form.
     */
    @Override
    public Map<String, Object> mimeBundle() {
        Map<String, Object> b = new LinkedHashMap<>();
        Map<String, Object> vl = vegaLite();
        if (vl != null) {
            b.put(VEGA_LITE, vl);
        }
        b.put(PNG, Base64.getEncoder().encodeToString(toPng()));
        b.put(SVG, toSvg());
        b.put(TEXT, toString());
        return b;
    }

    /** Shows the PNG at its size in points, so a high-DPI PNG is sharp, not large. */
    @Override
    public Map<String, Object> mimeMetadata() {
        Map<String, Object> png = new LinkedHashMap<>();
        png.put("width", Math.round(width));
        png.put("height", Math.round(height));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(PNG, png);
        return m;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (rows * cols == 1) {
            sb.append(cells[0]);
        } else {
            sb.append("Figure ").append(rows).append('x').append(cols);
            if (title != null) {
                sb.append(" \"").append(title).append('"');
            }
            for (int i = 0; i < cells.length; i++) {
                if (cells[i] != null) {
                    sb.append("\n  [").append(i / cols).append(", ").append(i % cols).append("] ").append(cells[i]);
                }
            }
        }
        sb.append(rows * cols == 1 ? "; " : "\n  ");
        sb.append(fmt(width)).append(" x ").append(fmt(height)).append(" pt, ").append(fmt(dpi)).append(" dpi (PNG ")
                .append(pixelWidth()).append(" x ").append(pixelHeight()).append(" px)");
        return sb.toString();
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    static void checkSize(double w, double h) {
        if (!(w >= 50 && h >= 50 && w <= 20000 && h <= 20000)) {
            throw new IllegalArgumentException("size: width and height must be between 50 and 20000 points but got "
                    + w + " x " + h);
        }
    }

    static void checkDpi(double dpi) {
        if (!(dpi >= 10 && dpi <= 1200)) {
            throw new IllegalArgumentException("dpi: must be between 10 and 1200 but got " + dpi);
        }
    }
}
