package dev.strix.regression;

import dev.strix.ndarray.io.Html;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * k-fold cross-validation along a lambda path: the mean and standard error of the held-out mean
 * squared error per lambda, the lambda with the smallest error ({@code lambdaMin}) and the largest
 * lambda within one standard error of it ({@code lambda1se}, glmnet's 1-SE rule), and the full-data
 * fits at those two penalties.
 */
public record CvResult(double[] lambdas, double[] cvMean, double[] cvSe, double lambdaMin, double lambda1se,
                       PenalizedFit fitMin, PenalizedFit fit1se, List<PenalizedFit> path) {

    /** The held-out mean squared error at {@code lambda} (one of {@link #lambdas()}), NaN if absent. */
    public double cvMeanAt(double lambda) {
        for (int i = 0; i < lambdas.length; i++) {
            if (lambdas[i] == lambda) {
                return cvMean[i];
            }
        }
        return Double.NaN;
    }

    private double cvSeAt(double lambda) {
        for (int i = 0; i < lambdas.length; i++) {
            if (lambdas[i] == lambda) {
                return cvSe[i];
            }
        }
        return Double.NaN;
    }

    /**
     * Rich display for notebooks (the display contract of docs/plotting.md): {@code text/html},
     * a table of the two chosen penalties (lambda, CV error and its standard error, non-zero
     * coefficients) and their coefficients side by side ({@code const}, {@code x1 .. xk}), and
     * {@code text/plain}, the same as text.
     */
    public Map<String, Object> mimeBundle() {
        String title = fitMin.penalty() + " cross-validation (" + lambdas.length + " lambdas)";
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"", "lambda_min", "lambda_1se"});
        rows.add(new String[] {"lambda", Summaries.num(lambdaMin), Summaries.num(lambda1se)});
        rows.add(new String[] {"CV mean squared error", Summaries.num(cvMeanAt(lambdaMin)), Summaries.num(cvMeanAt(lambda1se))});
        rows.add(new String[] {"its standard error", Summaries.num(cvSeAt(lambdaMin)), Summaries.num(cvSeAt(lambda1se))});
        rows.add(new String[] {"non-zero coefficients", Integer.toString(fitMin.nonZero()), Integer.toString(fit1se.nonZero())});
        rows.add(new String[] {"const", Summaries.num(fitMin.intercept()), Summaries.num(fit1se.intercept())});
        double[] a = fitMin.coef().toDoubleArray();
        double[] b = fit1se.coef().toDoubleArray();
        List<String> names = Summaries.defaultNames(a.length);
        for (int j = 0; j < a.length; j++) {
            rows.add(new String[] {names.get(j), Summaries.num(a[j]), Summaries.num(b[j])});
        }
        Html.Table t = Html.table("strix-cv").caption(title);
        t.headRow().td("").th("lambda_min").th("lambda_1se");
        for (String[] r : rows.subList(1, rows.size())) {
            t.row(r[0], r[1], r[2]);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text/html", "<div class=\"strix-summary\">" + t + "</div>");
        m.put("text/plain", t.toText());
        return m;
    }
}
