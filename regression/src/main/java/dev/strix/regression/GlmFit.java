package dev.strix.regression;

import dev.strix.ndarray.NdArray;
import dev.strix.ndarray.io.CsvTable;
import dev.strix.ndarray.io.Html;
import dev.strix.regression.internal.Inputs;
import dev.strix.regression.internal.PyFormat;
import dev.strix.stats.Distributions;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A generalised linear model fitted by IRLS ({@link Glm}): estimates with Wald (z) inference as
 * statsmodels' {@code GLMResults}, deviance, log-likelihood, AIC and the convergence report.
 * {@code covParams} is the (p, p) covariance of the estimates, {@code (X' W X)^-1} at the fit
 * (scale 1 for both families), whose diagonal gives {@code bse}. {@code llnull} is the log-likelihood of the intercept-only model, {@code kConstant} 1 when the
 * design has a constant column, {@code predClose} the number of observations with
 * {@code |y - mu| < 1e-4} (statsmodels' quasi-separation diagnostic for binary models);
 * {@code designInfo} is how a formula fit built its design (null for a fit on a matrix).
 */
public record GlmFit(String family, List<String> names, NdArray params, NdArray bse, NdArray covParams, double deviance,
                     double nullDeviance, double llf, double pearsonChi2, int nobs, int rank,
                     int iterations, boolean converged, List<String> warnings, String yName, double llnull,
                     int kConstant, int predClose, Formula.DesignInfo designInfo) {

    /**
     * The mean response at new rows (the probability for logistic regression, the expected count
     * for Poisson), as statsmodels' {@code results.predict(X)}. A fit on a matrix takes the columns
     * of the X given to it (the constant is added here); a formula fit takes its full design, or
     * use {@link #predict(CsvTable)}.
     */
    public NdArray predict(NdArray xNew) {
        double[][] rows = designRows(xNew);
        double[] b = params.toDoubleArray();
        double[] mu = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            mu[i] = inverseLink(dot(rows[i], b));
        }
        return NdArray.wrap(mu, mu.length);
    }

    /**
     * The mean response at new rows with its standard error and a {@code 1 - alpha} confidence
     * interval, as statsmodels' {@code get_prediction(X).summary_frame(alpha)}: the linear
     * predictor's standard error is {@code sqrt(x' V x)} ({@code V} = {@link #covParams()}), the
     * mean's is that times the derivative of the inverse link (the delta method), and the interval
     * is the linear predictor's normal interval mapped through the inverse link, so it stays
     * inside (0, 1) for probabilities and above 0 for counts.
     *
     * @throws IllegalArgumentException on a wrong number of columns, a non-finite value, or
     *     {@code alpha} outside (0, 1)
     */
    public GlmPrediction predict(NdArray xNew, double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("predict: alpha must be in (0, 1), got " + alpha);
        }
        double[][] rows = designRows(xNew);
        int m = rows.length;
        int p = names.size();
        double[] b = params.toDoubleArray();
        double[] v = covParams.toDoubleArray();
        double q = Distributions.normal().ppf(1 - alpha / 2);
        double[] eta = new double[m];
        double[] etaSe = new double[m];
        double[] mu = new double[m];
        double[] muSe = new double[m];
        double[] lo = new double[m];
        double[] hi = new double[m];
        for (int i = 0; i < m; i++) {
            double[] x = rows[i];
            double var = 0;
            for (int a = 0; a < p; a++) {
                double t = 0;
                for (int c = 0; c < p; c++) {
                    t += v[a * p + c] * x[c];
                }
                var += x[a] * t;
            }
            eta[i] = dot(x, b);
            etaSe[i] = Math.sqrt(var);
            mu[i] = inverseLink(eta[i]);
            // d mu / d eta: mu (1 - mu) for the logit link, mu for the log link
            muSe[i] = etaSe[i] * (family.equals("Binomial") ? mu[i] * (1 - mu[i]) : mu[i]);
            lo[i] = inverseLink(eta[i] - q * etaSe[i]);
            hi[i] = inverseLink(eta[i] + q * etaSe[i]);
        }
        return new GlmPrediction(wrap(mu), wrap(muSe), wrap(lo), wrap(hi), wrap(eta), wrap(etaSe), alpha);
    }

    /**
     * {@link #predict(NdArray, double)} at new rows of a table, for a fit made from a formula; a
     * row with a missing value gets NaN everywhere (statsmodels' {@code summary_frame} leaves such
     * rows out instead).
     */
    public GlmPrediction predict(CsvTable newData, double alpha) {
        Formula.Design d = formulaDesign(newData);
        GlmPrediction pr = predict(d.x(), alpha);
        int n = newData.nrows();
        return new GlmPrediction(Formula.spread(pr.mean(), d, n), Formula.spread(pr.meanSe(), d, n),
                Formula.spread(pr.meanCiLower(), d, n), Formula.spread(pr.meanCiUpper(), d, n),
                Formula.spread(pr.linearPredictor(), d, n), Formula.spread(pr.linearPredictorSe(), d, n), alpha);
    }

    private static NdArray wrap(double[] v) {
        return NdArray.wrap(v, v.length);
    }

    private static double dot(double[] x, double[] b) {
        double s = 0;
        for (int j = 0; j < b.length; j++) {
            s += x[j] * b[j];
        }
        return s;
    }

    private double inverseLink(double eta) {
        return family.equals("Binomial") ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta);
    }

    /** The rows of the full design (the constant added for a matrix fit), checked against the names. */
    private double[][] designRows(NdArray xNew) {
        if (xNew == null) {
            throw new IllegalArgumentException("predict: X is null");
        }
        boolean added = designInfo == null; // the matrix fits always add the constant
        int p = names.size();
        int expected = added ? p - 1 : p;
        NdArray x2 = xNew.ndim() == 1 ? xNew.reshape(1, xNew.size()) : xNew;
        double[][] xn = Inputs.matrix("predict", x2);
        if (xn[0].length != expected) {
            throw new IllegalArgumentException("predict: expected " + expected + " columns "
                    + names.subList(added ? 1 : 0, p) + ", got " + xn[0].length);
        }
        if (!added) {
            return xn;
        }
        double[][] full = new double[xn.length][p];
        for (int i = 0; i < xn.length; i++) {
            full[i][0] = 1;
            System.arraycopy(xn[i], 0, full[i], 1, expected);
        }
        return full;
    }

    /**
     * The mean response at new rows of a table, for a fit made from a formula: the design is
     * rebuilt from {@code newData} with the fit's terms, categorical levels and column order, as
     * statsmodels' {@code results.predict(new_df)}.
     *
     * @throws IllegalStateException if the fit was not made from a formula
     * @throws IllegalArgumentException on a categorical level the fitted data did not have (naming
     *     it), a missing column or an infinite value; a row with a missing value predicts NaN
     */
    public NdArray predict(CsvTable newData) {
        Formula.Design d = formulaDesign(newData);
        return Formula.spread(predict(d.x()), d, newData.nrows());
    }

    /** The new rows' design; rows with a missing value are left out. */
    private Formula.Design formulaDesign(CsvTable newData) {
        if (designInfo == null) {
            throw new IllegalStateException("predict(CsvTable): this fit was made from a matrix, not a formula; "
                    + "pass the new rows as a matrix with the columns " + names.subList(1, names.size()));
        }
        if (newData == null) {
            throw new IllegalArgumentException("predict(CsvTable): the table is null");
        }
        return designInfo.design(newData);
    }

    public NdArray zvalues() {
        double[] b = params.toDoubleArray();
        double[] s = bse.toDoubleArray();
        double[] z = new double[b.length];
        for (int j = 0; j < z.length; j++) {
            z[j] = b[j] / s[j];
        }
        return NdArray.wrap(z, z.length);
    }

    /** Two-sided normal p-values of the z statistics. */
    public NdArray pvalues() {
        double[] z = zvalues().toDoubleArray();
        for (int j = 0; j < z.length; j++) {
            z[j] = 2 * Distributions.normal().sf(Math.abs(z[j]));
        }
        return NdArray.wrap(z, z.length);
    }

    /** Wald confidence intervals, shape (p, 2). */
    public NdArray confInt(double alpha) {
        double q = Distributions.normal().ppf(1 - alpha / 2);
        double[] b = params.toDoubleArray();
        double[] s = bse.toDoubleArray();
        double[] ci = new double[2 * b.length];
        for (int j = 0; j < b.length; j++) {
            ci[2 * j] = b[j] - q * s[j];
            ci[2 * j + 1] = b[j] + q * s[j];
        }
        return NdArray.wrap(ci, b.length, 2);
    }

    public double dfResid() {
        return nobs - rank;
    }

    /** {@code -2 llf + 2 rank}, as statsmodels. */
    public double aic() {
        return -2 * llf + 2 * rank;
    }

    public double dfModel() {
        return rank - kConstant;
    }

    /** {@code -2 llf + ln(nobs) rank}. */
    public double bic() {
        return -2 * llf + Math.log(nobs) * rank;
    }

    /** McFadden's pseudo R-squared {@code 1 - llf / llnull} (statsmodels' {@code Logit.prsquared}). */
    public double prsquared() {
        return 1 - llf / llnull;
    }

    /** Cox-Snell pseudo R-squared {@code 1 - exp(2 (llnull - llf) / n)} (statsmodels' {@code pseudo_rsquared("cs")}). */
    public double prsquaredCoxSnell() {
        return -Math.expm1(2 * (llnull - llf) / nobs);
    }

    /** p-value of the likelihood-ratio test against the intercept-only model. */
    public double llrPvalue() {
        return Distributions.chi2(dfModel()).sf(2 * (llf - llnull));
    }

    /**
     * statsmodels' summary text: {@code Logit(y, X).fit().summary()} for logistic regression,
     * {@code GLM(y, X, family=Poisson()).fit().summary()} for Poisson; stamped with the current time.
     */
    public String summary() {
        return summary(0.05, ZonedDateTime.now());
    }

    /** The summary with intervals at {@code 1 - alpha}, stamped with {@code when}. */
    public String summary(double alpha, ZonedDateTime when) {
        SummaryParts s = summaryParts(alpha, when);
        String top = Summaries.twoColumns(s.left, s.right);
        int width = top.indexOf('\n');
        StringBuilder sb = new StringBuilder();
        sb.append(PyFormat.center(s.title, width)).append('\n');
        sb.append("=".repeat(width)).append('\n').append(top);
        String table = Summaries.paramTable(names, params.toDoubleArray(), bse.toDoubleArray(),
                zvalues().toDoubleArray(), pvalues().toDoubleArray(), s.ci, alpha, false);
        sb.append("=".repeat(table.indexOf('\n'))).append('\n').append(table, 0, table.length() - 1);
        if (s.note != null) {
            sb.append("\n\n").append(s.note);
        }
        return sb.toString();
    }

    /** The summary as HTML tables, stamped with the current time; see {@link #summaryHtml(double, ZonedDateTime)}. */
    public String summaryHtml() {
        return summaryHtml(0.05, ZonedDateTime.now());
    }

    /**
     * The summary as statsmodels' {@code summary().as_html()} lays it out (Logit's for logistic
     * regression, GLM's for Poisson): the header table and the coefficient table with the same
     * cells as {@link #summary(double, ZonedDateTime)}, escaped, then the separation note if any.
     */
    public String summaryHtml(double alpha, ZonedDateTime when) {
        SummaryParts s = summaryParts(alpha, when);
        return "<div class=\"strix-summary\">"
                + Summaries.htmlTwoColumns(s.title, s.left, s.right)
                + Summaries.htmlParamTable(names, params.toDoubleArray(), bse.toDoubleArray(),
                        zvalues().toDoubleArray(), pvalues().toDoubleArray(), s.ci, alpha, false)
                + (s.note == null ? "" : "<p class=\"strix-notes\">" + Html.lines(s.note) + "</p>") + "</div>";
    }

    /**
     * Rich display for notebooks (the display contract of docs/plotting.md): {@code text/html}
     * ({@link #summaryHtml()}) and {@code text/plain} ({@link #summary()}), stamped with the same time.
     */
    public Map<String, Object> mimeBundle() {
        ZonedDateTime now = ZonedDateTime.now();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text/html", summaryHtml(0.05, now));
        m.put("text/plain", summary(0.05, now));
        return m;
    }

    /** The cells of the summary, shared by its text and HTML forms. */
    private static final class SummaryParts {
        String title;
        List<String[]> left = new ArrayList<>();
        List<String[]> right = new ArrayList<>();
        double[] ci;
        String note;
    }

    private SummaryParts summaryParts(double alpha, ZonedDateTime when) {
        SummaryParts s = new SummaryParts();
        boolean logit = family.equals("Binomial");
        s.title = logit ? "Logit Regression Results" : "Generalized Linear Model Regression Results";
        List<String[]> left = s.left;
        List<String[]> right = s.right;
        left.add(new String[] {"Dep. Variable:", yName});
        right.add(new String[] {"No. Observations:", Integer.toString(nobs)});
        right.add(new String[] {"Df Residuals:", Long.toString((long) dfResid())});
        right.add(new String[] {"Df Model:", Long.toString((long) dfModel())});
        if (logit) {
            left.add(new String[] {"Model:", "Logit"});
            left.add(new String[] {"Method:", "MLE"});
            Summaries.dateTime(left, when);
            left.add(new String[] {"converged:", converged ? "True" : "False"});
            right.add(new String[] {"Pseudo R-squ.:", PyFormat.g(prsquared(), 6, 4, true)});
            right.add(new String[] {"Log-Likelihood:", PyFormat.g(llf, 8, 5, true)});
            right.add(new String[] {"LL-Null:", PyFormat.g(llnull, 8, 5, true)});
            right.add(new String[] {"LLR p-value:", PyFormat.g(llrPvalue(), 6, 4, true)});
        } else {
            left.add(new String[] {"Model:", "GLM"});
            left.add(new String[] {"Model Family:", family});
            left.add(new String[] {"Link Function:", "Log"});
            left.add(new String[] {"Method:", "IRLS"});
            Summaries.dateTime(left, when);
            left.add(new String[] {"No. Iterations:", Integer.toString(iterations)});
            right.add(new String[] {"Scale:", PyFormat.g(1.0, 8, 5, true)});
            right.add(new String[] {"Log-Likelihood:", PyFormat.g(llf, 8, 5, true)});
            right.add(new String[] {"Deviance:", PyFormat.g(deviance, 8, 5, true)});
            right.add(new String[] {"Pearson chi2:", PyFormat.g(pearsonChi2, 6, 3, true)});
            right.add(new String[] {"Pseudo R-squ. (CS):", PyFormat.g(prsquaredCoxSnell(), 6, 4, true)});
        }
        left.add(new String[] {"Covariance Type:", "nonrobust"});
        s.ci = confInt(alpha).toDoubleArray();
        if (logit && predClose == nobs) {
            s.note = "Complete Separation: The results show that there iscomplete separation.\n"
                    + "In this case the Maximum Likelihood Estimator does not exist and the parameters\n"
                    + "are not identified.";
        } else if (logit && predClose > 0.1 * nobs) {
            s.note = "Possibly complete quasi-separation: A fraction "
                    + String.format(Locale.ROOT, "%4.2f", (double) predClose / nobs)
                    + " of observations can be\nperfectly predicted. This might indicate that there is complete\n"
                    + "quasi-separation. In this case some parameters will not be identified.";
        }
        return s;
    }

    @Override
    public String toString() {
        return summary();
    }
}
