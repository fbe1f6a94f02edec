package dev.strix.stats;

import dev.strix.ndarray.io.Html;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a hypothesis test.
 *
 * @param test        the test's name, e.g. "Welch two-sample t-test"
 * @param statistic   the test statistic (t, F, chi-squared, U, W, D, H, ...)
 * @param pValue      the p-value under the null hypothesis for {@code alternative}
 * @param df          degrees of freedom of the reference distribution (numerator df for F), NaN when none
 * @param df2         denominator degrees of freedom for F tests, NaN otherwise
 * @param alternative the alternative hypothesis the p-value refers to
 * @param effectSize  an effect size where one is conventional (Cohen's d for t-tests, eta-squared
 *                    for ANOVA, Cramer's V for independence, rank-biserial r for rank tests), NaN otherwise
 * @param ciLow       lower end of a confidence interval for the tested parameter (the mean or the mean
 *                    difference for t and z tests), NaN where none is defined
 * @param ciHigh      upper end of that interval (infinite for one-sided alternatives)
 * @param confidence  the confidence level of the interval, NaN where none is defined
 */
public record TestResult(String test, double statistic, double pValue, double df, double df2,
        Alternative alternative, double effectSize, double ciLow, double ciHigh, double confidence) {

    /** True when the p-value is below {@code alpha}. */
    public boolean reject(double alpha) {
        return pValue < alpha;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(test).append(": statistic = ").append(statistic)
                .append(", p = ").append(pValue);
        if (!Double.isNaN(df)) {
            b.append(", df = ").append(df);
        }
        if (!Double.isNaN(df2)) {
            b.append(", df2 = ").append(df2);
        }
        b.append(", alternative = ").append(alternative);
        if (!Double.isNaN(effectSize)) {
            b.append(", effect size = ").append(effectSize);
        }
        if (!Double.isNaN(confidence)) {
            b.append(", ").append(confidence * 100).append("% CI [").append(ciLow).append(", ").append(ciHigh).append(']');
        }
        return b.toString();
    }

    /**
     * Rich display for notebooks (the display contract of docs/plotting.md): {@code text/html}, a
     * two-column table captioned with the test's name (statistic, p-value, the degrees of freedom,
     * the alternative, the effect size and the confidence interval, each only where defined), and
     * {@code text/plain}, the same rows as text.
     */
    public Map<String, Object> mimeBundle() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"statistic", ResultTables.num(statistic)});
        rows.add(new String[] {"p-value", ResultTables.num(pValue)});
        if (!Double.isNaN(df)) {
            rows.add(new String[] {Double.isNaN(df2) ? "df" : "df (numerator)", ResultTables.num(df)});
        }
        if (!Double.isNaN(df2)) {
            rows.add(new String[] {"df (denominator)", ResultTables.num(df2)});
        }
        rows.add(new String[] {"alternative", alternative == null ? "" : alternative.toString().toLowerCase(java.util.Locale.ROOT).replace('_', '-')});
        if (!Double.isNaN(effectSize)) {
            rows.add(new String[] {"effect size", ResultTables.num(effectSize)});
        }
        if (!Double.isNaN(confidence)) {
            rows.add(new String[] {ResultTables.num(confidence * 100) + "% CI",
                    "[" + ResultTables.num(ciLow) + ", " + ResultTables.num(ciHigh) + "]"});
        }
        Html.Table t = Html.table("strix-test").caption(test);
        for (String[] r : rows) {
            t.row(r[0], r[1]);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text/html", t.toString());
        m.put("text/plain", t.toText());
        return m;
    }
}
