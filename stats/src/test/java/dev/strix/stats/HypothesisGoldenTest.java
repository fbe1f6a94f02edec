package dev.strix.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strix.ndarray.NdArray;
import dev.strix.stats.internal.ShapiroWilk;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The hypothesis tests against SciPy 1.10 (golden/hypothesis.json, made by make_stats_golden.py),
 * every alternative. Tolerances are those stored with each case (1e-10 relative for statistics
 * and p-values, 1e-12 to 1e-14 absolute), except Shapiro-Wilk: SciPy 1.10 runs AS R94 in float32,
 * so W and p agree to single precision only (see {@link #SHAPIRO_W_ATOL}, {@link #SHAPIRO_P_RTOL}).
 */
class HypothesisGoldenTest {
    /**
     * SciPy's float32 W carries about 1e-7 relative rounding per operation over sums of up to 5000
     * terms (measured: at most 3.1e-6 from Strix's double-precision W, at n = 5000); 1e-5 absolute
     * is above that and far below any difference that matters.
     */
    static final double SHAPIRO_W_ATOL = 1e-5;
    /**
     * The p-value depends on log(1 - W), and near W = 1 (large normal samples, 1 - W ~ 4e-4 at n =
     * 5000) SciPy's float32 error of ~3e-6 in W moves its p by up to 2% relative: comparing p
     * directly would need a tolerance that hides mistakes. So the p-value map is checked on SciPy's
     * own W instead: Strix's p of SciPy's W against SciPy's p, which leaves only the rounding of W to
     * float32 (1 ulp / (1 - W)) and SciPy's float32 evaluation of the map; measured worst 9.3e-5
     * relative (n = 3, where dp/dW is steep), so 2e-4 relative plus 1e-6 absolute (SciPy's float32
     * p underflows to 0 for the exponential sample of 5000).
     */
    static final double SHAPIRO_P_RTOL = 2e-4;

    @TestFactory
    Stream<DynamicTest> scipyCases() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Golden.Case c : Golden.load("hypothesis.json")) {
            tests.add(DynamicTest.dynamicTest(c.op() + " " + c.params() + " n=" + c.inputs().findValue("data").size(),
                    () -> check(c)));
        }
        return tests.stream();
    }

    private static Alternative alt(Golden.Case c) {
        switch (c.params().get("alternative").asText()) {
            case "less":
                return Alternative.LESS;
            case "greater":
                return Alternative.GREATER;
            default:
                return Alternative.TWO_SIDED;
        }
    }

    private static PValueMethod method(Golden.Case c) {
        switch (c.params().get("method").asText()) {
            case "exact":
                return PValueMethod.EXACT;
            case "auto":
                return PValueMethod.AUTO;
            default:
                return PValueMethod.ASYMPTOTIC;
        }
    }

    private static NdArray[] groups(Golden.Case c) {
        List<NdArray> g = new ArrayList<>();
        for (int i = 0; c.inputs().has("g" + i); i++) {
            g.add(c.in("g" + i));
        }
        return g.toArray(new NdArray[0]);
    }

    private static void check(Golden.Case c) {
        Supplier<TestResult> run;
        switch (c.op()) {
            case "shapiro":
                run = () -> Hypothesis.shapiroWilk(c.in("x"));
                break;
            case "fisher_exact":
                run = () -> Hypothesis.fisherExact(c.in("table"), alt(c));
                break;
            case "runs": {
                String cut = c.params().get("cutoff").asText();
                NdArray x = c.in("x");
                run = () -> cut.equals("mean") ? Hypothesis.runsTest(x, alt(c))
                        : Hypothesis.runsTest(x, cut.equals("median") ? Stats.median(x) : Double.parseDouble(cut), alt(c));
                break;
            }
            case "levene": {
                LeveneCenter center = LeveneCenter.valueOf(c.params().get("center").asText().toUpperCase());
                run = () -> Hypothesis.levene(center, c.params().get("proportiontocut").asDouble(), groups(c));
                break;
            }
            case "bartlett":
                run = () -> Hypothesis.bartlett(groups(c));
                break;
            case "pearsonr":
                run = () -> Hypothesis.pearsonTest(c.in("x"), c.in("y"), alt(c));
                break;
            case "spearmanr":
                run = () -> Hypothesis.spearmanTest(c.in("x"), c.in("y"), alt(c));
                break;
            case "kendalltau":
                run = () -> Hypothesis.kendallTest(c.in("x"), c.in("y"), alt(c), method(c));
                break;
            case "ks_2samp":
                run = () -> Hypothesis.ksTest(c.in("x"), c.in("y"), alt(c), method(c));
                break;
            case "kstest":
                run = () -> Hypothesis.ksTest(c.in("x"), Distributions.normal(0.2, 1.1), alt(c));
                break;
            case "mannwhitneyu":
                run = () -> Hypothesis.mannWhitneyU(c.in("x"), c.in("y"), alt(c), method(c));
                break;
            case "wilcoxon":
                run = () -> Hypothesis.wilcoxon(c.in("x"), alt(c), method(c));
                break;
            default:
                throw new AssertionError("unknown op " + c.op());
        }
        if (c.error() != null) {
            assertThrows(IllegalArgumentException.class, run::get, c.toString());
            return;
        }
        TestResult r = run.get();
        double stat = c.out("statistic").item();
        double p = c.out("pvalue").item();
        if (c.op().equals("shapiro")) {
            Golden.assertClose(stat, r.statistic(), 0, SHAPIRO_W_ATOL, c + " W");
            int n = c.in("x").size();
            double pAtScipyW = ShapiroWilk.pValue(n, stat, 1 - stat);
            Golden.assertClose(p, pAtScipyW, SHAPIRO_P_RTOL, 1e-6, c + " p at SciPy's W");
            return;
        }
        Golden.assertClose(stat, r.statistic(), c.rtol(), c.atol(), c + " statistic");
        Golden.assertClose(p, r.pValue(), c.rtol(), c.atol(), c + " p");
        if (c.op().equals("runs")) {
            assertEquals(c.out("runs").item(), r.effectSize(), c + " runs");
        }
        if (c.op().equals("pearsonr")) {
            Golden.assertClose(c.out("ci95"), NdArray.wrap(new double[] {r.ciLow(), r.ciHigh()}, 2), c.rtol(),
                    c.atol(), c + " CI 95%");
            TestResult r90 = Hypothesis.pearsonTest(c.in("x"), c.in("y"), alt(c), 0.9);
            Golden.assertClose(c.out("ci90"), NdArray.wrap(new double[] {r90.ciLow(), r90.ciHigh()}, 2), c.rtol(),
                    c.atol(), c + " CI 90%");
            assertEquals(0.9, r90.confidence());
        }
        assertTrue(r.pValue() >= 0 && r.pValue() <= 1, c + " p in [0, 1]");
    }
}
