package dev.strix.stats.internal;

import dev.strix.ndarray.NdArray;
import dev.strix.ndarray.NdRandom;
import dev.strix.stats.Distribution;
import org.apache.commons.statistics.distribution.DiscreteDistribution;

/**
 * A Commons Statistics discrete distribution with SciPy's conventions: real arguments (mass 0 off
 * the integers, cdf of the floor), ppf(0) one below the support, an unbounded support as
 * infinity, and an optional shift of the support (SciPy's geometric counts trials, Commons'
 * counts failures).
 */
public final class DiscreteAdapter implements Distribution {
    private final String name;
    private final DiscreteDistribution d;
    private final int shift;

    public DiscreteAdapter(String name, DiscreteDistribution d, int shift) {
        this.name = name;
        this.d = d;
        this.shift = shift;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean isDiscrete() {
        return true;
    }

    @Override
    public double pdf(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        double k = x - shift;
        if (k != Math.rint(k) || k < Integer.MIN_VALUE || k > Integer.MAX_VALUE) {
            return 0;
        }
        return d.probability((int) k);
    }

    @Override
    public double logpdf(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        double k = x - shift;
        if (k != Math.rint(k) || k < Integer.MIN_VALUE || k > Integer.MAX_VALUE) {
            return Double.NEGATIVE_INFINITY;
        }
        return d.logProbability((int) k);
    }

    @Override
    public double cdf(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        double k = Math.floor(x - shift);
        if (k < Integer.MIN_VALUE) {
            return 0;
        }
        if (k >= Integer.MAX_VALUE) {
            return 1;
        }
        return d.cumulativeProbability((int) k);
    }

    @Override
    public double sf(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        double k = Math.floor(x - shift);
        if (k < Integer.MIN_VALUE) {
            return 1;
        }
        if (k >= Integer.MAX_VALUE) {
            return 0;
        }
        return d.survivalProbability((int) k);
    }

    @Override
    public double ppf(double q) {
        if (!(q >= 0 && q <= 1)) {
            return Double.NaN;
        }
        if (q == 0) {
            return supportLower() - 1;
        }
        return value(d.inverseCumulativeProbability(q));
    }

    @Override
    public double isf(double q) {
        if (!(q >= 0 && q <= 1)) {
            return Double.NaN;
        }
        if (q == 1) {
            return supportLower() - 1;
        }
        return value(d.inverseSurvivalProbability(q));
    }

    private double value(int k) {
        if (k == Integer.MAX_VALUE && d.getSupportUpperBound() == Integer.MAX_VALUE) {
            return Double.POSITIVE_INFINITY;
        }
        return (double) k + shift;
    }

    @Override
    public double mean() {
        return d.getMean() + shift;
    }

    @Override
    public double variance() {
        return d.getVariance();
    }

    @Override
    public double supportLower() {
        return (double) d.getSupportLowerBound() + shift;
    }

    @Override
    public double supportUpper() {
        return value(d.getSupportUpperBound());
    }

    @Override
    public NdArray sample(NdRandom rng, int... shape) {
        DiscreteDistribution.Sampler s = d.createSampler(rng.provider());
        int n = size("sample", shape);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = (double) s.sample() + shift;
        }
        return NdArray.wrap(v, shape);
    }

    static int size(String op, int[] shape) {
        long n = 1;
        for (int s : shape) {
            if (s < 0) {
                throw new IllegalArgumentException(op + ": negative dimension " + s + " in shape "
                        + java.util.Arrays.toString(shape));
            }
            n *= s;
            if (n > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException(op + ": shape " + java.util.Arrays.toString(shape) + " is too large");
            }
        }
        return (int) n;
    }

    @Override
    public String toString() {
        return name;
    }
}
