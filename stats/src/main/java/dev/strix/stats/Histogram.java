package dev.strix.stats;

import dev.strix.ndarray.NdArray;

/**
 * A histogram: {@code counts} (int64, one per bin) and {@code edges} (float64, one more than the
 * bins). Every bin is half-open {@code [edge_i, edge_i+1)} except the last, which also holds its
 * right edge, as in NumPy.
 */
public record Histogram(NdArray counts, NdArray edges) {
    /** The number of bins. */
    public int bins() {
        return counts.size();
    }

    /** Counts divided by (total * bin width), so that the histogram integrates to 1 ({@code density=True}). */
    public NdArray density() {
        NdArray widths = edges.get("1:").sub(edges.get(":-1"));
        double total = counts.sum().item();
        return counts.astype(dev.strix.ndarray.DType.FLOAT64).div(widths.mul(total));
    }
}
