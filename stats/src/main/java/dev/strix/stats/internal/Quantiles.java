package dev.strix.stats.internal;

import dev.strix.stats.QuantileMethod;
import java.util.Arrays;
import org.apache.commons.statistics.descriptive.Quantile;

/** Quantile kernels: Hyndman-Fan types from Commons Statistics, NumPy's discrete variants here. */
public final class Quantiles {
    private Quantiles() {
    }

    /** Checks q in [0, 1], naming the operation. */
    public static void checkProbability(String op, double q) {
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException(op + ": quantile " + q + " is outside [0, 1]");
        }
    }

    /**
     * The q-quantile of {@code x} (which it may reorder). NaN when x holds a NaN (as NumPy); the
     * caller rejects empty input.
     */
    public static double quantile(double[] x, double q, QuantileMethod method) {
        if (Lanes.hasNaN(x)) {
            return Double.NaN;
        }
        int n = x.length;
        switch (method) {
            case LOWER, HIGHER, NEAREST, MIDPOINT: {
                Arrays.sort(x);
                double h = (n - 1) * q;
                int lo = (int) Math.floor(h);
                int hi = (int) Math.ceil(h);
                switch (method) {
                    case LOWER:
                        return x[lo];
                    case HIGHER:
                        return x[hi];
                    case NEAREST:
                        return x[(int) Math.rint(h)];
                    default:
                        return (x[lo] + x[hi]) / 2;
                }
            }
            default:
                return Quantile.withDefaults().withCopy(false).with(hf(method)).evaluate(x, q);
        }
    }

    private static Quantile.EstimationMethod hf(QuantileMethod m) {
        switch (m) {
            case INVERTED_CDF:
                return Quantile.EstimationMethod.HF1;
            case AVERAGED_INVERTED_CDF:
                return Quantile.EstimationMethod.HF2;
            case CLOSEST_OBSERVATION:
                return Quantile.EstimationMethod.HF3;
            case INTERPOLATED_INVERTED_CDF:
                return Quantile.EstimationMethod.HF4;
            case HAZEN:
                return Quantile.EstimationMethod.HF5;
            case WEIBULL:
                return Quantile.EstimationMethod.HF6;
            case LINEAR:
                return Quantile.EstimationMethod.HF7;
            case MEDIAN_UNBIASED:
                return Quantile.EstimationMethod.HF8;
            case NORMAL_UNBIASED:
                return Quantile.EstimationMethod.HF9;
            default:
                throw new IllegalArgumentException("quantile: no Hyndman-Fan type for " + m);
        }
    }

    /** Median of x (reordered), NaN for empty input or a NaN. */
    public static double median(double[] x) {
        if (x.length == 0) {
            return Double.NaN;
        }
        return quantile(x, 0.5, QuantileMethod.LINEAR);
    }
}
