package dev.strix.plotting;

import dev.strix.ndarray.NdArray;
import java.util.List;
import java.util.function.DoubleBinaryOperator;

/**
 * Static entry points: each starts a {@link Chart} with one layer; chain options and more layers
 * on it, then save it or show it.
 *
 * <pre>{@code
 * Plot.line(x, y).label("sin").title("A sine").xlabel("t").savePng(Path.of("sine.png"));
 * }</pre>
 */
public final class Plot {
    private Plot() {}

    /** An empty chart. */
    public static Chart chart() {
        return new Chart();
    }

    public static Chart line(NdArray x, NdArray y) {
        return new Chart().line(x, y);
    }

    public static Chart line(NdArray y) {
        return new Chart().line(y);
    }

    public static Chart scatter(NdArray x, NdArray y) {
        return new Chart().scatter(x, y);
    }

    public static Chart bar(NdArray heights) {
        return new Chart().bar(heights);
    }

    public static Chart bar(List<String> categories, NdArray heights) {
        return new Chart().bar(categories, heights);
    }

    public static Chart histogram(NdArray data) {
        return new Chart().histogram(data);
    }

    public static Chart histogram(NdArray data, int bins) {
        return new Chart().histogram(data, bins);
    }

    public static Chart histogram(NdArray data, BinRule rule) {
        return new Chart().histogram(data, rule);
    }

    public static Chart histogram(NdArray data, NdArray edges) {
        return new Chart().histogram(data, edges);
    }

    public static Chart box(NdArray data) {
        return new Chart().box(data);
    }

    public static Chart box(List<String> names, NdArray... groups) {
        return new Chart().box(names, groups);
    }

    public static Chart heatmap(NdArray matrix) {
        return new Chart().heatmap(matrix);
    }

    public static Chart contour(NdArray x, NdArray y, NdArray z) {
        return new Chart().contour(x, y, z);
    }

    public static Chart contour(NdArray z) {
        return new Chart().contour(z);
    }

    public static Chart contour(DoubleBinaryOperator f, double x0, double x1, double y0, double y1) {
        return new Chart().contour(f, x0, x1, y0, y1);
    }

    public static Chart errorBars(NdArray x, NdArray y, NdArray err) {
        return new Chart().errorBars(x, y, err);
    }

    public static Chart errorBars(NdArray x, NdArray y, NdArray lower, NdArray upper) {
        return new Chart().errorBars(x, y, lower, upper);
    }

    public static Chart stem(NdArray x, NdArray y) {
        return new Chart().stem(x, y);
    }

    public static Chart stem(NdArray y) {
        return new Chart().stem(y);
    }

    public static Chart area(NdArray x, NdArray y) {
        return new Chart().area(x, y);
    }

    public static Chart qq(NdArray sample) {
        return new Chart().qq(sample);
    }

    public static Chart residuals(NdArray fitted, NdArray residuals) {
        return new Chart().residuals(fitted, residuals);
    }

    /**
     * Regression diagnostics side by side: residuals against fitted values, and a normal QQ plot
     * of the residuals.
     */
    public static Figure diagnostics(NdArray fitted, NdArray residuals) {
        return Figure.grid(1, 2)
                .title("Regression diagnostics")
                .add(residuals(fitted, residuals).title("Residuals vs fitted"))
                .add(qq(residuals).title("Normal QQ plot of residuals"))
                .size(900, 420);
    }
}
