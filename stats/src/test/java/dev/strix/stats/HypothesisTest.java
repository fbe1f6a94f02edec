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

    @Test
    void newTestsRejectBadInput() {
        // Shapiro-Wilk: fewer than 3 values, all equal -> exception; NaN -> NaN (documented).
        assertThrows(IllegalArgumentException.class, () -> Hypothesis.shapiroWilk(Nd.of(1, 2)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Hypothesis.shapiroWilk(Nd.full(3.0, 10)));
        assertTrue(e.getMessage().contains("shapiroWilk") && e.getMessage().contains("equal"), e.getMessage());
        assertTrue(Double.isNaN(Hypothesis.shapiroWilk(Nd.of(1, 2, Double.NaN, 4)).pValue()));
        // Fisher: not 2 x 2, negative or fractional counts -> exception; a zero margin -> NaN, p = 1 (SciPy).
        assertThrows(IllegalArgumentException.class,
                () -> Hypothesis.fisherExact(Nd.of(new double[][] {{1, 2, 3}, {4, 5, 6}}), Alternative.TWO_SIDED));
        assertThrows(IllegalArgumentException.class,
                () -> Hypothesis.fisherExact(Nd.of(new double[][] {{1, -2}, {4, 5}}), Alternative.TWO_SIDED));
        assertThrows(IllegalArgumentException.class,
                () -> Hypothesis.fisherExact(Nd.of(new double[][] {{1, 2.5}, {4, 5}}), Alternative.TWO_SIDED));
        TestResult f = Hypothesis.fisherExact(Nd.of(new double[][] {{0, 0}, {4, 5}}), Alternative.LESS);
        assertTrue(Double.isNaN(f.statistic()) && f.pValue() == 1.0);
        // Runs: all on one side, NaN, too short -> exception.
        assertThrows(IllegalArgumentException.class, () -> Hypothesis.runsTest(Nd.full(2.0, 8), Alternative.TWO_SIDED));
        assertThrows(IllegalArgumentException.class, () -> Hypothesis.runsTest(Nd.of(1, 2, 3), 10, Alternative.TWO_SIDED));
        assertThrows(IllegalArgumentException.class,
                () -> Hypothesis.runsTest(Nd.of(1, Double.NaN, 3), Alternative.TWO_SIDED));
        assertThrows(IllegalArgumentException.class, () -> Hypothesis.runsTest(Nd.of(1), Alternative.TWO_SIDED));
        // Levene / Bartlett: one group, empty group, bad proportion -> exception; all-equal -> NaN (0/0).
        assertThrows(IllegalArgumentException.class, () -> Hypothesis.levene(X));
        assertThrows(IllegalArgumentException.class, () -> Hypothesis.levene(X, Nd.zeros(0)));
        assertThrows(IllegalArgumentException.class, () -> Hypothesis.levene(LeveneCenter.TRIMMED, 0.5, X, X));
        assertTrue(Double.isNaN(Hypothesis.levene(Nd.full(1.0, 4), Nd.full(2.0, 5)).pValue()));
        assertThrows(IllegalArgumentException.class, () -> Hypothesis.bartlett(X, Nd.of(1)));
        TestResult b = Hypothesis.bartlett(Nd.full(1.0, 3), Nd.of(1, 2, 3));
        assertEquals(Double.POSITIVE_INFINITY, b.statistic());
        assertEquals(0.0, b.pValue());
        // Correlation tests: mismatched lengths, too few pairs, bad confidence, exact with ties -> exception.
        e = assertThrows(IllegalArgumentException.class,
                () -> Hypothesis.pearsonTest(Nd.of(1, 2, 3), Nd.of(1, 2), Alternative.TWO_SIDED));
        assertTrue(e.getMessage().contains("(3,)") && e.getMessage().contains("(2,)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Hypothesis.pearsonTest(Nd.of(1), Nd.of(2), Alternative.TWO_SIDED));
        assertThrows(IllegalArgumentException.class, () -> Hypothesis.spearmanTest(Nd.of(1, 2), Nd.of(2, 1), Alternative.TWO_SIDED));
        assertThrows(IllegalArgumentException.class, () -> Hypothesis.pearsonTest(X, X, Alternative.TWO_SIDED, 1.0));
        assertThrows(IllegalArgumentException.class, () -> Hypothesis.tTest(X, 0, Alternative.TWO_SIDED, 0));
        assertThrows(IllegalArgumentException.class, () -> Hypothesis.kendallTest(Nd.of(1, 1, 2, 3), Nd.of(1, 2, 3, 4),
                Alternative.TWO_SIDED, PValueMethod.EXACT));
        // Constant sample: NaN, as SciPy.
        assertTrue(Double.isNaN(Hypothesis.pearsonTest(Nd.full(1.0, 5), X.get(":5"), Alternative.TWO_SIDED).pValue()));
        assertTrue(Double.isNaN(Hypothesis.spearmanTest(Nd.full(1.0, 5), X.get(":5"), Alternative.TWO_SIDED).pValue()));
        assertTrue(Double.isNaN(Hypothesis.kendallTest(Nd.full(1.0, 5), X.get(":5"), Alternative.TWO_SIDED).pValue()));
    }

    @Test
    void confidenceLevelIsAParameter() {
        // SciPy 1.10: ttest_1samp(X, 2.0).confidence_interval(0.9) = (1.6485597365640126, 4.531440263435987)
        TestResult r = Hypothesis.tTest(X, 2.0, Alternative.TWO_SIDED, 0.9);
        Golden.assertClose(1.6485597365640126, r.ciLow(), 1e-10, 0, "low");
        Golden.assertClose(4.531440263435987, r.ciHigh(), 1e-10, 0, "high");
        assertEquals(0.9, r.confidence());
        assertEquals(0.99, Hypothesis.welchTTest(X, X.add(1), Alternative.TWO_SIDED, 0.99).confidence());
        assertEquals(0.8, Hypothesis.zTest(X, 2, 2, Alternative.LESS, 0.8).confidence());
    }
}
