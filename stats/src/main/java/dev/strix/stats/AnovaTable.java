package dev.strix.stats;

import dev.strix.ndarray.io.Html;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One-way ANOVA table, as NIST StRD certifies it.
 *
 * @param dfBetween  k - 1
 * @param dfWithin   n - k
 * @param ssBetween  sum over groups of n_g (mean_g - mean)^2
 * @param ssWithin   sum over groups of sum (x - mean_g)^2
 * @param msBetween  ssBetween / dfBetween
 * @param msWithin   ssWithin / dfWithin
 * @param f          msBetween / msWithin
 * @param pValue     upper tail of F(dfBetween, dfWithin) at f
 * @param rSquared   ssBetween / (ssBetween + ssWithin), also eta-squared
 * @param residualSd sqrt(msWithin)
 */
public record AnovaTable(double dfBetween, double dfWithin, double ssBetween, double ssWithin, double msBetween,
        double msWithin, double f, double pValue, double rSquared, double residualSd) {

    /** The same result as a {@link TestResult} (effect size: eta-squared). */
    public TestResult toTestResult() {
        return new TestResult("one-way ANOVA", f, pValue, dfBetween, dfWithin, Alternative.GREATER, rSquared,
                Double.NaN, Double.NaN, Double.NaN);
    }

    /**
     * Rich display for notebooks (the display contract of docs/plotting.md): {@code text/html},
     * the ANOVA table (source, df, sum of squares, mean square, F, p-value; rows between groups,
     * within groups and total) with R-squared and the residual sd under it, and {@code text/plain},
     * the same as text.
     */
    public Map<String, Object> mimeBundle() {
        String title = "One-way ANOVA";
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"", "df", "sum sq", "mean sq", "F", "p-value"});
        rows.add(new String[] {"between groups", ResultTables.num(dfBetween), ResultTables.num(ssBetween),
                ResultTables.num(msBetween), ResultTables.num(f), ResultTables.num(pValue)});
        rows.add(new String[] {"within groups", ResultTables.num(dfWithin), ResultTables.num(ssWithin),
                ResultTables.num(msWithin), "", ""});
        rows.add(new String[] {"total", ResultTables.num(dfBetween + dfWithin), ResultTables.num(ssBetween + ssWithin),
                "", "", ""});
        Html.Table t = Html.table("strix-anova").caption(title);
        Html.Row h = t.headRow().td("");
        for (int c = 1; c < 6; c++) {
            h.th(rows.get(0)[c]);
        }
        for (String[] r : rows.subList(1, rows.size())) {
            t.row(r[0], r[1], r[2], r[3], r[4], r[5]);
        }
        String foot = "R-squared " + ResultTables.num(rSquared) + ", residual sd " + ResultTables.num(residualSd);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text/html", "<div class=\"strix-summary\">" + t + "<p>" + Html.escape(foot) + "</p></div>");
        m.put("text/plain", t.toText() + foot + "\n");
        return m;
    }
}
