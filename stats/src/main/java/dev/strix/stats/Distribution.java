package dev.strix.stats;

import dev.strix.ndarray.NdArray;
import dev.strix.ndarray.NdRandom;
import java.util.function.DoubleUnaryOperator;

/**
 * A univariate probability distribution with SciPy's vocabulary, applied to single values or
 * element-wise to {@link NdArray}s (float64 results in the input's shape).
 *
 * <p>For discrete distributions {@link #pdf} is the probability mass function (also available as
 * {@link #pmf}); a non-integer k has mass 0 and {@code cdf(k) = cdf(floor(k))}. Conventions at the
 * edges follow SciPy: NaN propagates; pdf is 0 outside the support; {@code ppf(0)} and
 * {@code ppf(1)} are the support bounds (for a discrete distribution, {@code ppf(0)} is one below
 * the lowest value, as SciPy); a probability outside [0, 1] gives NaN. Invalid parameters are
 * rejected when the distribution is made ({@link Distributions}).
 */
public interface Distribution {
    /** The distribution and its parameters, e.g. {@code normal(mean=0.0, sd=1.0)}. */
    String name();

    /** True for distributions on the integers. */
    boolean isDiscrete();

    /** Density (continuous) or probability mass (discrete) at x. */
    double pdf(double x);

    /** Natural log of {@link #pdf(double)}, accurate where pdf underflows. */
    double logpdf(double x);

    /** P(X <= x). */
    double cdf(double x);

    /** Survival function P(X > x), computed without cancellation in the upper tail. */
    double sf(double x);

    /** Quantile (percent point) function: the smallest x with cdf(x) >= q. */
    double ppf(double q);

    /** Inverse survival function: the x with sf(x) = q, accurate for tiny q. */
    double isf(double q);

    /** The mean (NaN or infinity where undefined, e.g. Cauchy). */
    double mean();

    /** The variance (NaN or infinity where undefined). */
    double variance();

    /** Standard deviation, the square root of {@link #variance()}. */
    default double std() {
        return Math.sqrt(variance());
    }

    /** Lowest value of the support (may be -infinity). */
    double supportLower();

    /** Highest value of the support (may be +infinity). */
    double supportUpper();

    /** Draws from the distribution, using the stream of {@code rng}; float64 array of the given shape. */
    NdArray sample(NdRandom rng, int... shape);

    /** Probability mass function; the same as {@link #pdf(double)}. */
    default double pmf(double k) {
        return pdf(k);
    }

    /** Log of the probability mass; the same as {@link #logpdf(double)}. */
    default double logpmf(double k) {
        return logpdf(k);
    }

    /** {@link #pdf(double)} element-wise. */
    default NdArray pdf(NdArray x) {
        return apply(x, this::pdf);
    }

    /** {@link #pmf(double)} element-wise. */
    default NdArray pmf(NdArray k) {
        return apply(k, this::pdf);
    }

    /** {@link #logpdf(double)} element-wise. */
    default NdArray logpdf(NdArray x) {
        return apply(x, this::logpdf);
    }

    /** {@link #cdf(double)} element-wise. */
    default NdArray cdf(NdArray x) {
        return apply(x, this::cdf);
    }

    /** {@link #sf(double)} element-wise. */
    default NdArray sf(NdArray x) {
        return apply(x, this::sf);
    }

    /** {@link #ppf(double)} element-wise. */
    default NdArray ppf(NdArray q) {
        return apply(q, this::ppf);
    }

    /** {@link #isf(double)} element-wise. */
    default NdArray isf(NdArray q) {
        return apply(q, this::isf);
    }

    private static NdArray apply(NdArray x, DoubleUnaryOperator f) {
        double[] v = x.toDoubleArray();
        for (int i = 0; i < v.length; i++) {
            v[i] = f.applyAsDouble(v[i]);
        }
        return NdArray.wrap(v, x.shape());
    }
}
