package dev.strix.regression;

import dev.strix.ndarray.NdArray;
import dev.strix.ndarray.io.Html;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A nonlinear least-squares fit ({@link Nls}): estimates, asymptotic standard errors
 * {@code sqrt(diag((J^T J)^-1) rss / (n - p))}, the residual sum of squares and the convergence
 * report. When {@code converged()} is false the estimates are not a minimum: do not use them.
 */
public record NlsFit(NdArray params, NdArray bse, double rss, int nobs, int iterations, boolean converged,
                     String message) {

    public double residualSd() {
        return Math.sqrt(rss / (nobs - params.size()));
    }

    /** This fit, or an exception carrying the non-convergence report. */
    public NlsFit orElseThrow() {
        if (!converged) {
            throw new IllegalStateException("Nls.fit did not converge: " + message);
        }
        return this;
    }

    /**
     * Rich display for notebooks (the display contract of docs/plotting.md): {@code text/html},
     * a table of the fit (observations, RSS, residual sd, iterations, convergence and its message)
     * and the parameter table ({@code b1 .. bp}, estimate, asymptotic standard error), and
     * {@code text/plain}, the same as text.
     */
    public Map<String, Object> mimeBundle() {
        String title = "Nonlinear least squares (Levenberg-Marquardt)";
        List<String[]> head = new ArrayList<>();
        head.add(new String[] {"observations", Integer.toString(nobs)});
        head.add(new String[] {"residual sum of squares", Summaries.num(rss)});
        head.add(new String[] {"residual sd", Summaries.num(residualSd())});
        head.add(new String[] {"iterations", Integer.toString(iterations)});
        head.add(new String[] {"converged", converged ? "yes" : "NO"});
        head.add(new String[] {"stopped because", message == null ? "" : message});
        Html.Table h = Html.table("strix-fit").caption(title);
        for (String[] r : head) {
            h.row(r[0], r[1]);
        }
        Html.Table p = Html.table("strix-coef");
        p.headRow().td("").th("estimate").th("std err");
        double[] b = params.toDoubleArray();
        double[] se = bse.toDoubleArray();
        for (int j = 0; j < b.length; j++) {
            String name = "b" + (j + 1);
            p.row(name, Summaries.num(b[j]), Summaries.num(se[j]));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text/html", "<div class=\"strix-summary\">" + h + p + "</div>");
        m.put("text/plain", h.toText() + p.toText());
        return m;
    }
}
