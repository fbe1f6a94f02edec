package dev.strix.stats;

import dev.strix.ndarray.DType;
import dev.strix.ndarray.NdArray;
import dev.strix.ndarray.ShapeMismatchException;
import dev.strix.stats.internal.Lanes;
import dev.strix.stats.internal.Moments;
import dev.strix.stats.internal.Quantiles;
import dev.strix.stats.internal.Ranks;
import java.util.Arrays;

/**
 * Descriptive statistics over {@link NdArray}s.
 *
 * <p>Every statistic comes in two forms: over all elements, returning a {@code double}
 * ({@code Stats.mean(a)}), and along one axis, returning a float64 array with that axis removed
 * ({@code Stats.mean(a, 0)}). Negative axes count from the end. The {@code nan*} variants skip NaN;
 * the plain ones propagate it, as NumPy does. Any dtype is accepted and computed in double.
 *
 * <p>Sums are compensated, means get a correction pass and variances use the corrected two-pass
 * formula, so data with many constant leading digits keep their accuracy (see docs/accuracy.md).
 */
public final class Stats {
    /** Scale that makes {@link #mad(NdArray, double)} estimate the standard deviation of normal data: 1 / Phi^-1(3/4). */
    public static final double MAD_NORMAL_SCALE = 1.482602218505602;

    private Stats() {
    }

    // ------------------------------------------------------------------ location

    /** Arithmetic mean of all elements; NaN for an empty array. */
    public static double mean(NdArray a) {
        return Moments.mean(Lanes.all(a));
    }

    /** Mean along an axis. */
    public static NdArray mean(NdArray a, int axis) {
        return Lanes.reduce("mean", a, axis, Moments::mean);
    }

    /** Mean of the non-NaN elements; NaN when there are none. */
    public static double nanMean(NdArray a) {
        return Moments.mean(Lanes.dropNaN(Lanes.all(a)));
    }

    /** {@link #nanMean(NdArray)} along an axis. */
    public static NdArray nanMean(NdArray a, int axis) {
        return Lanes.reduce("nanMean", a, axis, x -> Moments.mean(Lanes.dropNaN(x)));
    }

    /** Median (linear interpolation between the two middle values); NaN if empty or any NaN. */
    public static double median(NdArray a) {
        return Quantiles.median(Lanes.all(a));
    }

    /** Median along an axis. */
    public static NdArray median(NdArray a, int axis) {
        return Lanes.reduce("median", a, axis, Quantiles::median);
    }

    /** Median of the non-NaN elements. */
    public static double nanMedian(NdArray a) {
        return Quantiles.median(Lanes.dropNaN(Lanes.all(a)));
    }

    /** {@link #nanMedian(NdArray)} along an axis. */
    public static NdArray nanMedian(NdArray a, int axis) {
        return Lanes.reduce("nanMedian", a, axis, x -> Quantiles.median(Lanes.dropNaN(x)));
    }

    /** The most frequent value and its count; the smallest such value on ties ({@code scipy.stats.mode}). */
    public record Mode(double value, long count) {
    }

    /** Mode of all elements. NaN values are ignored; an empty (or all-NaN) array is an error. */
    public static Mode mode(NdArray a) {
        double[] x = Lanes.dropNaN(Lanes.all(a));
        if (x.length == 0) {
            throw new IllegalArgumentException("mode: the array has no non-NaN elements (shape "
                    + ShapeMismatchException.shapeString(a.shape()) + ")");
        }
        Arrays.sort(x);
        double best = x[0];
        long bestCount = 0;
        int i = 0;
        while (i < x.length) {
            int j = i;
            while (j < x.length && x[j] == x[i]) {
                j++;
            }
            if (j - i > bestCount) {
                bestCount = j - i;
                best = x[i] + 0.0;
            }
            i = j;
        }
        return new Mode(best, bestCount);
    }

    /** Modes along an axis: the smallest most frequent value of each lane and its count. */
    public record Modes(NdArray values, NdArray counts) {
    }

    /**
     * Mode along an axis ({@code scipy.stats.mode(a, axis, keepdims=False)}): values (float64) and
     * counts (int64), the axis removed. NaN is ignored; a lane of only NaN gives value NaN, count 0.
     * An axis of length 0 is an error.
     */
    public static Modes mode(NdArray a, int axis) {
        checkLaneLength("mode", a, axis);
        int ax = Lanes.axis("mode", a, axis);
        double[][] lanes = Lanes.split("mode", a, ax);
        double[] v = new double[lanes.length];
        long[] c = new long[lanes.length];
        for (int i = 0; i < lanes.length; i++) {
            double[] x = Lanes.dropNaN(lanes[i]);
            if (x.length == 0) {
                v[i] = Double.NaN;
                continue;
            }
            Mode m = mode(NdArray.wrap(x, x.length));
            v[i] = m.value();
            c[i] = m.count();
        }
        int[] shape = Lanes.without(a.shape(), ax);
        return new Modes(NdArray.wrap(v, shape), NdArray.wrap(c, shape));
    }

    // ------------------------------------------------------------------ spread

    /** Variance with {@code ddof} delta degrees of freedom (divisor n - ddof); NaN when n - ddof <= 0. */
    public static double var(NdArray a, int ddof) {
        checkDdof("var", ddof);
        return Moments.var(Lanes.all(a), ddof);
    }

    /** Variance along an axis. */
    public static NdArray var(NdArray a, int ddof, int axis) {
        checkDdof("var", ddof);
        return Lanes.reduce("var", a, axis, x -> Moments.var(x, ddof));
    }

    /** Variance of the non-NaN elements. */
    public static double nanVar(NdArray a, int ddof) {
        checkDdof("nanVar", ddof);
        return Moments.var(Lanes.dropNaN(Lanes.all(a)), ddof);
    }

    /** {@link #nanVar(NdArray, int)} along an axis. */
    public static NdArray nanVar(NdArray a, int ddof, int axis) {
        checkDdof("nanVar", ddof);
        return Lanes.reduce("nanVar", a, axis, x -> Moments.var(Lanes.dropNaN(x), ddof));
    }

    /** Standard deviation, the square root of {@link #var(NdArray, int)}. */
    public static double std(NdArray a, int ddof) {
        return Math.sqrt(var(a, ddof));
    }

    /** Standard deviation along an axis. */
    public static NdArray std(NdArray a, int ddof, int axis) {
        return var(a, ddof, axis).sqrt();
    }

    /** Standard deviation of the non-NaN elements. */
    public static double nanStd(NdArray a, int ddof) {
        return Math.sqrt(nanVar(a, ddof));
    }

    /** {@link #nanStd(NdArray, int)} along an axis. */
    public static NdArray nanStd(NdArray a, int ddof, int axis) {
        return nanVar(a, ddof, axis).sqrt();
    }

    /** Sample skewness g1 = m3 / m2^1.5 (biased, SciPy's default); NaN for constant or empty data. */
    public static double skewness(NdArray a) {
        return skewness(a, true);
    }

    /** Skewness; {@code bias = false} gives the adjusted Fisher-Pearson G1 (n < 3 keeps the biased value, as SciPy). */
    public static double skewness(NdArray a, boolean bias) {
        return Moments.skewness(Lanes.all(a), bias);
    }

    /** Skewness along an axis. */
    public static NdArray skewness(NdArray a, int axis, boolean bias) {
        return Lanes.reduce("skewness", a, axis, x -> Moments.skewness(x, bias));
    }

    /** Excess kurtosis m4 / m2^2 - 3 (biased, SciPy's default); NaN for constant or empty data. Add 3 for Pearson's. */
    public static double kurtosis(NdArray a) {
        return kurtosis(a, true);
    }

    /** Excess kurtosis; {@code bias = false} gives the adjusted G2 (n < 4 keeps the biased value, as SciPy). */
    public static double kurtosis(NdArray a, boolean bias) {
        return Moments.kurtosis(Lanes.all(a), true, bias);
    }

    /** Excess kurtosis along an axis. */
    public static NdArray kurtosis(NdArray a, int axis, boolean bias) {
        return Lanes.reduce("kurtosis", a, axis, x -> Moments.kurtosis(x, true, bias));
    }

    // ------------------------------------------------------------------ quantiles

    /** The q-quantile (q in [0, 1]) with NumPy's default LINEAR method. */
    public static double quantile(NdArray a, double q) {
        return quantile(a, q, QuantileMethod.LINEAR);
    }

    /** The q-quantile with the given method; NaN if any element is NaN; empty input is an error. */
    public static double quantile(NdArray a, double q, QuantileMethod method) {
        Quantiles.checkProbability("quantile", q);
        double[] x = nonEmpty("quantile", a, Lanes.all(a));
        return Quantiles.quantile(x, q, method);
    }

    /** Several quantiles of all elements; the result has the shape of {@code q}. */
    public static NdArray quantile(NdArray a, NdArray q, QuantileMethod method) {
        double[] x = nonEmpty("quantile", a, Lanes.all(a));
        double[] qs = q.toDoubleArray();
        double[] out = new double[qs.length];
        for (int i = 0; i < qs.length; i++) {
            Quantiles.checkProbability("quantile", qs[i]);
            out[i] = Quantiles.quantile(x, qs[i], method);
        }
        return NdArray.wrap(out, q.shape());
    }

    /** The q-quantile along an axis. */
    public static NdArray quantile(NdArray a, double q, int axis, QuantileMethod method) {
        Quantiles.checkProbability("quantile", q);
        checkLaneLength("quantile", a, axis);
        return Lanes.reduce("quantile", a, axis, x -> Quantiles.quantile(x, q, method));
    }

    /** The q-quantile of the non-NaN elements; NaN when all are NaN. */
    public static double nanQuantile(NdArray a, double q, QuantileMethod method) {
        Quantiles.checkProbability("nanQuantile", q);
        double[] x = Lanes.dropNaN(nonEmpty("nanQuantile", a, Lanes.all(a)));
        return x.length == 0 ? Double.NaN : Quantiles.quantile(x, q, method);
    }

    /** {@link #nanQuantile(NdArray, double, QuantileMethod)} along an axis. */
    public static NdArray nanQuantile(NdArray a, double q, int axis, QuantileMethod method) {
        Quantiles.checkProbability("nanQuantile", q);
        checkLaneLength("nanQuantile", a, axis);
        return Lanes.reduce("nanQuantile", a, axis, x -> {
            double[] y = Lanes.dropNaN(x);
            return y.length == 0 ? Double.NaN : Quantiles.quantile(y, q, method);
        });
    }

    /** The p-th percentile (p in [0, 100]), LINEAR. */
    public static double percentile(NdArray a, double p) {
        return quantile(a, percentToQ("percentile", p), QuantileMethod.LINEAR);
    }

    /** The p-th percentile with the given method. */
    public static double percentile(NdArray a, double p, QuantileMethod method) {
        return quantile(a, percentToQ("percentile", p), method);
    }

    /** The p-th percentile along an axis. */
    public static NdArray percentile(NdArray a, double p, int axis, QuantileMethod method) {
        return quantile(a, percentToQ("percentile", p), axis, method);
    }

    /** Interquartile range q(0.75) - q(0.25), LINEAR ({@code scipy.stats.iqr}). */
    public static double iqr(NdArray a) {
        double[] x = nonEmpty("iqr", a, Lanes.all(a));
        return iqrOf(x);
    }

    /** Interquartile range along an axis. */
    public static NdArray iqr(NdArray a, int axis) {
        checkLaneLength("iqr", a, axis);
        return Lanes.reduce("iqr", a, axis, Stats::iqrOf);
    }

    private static double iqrOf(double[] x) {
        return Quantiles.quantile(x, 0.75, QuantileMethod.LINEAR) - Quantiles.quantile(x, 0.25, QuantileMethod.LINEAR);
    }

    /** Median absolute deviation median(|x - median(x)|), unscaled ({@code scipy.stats.median_abs_deviation}). */
    public static double mad(NdArray a) {
        return mad(a, 1.0);
    }

    /** MAD multiplied by {@code scale}; use {@link #MAD_NORMAL_SCALE} to estimate sigma of normal data. */
    public static double mad(NdArray a, double scale) {
        return madOf(nonEmpty("mad", a, Lanes.all(a))) * scale;
    }

    /** Scaled MAD along an axis. */
    public static NdArray mad(NdArray a, int axis, double scale) {
        checkLaneLength("mad", a, axis);
        return Lanes.reduce("mad", a, axis, x -> madOf(x) * scale);
    }

    private static double madOf(double[] x) {
        double med = Quantiles.median(x.clone());
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.abs(x[i] - med);
        }
        return Quantiles.median(x);
    }

    // ------------------------------------------------------------------ scaling

    /** Min-max scaling to [0, 1] over all elements: (x - min) / (max - min). A constant array gives NaN (0/0). */
    public static NdArray minMaxScale(NdArray a) {
        double[] x = nonEmpty("minMaxScale", a, Lanes.all(a));
        return NdArray.wrap(minMax(x), a.shape());
    }

    /** Min-max scaling of each lane along an axis. */
    public static NdArray minMaxScale(NdArray a, int axis) {
        checkLaneLength("minMaxScale", a, axis);
        return Lanes.transform("minMaxScale", a, axis, Stats::minMax);
    }

    private static double[] minMax(double[] x) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            if (Double.isNaN(v)) {
                lo = Double.NaN;
                hi = Double.NaN;
                break;
            }
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double[] r = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            r[i] = (x[i] - lo) / (hi - lo);
        }
        return r;
    }

    /** Standard scores (x - mean) / std(ddof) over all elements ({@code scipy.stats.zscore(a, axis=None, ddof)}). */
    public static NdArray zscore(NdArray a, int ddof) {
        checkDdof("zscore", ddof);
        return NdArray.wrap(z(Lanes.all(a), ddof), a.shape());
    }

    /** Standard scores of each lane along an axis. */
    public static NdArray zscore(NdArray a, int ddof, int axis) {
        checkDdof("zscore", ddof);
        return Lanes.transform("zscore", a, axis, x -> z(x, ddof));
    }

    private static double[] z(double[] x, int ddof) {
        double m = Moments.mean(x);
        double s = Math.sqrt(Moments.var(x, ddof));
        double[] r = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            r[i] = (x[i] - m) / s;
        }
        return r;
    }

    // ------------------------------------------------------------------ weighted

    /** Weighted mean sum(w x) / sum(w) ({@code np.average(a, weights=w)}); w has a's shape, is >= 0 and sums to > 0. */
    public static double weightedMean(NdArray a, NdArray w) {
        double[][] xw = weights("weightedMean", a, w);
        return wmean(xw[0], xw[1]);
    }

    /**
     * Weighted variance sum(w (x - m_w)^2) / sum(w) with m_w the weighted mean (reliability weights,
     * no bias correction).
     */
    public static double weightedVar(NdArray a, NdArray w) {
        double[][] xw = weights("weightedVar", a, w);
        double m = wmean(xw[0], xw[1]);
        double[] x = xw[0];
        double[] wt = xw[1];
        double[] terms = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double d = x[i] - m;
            terms[i] = wt[i] * d * d;
        }
        return Moments.sum(terms) / Moments.sum(wt);
    }

    /**
     * Weighted mean along an axis ({@code np.average(a, axis, weights=w)}): w has a's shape, or is
     * 1-D with the axis' length (one weight per position along the axis, as NumPy).
     */
    public static NdArray weightedMean(NdArray a, NdArray w, int axis) {
        return weightedAlong("weightedMean", a, w, axis, false);
    }

    /** Weighted variance sum(w (x - m_w)²) / sum(w) along an axis; weights as in {@link #weightedMean(NdArray, NdArray, int)}. */
    public static NdArray weightedVar(NdArray a, NdArray w, int axis) {
        return weightedAlong("weightedVar", a, w, axis, true);
    }

    private static NdArray weightedAlong(String op, NdArray a, NdArray w, int axis, boolean var) {
        int ax = Lanes.axis(op, a, axis);
        checkLaneLength(op, a, axis);
        double[][] xs = Lanes.split(op, a, ax);
        double[][] ws;
        if (Arrays.equals(a.shape(), w.shape())) {
            ws = Lanes.split(op, w, ax);
        } else if (w.ndim() == 1 && w.size() == a.shape(ax)) {
            double[] one = w.toDoubleArray();
            ws = new double[xs.length][];
            Arrays.fill(ws, one);
        } else {
            throw new ShapeMismatchException(op + ": weights must have the data's shape or be 1-D of the axis length "
                    + a.shape(ax) + ": data " + ShapeMismatchException.shapeString(a.shape()) + ", weights "
                    + ShapeMismatchException.shapeString(w.shape()));
        }
        double[] out = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            double[] x = xs[i];
            double[] wt = ws[i];
            double sw = 0;
            for (double v : wt) {
                if (!(v >= 0) || Double.isInfinite(v)) {
                    throw new IllegalArgumentException(op + ": weights must be finite and >= 0, got " + v);
                }
                sw += v;
            }
            if (sw == 0) {
                throw new IllegalArgumentException(op + ": the weights of lane " + i + " sum to zero");
            }
            double m = wmean(x, wt);
            if (!var) {
                out[i] = m;
                continue;
            }
            double[] terms = new double[x.length];
            for (int j = 0; j < x.length; j++) {
                double d = x[j] - m;
                terms[j] = wt[j] * d * d;
            }
            out[i] = Moments.sum(terms) / Moments.sum(wt);
        }
        return NdArray.wrap(out, Lanes.without(a.shape(), ax));
    }

    private static double wmean(double[] x, double[] w) {
        double[] wx = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            wx[i] = w[i] * x[i];
        }
        double sw = Moments.sum(w);
        double m = Moments.sum(wx) / sw;
        if (!Double.isFinite(m)) {
            return m;
        }
        for (int i = 0; i < x.length; i++) {
            wx[i] = w[i] * (x[i] - m);
        }
        return m + Moments.sum(wx) / sw;
    }

    private static double[][] weights(String op, NdArray a, NdArray w) {
        if (!Arrays.equals(a.shape(), w.shape())) {
            throw new ShapeMismatchException(op + ": weights must have the shape of the data: "
                    + ShapeMismatchException.shapeString(a.shape()) + " and " + ShapeMismatchException.shapeString(w.shape()));
        }
        double[] x = nonEmpty(op, a, Lanes.all(a));
        double[] wt = w.toDoubleArray();
        double sw = 0;
        for (double v : wt) {
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException(op + ": weights must be finite and >= 0, got " + v);
            }
            sw += v;
        }
        if (sw == 0) {
            throw new IllegalArgumentException(op + ": weights sum to zero");
        }
        return new double[][] {x, wt};
    }

    // ------------------------------------------------------------------ covariance and correlation

    /** Covariance of two equal-length samples with divisor n - ddof. */
    public static double cov(NdArray x, NdArray y, int ddof) {
        checkDdof("cov", ddof);
        double[][] p = pair("cov", x, y);
        return covOf(p[0], p[1], ddof);
    }

    /**
     * Covariance matrix of the columns of a 2-D array (rows are observations, columns variables:
     * {@code np.cov(X, rowvar=False, ddof=ddof)}). The result is p x p.
     */
    public static NdArray cov(NdArray data, int ddof) {
        checkDdof("cov", ddof);
        double[][] cols = columns("cov", data);
        int p = cols.length;
        double[] out = new double[p * p];
        for (int i = 0; i < p; i++) {
            for (int j = i; j < p; j++) {
                double c = covOf(cols[i], cols[j], ddof);
                out[i * p + j] = c;
                out[j * p + i] = c;
            }
        }
        return NdArray.wrap(out, p, p);
    }

    /** Pearson correlation of two samples ({@code np.corrcoef(x, y)[0, 1]}); NaN if either is constant. */
    public static double corr(NdArray x, NdArray y) {
        return corr(x, y, Correlation.PEARSON);
    }

    /** Pearson, Spearman or Kendall tau-b correlation of two equal-length samples. */
    public static double corr(NdArray x, NdArray y, Correlation method) {
        double[][] p = pair("corr", x, y);
        return corrOf(p[0], p[1], method);
    }

    /** Correlation matrix of the columns of a 2-D array (rows are observations); p x p. */
    public static NdArray corr(NdArray data, Correlation method) {
        double[][] cols = columns("corr", data);
        int p = cols.length;
        if (method == Correlation.SPEARMAN) {
            for (int i = 0; i < p; i++) {
                cols[i] = Ranks.rank(cols[i], Ties.AVERAGE);
            }
            method = Correlation.PEARSON;
        }
        double[] out = new double[p * p];
        for (int i = 0; i < p; i++) {
            for (int j = i; j < p; j++) {
                double c = i == j ? (constant(cols[i]) || Lanes.hasNaN(cols[i]) ? Double.NaN : 1.0)
                        : corrOf(cols[i], cols[j], method);
                out[i * p + j] = c;
                out[j * p + i] = c;
            }
        }
        return NdArray.wrap(out, p, p);
    }

    private static boolean constant(double[] x) {
        for (double v : x) {
            if (v != x[0]) {
                return false;
            }
        }
        return true;
    }

    static double corrOf(double[] x, double[] y, Correlation method) {
        switch (method) {
            case SPEARMAN:
                return pearson(Ranks.rank(x, Ties.AVERAGE), Ranks.rank(y, Ties.AVERAGE));
            case KENDALL:
                return kendallTauB(x, y);
            default:
                return pearson(x, y);
        }
    }

    static double covOf(double[] x, double[] y, int ddof) {
        int n = x.length;
        if (n - ddof <= 0) {
            return Double.NaN;
        }
        double mx = Moments.mean(x);
        double my = Moments.mean(y);
        double[] t = new double[n];
        double sx = 0;
        double sy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - mx;
            double dy = y[i] - my;
            t[i] = dx * dy;
            sx += dx;
            sy += dy;
        }
        return (Moments.sum(t) - sx * sy / n) / (n - ddof);
    }

    /** Pearson's r as SciPy computes it: normalised centred vectors, clipped to [-1, 1]. */
    static double pearson(double[] x, double[] y) {
        int n = x.length;
        if (n < 2 || constant(x) || constant(y)) {
            return Double.NaN;
        }
        if (n == 2) {
            return Math.signum(x[1] - x[0]) * Math.signum(y[1] - y[0]); // exactly +-1, as SciPy
        }
        double mx = Moments.mean(x);
        double my = Moments.mean(y);
        double[] dx = new double[n];
        double[] dy = new double[n];
        for (int i = 0; i < n; i++) {
            dx[i] = x[i] - mx;
            dy[i] = y[i] - my;
        }
        double nx = norm2(dx);
        double ny = norm2(dy);
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = (dx[i] / nx) * (dy[i] / ny);
        }
        double r = Moments.sum(t);
        return Math.max(-1.0, Math.min(1.0, r));
    }

    private static double norm2(double[] d) {
        double scale = 0;
        for (double v : d) {
            scale = Math.max(scale, Math.abs(v));
        }
        if (scale == 0 || !Double.isFinite(scale)) {
            return scale;
        }
        double[] q = new double[d.length];
        for (int i = 0; i < d.length; i++) {
            double s = d[i] / scale;
            q[i] = s * s;
        }
        return scale * Math.sqrt(Moments.sum(q));
    }

    /** Kendall's tau-b by direct pair counting, O(n^2); NaN if either sample is constant. */
    static double kendallTauB(double[] x, double[] y) {
        if (Lanes.hasNaN(x) || Lanes.hasNaN(y)) {
            return Double.NaN;
        }
        long[] c = Kendall.counts(x, y);
        long concordant = c[0];
        long discordant = c[1];
        long tiesXOnly = c[2];
        long tiesYOnly = c[3];
        double den = Math.sqrt((double) (concordant + discordant + tiesXOnly))
                * Math.sqrt((double) (concordant + discordant + tiesYOnly));
        if (den == 0) {
            return Double.NaN;
        }
        return Math.max(-1.0, Math.min(1.0, (concordant - discordant) / den));
    }

    /** Pair counts for Kendall's tau (package-private for the hypothesis tests). */
    static final class Kendall {
        private Kendall() {
        }

        /** {concordant, discordant, tied in x only, tied in y only, tied in both}. */
        static long[] counts(double[] x, double[] y) {
            long con = 0;
            long dis = 0;
            long tx = 0;
            long ty = 0;
            long txy = 0;
            int n = x.length;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    int sx = Double.compare(x[i] + 0.0, x[j] + 0.0);
                    int sy = Double.compare(y[i] + 0.0, y[j] + 0.0);
                    if (sx == 0 && sy == 0) {
                        txy++;
                    } else if (sx == 0) {
                        tx++;
                    } else if (sy == 0) {
                        ty++;
                    } else if ((sx > 0) == (sy > 0)) {
                        con++;
                    } else {
                        dis++;
                    }
                }
            }
            return new long[] {con, dis, tx, ty, txy};
        }
    }

    /**
     * Lag-k autocorrelation of a 1-D series as NIST StRD defines it:
     * sum_{i<n-k} (x_i - m)(x_{i+k} - m) / sum (x_i - m)^2. NaN for a constant series.
     */
    public static double autocorr(NdArray x, int lag) {
        if (x.ndim() != 1) {
            throw new IllegalArgumentException("autocorr: expected a 1-D series, got shape "
                    + ShapeMismatchException.shapeString(x.shape()));
        }
        if (lag < 0 || lag >= x.size()) {
            throw new IllegalArgumentException("autocorr: lag " + lag + " must be in [0, " + x.size()
                    + ") for a series of length " + x.size());
        }
        return Moments.autocorrelation(x.toDoubleArray(), lag);
    }

    // ------------------------------------------------------------------ histogram, ECDF, ranks

    /** Histogram with {@code bins} equal bins over [min, max] ({@code np.histogram(a, bins)}). */
    public static Histogram histogram(NdArray a, int bins) {
        double[] x = finite("histogram", a);
        double[] range = range(x);
        return histogram(x, bins, range[0], range[1]);
    }

    /** Histogram with {@code bins} equal bins over [lo, hi]; values outside are not counted. */
    public static Histogram histogram(NdArray a, int bins, double lo, double hi) {
        if (!(lo < hi) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException("histogram: range [" + lo + ", " + hi + "] must be finite with lo < hi");
        }
        return histogram(finite("histogram", a), bins, lo, hi);
    }

    /** Histogram with the bin count chosen by a rule ({@code np.histogram(a, bins="fd")}). */
    public static Histogram histogram(NdArray a, BinRule rule) {
        double[] x = finite("histogram", a);
        double[] range = range(x);
        double width = binWidth(x, rule);
        int bins = 1;
        if (width > 0) {
            double nb = Math.ceil((range[1] - range[0]) / width);
            if (nb > 100_000_000) {
                throw new IllegalArgumentException("histogram: rule " + rule + " asks for " + nb + " bins");
            }
            bins = (int) nb;
        }
        return histogram(x, bins, range[0], range[1]);
    }

    private static double binWidth(double[] x, BinRule rule) {
        int n = x.length;
        double ptp = ptp(x);
        switch (rule) {
            case STURGES:
                return ptp / (Math.log(n) / Math.log(2) + 1.0);
            case SCOTT:
                return Math.pow(24.0 * Math.sqrt(Math.PI) / n, 1.0 / 3.0) * Math.sqrt(Moments.var(x, 0));
            case FD:
                return 2.0 * iqrOf(x.clone()) * Math.pow(n, -1.0 / 3.0);
            case RICE:
                return ptp / (2.0 * Math.pow(n, 1.0 / 3));
            case SQRT:
                return ptp / Math.sqrt(n);
            default: {
                double fd = binWidth(x, BinRule.FD);
                double st = binWidth(x, BinRule.STURGES);
                return fd != 0 ? Math.min(fd, st) : st;
            }
        }
    }

    private static double ptp(double[] x) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return hi - lo;
    }

    private static double[] range(double[] x) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (lo == hi) {
            lo -= 0.5;
            hi += 0.5;
        }
        return new double[] {lo, hi};
    }

    /** NumPy's equal-bin histogram: edges from linspace, index by scaling then fix-up against the edges. */
    private static Histogram histogram(double[] x, int bins, double lo, double hi) {
        if (bins < 1) {
            throw new IllegalArgumentException("histogram: bins must be >= 1, got " + bins);
        }
        double[] edges = new double[bins + 1];
        double step = (hi - lo) / bins;
        for (int i = 0; i <= bins; i++) {
            edges[i] = i * step + lo;
        }
        edges[bins] = hi;
        long[] counts = new long[bins];
        double norm = bins / (hi - lo);
        for (double v : x) {
            if (v < lo || v > hi) {
                continue;
            }
            int k = (int) ((v - lo) * norm);
            if (k == bins) {
                k--;
            }
            if (v < edges[k]) {
                k--;
            } else if (k != bins - 1 && v >= edges[k + 1]) {
                k++;
            }
            counts[k]++;
        }
        return new Histogram(NdArray.wrap(counts, bins), NdArray.wrap(edges, bins + 1));
    }

    private static double[] finite(String op, NdArray a) {
        double[] x = nonEmpty(op, a, Lanes.all(a));
        for (double v : x) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(op + ": data must be finite, found " + v);
            }
        }
        return x;
    }

    /** Empirical CDF of all elements; NaN is an error, an empty array is an error. */
    public static Ecdf ecdf(NdArray a) {
        double[] x = nonEmpty("ecdf", a, Lanes.all(a));
        if (Lanes.hasNaN(x)) {
            throw new IllegalArgumentException("ecdf: the sample contains NaN");
        }
        Arrays.sort(x);
        return new Ecdf(x);
    }

    /** Ranks (from 1) of all elements, in a's shape, with AVERAGE ties ({@code scipy.stats.rankdata}). */
    public static NdArray rank(NdArray a) {
        return rank(a, Ties.AVERAGE);
    }

    /** Ranks of all elements with the given tie method; any NaN gives all NaN (SciPy 1.10). */
    public static NdArray rank(NdArray a, Ties ties) {
        return NdArray.wrap(Ranks.rank(Lanes.all(a), ties), a.shape());
    }

    /** Ranks within each lane along an axis. */
    public static NdArray rank(NdArray a, Ties ties, int axis) {
        return Lanes.transform("rank", a, axis, x -> Ranks.rank(x, ties));
    }

    // ------------------------------------------------------------------ argument checks

    static void checkDdof(String op, int ddof) {
        if (ddof < 0) {
            throw new IllegalArgumentException(op + ": ddof must be >= 0, got " + ddof);
        }
    }

    static double percentToQ(String op, double p) {
        if (!(p >= 0 && p <= 100)) {
            throw new IllegalArgumentException(op + ": percentile " + p + " is outside [0, 100]");
        }
        return p / 100.0;
    }

    static double[] nonEmpty(String op, NdArray a, double[] x) {
        if (x.length == 0) {
            throw new IllegalArgumentException(op + ": the array is empty (shape "
                    + ShapeMismatchException.shapeString(a.shape()) + ")");
        }
        return x;
    }

    private static void checkLaneLength(String op, NdArray a, int axis) {
        int ax = Lanes.axis(op, a, axis);
        if (a.shape(ax) == 0) {
            throw new IllegalArgumentException(op + ": axis " + axis + " has length 0 (shape "
                    + ShapeMismatchException.shapeString(a.shape()) + ")");
        }
    }

    static double[][] pair(String op, NdArray x, NdArray y) {
        if (x.ndim() != 1 || y.ndim() != 1 || x.size() != y.size()) {
            throw new ShapeMismatchException(op + ": expected two 1-D samples of equal length, got shapes "
                    + ShapeMismatchException.shapeString(x.shape()) + " and " + ShapeMismatchException.shapeString(y.shape()));
        }
        return new double[][] {x.toDoubleArray(), y.toDoubleArray()};
    }

    private static double[][] columns(String op, NdArray data) {
        if (data.ndim() != 2) {
            throw new IllegalArgumentException(op + ": expected a 2-D array (rows are observations, columns variables), got shape "
                    + ShapeMismatchException.shapeString(data.shape()));
        }
        int p = data.shape(1);
        double[][] cols = new double[p][];
        NdArray t = data.transpose().astype(DType.FLOAT64);
        for (int j = 0; j < p; j++) {
            cols[j] = t.row(j).toDoubleArray();
        }
        return cols;
    }
}
