package dev.strix.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strix.ndarray.Nd;
import dev.strix.ndarray.NdArray;
import org.junit.jupiter.api.Test;

/**
 * Tests not covered by the shared oracle; expected values were computed with SciPy 1.10
 * (kruskal, chi2_contingency, jarque_bera, ttest_1samp(...).confidence_interval, kstest) and are
 * compared at 1e-10 relative (statistics) and 1e-8 (p-values).
 */
class HypothesisTest {
    private static final NdArray X = Nd.of(1.2, 3.4, 2.2, 5.1, 0.3, 2.8, 3.3, 9.0, 1.1, 2.5);

    @Test
    void kruskalWallisMatchesScipy() {
        TestResult r = Hypothesis.kruskalWallis(Nd.of(2.9, 3.0, 2.5, 2.6, 3.2), Nd.of(3.8, 2.7, 4.0, 2.4),
                Nd.of(2.8, 3.4, 3.7, 2.2, 2.0));
        Golden.assertClose(0.7714285714285722, r.statistic(), 1e-10, 0, "H");
        Golden.assertClose(0.6799647735788936, r.pValue(), 1e-8, 0, "p");
        assertEquals(2, r.df());
    }

    @Test
    void chiSquareIndependenceMatchesScipy() {
        TestResult r = Hypothesis.chiSquareIndependence(Nd.of(new double[][] {{10, 20}, {30, 25}}));
        Golden.assertClose(2.706155303030302, r.statistic(), 1e-10, 0, "Yates-corrected 2x2");
        Golden.assertClose(0.0999616438735349, r.pValue(), 1e-8, 0, "p");
        TestResult r3 = Hypothesis.chiSquareIndependence(Nd.of(new double[][] {{10, 20, 5}, {30, 25, 12}}));
        Golden.assertClose(3.769722814498934, r3.statistic(), 1e-10, 0, "2x3");
        Golden.assertClose(0.15185010329461768, r3.pValue(), 1e-8, 0, "p");
        assertEquals(2, r3.df());
    }

    @Test
    void jarqueBeraMatchesScipy() {
        TestResult r = Hypothesis.jarqueBera(X);
        Golden.assertClose(3.72510466965418, r.statistic(), 1e-10, 0, "JB");
        Golden.assertClose(0.15527580831867455, r.pValue(), 1e-8, 0, "p");
    }

    @Test
    void tTestConfidenceIntervalsMatchScipy() {
        TestResult two = Hypothesis.tTest(X, 2.0, Alternative.TWO_SIDED);
        Golden.assertClose(1.311187381033495, two.ciLow(), 1e-10, 0, "low");
        Golden.assertClose(4.868812618966505, two.ciHigh(), 1e-10, 0, "high");
        assertEquals(0.95, two.confidence());
        TestResult less = Hypothesis.tTest(X, 2.0, Alternative.LESS);
        assertEquals(Double.NEGATIVE_INFINITY, less.ciLow());
        Golden.assertClose(4.531440263435987, less.ciHigh(), 1e-10, 0, "high");
    }

    @Test
    void oneSampleKsAgainstDistributionMatchesScipy() {
        TestResult r = Hypothesis.ksTest(X, Distributions.normal(3, 2), Alternative.TWO_SIDED);
        Golden.assertClose(0.22074029056089706, r.statistic(), 1e-10, 0, "D");
        Golden.assertClose(0.6385437465571715, r.pValue(), 1e-8, 0, "p");
    }

    @Test
    void zTestAgreesWithTheNormalDistribution() {
        TestResult r = Hypothesis.zTest(X, 2.0, 2.0, Alternative.GREATER);
        double z = (Stats.mean(X) - 2.0) / (2.0 / Math.sqrt(10));
        Golden.assertClose(z, r.statistic(), 1e-14, 0, "z");
        Golden.assertClose(Distributions.normal().sf(z), r.pValue(), 1e-14, 0, "p");
        assertEquals(Double.POSITIVE_INFINITY, r.ciHigh());
    }

    @Test
    void anovaTableIsConsistent() {
        AnovaTable t = Hypothesis.anova(Nd.of(1, 2, 3), Nd.of(2, 4, 6, 8));
        Golden.assertClose(t.msBetween() / t.msWithin(), t.f(), 1e-15, 0, "F = MSB / MSW");
        TestResult r = t.toTestResult();
        assertEquals(t.f(), r.statistic());
        assertEquals(1, r.df());
        assertEquals(5, r.df2());
        assertTrue(r.toString().contains("one-way ANOVA"));
    }

    @Test
    void badInputIsRejectedWithClearMessages() {
        NdArray empty = Nd.zeros(0);
        assertThrows(IllegalArgumentException.class, () -> Hypothesis.tTest(empty, 0, Alternative.TWO_SIDED));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Hypothesis.pairedTTest(Nd.of(1, 2, 3), Nd.of(1, 2), Alternative.TWO_SIDED));
        assertTrue(e.getMessage().contains("(3,)") && e.getMessage().contains("(2,)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Hypothesis.chiSquare(Nd.of(5, -1, 3)));
        assertThrows(IllegalArgumentException.class, () -> Hypothesis.chiSquare(Nd.of(5, 1, 3), Nd.of(1, 1)));
        assertThrows(IllegalArgumentException.class, () -> Hypothesis.chiSquare(Nd.of(5, 1, 3), Nd.of(1, 1, 1)));
        assertThrows(IllegalArgumentException.class, () -> Hypothesis.anova(Nd.of(1, 2)));
        assertThrows(IllegalArgumentException.class, () -> Hypothesis.zTest(X, 0, -1, Alternative.TWO_SIDED));
        assertThrows(IllegalArgumentException.class,
                () -> Hypothesis.chiSquareIndependence(Nd.of(new double[][] {{0, 0}, {3, 4}})));
        assertThrows(IllegalArgumentException.class,
                () -> Hypothesis.ksTest(X, Distributions.poisson(3), Alternative.TWO_SIDED));
        // All-equal sample: zero variance gives NaN statistic and p, as SciPy (documented).
        TestResult r = Hypothesis.tTest(Nd.full(2.0, 6), 2.0, Alternative.TWO_SIDED);
        assertTrue(Double.isNaN(r.statistic()) && Double.isNaN(r.pValue()));
        // NaN in the sample propagates (SciPy's nan_policy="propagate").
        assertTrue(Double.isNaN(Hypothesis.tTest(Nd.of(1, Double.NaN, 3), 0, Alternative.TWO_SIDED).pValue()));
    }
}
