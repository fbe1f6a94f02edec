package dev.strix.stats;

import dev.strix.ndarray.NdArray;
import dev.strix.ndarray.ShapeMismatchException;
import dev.strix.stats.internal.Anova;
import dev.strix.stats.internal.Kendall;
import dev.strix.stats.internal.Lanes;
import dev.strix.stats.internal.Moments;
import dev.strix.stats.internal.Quantiles;
import dev.strix.stats.internal.Ranks;
import dev.strix.stats.internal.ShapiroWilk;
import java.util.Arrays;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.FDistribution;
import org.apache.commons.statistics.distribution.HypergeometricDistribution;
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

    /** Default confidence level of the intervals in t, z and Pearson test results; each has an overload taking the level. */
    public static final double CONFIDENCE = 0.95;

    // ------------------------------------------------------------------ t and z tests

    /**
     * One-sample t-test of mean = {@code mu} ({@code scipy.stats.ttest_1samp}). Effect size: Cohen's
     * d = (mean - mu) / sd; CI: for the mean. Needs n >= 2; zero variance gives NaN statistic and p,
     * a NaN in the sample gives NaN (as SciPy).
     */
    public static TestResult tTest(NdArray x, double mu, Alternative alternative) {
        return tTest(x, mu, alternative, CONFIDENCE);
    }

    /** {@link #tTest(NdArray, double, Alternative)} with the interval at {@code confidence} (in (0, 1)). */
    public static TestResult tTest(NdArray x, double mu, Alternative alternative, double confidence) {
        checkConfidence("tTest", confidence);
        double[] a = sample("tTest", x, 2);
        double m = Moments.mean(a);
        double sd = Math.sqrt(Moments.var(a, 1));
        int n = a.length;
        double se = sd / Math.sqrt(n);
        double t = (m - mu) / se;
        double df = n - 1;
        return tResult("one-sample t-test", t, df, alternative, (m - mu) / sd, m, se, confidence);
    }

    /** Paired t-test of mean(x - y) = 0 ({@code scipy.stats.ttest_rel}); effect size d of the differences, CI for the mean difference. */
    public static TestResult pairedTTest(NdArray x, NdArray y, Alternative alternative) {
        return pairedTTest(x, y, alternative, CONFIDENCE);
    }

    /** {@link #pairedTTest(NdArray, NdArray, Alternative)} with the interval at {@code confidence}. */
    public static TestResult pairedTTest(NdArray x, NdArray y, Alternative alternative, double confidence) {
        double[][] p = Stats.pair("pairedTTest", x.ravel(), y.ravel());
        double[] d = new double[p[0].length];
        for (int i = 0; i < d.length; i++) {
            d[i] = p[0][i] - p[1][i];
        }
        TestResult r = tTest(NdArray.wrap(d, d.length), 0.0, alternative, confidence);
        return rename(r, "paired t-test");
    }

    /**
     * Welch's two-sample t-test (unequal variances, Welch-Satterthwaite df;
     * {@code ttest_ind(equal_var=False)}). Effect size: Cohen's d with the pooled sd; CI: for mean(x) - mean(y).
     */
    public static TestResult welchTTest(NdArray x, NdArray y, Alternative alternative) {
        return welchTTest(x, y, alternative, CONFIDENCE);
    }

    /** {@link #welchTTest(NdArray, NdArray, Alternative)} with the interval at {@code confidence}. */
    public static TestResult welchTTest(NdArray x, NdArray y, Alternative alternative, double confidence) {
        return twoSampleT("Welch two-sample t-test", x, y, alternative, false, confidence);
    }

    /** Student's two-sample t-test with pooled variance ({@code ttest_ind(equal_var=True)}). */
    public static TestResult pooledTTest(NdArray x, NdArray y, Alternative alternative) {
        return pooledTTest(x, y, alternative, CONFIDENCE);
    }

    /** {@link #pooledTTest(NdArray, NdArray, Alternative)} with the interval at {@code confidence}. */
    public static TestResult pooledTTest(NdArray x, NdArray y, Alternative alternative, double confidence) {
        return twoSampleT("pooled two-sample t-test", x, y, alternative, true, confidence);
    }

    private static TestResult twoSampleT(String name, NdArray x, NdArray y, Alternative alt, boolean pooled,
            double confidence) {
        checkConfidence(name, confidence);
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
        TestResult base = tResult(name, t, r.getDegreesOfFreedom(), alt, (ma - mb) / Math.sqrt(sp2), ma - mb, se, confidence);
        return base;
    }

    private static TestResult tResult(String name, double t, double df, Alternative alt, double effect, double estimate,
            double se, double confidence) {
        double p;
        double lo;
        double hi;
        if (Double.isNaN(t) || !(df > 0)) {
            return new TestResult(name, Double.NaN, Double.NaN, df, Double.NaN, alt, effect, Double.NaN, Double.NaN,
                    confidence);
        }
        TDistribution dist = TDistribution.of(df);
        switch (alt) {
            case LESS:
                p = dist.cumulativeProbability(t);
                lo = Double.NEGATIVE_INFINITY;
                hi = estimate + dist.inverseSurvivalProbability(1 - confidence) * se;
                break;
            case GREATER:
                p = dist.survivalProbability(t);
                lo = estimate - dist.inverseSurvivalProbability(1 - confidence) * se;
                hi = Double.POSITIVE_INFINITY;
                break;
            default:
                p = Math.min(1.0, 2 * dist.survivalProbability(Math.abs(t)));
                double h = dist.inverseSurvivalProbability((1 - confidence) / 2) * se;
                lo = estimate - h;
                hi = estimate + h;
        }
        return new TestResult(name, t, p, df, Double.NaN, alt, effect, lo, hi, confidence);
    }

    /** z-test of mean = {@code mu} with known standard deviation {@code sigma} > 0; CI for the mean, effect (mean - mu) / sigma. */
    public static TestResult zTest(NdArray x, double mu, double sigma, Alternative alternative) {
        return zTest(x, mu, sigma, alternative, CONFIDENCE);
    }

    /** {@link #zTest(NdArray, double, double, Alternative)} with the interval at {@code confidence}. */
    public static TestResult zTest(NdArray x, double mu, double sigma, Alternative alternative, double confidence) {
        checkConfidence("zTest", confidence);
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
        double q1 = nd.inverseSurvivalProbability(1 - confidence);
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
                double h = nd.inverseSurvivalProbability((1 - confidence) / 2) * se;
                lo = m - h;
                hi = m + h;
        }
        return new TestResult("z-test", z, p, Double.NaN, Double.NaN, alternative, (m - mu) / sigma, lo, hi, confidence);
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

    // ------------------------------------------------------------------ normality, runs, exact and variance tests

    /**
     * Shapiro-Wilk test of normality ({@code scipy.stats.shapiro}): W and Royston's (AS R94) p-value,
     * exact for n = 3. Small W rejects normality, so the alternative is reported as {@code LESS}.
     * Needs 3 or more values and a non-zero range (an all-equal sample is an
     * {@code IllegalArgumentException}; SciPy warns and returns W = 1, p = 1); a NaN gives NaN.
     * The approximation was fitted for n <= 5000, beyond that the p-value is less accurate.
     */
    public static TestResult shapiroWilk(NdArray x) {
        double[] a = sample("shapiroWilk", x, 3);
        if (Lanes.hasNaN(a)) {
            return new TestResult("Shapiro-Wilk test", Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Alternative.LESS, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        Arrays.sort(a);
        if (a[a.length - 1] == a[0]) {
            throw new IllegalArgumentException("shapiroWilk: all " + a.length + " values are equal (" + a[0]
                    + "); W is undefined");
        }
        // SciPy subtracts the median first; W does not depend on location, but this keeps the scaled values small.
        double med = Quantiles.median(a.clone());
        for (int i = 0; i < a.length; i++) {
            a[i] -= med;
        }
        double[] wp = ShapiroWilk.test(a);
        return new TestResult("Shapiro-Wilk test", wp[0], wp[1], Double.NaN, Double.NaN, Alternative.LESS,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    /**
     * Fisher's exact test on a 2 x 2 table of counts [[a, b], [c, d]] ({@code scipy.stats.fisher_exact}).
     * The statistic (and effect size) is the sample odds ratio ad / (bc) (infinite when bc = 0, NaN
     * with p = 1 when a row or column sums to zero, as SciPy). The p-value comes from the
     * hypergeometric distribution of a given the margins: {@code LESS} is P(A <= a), {@code GREATER}
     * P(A >= a), and {@code TWO_SIDED} sums the probabilities of every table no more probable than the
     * observed one (with SciPy's relative tolerance 1e-14 for ties in probability).
     */
    public static TestResult fisherExact(NdArray table, Alternative alternative) {
        if (table.ndim() != 2 || table.shape(0) != 2 || table.shape(1) != 2) {
            throw new IllegalArgumentException("fisherExact: expected a 2 x 2 table, got shape "
                    + ShapeMismatchException.shapeString(table.shape()));
        }
        double[] t = table.toDoubleArray();
        for (double v : t) {
            if (!(v >= 0) || v != Math.rint(v) || v > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("fisherExact: counts must be non-negative integers, got " + v);
            }
        }
        int a = (int) t[0];
        int b = (int) t[1];
        int c = (int) t[2];
        int d = (int) t[3];
        String name = "Fisher's exact test";
        if (a + b == 0 || c + d == 0 || a + c == 0 || b + d == 0) {
            return new TestResult(name, Double.NaN, 1.0, Double.NaN, Double.NaN, alternative, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN);
        }
        double or = b > 0 && c > 0 ? (double) a * d / ((double) b * c) : Double.POSITIVE_INFINITY;
        int n1 = a + b;
        int draws = a + c;
        HypergeometricDistribution h = HypergeometricDistribution.of(a + b + c + d, n1, draws);
        double p;
        switch (alternative) {
            case LESS:
                p = h.cumulativeProbability(a);
                break;
            case GREATER:
                p = h.survivalProbability(a - 1);
                break;
            default:
                double pa = h.probability(a);
                double limit = pa * (1 + 1e-14);
                p = 0;
                for (int k = h.getSupportLowerBound(); k <= h.getSupportUpperBound(); k++) {
                    double pk = h.probability(k);
                    if (pk <= limit) {
                        p += pk;
                    }
                }
        }
        return new TestResult(name, or, Math.min(1.0, p), Double.NaN, Double.NaN, alternative, or, Double.NaN,
                Double.NaN, Double.NaN);
    }

    /** Runs test about the sample mean: {@link #runsTest(NdArray, double, Alternative)} with cutoff mean(x). */
    public static TestResult runsTest(NdArray x, Alternative alternative) {
        double[] a = sample("runsTest", x, 2);
        return runsTest(x, Moments.mean(a), alternative);
    }

    /**
     * Wald-Wolfowitz runs test for randomness of the sequence x, dichotomised as x >= cutoff
     * (statsmodels' {@code runstest_1samp}; pass {@code Stats.median(x)} for the median cutoff). The
     * statistic is z = (R - E[R]) / sd(R) from the normal approximation, with a continuity
     * correction of 0.5 towards E[R] when n < 50 (none from 50 on). {@code LESS}: fewer runs than
     * expected (clustering, positive serial dependence); {@code GREATER}: more (alternation). The
     * effect size is the observed number of runs R. All values on one side of the cutoff is an
     * {@code IllegalArgumentException}; NaN in x is too (it has no side).
     */
    public static TestResult runsTest(NdArray x, double cutoff, Alternative alternative) {
        double[] a = sample("runsTest", x, 2);
        if (Double.isNaN(cutoff) || Lanes.hasNaN(a)) {
            throw new IllegalArgumentException("runsTest: NaN in the data or the cutoff (" + cutoff + ")");
        }
        int n1 = 0;
        int runs = 1;
        for (int i = 0; i < a.length; i++) {
            if (a[i] >= cutoff) {
                n1++;
            }
            if (i > 0 && (a[i] >= cutoff) != (a[i - 1] >= cutoff)) {
                runs++;
            }
        }
        int n = a.length;
        int n0 = n - n1;
        if (n1 == 0 || n0 == 0) {
            throw new IllegalArgumentException("runsTest: all " + n + " values are on one side of the cutoff " + cutoff);
        }
        double nn = (double) n1 * n0;
        double mean = 2 * nn / n + 1;
        double var = 2 * nn * (2 * nn - n) / ((double) n * n * (n - 1));
        double dev = runs - mean;
        if (n < 50) {
            dev = Math.copySign(Math.max(Math.abs(dev) - 0.5, 0), dev);
        }
        double z = dev / Math.sqrt(var);
        return new TestResult("Wald-Wolfowitz runs test", z, normalP(z, alternative), Double.NaN, Double.NaN,
                alternative, runs, Double.NaN, Double.NaN, Double.NaN);
    }

    /** Levene's test with the median centre (Brown-Forsythe; {@code scipy.stats.levene} default). */
    public static TestResult levene(NdArray... groups) {
        return levene(LeveneCenter.MEDIAN, 0.05, groups);
    }

    /** Levene's test with the given centre (trimmed: 5% cut from each end, SciPy's default). */
    public static TestResult levene(LeveneCenter center, NdArray... groups) {
        return levene(center, 0.05, groups);
    }

    /**
     * Levene's test of equal variances ({@code scipy.stats.levene(*groups, center=, proportiontocut=)}):
     * the one-way ANOVA F of |x - centre of its group|, F(k - 1, N - k) p-value. For
     * {@code TRIMMED}, floor(proportionToCut n) values are cut from each end of each sorted group
     * before the group is used at all (as SciPy does). Needs 2 or more groups, each non-empty;
     * all-equal data gives NaN (0/0).
     */
    public static TestResult levene(LeveneCenter center, double proportionToCut, NdArray... groups) {
        double[][] g = groups("levene", groups, 1);
        if (!(proportionToCut >= 0 && proportionToCut < 0.5)) {
            throw new IllegalArgumentException("levene: proportionToCut must be in [0, 0.5), got " + proportionToCut);
        }
        int k = g.length;
        double[][] z = new double[k][];
        double[] zbar = new double[k];
        int total = 0;
        for (int i = 0; i < k; i++) {
            double[] v = g[i];
            double c;
            if (center == LeveneCenter.TRIMMED) {
                v = v.clone();
                Arrays.sort(v);
                int cut = (int) (proportionToCut * v.length);
                if (cut >= v.length - cut) {
                    throw new IllegalArgumentException("levene: proportionToCut " + proportionToCut
                            + " leaves nothing of group " + i + " (" + v.length + " values)");
                }
                v = Arrays.copyOfRange(v, cut, v.length - cut);
                c = Moments.mean(v);
            } else {
                c = center == LeveneCenter.MEAN ? Moments.mean(v) : Quantiles.median(v.clone());
            }
            z[i] = new double[v.length];
            for (int j = 0; j < v.length; j++) {
                z[i][j] = Math.abs(v[j] - c);
            }
            zbar[i] = Moments.mean(z[i]);
            total += v.length;
        }
        double grand = 0;
        for (int i = 0; i < k; i++) {
            grand += zbar[i] * z[i].length;
        }
        grand /= total;
        double between = 0;
        double within = 0;
        for (int i = 0; i < k; i++) {
            between += z[i].length * (zbar[i] - grand) * (zbar[i] - grand);
            for (double v : z[i]) {
                within += (v - zbar[i]) * (v - zbar[i]);
            }
        }
        double w = (total - k) * between / ((k - 1.0) * within);
        double p = Double.isNaN(w) ? Double.NaN : FDistribution.of(k - 1, total - k).survivalProbability(w);
        return new TestResult("Levene test (" + center.name().toLowerCase(java.util.Locale.ROOT) + " centre)", w, p,
                k - 1, total - k, Alternative.GREATER, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    /**
     * Bartlett's test of equal variances of normal samples ({@code scipy.stats.bartlett}),
     * chi-squared(k - 1) p-value. Needs 2 or more groups of at least 2 values; a group with zero
     * variance gives an infinite statistic and p = 0, as SciPy.
     */
    public static TestResult bartlett(NdArray... groups) {
        double[][] g = groups("bartlett", groups, 2);
        int k = g.length;
        double total = 0;
        double pooled = 0;
        double sumLog = 0;
        double sumInv = 0;
        for (double[] v : g) {
            double s2 = Moments.var(v, 1);
            total += v.length;
            pooled += (v.length - 1) * s2;
            sumLog += (v.length - 1) * Math.log(s2);
            sumInv += 1.0 / (v.length - 1);
        }
        pooled /= total - k;
        double numer = (total - k) * Math.log(pooled) - sumLog;
        double denom = 1 + (sumInv - 1 / (total - k)) / (3.0 * (k - 1));
        double t = numer / denom;
        double p = Double.isNaN(t) ? Double.NaN : ChiSquaredDistribution.of(k - 1).survivalProbability(t);
        return new TestResult("Bartlett test", t, p, k - 1, Double.NaN, Alternative.GREATER, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN);
    }

    // ------------------------------------------------------------------ correlation tests

    /** {@link #pearsonTest(NdArray, NdArray, Alternative, double)} at the 95% level. */
    public static TestResult pearsonTest(NdArray x, NdArray y, Alternative alternative) {
        return pearsonTest(x, y, alternative, CONFIDENCE);
    }

    /**
     * Test of zero Pearson correlation ({@code scipy.stats.pearsonr}): the statistic (and effect
     * size) is r, the p-value is exact for bivariate normal data (r ~ Beta(n/2 - 1, n/2 - 1) on
     * [-1, 1], the same as a t test with n - 2 df), the interval is Fisher's z: tanh(atanh(r) -+
     * z_q / sqrt(n - 3)), one-sided for one-sided alternatives, and [-1, 1] for n = 3. Needs n >= 2
     * (n = 2 gives r = +-1 and p = 1); a constant sample gives NaN (as SciPy).
     */
    public static TestResult pearsonTest(NdArray x, NdArray y, Alternative alternative, double confidence) {
        checkConfidence("pearsonTest", confidence);
        double[][] p = pairOf("pearsonTest", x, y, 2);
        int n = p[0].length;
        double r = Stats.corrOf(p[0], p[1], Correlation.PEARSON);
        String name = "Pearson correlation test";
        if (Double.isNaN(r)) {
            return new TestResult(name, r, Double.NaN, n - 2, Double.NaN, alternative, r, Double.NaN, Double.NaN,
                    confidence);
        }
        r = Math.max(-1, Math.min(1, r));
        double pv;
        if (n == 2) {
            pv = 1;
        } else {
            BetaDistribution b = BetaDistribution.of(n / 2.0 - 1, n / 2.0 - 1);
            switch (alternative) {
                case LESS:
                    pv = b.cumulativeProbability((1 + r) / 2);
                    break;
                case GREATER:
                    pv = b.survivalProbability((1 + r) / 2);
                    break;
                default:
                    pv = Math.min(1, 2 * b.cumulativeProbability((1 - Math.abs(r)) / 2));
            }
        }
        double lo = -1;
        double hi = 1;
        if (n > 3) {
            double zr = r == 1 ? Double.POSITIVE_INFINITY : r == -1 ? Double.NEGATIVE_INFINITY : atanh(r);
            double se = 1 / Math.sqrt(n - 3);
            NormalDistribution nd = NormalDistribution.of(0, 1);
            if (alternative == Alternative.TWO_SIDED) {
                double h = nd.inverseCumulativeProbability(0.5 + confidence / 2);
                lo = Math.tanh(zr - h * se);
                hi = Math.tanh(zr + h * se);
            } else {
                double h = nd.inverseCumulativeProbability(confidence);
                if (alternative == Alternative.LESS) {
                    hi = Math.tanh(zr + h * se);
                } else {
                    lo = Math.tanh(zr - h * se);
                }
            }
        }
        return new TestResult(name, r, pv, n - 2, Double.NaN, alternative, r, lo, hi, confidence);
    }

    private static double atanh(double r) {
        return 0.5 * Math.log1p(2 * r / (1 - r));
    }

    /**
     * Test of zero Spearman rank correlation ({@code scipy.stats.spearmanr}): rho is the Pearson
     * correlation of the average ranks, the p-value uses t = rho sqrt((n - 2) / (1 - rho^2)) with
     * n - 2 df. Needs n >= 3; a constant sample gives NaN. No interval (SciPy gives none).
     */
    public static TestResult spearmanTest(NdArray x, NdArray y, Alternative alternative) {
        double[][] p = pairOf("spearmanTest", x, y, 3);
        int n = p[0].length;
        double rs = Stats.corrOf(p[0], p[1], Correlation.SPEARMAN);
        double df = n - 2;
        double t = rs * Math.sqrt(Math.max(0, df / ((rs + 1) * (1 - rs))));
        double pv = Double.isNaN(t) ? Double.NaN : tP(TDistribution.of(df), t, alternative);
        return new TestResult("Spearman correlation test", rs, pv, df, Double.NaN, alternative, rs, Double.NaN,
                Double.NaN, Double.NaN);
    }

    /** {@link #kendallTest(NdArray, NdArray, Alternative, PValueMethod)} with {@code AUTO}. */
    public static TestResult kendallTest(NdArray x, NdArray y, Alternative alternative) {
        return kendallTest(x, y, alternative, PValueMethod.AUTO);
    }

    /**
     * Test of zero Kendall tau-b ({@code scipy.stats.kendalltau}). {@code EXACT}: the exact null
     * distribution of the concordant pairs (no ties allowed: an {@code IllegalArgumentException}
     * otherwise); {@code ASYMPTOTIC}: the normal approximation of con - dis with the tie-corrected
     * variance; {@code AUTO} follows SciPy: exact without ties when n <= 33 or fewer than 2 pairs
     * are discordant (or concordant), asymptotic otherwise. A constant sample gives NaN. O(n^2).
     */
    public static TestResult kendallTest(NdArray x, NdArray y, Alternative alternative, PValueMethod method) {
        double[][] p = pairOf("kendallTest", x, y, 2);
        String name = "Kendall tau-b test";
        if (Lanes.hasNaN(p[0]) || Lanes.hasNaN(p[1])) {
            return new TestResult(name, Double.NaN, Double.NaN, Double.NaN, Double.NaN, alternative, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN);
        }
        Kendall.Counts c = Kendall.counts(p[0], p[1]);
        int n = c.n();
        if (c.xtie() == c.tot() || c.ytie() == c.tot()) {
            return new TestResult(name, Double.NaN, Double.NaN, Double.NaN, Double.NaN, alternative, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN);
        }
        boolean ties = c.xtie() != 0 || c.ytie() != 0;
        if (method == PValueMethod.EXACT && ties) {
            throw new IllegalArgumentException("kendallTest: the exact p-value needs data without ties");
        }
        boolean exact = method == PValueMethod.EXACT || (method == PValueMethod.AUTO && !ties
                && (n <= 33 || Math.min(c.dis(), c.tot() - c.dis()) <= 1));
        double pv;
        if (exact) {
            int alt = alternative == Alternative.LESS ? -1 : alternative == Alternative.GREATER ? 1 : 0;
            pv = Kendall.exactP(n, (long) (c.tot() - c.dis()), alt);
        } else {
            double m = (double) n * (n - 1);
            double var = (m * (2 * n + 5) - c.x1() - c.y1()) / 18 + 2 * c.xtie() * c.ytie() / m
                    + c.x0() * c.y0() / (9 * m * (n - 2));
            pv = normalP(c.conMinusDis() / Math.sqrt(var), alternative);
        }
        return new TestResult(name, c.tau(), pv, Double.NaN, Double.NaN, alternative, c.tau(), Double.NaN,
                Double.NaN, Double.NaN);
    }

    private static double normalP(double z, Alternative alternative) {
        NormalDistribution nd = NormalDistribution.of(0, 1);
        switch (alternative) {
            case LESS:
                return nd.cumulativeProbability(z);
            case GREATER:
                return nd.survivalProbability(z);
            default:
                return Math.min(1, 2 * nd.survivalProbability(Math.abs(z)));
        }
    }

    private static double tP(TDistribution dist, double t, Alternative alternative) {
        switch (alternative) {
            case LESS:
                return dist.cumulativeProbability(t);
            case GREATER:
                return dist.survivalProbability(t);
            default:
                return Math.min(1, 2 * dist.survivalProbability(Math.abs(t)));
        }
    }

    private static double[][] pairOf(String op, NdArray x, NdArray y, int min) {
        double[][] p = Stats.pair(op, x.ravel(), y.ravel());
        if (p[0].length < min) {
            throw new IllegalArgumentException(op + ": needs at least " + min + " pairs, got " + p[0].length);
        }
        return p;
    }

    private static double[][] groups(String op, NdArray[] groups, int min) {
        if (groups.length < 2) {
            throw new IllegalArgumentException(op + ": needs at least 2 groups, got " + groups.length);
        }
        double[][] g = new double[groups.length][];
        for (int i = 0; i < groups.length; i++) {
            g[i] = groups[i].toDoubleArray();
            if (g[i].length < min) {
                throw new IllegalArgumentException(op + ": group " + i + " needs at least " + min + " value"
                        + (min > 1 ? "s" : "") + ", got shape " + ShapeMismatchException.shapeString(groups[i].shape()));
            }
        }
        return g;
    }

    private static void checkConfidence(String op, double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException(op + ": confidence level must be in (0, 1), got " + confidence);
        }
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
