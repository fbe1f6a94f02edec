package dev.strix.regression;

import dev.strix.ndarray.NdArray;
import dev.strix.ndarray.io.CsvTable;
import dev.strix.regression.internal.Inputs;
import dev.strix.regression.internal.LsqSolver;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.numbers.gamma.LogGamma;

/**
 * Generalised linear models with canonical links, fitted by iteratively reweighted least squares
 * (each step a weighted least-squares solve on the accurate QR engine): binary logistic regression
 * (logit link) and Poisson regression (log link). An intercept named {@code const} is added first.
 *
 * <pre>{@code
 * GlmFit f = Glm.logistic(X, y01, List.of("bmi", "bp", "s5"));
 * System.out.println(f.summary());
 * }</pre>
 *
 * <p>Convergence: change of the deviance below {@code 1e-12 + 1e-15 |deviance|} (statsmodels'
 * {@code fit(tol=1e-12)}, at most 100 iterations).
 * Non-convergence is reported in {@link GlmFit#converged()} and its warnings; perfect separation
 * in logistic regression throws {@link PerfectSeparationException}.
 */
public final class Glm {
    private Glm() {}

    private static final int MAX_ITER = 100;
    private static final double TOL = 1e-12;

    public static GlmFit logistic(NdArray x, NdArray y, List<String> names) {
        return fit("Binomial", x, y, names, true);
    }

    public static GlmFit logistic(NdArray x, NdArray y) {
        return fit("Binomial", x, y, null, true);
    }

    public static GlmFit poisson(NdArray x, NdArray y, List<String> names) {
        return fit("Poisson", x, y, names, true);
    }

    public static GlmFit poisson(NdArray x, NdArray y) {
        return fit("Poisson", x, y, null, true);
    }

    /**
     * Logistic regression from a formula over a table's columns, e.g. {@code "high ~ bmi + C(sex)"}
     * (see {@link Formula}); the response is a 0/1 column and the intercept is {@code Intercept}.
     */
    public static GlmFit logistic(String formula, CsvTable table) {
        return fromFormula("Binomial", "Glm.logistic", formula, table);
    }

    /** Poisson regression from a formula over a table's columns (see {@link Formula}). */
    public static GlmFit poisson(String formula, CsvTable table) {
        return fromFormula("Poisson", "Glm.poisson", formula, table);
    }

    private static GlmFit fromFormula(String family, String op, String formula, CsvTable table) {
        Formula.Design d = Formula.parse(formula).design(table);
        if (d.y() == null) {
            throw new IllegalArgumentException(op + ": formula '" + formula + "' needs a numeric response left of ~");
        }
        return fit(family, d.x(), d.y(), d.names(), false, d.yName(), d.info(), Formula.droppedNote(d, table.nrows()));
    }

    static GlmFit fit(String family, NdArray xa, NdArray ya, List<String> names, boolean intercept) {
        return fit(family, xa, ya, names, intercept, "y", null, null);
    }

    static GlmFit fit(String family, NdArray xa, NdArray ya, List<String> names, boolean intercept, String yName,
                      Formula.DesignInfo info, String droppedNote) {
        boolean binom = family.equals("Binomial");
        String op = binom ? "Glm.logistic" : "Glm.poisson";
        double[][] m = Inputs.matrix(op, xa);
        int n = m.length;
        int k = m[0].length;
        double[] y = Inputs.vector(op, "y", ya, n);
        for (int i = 0; i < n; i++) {
            if (binom ? !(y[i] == 0 || y[i] == 1) : !(y[i] >= 0 && y[i] == Math.rint(y[i]))) {
                throw new IllegalArgumentException(op + ": y[" + i + "] = " + y[i] + " is not "
                        + (binom ? "0 or 1" : "a non-negative count"));
            }
        }
        int p = k + (intercept ? 1 : 0);
        if (n < p) {
            throw new IllegalArgumentException(op + ": " + n + " observations for " + p + " parameters");
        }
        double[][] x = new double[n][p];
        for (int i = 0; i < n; i++) {
            if (intercept) {
                x[i][0] = 1;
            }
            System.arraycopy(m[i], 0, x[i], intercept ? 1 : 0, k);
        }
        List<String> cols = new ArrayList<>();
        if (intercept) {
            cols.add("const");
        }
        if (names != null) {
            if (names.size() != k) {
                throw new IllegalArgumentException(op + ": " + names.size() + " names for " + k + " columns");
            }
            cols.addAll(names);
        } else {
            for (int j = 0; j < k; j++) {
                cols.add("x" + (j + 1));
            }
        }
        double ybar = 0;
        for (double v : y) {
            ybar += v;
        }
        ybar /= n;
        double[] mu = new double[n];
        double[] eta = new double[n];
        for (int i = 0; i < n; i++) {
            mu[i] = binom ? (y[i] + 0.5) / 2 : (y[i] + ybar) / 2;
            eta[i] = binom ? Math.log(mu[i] / (1 - mu[i])) : Math.log(mu[i]);
        }
        double dev = deviance(binom, y, mu);
        LsqSolver.Solution s = null;
        boolean converged = false;
        int it = 0;
        double[][] wx = new double[n][p];
        double[] wz = new double[n];
        while (it < MAX_ITER) {
            it++;
            for (int i = 0; i < n; i++) {
                double w = binom ? mu[i] * (1 - mu[i]) : mu[i];
                w = Math.max(w, 1e-300);
                double z = eta[i] + (y[i] - mu[i]) / w;
                double sw = Math.sqrt(w);
                for (int j = 0; j < p; j++) {
                    wx[i][j] = x[i][j] * sw;
                }
                wz[i] = z * sw;
            }
            s = LsqSolver.solve(wx, null, wz);
            double[] b = s.beta();
            for (int i = 0; i < n; i++) {
                double e = 0;
                for (int j = 0; j < p; j++) {
                    e += x[i][j] * b[j];
                }
                eta[i] = e;
                mu[i] = binom ? 1 / (1 + Math.exp(-e)) : Math.exp(e);
            }
            double nd = deviance(binom, y, mu);
            // statsmodels' test (absolute 1e-12 on the deviance, so that iteration counts agree),
            // widened by a few ulps so that large deviances cannot cycle on rounding
            if (Math.abs(nd - dev) <= TOL + 1e-15 * Math.abs(nd) || nd == 0) {
                dev = nd;
                converged = true;
                break;
            }
            dev = nd;
        }
        List<String> warn = new ArrayList<>();
        if (droppedNote != null) {
            warn.add(droppedNote);
        }
        if (binom) {
            int extreme = 0;
            for (int i = 0; i < n; i++) {
                if (mu[i] < 1e-10 || mu[i] > 1 - 1e-10) {
                    extreme++;
                }
            }
            if (extreme > 0 && (!converged || dev < 1e-6 || extreme == n)) {
                throw new PerfectSeparationException(op + ": perfect separation: " + extreme + " of " + n
                        + " fitted probabilities are 0 or 1 and the coefficients diverge (deviance " + dev
                        + " after " + it + " iterations); the MLE does not exist");
            }
            if (extreme > 0) {
                warn.add(extreme + " fitted probabilities are numerically 0 or 1 (quasi-separation?)");
            }
        }
        if (!converged) {
            warn.add("IRLS did not converge in " + MAX_ITER + " iterations (last relative deviance change above "
                    + TOL + "); estimates are not reliable");
        }
        if (!s.fullRank()) {
            warn.add("the design is rank deficient (rank " + s.rank() + " < " + p + ")");
        }
        double[] bse = new double[p];
        for (int j = 0; j < p; j++) {
            bse[j] = Math.sqrt(s.xtxInv()[j][j]);
        }
        double llf = 0;
        double pearson = 0;
        for (int i = 0; i < n; i++) {
            if (binom) {
                llf += y[i] == 1 ? Math.log(mu[i]) : Math.log1p(-mu[i]);
                pearson += (y[i] - mu[i]) * (y[i] - mu[i]) / (mu[i] * (1 - mu[i]));
            } else {
                llf += (y[i] == 0 ? 0 : y[i] * Math.log(mu[i])) - mu[i] - LogGamma.value(y[i] + 1);
                pearson += (y[i] - mu[i]) * (y[i] - mu[i]) / mu[i];
            }
        }
        double[] mu0 = new double[n];
        java.util.Arrays.fill(mu0, ybar);
        double nullDev = deviance(binom, y, mu0);
        // log-likelihood of the intercept-only model (closed form: every mean is ybar)
        double llnull = 0;
        int close = 0;
        for (int i = 0; i < n; i++) {
            llnull += binom ? (y[i] == 1 ? Math.log(ybar) : Math.log1p(-ybar))
                    : (y[i] == 0 ? 0 : y[i] * Math.log(ybar)) - ybar - LogGamma.value(y[i] + 1);
            if (Math.abs(y[i] - mu[i]) < 1e-4) {
                close++;
            }
        }
        int kConst = 0;
        for (int j = 0; j < p && kConst == 0; j++) {
            boolean constant = x[0][j] != 0;
            for (int i = 1; i < n && constant; i++) {
                constant = x[i][j] == x[0][j];
            }
            kConst = constant ? 1 : 0;
        }
        double[] cov = new double[p * p]; // scale 1 for both families
        for (int a = 0; a < p; a++) {
            System.arraycopy(s.xtxInv()[a], 0, cov, a * p, p);
        }
        return new GlmFit(family, List.copyOf(cols), NdArray.wrap(s.beta(), p), NdArray.wrap(bse, p),
                NdArray.wrap(cov, p, p), dev,
                nullDev, llf, pearson, n, s.rank(), it, converged, List.copyOf(warn), yName, llnull, kConst, close, info);
    }

    static double deviance(boolean binom, double[] y, double[] mu) {
        double d = 0;
        for (int i = 0; i < y.length; i++) {
            if (binom) {
                d += y[i] == 1 ? -Math.log(mu[i]) : -Math.log1p(-mu[i]);
            } else {
                d += (y[i] == 0 ? 0 : y[i] * Math.log(y[i] / mu[i])) - (y[i] - mu[i]);
            }
        }
        return 2 * d;
    }
}
