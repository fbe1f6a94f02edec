package dev.strix.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strix.ndarray.Nd;
import dev.strix.ndarray.NdArray;
import org.junit.jupiter.api.Test;

/** Which bad inputs throw and which give a documented NaN (docs/stats.md, "Bad input"). */
class BadInputTest {

    private static void throwsWith(Runnable r, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), () -> "\"" + e.getMessage() + "\" should contain \"" + f + "\"");
        }
    }

    @Test
    void emptyInput() {
        NdArray empty = Nd.zeros(0);
        assertTrue(Double.isNaN(Stats.mean(empty)), "mean of empty is NaN, as NumPy");
        assertTrue(Double.isNaN(Stats.var(empty, 0)));
        assertTrue(Double.isNaN(Stats.median(empty)));
        throwsWith(() -> Stats.quantile(empty, 0.5), "quantile", "empty", "(0,)");
        throwsWith(() -> Stats.iqr(empty), "iqr", "empty");
        throwsWith(() -> Stats.histogram(empty, 5), "histogram", "empty");
        throwsWith(() -> Stats.ecdf(empty), "ecdf", "empty");
        throwsWith(() -> Stats.mode(empty), "mode");
        throwsWith(() -> Stats.quantile(Nd.zeros(3, 0), 0.5, 1, QuantileMethod.LINEAR), "axis 1 has length 0");
    }

    @Test
    void allEqualInput() {
        NdArray c = Nd.full(4.0, 8);
        assertEquals(0.0, Stats.var(c, 1));
        assertTrue(Double.isNaN(Stats.skewness(c)), "SciPy: NaN for zero spread");
        assertTrue(Double.isNaN(Stats.kurtosis(c)));
        assertTrue(Double.isNaN(Stats.corr(c, Nd.arange(8).astype(dev.strix.ndarray.DType.FLOAT64))));
        assertTrue(Double.isNaN(Stats.zscore(c, 0).getDouble(0)), "0/0");
        assertTrue(Double.isNaN(Stats.minMaxScale(c).getDouble(0)), "0/0");
        Histogram h = Stats.histogram(c, BinRule.AUTO);
        assertEquals(8, h.counts().sum().itemLong());
    }

    @Test
    void nanInput() {
        NdArray x = Nd.of(1, Double.NaN, 3);
        assertTrue(Double.isNaN(Stats.mean(x)));
        assertEquals(2.0, Stats.nanMean(x));
        assertTrue(Double.isNaN(Stats.quantile(x, 0.5)));
        assertEquals(2.0, Stats.nanQuantile(x, 0.5, QuantileMethod.LINEAR));
        assertTrue(Double.isNaN(Stats.rank(x).getDouble(0)), "SciPy 1.10 rankdata propagates NaN");
        throwsWith(() -> Stats.histogram(x, 3), "histogram", "finite");
        throwsWith(() -> Stats.ecdf(x), "ecdf", "NaN");
        Distribution n = Distributions.normal();
        assertTrue(Double.isNaN(n.cdf(Double.NaN)));
        assertTrue(Double.isNaN(Distributions.poisson(2).pmf(Double.NaN)));
    }

    @Test
    void badParameters() {
        throwsWith(() -> Distributions.normal(0, -1), "normal(mean=0.0, sd=-1.0)", "sd must be");
        throwsWith(() -> Distributions.exponential(0), "exponential", "scale");
        throwsWith(() -> Distributions.gamma(Double.NaN, 1), "gamma", "shape");
        throwsWith(() -> Distributions.binomial(10, 1.5), "binomial", "p must be in [0, 1]");
        throwsWith(() -> Distributions.bernoulli(-0.1), "bernoulli");
        throwsWith(() -> Distributions.uniform(2, 1), "uniform", "lo must be < hi");
        throwsWith(() -> Distributions.hypergeometric(10, 11, 3), "hypergeometric");
        throwsWith(() -> Distributions.triangular(0, 5, 4), "triangular");
        throwsWith(() -> Stats.quantile(Nd.of(1, 2), 1.5), "quantile 1.5 is outside [0, 1]");
        throwsWith(() -> Stats.percentile(Nd.of(1, 2), -3), "percentile -3.0 is outside [0, 100]");
        throwsWith(() -> Stats.var(Nd.of(1, 2), -1), "ddof");
        throwsWith(() -> Stats.mean(Nd.zeros(2, 3), 2), "mean", "axis 2", "(2, 3)");
        throwsWith(() -> Stats.autocorr(Nd.of(1, 2, 3), 3), "autocorr", "lag 3");
        throwsWith(() -> Stats.histogram(Nd.of(1, 2), 0), "bins must be >= 1");
    }

    @Test
    void probabilitiesOutsideTheUnitIntervalGiveNaN() {
        Distribution d = Distributions.gamma(2, 1);
        assertTrue(Double.isNaN(d.ppf(-0.1)) && Double.isNaN(d.ppf(1.1)) && Double.isNaN(d.isf(2)), "SciPy returns NaN");
        assertTrue(Double.isNaN(Distributions.binomial(5, 0.5).ppf(1.5)));
    }

    @Test
    void mismatchedLengths() {
        throwsWith(() -> Stats.corr(Nd.of(1, 2, 3), Nd.of(1, 2)), "corr", "(3,)", "(2,)");
        throwsWith(() -> Stats.cov(Nd.of(1, 2, 3), Nd.of(1, 2), 1), "cov");
        throwsWith(() -> Stats.weightedMean(Nd.of(1, 2, 3), Nd.of(1, 2)), "weightedMean", "(3,)", "(2,)");
        throwsWith(() -> Stats.weightedMean(Nd.of(1, 2), Nd.of(-1, 2)), "weights must be finite and >= 0");
        throwsWith(() -> Stats.weightedVar(Nd.of(1, 2), Nd.of(0, 0)), "sum to zero");
    }

    @Test
    void samplingIsSeededAndHasTheRightMoments() {
        Distribution g = Distributions.gamma(3, 2);
        NdArray a = g.sample(Nd.random(42), 200_000);
        NdArray b = g.sample(Nd.random(42), 200_000);
        assertEquals(a, b, "same seed, same draws");
        // mean 6, sd sqrt(12): the sample mean is within 5 standard errors (5 * 3.46 / 447 = 0.039).
        assertEquals(6.0, Stats.mean(a), 0.039);
        NdArray k = Distributions.geometric(0.25).sample(Nd.random(7), 3, 1000);
        assertEquals(2, k.ndim());
        assertTrue(k.min().item() >= 1, "geometric counts trials, so k >= 1");
        assertEquals(4.0, Stats.mean(k), 5 * Math.sqrt(12.0 / 3000));
    }
}
