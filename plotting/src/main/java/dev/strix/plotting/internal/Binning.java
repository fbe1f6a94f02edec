package dev.strix.plotting.internal;

import dev.strix.plotting.BinRule;
import java.util.Arrays;

/**
 * Histogram bin edges and counts, following NumPy's {@code np.histogram_bin_edges} rules: a rule
 * gives a bin width h, the number of equal bins is ceil((max - min) / h) (1 when h is 0), and the
 * last bin is closed on the right. Kept here rather than taken from {@code stats} because plotting
 * depends on ndarray only.
 */
public final class Binning {
    private Binning() {}

    /** Equal-width edges for {@code bins} bins over the data's range (a zero range is widened by 0.5 each side, as NumPy). */
    public static double[] edges(double[] sorted, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("histogram: the number of bins must be at least 1 but is " + bins);
        }
        double lo = sorted[0];
        double hi = sorted[sorted.length - 1];
        if (lo == hi) {
            lo -= 0.5;
            hi += 0.5;
        }
        double[] e = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            e[i] = lo + (hi - lo) * i / bins;
        }
        e[bins] = hi;
        return e;
    }

    /** The number of bins a rule chooses for the sorted finite data. */
    public static int count(double[] sorted, BinRule rule) {
        int n = sorted.length;
        double range = sorted[n - 1] - sorted[0];
        if (range == 0) {
            return 1;
        }
        double width;
        switch (rule) {
            case STURGES:
                width = range / (log2(n) + 1);
                break;
            case SCOTT:
                width = Math.cbrt(24 * Math.sqrt(Math.PI) / n) * std(sorted);
                break;
            case FD:
                width = 2 * iqr(sorted) / Math.cbrt(n);
                break;
            case RICE:
                width = range / (2 * Math.cbrt(n));
                break;
            case SQRT:
                width = range / Math.sqrt(n);
                break;
            case AUTO: {
                double fd = 2 * iqr(sorted) / Math.cbrt(n);
                double st = range / (log2(n) + 1);
                width = fd > 0 ? Math.min(fd, st) : st;
                break;
            }
            default:
                throw new AssertionError(rule);
        }
        if (!(width > 0)) {
            return 1;
        }
        return (int) Math.max(1, Math.min(100_000, Math.ceil(range / width)));
    }

    /** Counts per bin; the last bin includes its right edge. Values outside the edges are not counted. */
    public static long[] counts(double[] values, double[] edges) {
        long[] c = new long[edges.length - 1];
        double lo = edges[0];
        double hi = edges[edges.length - 1];
        for (double v : values) {
            if (!(v >= lo && v <= hi)) {
                continue;
            }
            int i = Arrays.binarySearch(edges, v);
            int bin = i >= 0 ? i : -i - 2;
            if (bin >= c.length) {
                bin = c.length - 1;
            }
            c[bin]++;
        }
        return c;
    }

    /** Linear-interpolation quantile of sorted data (NumPy's default, R type 7). */
    public static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        if (i >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        double f = pos - i;
        return sorted[i] + f * (sorted[i + 1] - sorted[i]);
    }

    static double iqr(double[] sorted) {
        return quantile(sorted, 0.75) - quantile(sorted, 0.25);
    }

    static double std(double[] v) {
        double m = 0;
        for (double d : v) {
            m += d;
        }
        m /= v.length;
        double s = 0;
        for (double d : v) {
            s += (d - m) * (d - m);
        }
        return Math.sqrt(s / v.length);
    }

    private static double log2(int n) {
        return Math.log(n) / Math.log(2);
    }
}
