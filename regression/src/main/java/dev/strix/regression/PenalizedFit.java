package dev.strix.regression;

import dev.strix.ndarray.NdArray;
import dev.strix.ndarray.io.Html;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One elastic-net fit: the unpenalised intercept and the coefficients on the original scale of
 * X, at penalty {@code lambda} and mixing {@code l1Ratio} (1 = lasso, 0 = ridge).
 */
public record PenalizedFit(double lambda, double l1Ratio, double intercept, NdArray coef, int sweeps,
                           boolean converged) {

    public NdArray predict(NdArray x) {
        double[][] m = x.toDoubleMatrix();
        double[] b = coef.toDoubleArray();
        double[] out = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            double s = intercept;
            for (int j = 0; j < b.length; j++) {
                s += m[i][j] * b[j];
            }
            out[i] = s;
        }
        return NdArray.wrap(out, out.length);
    }

    /** Number of non-zero coefficients. */
    public int nonZero() {
        int c = 0;
        for (double v : coef.toDoubleArray()) {
            if (v != 0) {
                c++;
            }
        }
        return c;
    }

    /** "Lasso", "Ridge" or "Elastic net", from {@code l1Ratio}. */
    public String penalty() {
        return l1Ratio == 1 ? "Lasso" : l1Ratio == 0 ? "Ridge" : "Elastic net";
    }

    /**
     * Rich display for notebooks (the display contract of docs/plotting.md): {@code text/html},
     * a table of the penalty and convergence and a table of the coefficients ({@code const},
     * then {@code x1 .. xk} in the order of X's columns), and {@code text/plain}, the same as text.
     */
    public Map<String, Object> mimeBundle() {
        String title = penalty() + " fit";
        Html.Table head = Html.table("strix-fit").caption(title);
        head.row("lambda", Summaries.num(lambda));
        head.row("l1Ratio", Summaries.num(l1Ratio));
        head.row("non-zero coefficients", nonZero() + " of " + coef.size());
        head.row("sweeps", Integer.toString(sweeps));
        head.row("converged", converged ? "yes" : "NO");
        Html.Table coefs = Html.table("strix-coef");
        coefs.headRow().td("").th("coef");
        coefs.row("const", Summaries.num(intercept));
        List<String> names = Summaries.defaultNames(coef.size());
        double[] b = coef.toDoubleArray();
        for (int j = 0; j < b.length; j++) {
            coefs.row(names.get(j), Summaries.num(b[j]));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text/html", "<div class=\"strix-summary\">" + head + coefs + "</div>");
        m.put("text/plain", head.toText() + coefs.toText());
        return m;
    }
}
