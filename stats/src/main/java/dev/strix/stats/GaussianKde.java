package dev.strix.stats;

import dev.strix.ndarray.NdArray;
import dev.strix.ndarray.NdRandom;
import dev.strix.ndarray.ShapeMismatchException;
import dev.strix.stats.internal.Cholesky;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Gaussian kernel density estimate, 1-D or d-dimensional, as {@code scipy.stats.gaussian_kde}: the
 * kernel covariance is the (weighted) data covariance times factor², the factor from Scott's or
 * Silverman's rule on the effective sample size n_eff = 1 / sum w² (weights normalised), or given.
 *
 * <p>Data are a 1-D array of n values or an n x d array whose rows are observations (SciPy takes
 * d x n). Points to evaluate follow the same layout: a 1-D array of m values when d = 1, an m x d
 * array (or one point of shape (d,)) otherwise. Evaluation is O(n m d²).
 */
public final class GaussianKde {
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private final int n;
    private final int d;
    /** n x d row-major. */
    private final double[] data;
    private final double[] weights;
    private final double neff;
    private final double factor;
    private final double[] covariance;
    private final Cholesky chol;

    private GaussianKde(double[] data, int n, int d, double[] weights, KdeBandwidth rule, double givenFactor) {
        this.n = n;
        this.d = d;
        this.data = data;
        this.weights = weights;
        double s2 = 0;
        for (double w : weights) {
            s2 += w * w;
        }
        this.neff = 1 / s2;
        if (rule == null) {
            factor = givenFactor;
        } else if (rule == KdeBandwidth.SCOTT) {
            factor = Math.pow(neff, -1.0 / (d + 4));
        } else {
            factor = Math.pow(neff * (d + 2) / 4.0, -1.0 / (d + 4));
        }
        // np.cov(data, aweights=w, bias=False): sum w (x - m)(x - m)^T / (1 - sum w^2), w summing to 1
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += weights[i] * data[i * d + j];
            }
        }
        double[] cov = new double[d * d];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < d; a++) {
                double da = data[i * d + a] - mean[a];
                for (int b = 0; b <= a; b++) {
                    cov[a * d + b] += weights[i] * da * (data[i * d + b] - mean[b]);
                }
            }
        }
        double f2 = factor * factor / (1 - s2);
        for (int a = 0; a < d; a++) {
            for (int b = 0; b <= a; b++) {
                cov[a * d + b] *= f2;
                cov[b * d + a] = cov[a * d + b];
            }
        }
        this.covariance = cov;
        this.chol = Cholesky.of("GaussianKde", cov, d);
    }

    /** KDE with Scott's bandwidth. */
    public static GaussianKde of(NdArray data) {
        return of(data, KdeBandwidth.SCOTT);
    }

    /** KDE with Scott's or Silverman's bandwidth. */
    public static GaussianKde of(NdArray data, KdeBandwidth rule) {
        return build(data, null, rule, Double.NaN);
    }

    /** KDE with a given bandwidth factor (SciPy's scalar {@code bw_method}): kernel covariance = data covariance x factor². */
    public static GaussianKde of(NdArray data, double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("GaussianKde: the bandwidth factor must be finite and > 0, got " + factor);
        }
        return build(data, null, null, factor);
    }

    /** Weighted KDE (weights >= 0, one per observation, normalised to sum 1) with a bandwidth rule. */
    public static GaussianKde of(NdArray data, NdArray weights, KdeBandwidth rule) {
        return build(data, weights, rule, Double.NaN);
    }

    /** Weighted KDE with a given bandwidth factor. */
    public static GaussianKde of(NdArray data, NdArray weights, double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("GaussianKde: the bandwidth factor must be finite and > 0, got " + factor);
        }
        return build(data, weights, null, factor);
    }

    private static GaussianKde build(NdArray data, NdArray w, KdeBandwidth rule, double factor) {
        if (data.ndim() != 1 && data.ndim() != 2) {
            throw new IllegalArgumentException("GaussianKde: expected data of shape (n,) or (n, d), got "
                    + ShapeMismatchException.shapeString(data.shape()));
        }
        int n = data.shape(0);
        int d = data.ndim() == 1 ? 1 : data.shape(1);
        double[] x = data.toDoubleArray();
        if (n < 2 || d < 1) {
            throw new IllegalArgumentException("GaussianKde: needs at least 2 observations of at least 1 dimension, got shape "
                    + ShapeMismatchException.shapeString(data.shape()));
        }
        for (double v : x) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("GaussianKde: data must be finite, got " + v);
            }
        }
        double[] wt = new double[n];
        if (w == null) {
            Arrays.fill(wt, 1.0 / n);
        } else {
            if (w.ndim() != 1 || w.size() != n) {
                throw new ShapeMismatchException("GaussianKde: expected " + n + " weights, got shape "
                        + ShapeMismatchException.shapeString(w.shape()));
            }
            double[] v = w.toDoubleArray();
            double s = 0;
            for (double e : v) {
                if (!(e >= 0) || Double.isInfinite(e)) {
                    throw new IllegalArgumentException("GaussianKde: weights must be finite and >= 0, got " + e);
                }
                s += e;
            }
            if (!(s > 0)) {
                throw new IllegalArgumentException("GaussianKde: weights sum to zero");
            }
            for (int i = 0; i < n; i++) {
                wt[i] = v[i] / s;
            }
        }
        return new GaussianKde(x, n, d, wt, rule, factor);
    }

    /** Number of observations. */
    public int n() {
        return n;
    }

    /** Dimension d. */
    public int dim() {
        return d;
    }

    /** Effective sample size 1 / sum w² (n without weights). */
    public double neff() {
        return neff;
    }

    /** The bandwidth factor ({@code kde.factor}). */
    public double factor() {
        return factor;
    }

    /** The kernel covariance, d x d ({@code kde.covariance}). */
    public NdArray covariance() {
        return NdArray.wrap(covariance.clone(), d, d);
    }

    /** Density at one point of a 1-D KDE. */
    public double evaluate(double x) {
        return Math.exp(logpdf(x));
    }

    /** Log-density at one point of a 1-D KDE. */
    public double logpdf(double x) {
        if (d != 1) {
            throw new IllegalArgumentException("GaussianKde: evaluate(double) needs a 1-D KDE, this one has d = " + d);
        }
        return logpdfAt(new double[] {x});
    }

    /** Density at each point (see the class comment for the layout); result of shape (m,), or scalar shape for one point. */
    public NdArray evaluate(NdArray points) {
        return map(points, true);
    }

    /** Log-density at each point, accurate far in the tails (log-sum-exp, as SciPy's {@code logpdf}). */
    public NdArray logpdf(NdArray points) {
        return map(points, false);
    }

    private NdArray map(NdArray points, boolean exp) {
        double[] p = points.toDoubleArray();
        int m;
        int[] shape;
        if (d == 1) {
            m = p.length;
            shape = points.shape();
        } else if (points.ndim() == 1 && points.shape(0) == d) {
            m = 1;
            shape = new int[0];
        } else if (points.ndim() == 2 && points.shape(1) == d) {
            m = points.shape(0);
            shape = new int[] {m};
        } else {
            throw new ShapeMismatchException("GaussianKde: points must have shape (m, " + d + ") or (" + d
                    + ",), got " + ShapeMismatchException.shapeString(points.shape()));
        }
        double[] out = new double[m];
        double[] x = new double[d];
        for (int i = 0; i < m; i++) {
            System.arraycopy(p, i * d, x, 0, d);
            double l = logpdfAt(x);
            out[i] = exp ? Math.exp(l) : l;
        }
        return NdArray.wrap(out, shape);
    }

    private double logpdfAt(double[] x) {
        double[] diff = new double[d];
        double[] y = new double[d];
        double[] terms = new double[n];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                diff[j] = x[j] - data[i * d + j];
            }
            double t = weights[i] == 0 ? Double.NEGATIVE_INFINITY : Math.log(weights[i]) - 0.5 * chol.forwardSolve(diff, y);
            terms[i] = t;
            max = Math.max(max, t);
        }
        double norm = -0.5 * (d * LOG_2PI + chol.logDet());
        if (Double.isNaN(max)) {
            return Double.NaN;
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double s = 0;
        for (double t : terms) {
            s += Math.exp(t - max);
        }
        return max + Math.log(s) + norm;
    }

    /** Integral of a 1-D KDE over [lo, hi] ({@code integrate_box_1d}). */
    public double integrateBox1d(double lo, double hi) {
        if (d != 1) {
            throw new IllegalArgumentException("GaussianKde: integrateBox1d needs a 1-D KDE, this one has d = " + d);
        }
        NormalDistribution z = NormalDistribution.of(0, 1);
        double sd = Math.sqrt(covariance[0]);
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += weights[i] * (z.cumulativeProbability((hi - data[i]) / sd) - z.cumulativeProbability((lo - data[i]) / sd));
        }
        return s;
    }

    /**
     * {@code size} draws from the estimate (an observation picked by weight plus a kernel draw from
     * N(0, covariance) via its Cholesky factor), from the seeded stream: shape (size,) when d = 1,
     * (size, d) otherwise. Not the same numbers as SciPy's {@code resample} (a different generator).
     */
    public NdArray resample(NdRandom rng, int size) {
        if (size < 0) {
            throw new IllegalArgumentException("GaussianKde: resample size must be >= 0, got " + size);
        }
        UniformRandomProvider u = rng.provider();
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(u);
        double[] cum = new double[n];
        double c = 0;
        for (int i = 0; i < n; i++) {
            c += weights[i];
            cum[i] = c;
        }
        double[] out = new double[size * d];
        double[] z = new double[d];
        double[] e = new double[d];
        for (int s = 0; s < size; s++) {
            // the first observation whose cumulative weight exceeds r
            double r = u.nextDouble() * c;
            int k = 0;
            int hi = n - 1;
            while (k < hi) {
                int mid = (k + hi) >>> 1;
                if (cum[mid] > r) {
                    hi = mid;
                } else {
                    k = mid + 1;
                }
            }
            for (int j = 0; j < d; j++) {
                z[j] = g.sample();
            }
            chol.multiply(z, e);
            for (int j = 0; j < d; j++) {
                out[s * d + j] = data[k * d + j] + e[j];
            }
        }
        return d == 1 ? NdArray.wrap(out, size) : NdArray.wrap(out, size, d);
    }
}
