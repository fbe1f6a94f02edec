package dev.strix.stats.internal;

import dev.strix.ndarray.NdArray;
import dev.strix.ndarray.NdRandom;
import dev.strix.stats.Distribution;
import org.apache.commons.statistics.distribution.ContinuousDistribution;

/** A Commons Statistics continuous distribution with SciPy's edge conventions. */
public final class ContinuousAdapter implements Distribution {
    private final String name;
    private final ContinuousDistribution d;

    public ContinuousAdapter(String name, ContinuousDistribution d) {
        this.name = name;
        this.d = d;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean isDiscrete() {
        return false;
    }

    @Override
    public double pdf(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        return d.density(x);
    }

    @Override
    public double logpdf(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        return d.logDensity(x);
    }

    @Override
    public double cdf(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        return d.cumulativeProbability(x);
    }

    @Override
    public double sf(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        return d.survivalProbability(x);
    }

    @Override
    public double ppf(double q) {
        if (!(q >= 0 && q <= 1)) {
            return Double.NaN;
        }
        return d.inverseCumulativeProbability(q);
    }

    @Override
    public double isf(double q) {
        if (!(q >= 0 && q <= 1)) {
            return Double.NaN;
        }
        return d.inverseSurvivalProbability(q);
    }

    @Override
    public double mean() {
        return d.getMean();
    }

    @Override
    public double variance() {
        return d.getVariance();
    }

    @Override
    public double supportLower() {
        return d.getSupportLowerBound();
    }

    @Override
    public double supportUpper() {
        return d.getSupportUpperBound();
    }

    @Override
    public NdArray sample(NdRandom rng, int... shape) {
        ContinuousDistribution.Sampler s = d.createSampler(rng.provider());
        int n = DiscreteAdapter.size("sample", shape);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = s.sample();
        }
        return NdArray.wrap(v, shape);
    }

    @Override
    public String toString() {
        return name;
    }
}
