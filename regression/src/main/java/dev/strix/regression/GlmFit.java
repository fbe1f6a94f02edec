package dev.strix.regression;

import dev.strix.ndarray.NdArray;
import dev.strix.stats.Distributions;
import java.util.List;

/**
 * A generalised linear model fitted by IRLS ({@link Glm}): estimates with Wald (z) inference as
 * statsmodels' {@code GLMResults}, deviance, log-likelihood, AIC and the convergence report.
 */
public record GlmFit(String family, List<String> names, NdArray params, NdArray bse, double deviance,
                     double nullDeviance, double llf, double pearsonChi2, int nobs, int rank,
                     int iterations, boolean converged, List<String> warnings) {

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

    /** The coefficient table (statsmodels' layout) with deviance and convergence lines. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(java.util.Locale.ROOT,
                "GLM %s  nobs=%d  df_resid=%.0f  deviance=%.6g  null deviance=%.6g  llf=%.6g  AIC=%.6g%n",
                family, nobs, dfResid(), deviance, nullDeviance, llf, aic()));
        sb.append(String.format(java.util.Locale.ROOT, "IRLS: %d iterations, %s%n", iterations,
                converged ? "converged" : "NOT converged"));
        sb.append(Summaries.paramTable(names, params.toDoubleArray(), bse.toDoubleArray(),
                zvalues().toDoubleArray(), pvalues().toDoubleArray(), confInt(0.05).toDoubleArray(), 0.05, false));
        for (String w : warnings) {
            sb.append("Warning: ").append(w).append('\n');
        }
        return sb.toString();
    }
}
