package dev.strix.stats;

import dev.strix.ndarray.NdArray;
import java.util.Arrays;

/**
 * The empirical cumulative distribution function of a sample: {@code F(t) = #{x_i <= t} / n}.
 * {@link #values()} are the distinct sample values in ascending order and {@link #probabilities()}
 * the value of F at each ({@code scipy.stats.ecdf(x).cdf.quantiles / .probabilities}).
 */
public final class Ecdf {
    private final double[] sorted;
    private final NdArray values;
    private final NdArray probabilities;

    Ecdf(double[] sorted) {
        this.sorted = sorted;
        int n = sorted.length;
        double[] v = new double[n];
        double[] p = new double[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (i + 1 < n && sorted[i + 1] == sorted[i]) {
                continue;
            }
            v[k] = sorted[i];
            p[k] = (double) (i + 1) / n;
            k++;
        }
        this.values = NdArray.wrap(Arrays.copyOf(v, k), k);
        this.probabilities = NdArray.wrap(Arrays.copyOf(p, k), k);
    }

    /** The distinct sample values, ascending. */
    public NdArray values() {
        return values;
    }

    /** F at each of {@link #values()}. */
    public NdArray probabilities() {
        return probabilities;
    }

    /** The sample size. */
    public int n() {
        return sorted.length;
    }

    /** F(t); NaN for NaN. */
    public double evaluate(double t) {
        if (Double.isNaN(t)) {
            return Double.NaN;
        }
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return (double) lo / sorted.length;
    }

    /** F applied element-wise; float64 with the shape of {@code t}. */
    public NdArray evaluate(NdArray t) {
        double[] x = t.toDoubleArray();
        for (int i = 0; i < x.length; i++) {
            x[i] = evaluate(x[i]);
        }
        return NdArray.wrap(x, t.shape());
    }
}
