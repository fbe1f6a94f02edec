package dev.strix.stats;

import dev.strix.ndarray.NdArray;
import dev.strix.ndarray.ShapeMismatchException;
import dev.strix.stats.internal.Anova;
import dev.strix.stats.internal.Moments;
import dev.strix.stats.internal.Ranks;
import java.util.Arrays;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.ContinuityCorrection;
import org.apache.commons.statistics.inference.DataDispersion;
import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;
import org.apache.commons.statistics.inference.MannWhitneyUTest;
import org.apache.commons.statistics.inference.TTest;
import org.apache.commons.statistics.inference.WilcoxonSignedRankTest;

/**
 * Hypothesis tests over {@link NdArray} samples (flattened), returning a {@link TestResult}.
 * Built on Apache Commons Statistics' inference module where it has the test.
 */
public final class Hypothesis {
    private Hypothesis() {
    }

    /** One-way ANOVA table of two or more groups ({@code scipy.stats.f_oneway}), with accurate sums of squares. */
    public static AnovaTable anova(NdArray... groups) {
        if (groups.length < 2) {
            throw new IllegalArgumentException("anova: needs at least 2 groups, got " + groups.length);
        }
        double[][] g = new double[groups.length][];
        for (int i = 0; i < groups.length; i++) {
            g[i] = groups[i].toDoubleArray();
            if (g[i].length < 1) {
                throw new IllegalArgumentException("anova: group " + i + " is empty (shape "
                        + ShapeMismatchException.shapeString(groups[i].shape()) + ")");
            }
        }
        return Anova.oneWay(g);
    }

    /** Confidence level of the intervals in t and z test results. */
    public static final double CONFIDENCE = 0.95;

    // ------------------------------------------------------------------ t and z tests

    /**
     * One-sample t-test of mean = {@code mu} ({@code scipy.stats.ttest_1samp}). Effect size: Cohen's
     * d = (mean - mu) / sd; CI: for the mean. Needs n >= 2; zero variance gives NaN statistic and p,
     * a NaN in the sample gives NaN (as SciPy).
     */
    public static TestResult tTest(NdArray x, double mu, Alternative alternative) {
        double[] a = sample("tTest", x, 2);
        double m = Moments.mean(a);
        double sd = Math.sqrt(Moments.var(a, 1));
        int n = a.length;
        double se = sd / Math.sqrt(n);
        double t = (m - mu) / se;
        double df = n - 1;
        return tResult("one-sample t-test", t, df, alternative, (m - mu) / sd, m, se);
    }

    /** Paired t-test of mean(x - y) = 0 ({@code scipy.stats.ttest_rel}); effect size d of the differences, CI for the mean difference. */
    public static TestResult pairedTTest(NdArray x, NdArray y, Alternative alternative) {
        double[][] p = Stats.pair("pairedTTest", x.ravel(), y.ravel());
        double[] d = new double[p[0].length];
        for (int i = 0; i < d.length; i++) {
            d[i] = p[0][i] - p[1][i];
        }
        TestResult r = tTest(NdArray.wrap(d, d.length), 0.0, alternative);
        return rename(r, "paired t-test");
    }

    /**
     * Welch's two-sample t-test (unequal variances, Welch-Satterthwaite df;
     * {@code ttest_ind(equal_var=False)}). Effect size: Cohen's d with the pooled sd; CI: for mean(x) - mean(y).
     */
    public static TestResult welchTTest(NdArray x, NdArray y, Alternative alternative) {
        return twoSampleT("Welch two-sample t-test", x, y, alternative, false);
    }

    /** Student's two-sample t-test with pooled variance ({@code ttest_ind(equal_var=True)}). */
    public static TestResult pooledTTest(NdArray x, NdArray y, Alternative alternative) {
        return twoSampleT("pooled two-sample t-test", x, y, alternative, true);
    }

    private static TestResult twoSampleT(String name, NdArray x, NdArray y, Alternative alt, boolean pooled) {
        double[] a = sample(name, x, 2);
        double[] b = sample(name, y, 2);
        TTest.Result r = TTest.withDefaults()
                .with(pooled ? DataDispersion.HOMOSCEDASTIC : DataDispersion.HETEROSCEDASTIC)
                .with(commons(alt)).test(a, b);
        double ma = Moments.mean(a);
        double mb = Moments.mean(b);
        double va = Moments.var(a, 1);
        double vb = Moments.var(b, 1);
        int n1 = a.length;
        int n2 = b.length;
        double sp2 = ((n1 - 1) * va + (n2 - 1) * vb) / (n1 + n2 - 2);
        double se = pooled ? Math.sqrt(sp2 * (1.0 / n1 + 1.0 / n2)) : Math.sqrt(va / n1 + vb / n2);
        double t = (ma - mb) / se;
        TestResult base = tResult(name, t, r.getDegreesOfFreedom(), alt, (ma - mb) / Math.sqrt(sp2), ma - mb, se);
        return base;
    }

    private static TestResult tResult(String name, double t, double df, Alternative alt, double effect, double estimate,
            double se) {
        double p;
        double lo;
        double hi;
        if (Double.isNaN(t) || !(df > 0)) {
            return new TestResult(name, Double.NaN, Double.NaN, df, Double.NaN, alt, effect, Double.NaN, Double.NaN,
                    CONFIDENCE);
        }
        TDistribution dist = TDistribution.of(df);
        switch (alt) {
            case LESS:
                p = dist.cumulativeProbability(t);
                lo = Double.NEGATIVE_INFINITY;
                hi = estimate + dist.inverseSurvivalProbability(1 - CONFIDENCE) * se;
                break;
            case GREATER:
                p = dist.survivalProbability(t);
                lo = estimate - dist.inverseSurvivalProbability(1 - CONFIDENCE) * se;
                hi = Double.POSITIVE_INFINITY;
                break;
            default:
                p = Math.min(1.0, 2 * dist.survivalProbability(Math.abs(t)));
                double h = dist.inverseSurvivalProbability((1 - CONFIDENCE) / 2) * se;
                lo = estimate - h;
                hi = estimate + h;
        }
        return new TestResult(name, t, p, df, Double.NaN, alt, effect, lo, hi, CONFIDENCE);
    }

    /** z-test of mean = {@code mu} with known standard deviation {@code sigma} > 0; CI for the mean, effect (mean - mu) / sigma. */
    public static TestResult zTest(NdArray x, double mu, double sigma, Alternative alternative) {
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("zTest: sigma must be finite and > 0, got " + sigma);
        }
        double[] a = sample("zTest", x, 1);
        double m = Moments.mean(a);
        double se = sigma / Math.sqrt(a.length);
        double z = (m - mu) / se;
        NormalDistribution nd = NormalDistribution.of(0, 1);
        double p;
        double lo;
        double hi;
        double q1 = nd.inverseSurvivalProbability(1 - CONFIDENCE);
        switch (alternative) {
            case LESS:
                p = nd.cumulativeProbability(z);
                lo = Double.NEGATIVE_INFINITY;
                hi = m + q1 * se;
                break;
            case GREATER:
                p = nd.survivalProbability(z);
                lo = m - q1 * se;
                hi = Double.POSITIVE_INFINITY;
                break;
            default:
                p = Math.min(1.0, 2 * nd.survivalProbability(Math.abs(z)));
                double h = nd.inverseSurvivalProbability((1 - CONFIDENCE) / 2) * se;
                lo = m - h;
                hi = m + h;
        }
        return new TestResult("z-test", z, p, Double.NaN, Double.NaN, alternative, (m - mu) / sigma, lo, hi, CONFIDENCE);
    }

    // ------------------------------------------------------------------ chi-squared

    /**
     * Chi-squared goodness of fit with equal expected frequencies ({@code scipy.stats.chisquare(f_obs)}).
     * Observed counts must be finite and >= 0, at least 2 categories.
     */
    public static TestResult chiSquare(NdArray observed) {
        double[] o = counts("chiSquare", observed);
        double[] e = new double[o.length];
        Arrays.fill(e, Moments.sum(o) / o.length);
        return chiSquare(o, e);
    }

    /**
     * Chi-squared goodness of fit against expected frequencies ({@code chisquare(f_obs, f_exp)}); the
     * two must have the same length and the same total to 1e-8 relative, as SciPy requires.
     */
    public static TestResult chiSquare(NdArray observed, NdArray expected) {
        double[] o = counts("chiSquare", observed);
        double[] e = expected.toDoubleArray();
        if (e.length != o.length) {
            throw new ShapeMismatchException("chiSquare: observed and expected differ in length: "
                    + ShapeMismatchException.shapeString(observed.shape()) + " and "
                    + ShapeMismatchException.shapeString(expected.shape()));
        }
        for (double v : e) {
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("chiSquare: expected frequencies must be finite and > 0, got " + v);
            }
        }
        double so = Moments.sum(o);
        double se = Moments.sum(e);
        if (Math.abs(so - se) > 1e-8 * Math.max(so, se)) {
            throw new IllegalArgumentException("chiSquare: observed total " + so + " and expected total " + se
                    + " differ by more than 1e-8 relative");
        }
        return chiSquare(o, e);
    }

    private static TestResult chiSquare(double[] o, double[] e) {
        double[] terms = new double[o.length];
        for (int i = 0; i < o.length; i++) {
            double d = o[i] - e[i];
            terms[i] = d * d / e[i];
        }
        double stat = Moments.sum(terms);
        int df = o.length - 1;
        double p = ChiSquaredDistribution.of(df).survivalProbability(stat);
        return new TestResult("chi-squared goodness of fit", stat, p, df, Double.NaN, Alternative.GREATER, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN);
    }

    /**
     * Chi-squared test of independence on an r x c contingency table
     * ({@code scipy.stats.chi2_contingency}, with Yates' continuity correction when df = 1, as SciPy's
     * default). Effect size: Cramer's V. Needs r, c >= 2, counts >= 0 and no zero row or column total.
     */
    public static TestResult chiSquareIndependence(NdArray table) {
        if (table.ndim() != 2 || table.shape(0) < 2 || table.shape(1) < 2) {
            throw new IllegalArgumentException("chiSquareIndependence: expected a 2-D table of at least 2 x 2, got shape "
                    + ShapeMismatchException.shapeString(table.shape()));
        }
        int r = table.shape(0);
        int c = table.shape(1);
        double[] t = counts("chiSquareIndependence", table);
        double[] rows = new double[r];
        double[] cols = new double[c];
        double total = 0;
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                rows[i] += t[i * c + j];
                cols[j] += t[i * c + j];
                total += t[i * c + j];
            }
        }
        for (double v : rows) {
            if (v == 0) {
                throw new IllegalArgumentException("chiSquareIndependence: a row total is zero, so an expected frequency is zero");
            }
        }
        for (double v : cols) {
            if (v == 0) {
                throw new IllegalArgumentException("chiSquareIndependence: a column total is zero, so an expected frequency is zero");
            }
        }
        int df = (r - 1) * (c - 1);
        double stat = 0;
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                double e = rows[i] * cols[j] / total;
                double d = t[i * c + j] - e;
                if (df == 1) {
                    // Yates: move each observed count up to 0.5 towards its expected count.
                    d = Math.signum(d) * (Math.abs(d) - Math.min(0.5, Math.abs(d)));
                }
                stat += d * d / e;
            }
        }
        double p = ChiSquaredDistribution.of(df).survivalProbability(stat);
        double v = Math.sqrt(stat / (total * (Math.min(r, c) - 1)));
        return new TestResult("chi-squared test of independence", stat, p, df, Double.NaN, Alternative.GREATER, v,
                Double.NaN, Double.NaN, Double.NaN);
    }

    // ------------------------------------------------------------------ rank and distribution tests

    /**
     * Two-sample Kolmogorov-Smirnov test ({@code scipy.stats.ks_2samp}); statistic D (D+ or D- for
     * one-sided alternatives).
     */
    public static TestResult ksTest(NdArray x, NdArray y, Alternative alternative, PValueMethod method) {
        double[] a = sample("ksTest", x, 1);
        double[] b = sample("ksTest", y, 1);
        KolmogorovSmirnovTest.TwoResult r = KolmogorovSmirnovTest.withDefaults().with(commons(alternative))
                .with(commons(method)).test(a, b);
        return new TestResult("two-sample Kolmogorov-Smirnov test", r.getStatistic(), r.getPValue(), Double.NaN,
                Double.NaN, alternative, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    /** One-sample Kolmogorov-Smirnov test of x against a continuous distribution ({@code scipy.stats.kstest(x, cdf)}). */
    public static TestResult ksTest(NdArray x, Distribution dist, Alternative alternative) {
        double[] a = sample("ksTest", x, 1);
        if (dist.isDiscrete()) {
            throw new IllegalArgumentException("ksTest: " + dist.name() + " is discrete; the KS test needs a continuous distribution");
        }
        KolmogorovSmirnovTest.OneResult r = KolmogorovSmirnovTest.withDefaults().with(commons(alternative))
                .test(a, dist::cdf);
        return new TestResult("one-sample Kolmogorov-Smirnov test against " + dist.name(), r.getStatistic(),
                r.getPValue(), Double.NaN, Double.NaN, alternative, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    /**
     * Mann-Whitney U test ({@code scipy.stats.mannwhitneyu}, continuity correction on): the statistic
     * is U of the first sample; effect size: the rank-biserial correlation 2U / (n1 n2) - 1.
     */
    public static TestResult mannWhitneyU(NdArray x, NdArray y, Alternative alternative, PValueMethod method) {
        double[] a = sample("mannWhitneyU", x, 1);
        double[] b = sample("mannWhitneyU", y, 1);
        MannWhitneyUTest.Result r = MannWhitneyUTest.withDefaults().with(commons(alternative)).with(commons(method))
                .with(ContinuityCorrection.ENABLED).test(a, b);
        double u = r.getStatistic();
        return new TestResult("Mann-Whitney U test", u, r.getPValue(), Double.NaN, Double.NaN, alternative,
                2 * u / ((double) a.length * b.length) - 1, Double.NaN, Double.NaN, Double.NaN);
    }

    /**
     * Wilcoxon signed-rank test that the differences {@code d} are symmetric about 0
     * ({@code scipy.stats.wilcoxon(d)}: zeros dropped, no continuity correction). The statistic is
     * min(W+, W-) for the two-sided alternative and W+ otherwise, as SciPy; effect size: the matched
     * rank-biserial correlation (W+ - W-) / (W+ + W-).
     */
    public static TestResult wilcoxon(NdArray d, Alternative alternative, PValueMethod method) {
        double[] a = sample("wilcoxon", d, 1);
        WilcoxonSignedRankTest.Result r = WilcoxonSignedRankTest.withDefaults().with(commons(alternative))
                .with(commons(method)).with(ContinuityCorrection.DISABLED).test(a);
        double wPlus = r.getStatistic();
        int nz = 0;
        for (double v : a) {
            if (v != 0) {
                nz++;
            }
        }
        double total = nz * (nz + 1) / 2.0;
        double wMinus = total - wPlus;
        double stat = alternative == Alternative.TWO_SIDED ? Math.min(wPlus, wMinus) : wPlus;
        return new TestResult("Wilcoxon signed-rank test", stat, r.getPValue(), Double.NaN, Double.NaN, alternative,
                (wPlus - wMinus) / total, Double.NaN, Double.NaN, Double.NaN);
    }

    /** Wilcoxon signed-rank test on paired samples: the test of {@link #wilcoxon(NdArray, Alternative, PValueMethod)} on x - y. */
    public static TestResult wilcoxon(NdArray x, NdArray y, Alternative alternative, PValueMethod method) {
        double[][] p = Stats.pair("wilcoxon", x.ravel(), y.ravel());
        double[] d = new double[p[0].length];
        for (int i = 0; i < d.length; i++) {
            d[i] = p[0][i] - p[1][i];
        }
        return wilcoxon(NdArray.wrap(d, d.length), alternative, method);
    }

    /**
     * Kruskal-Wallis H test of two or more groups ({@code scipy.stats.kruskal}), with the tie
     * correction; chi-squared(k - 1) p-value. Effect size: epsilon-squared H / (n - 1). All values
     * equal gives NaN (0/0), as SciPy.
     */
    public static TestResult kruskalWallis(NdArray... groups) {
        if (groups.length < 2) {
            throw new IllegalArgumentException("kruskalWallis: needs at least 2 groups, got " + groups.length);
        }
        int n = 0;
        double[][] g = new double[groups.length][];
        for (int i = 0; i < groups.length; i++) {
            g[i] = sample("kruskalWallis", groups[i], 1);
            n += g[i].length;
        }
        double[] all = new double[n];
        int p = 0;
        for (double[] v : g) {
            System.arraycopy(v, 0, all, p, v.length);
            p += v.length;
        }
        double[] ranks = Ranks.rank(all, Ties.AVERAGE);
        double h = 0;
        p = 0;
        for (double[] v : g) {
            double s = 0;
            for (int i = 0; i < v.length; i++) {
                s += ranks[p + i];
            }
            p += v.length;
            h += s * s / v.length;
        }
        h = 12.0 / ((double) n * (n + 1)) * h - 3.0 * (n + 1);
        double[] sorted = all.clone();
        Arrays.sort(sorted);
        double ties = 0;
        for (int i = 0; i < n;) {
            int j = i;
            while (j < n && sorted[j] == sorted[i]) {
                j++;
            }
            double t = j - i;
            ties += t * t * t - t;
            i = j;
        }
        h /= 1.0 - ties / ((double) n * n * n - n);
        int df = groups.length - 1;
        double pv = Double.isNaN(h) ? Double.NaN : ChiSquaredDistribution.of(df).survivalProbability(h);
        return new TestResult("Kruskal-Wallis H test", h, pv, df, Double.NaN, Alternative.GREATER, h / (n - 1),
                Double.NaN, Double.NaN, Double.NaN);
    }

    /** Jarque-Bera normality test n/6 (S^2 + K^2 / 4) with biased skewness and excess kurtosis; chi-squared(2) p ({@code scipy.stats.jarque_bera}). */
    public static TestResult jarqueBera(NdArray x) {
        double[] a = sample("jarqueBera", x, 2);
        double s = Moments.skewness(a, true);
        double k = Moments.kurtosis(a, true, true);
        double jb = a.length / 6.0 * (s * s + k * k / 4.0);
        double p = Double.isNaN(jb) ? Double.NaN : ChiSquaredDistribution.of(2).survivalProbability(jb);
        return new TestResult("Jarque-Bera test", jb, p, 2, Double.NaN, Alternative.GREATER, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN);
    }

    // ------------------------------------------------------------------ helpers

    private static TestResult rename(TestResult r, String name) {
        return new TestResult(name, r.statistic(), r.pValue(), r.df(), r.df2(), r.alternative(), r.effectSize(),
                r.ciLow(), r.ciHigh(), r.confidence());
    }

    private static double[] sample(String op, NdArray x, int min) {
        double[] a = x.toDoubleArray();
        if (a.length < min) {
            throw new IllegalArgumentException(op + ": needs at least " + min + " observation" + (min > 1 ? "s" : "")
                    + ", got shape " + ShapeMismatchException.shapeString(x.shape()));
        }
        return a;
    }

    private static double[] counts(String op, NdArray x) {
        double[] a = sample(op, x, 2);
        for (double v : a) {
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException(op + ": counts must be finite and >= 0, got " + v);
            }
        }
        return a;
    }

    private static AlternativeHypothesis commons(Alternative a) {
        switch (a) {
            case LESS:
                return AlternativeHypothesis.LESS_THAN;
            case GREATER:
                return AlternativeHypothesis.GREATER_THAN;
            default:
                return AlternativeHypothesis.TWO_SIDED;
        }
    }

    private static org.apache.commons.statistics.inference.PValueMethod commons(PValueMethod m) {
        switch (m) {
            case EXACT:
                return org.apache.commons.statistics.inference.PValueMethod.EXACT;
            case ASYMPTOTIC:
                return org.apache.commons.statistics.inference.PValueMethod.ASYMPTOTIC;
            default:
                return org.apache.commons.statistics.inference.PValueMethod.AUTO;
        }
    }
}
