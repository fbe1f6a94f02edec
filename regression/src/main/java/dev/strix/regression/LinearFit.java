package dev.strix.regression;

import dev.strix.linalg.Linalg;
import dev.strix.ndarray.NdArray;
import dev.strix.ndarray.io.CsvTable;
import dev.strix.regression.internal.DoubleDouble;
import dev.strix.regression.internal.Inputs;
import dev.strix.regression.internal.LsqSolver;
import dev.strix.regression.internal.Normality;
import dev.strix.regression.internal.PyFormat;
import dev.strix.stats.Distribution;
import dev.strix.stats.Distributions;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The result of a least-squares fit (OLS, WLS or a polynomial fit): estimates, inference and
 * diagnostics, with statsmodels' names and conventions ({@code RegressionResults}).
 *
 * <p>R-squared is centred when the model has a constant column (an intercept) and uncentred
 * otherwise; the F test compares the model with the constant-only (or empty) model; standard
 * errors are the classical ("nonrobust") ones. Arrays are in the order of {@link #names()}.
 */
public final class LinearFit {
    private final String model;
    private final String yName;
    private final List<String> names;
    private final boolean interceptAdded;
    private final int nobs;
    private final int p;
    private final double[] params;
    private final double[][] normCov; // (X^T W X)^-1
    private final double[] resid;
    private final double[] wresid;
    private final double[] fitted;
    private final double[] weights; // null for OLS
    private final int rank;
    private final boolean fullRank;
    private final int kConstant;
    private final double ssr;
    private final double centeredTss;
    private final double uncenteredTss;
    private final double[] singularValues;
    private List<String> warnings; // a formula fit adds its dropped-rows note once, before the fit is returned
    private final int refinementSteps;
    private final double[][] wx; // the (weighted) design, for the robust covariances
    private final CovType covType;
    private final int constIndex; // the constant column, -1 if none
    private final double[][] robustCov; // null when nonrobust
    private Formula.DesignInfo designInfo; // set once by a formula fit, before the fit is returned

    LinearFit(String model, String yName, List<String> names, boolean interceptAdded, double[][] x,
              double[] y, double[] weights) {
        this(model, yName, names, interceptAdded, x, null, y, weights);
    }

    LinearFit(String model, String yName, List<String> names, boolean interceptAdded, double[][] x,
              double[][] xlo, double[] y, double[] weights) {
        this.model = model;
        this.yName = yName;
        this.names = List.copyOf(names);
        this.interceptAdded = interceptAdded;
        this.nobs = x.length;
        this.p = x[0].length;
        this.weights = weights;
        List<String> warn = new ArrayList<>();
        double[][] wx = x;
        double[][] wxlo = xlo;
        double[] wy = y;
        double[] sw = null;
        if (weights != null) {
            sw = new double[nobs];
            wx = new double[nobs][p];
            wxlo = xlo == null ? null : new double[nobs][p];
            wy = new double[nobs];
            for (int i = 0; i < nobs; i++) {
                sw[i] = Math.sqrt(weights[i]);
                wy[i] = y[i] * sw[i];
                for (int j = 0; j < p; j++) {
                    wx[i][j] = x[i][j] * sw[i];
                    if (wxlo != null) {
                        wxlo[i][j] = xlo[i][j] * sw[i];
                    }
                }
            }
        }
        LsqSolver.Solution s = LsqSolver.solve(wx, wxlo, wy);
        this.params = s.beta();
        this.normCov = s.xtxInv();
        this.rank = s.rank();
        this.fullRank = s.fullRank();
        this.refinementSteps = s.refinementSteps();
        if (wxlo == null) {
            this.wx = wx;
        } else {
            this.wx = new double[nobs][p];
            for (int i = 0; i < nobs; i++) {
                for (int j = 0; j < p; j++) {
                    this.wx[i][j] = wx[i][j] + wxlo[i][j];
                }
            }
        }
        this.covType = CovType.NONROBUST;
        this.robustCov = null;
        this.wresid = s.residuals();
        this.ssr = s.rss();
        this.resid = new double[nobs];
        this.fitted = new double[nobs];
        DoubleDouble acc = new DoubleDouble();
        for (int i = 0; i < nobs; i++) {
            acc.set(0, 0);
            for (int j = 0; j < p; j++) {
                if (xlo == null) {
                    acc.addProduct(x[i][j], params[j]);
                } else {
                    acc.addProduct(x[i][j], xlo[i][j], params[j]);
                }
            }
            fitted[i] = acc.value();
            resid[i] = sw == null ? wresid[i] : acc.set(-acc.hi, -acc.lo).add(y[i]).value();
        }
        // constant column: all equal and non-zero (statsmodels' explicit check)
        int kc = 0;
        int ci = -1;
        for (int j = 0; j < p && kc == 0; j++) {
            boolean constant = x[0][j] != 0;
            for (int i = 1; i < nobs && constant; i++) {
                constant = x[i][j] == x[0][j] && (xlo == null || xlo[i][j] == xlo[0][j]);
            }
            if (constant) {
                kc = 1;
                ci = j;
            }
        }
        this.kConstant = kc;
        this.constIndex = ci;
        // total sums of squares (weighted for WLS), in double-double
        DoubleDouble sy = new DoubleDouble();
        DoubleDouble sw0 = new DoubleDouble();
        DoubleDouble un = new DoubleDouble();
        for (int i = 0; i < nobs; i++) {
            double w = weights == null ? 1 : weights[i];
            sy.addProduct(w, y[i]);
            sw0.add(w);
            un.addProduct(wy[i], wy[i]);
        }
        double ybar = sy.value() / sw0.value();
        DoubleDouble ct = new DoubleDouble();
        for (int i = 0; i < nobs; i++) {
            double d = y[i] - ybar;
            ct.addProduct(weights == null ? d : weights[i] * d, d);
        }
        this.centeredTss = ct.value();
        this.uncenteredTss = un.value();
        double[] flat = new double[nobs * p];
        for (int i = 0; i < nobs; i++) {
            for (int j = 0; j < p; j++) {
                flat[i * p + j] = wx[i][j] + (wxlo == null ? 0 : wxlo[i][j]);
            }
        }
        this.singularValues = Linalg.svdvals(NdArray.wrap(flat, nobs, p)).toDoubleArray();
        if (!fullRank) {
            warn.add("the design is rank deficient (rank " + rank + " < " + p
                    + " columns): coefficients are the minimum-norm solution and are not identified"
                    + " individually; check for constant or collinear columns");
        }
        if (nobs - rank <= 0) {
            warn.add("no residual degrees of freedom (" + nobs + " observations, rank " + rank
                    + "): standard errors and tests are undefined (NaN)");
        }
        double cond = conditionNumber();
        if (fullRank && cond > 1e3) {
            warn.add(String.format(Locale.ROOT, "the condition number is large, %.3g", cond));
        }
        this.warnings = Collections.unmodifiableList(warn);
    }

    private LinearFit(LinearFit f, CovType type) {
        this.model = f.model;
        this.yName = f.yName;
        this.names = f.names;
        this.interceptAdded = f.interceptAdded;
        this.nobs = f.nobs;
        this.p = f.p;
        this.params = f.params;
        this.normCov = f.normCov;
        this.resid = f.resid;
        this.wresid = f.wresid;
        this.fitted = f.fitted;
        this.weights = f.weights;
        this.rank = f.rank;
        this.fullRank = f.fullRank;
        this.kConstant = f.kConstant;
        this.ssr = f.ssr;
        this.centeredTss = f.centeredTss;
        this.uncenteredTss = f.uncenteredTss;
        this.singularValues = f.singularValues;
        this.warnings = f.warnings;
        this.refinementSteps = f.refinementSteps;
        this.wx = f.wx;
        this.covType = type;
        this.constIndex = f.constIndex;
        this.robustCov = type == CovType.NONROBUST ? null : sandwich(type);
        this.designInfo = f.designInfo;
    }

    LinearFit withDesign(Formula.DesignInfo info) {
        this.designInfo = info;
        return this;
    }

    /** {@link #withDesign}, plus the note on rows a formula left out (null: none). */
    LinearFit withDesign(Formula.DesignInfo info, String droppedNote) {
        if (droppedNote != null) {
            List<String> w = new ArrayList<>(warnings);
            w.add(0, droppedNote);
            warnings = Collections.unmodifiableList(w);
        }
        return withDesign(info);
    }

    /** How a formula fit built its design (to rebuild it on new rows); null for a fit on a matrix. */
    public Formula.DesignInfo designInfo() {
        return designInfo;
    }

    /**
     * This fit with another covariance of the estimates (statsmodels' {@code fit(cov_type=...)}):
     * {@link #bse()}, {@link #covParams()}, the tests, intervals, F and the summary use it. With a
     * robust covariance the statistics are z (normal), and F is the Wald test of the non-constant
     * coefficients, on (q, dfResid) degrees of freedom, as statsmodels.
     */
    public LinearFit robust(CovType type) {
        if (type == null) {
            throw new IllegalArgumentException("robust: the covariance type is null");
        }
        return new LinearFit(this, type);
    }

    /** The covariance type in use ({@code NONROBUST} unless {@link #robust} chose another). */
    public CovType covType() {
        return covType;
    }

    private double[][] sandwich(CovType type) {
        double[] u = new double[nobs];
        double dfr = dfResid();
        for (int i = 0; i < nobs; i++) {
            double e2 = wresid[i] * wresid[i];
            double h = 0;
            if (type == CovType.HC2 || type == CovType.HC3) {
                for (int a = 0; a < p; a++) {
                    double t = 0;
                    for (int b = 0; b < p; b++) {
                        t += normCov[a][b] * wx[i][b];
                    }
                    h += wx[i][a] * t;
                }
            }
            u[i] = switch (type) {
                case HC0 -> e2;
                case HC1 -> e2 * nobs / dfr;
                case HC2 -> e2 / (1 - h);
                default -> e2 / ((1 - h) * (1 - h));
            };
        }
        double[][] meat = new double[p][p];
        for (int i = 0; i < nobs; i++) {
            for (int a = 0; a < p; a++) {
                double v = u[i] * wx[i][a];
                for (int b = 0; b < p; b++) {
                    meat[a][b] += v * wx[i][b];
                }
            }
        }
        double[][] t = new double[p][p];
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                double v = 0;
                for (int c = 0; c < p; c++) {
                    v += normCov[a][c] * meat[c][b];
                }
                t[a][b] = v;
            }
        }
        double[][] cov = new double[p][p];
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                double v = 0;
                for (int c = 0; c < p; c++) {
                    v += t[a][c] * normCov[c][b];
                }
                cov[a][b] = v;
            }
        }
        return cov;
    }

    // ---- estimates -------------------------------------------------------------------------

    /** Which estimator: "OLS" or "WLS". */
    public String model() {
        return model;
    }

    /** Column names, the intercept first ({@code const}) when one was added. */
    public List<String> names() {
        return names;
    }

    public String yName() {
        return yName;
    }

    public NdArray params() {
        return Nd1(params.clone());
    }

    /** The coefficient named {@code name}. */
    public double param(String name) {
        int j = names.indexOf(name);
        if (j < 0) {
            throw new IllegalArgumentException("param: no column named '" + name + "' in " + names);
        }
        return params[j];
    }

    public NdArray bse() {
        double[] b = new double[p];
        double sc = scale();
        for (int j = 0; j < p; j++) {
            b[j] = Math.sqrt(robustCov != null ? robustCov[j][j] : sc * normCov[j][j]);
        }
        return Nd1(b);
    }

    public NdArray tvalues() {
        double[] b = bse().toDoubleArray();
        double[] t = new double[p];
        for (int j = 0; j < p; j++) {
            t[j] = params[j] / b[j];
        }
        return Nd1(t);
    }

    /**
     * Two-sided p-values of the t statistics on {@link #dfResid()} degrees of freedom (normal
     * p-values of z statistics under a robust covariance).
     */
    public NdArray pvalues() {
        double[] t = tvalues().toDoubleArray();
        double[] pv = new double[p];
        Distribution d = robustCov != null ? Distributions.normal() : dfResid() > 0 ? Distributions.t(dfResid()) : null;
        for (int j = 0; j < p; j++) {
            pv[j] = d == null ? Double.NaN : 2 * d.sf(Math.abs(t[j]));
        }
        return Nd1(pv);
    }

    /** Confidence intervals, shape (p, 2): lower and upper bounds at level {@code 1 - alpha}. */
    public NdArray confInt(double alpha) {
        checkAlpha(alpha);
        double q = robustCov != null ? Distributions.normal().ppf(1 - alpha / 2)
                : dfResid() > 0 ? Distributions.t(dfResid()).ppf(1 - alpha / 2) : Double.NaN;
        double[] b = bse().toDoubleArray();
        double[] ci = new double[2 * p];
        for (int j = 0; j < p; j++) {
            ci[2 * j] = params[j] - q * b[j];
            ci[2 * j + 1] = params[j] + q * b[j];
        }
        return NdArray.wrap(ci, p, 2);
    }

    /** {@code scale * (X^T W X)^-1}, or the robust sandwich, shape (p, p). */
    public NdArray covParams() {
        double sc = scale();
        double[] c = new double[p * p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                c[i * p + j] = robustCov != null ? robustCov[i][j] : sc * normCov[i][j];
            }
        }
        return NdArray.wrap(c, p, p);
    }

    // ---- goodness of fit ----------------------------------------------------------------------

    public int nobs() {
        return nobs;
    }

    public int rank() {
        return rank;
    }

    /** True when the design has full column rank (the QR path); false for the pseudo-inverse path. */
    public boolean fullRank() {
        return fullRank;
    }

    /** 1 when the design has a constant column, else 0 (statsmodels' {@code k_constant}). */
    public int kConstant() {
        return kConstant;
    }

    public double dfModel() {
        return rank - kConstant;
    }

    public double dfResid() {
        return nobs - rank;
    }

    /** Residual sum of squares (weighted for WLS). */
    public double ssr() {
        return ssr;
    }

    /** Residual variance estimate {@code ssr / dfResid}. */
    public double scale() {
        return dfResid() > 0 ? ssr / dfResid() : Double.NaN;
    }

    public double centeredTss() {
        return centeredTss;
    }

    public double uncenteredTss() {
        return uncenteredTss;
    }

    /** Explained sum of squares (centred or uncentred, as R-squared). */
    public double ess() {
        return (kConstant == 1 ? centeredTss : uncenteredTss) - ssr;
    }

    public double rsquared() {
        return 1 - ssr / (kConstant == 1 ? centeredTss : uncenteredTss);
    }

    public double rsquaredAdj() {
        return 1 - (nobs - kConstant) / dfResid() * (1 - rsquared());
    }

    public double fvalue() {
        if (robustCov != null) {
            return robustWald();
        }
        return dfModel() > 0 ? (ess() / dfModel()) / scale() : Double.NaN;
    }

    public double fPvalue() {
        double f = fvalue();
        if (robustCov != null) {
            int q = p - kConstant;
            return Double.isNaN(f) || dfResid() <= 0 ? Double.NaN : Distributions.f(q, dfResid()).sf(f);
        }
        return Double.isNaN(f) || dfResid() <= 0 ? Double.NaN
                : Distributions.f(dfModel(), dfResid()).sf(f);
    }

    /** Wald F of all non-constant coefficients being 0 under the robust covariance. */
    private double robustWald() {
        int c0 = constIndex;
        int q = c0 >= 0 ? p - 1 : p;
        if (q == 0) {
            return Double.NaN;
        }
        int[] idx = new int[q];
        for (int j = 0, k = 0; j < p; j++) {
            if (j != c0) {
                idx[k++] = j;
            }
        }
        double[][] v = new double[q][q];
        double[] r = new double[q];
        for (int a = 0; a < q; a++) {
            r[a] = params[idx[a]];
            for (int b = 0; b < q; b++) {
                v[a][b] = robustCov[idx[a]][idx[b]];
            }
        }
        double[][] l = dev.strix.regression.internal.Spd.cholesky(v);
        if (l == null) {
            return Double.NaN;
        }
        double[] s = dev.strix.regression.internal.Spd.solve(l, r);
        double w = 0;
        for (int a = 0; a < q; a++) {
            w += r[a] * s[a];
        }
        return w / q;
    }

    /** Gaussian log-likelihood at the estimates (with the weights' term for WLS). */
    public double llf() {
        double n2 = nobs / 2.0;
        double l = -n2 * Math.log(2 * Math.PI) - n2 * Math.log(ssr / nobs) - n2;
        if (weights != null) {
            double s = 0;
            for (double w : weights) {
                s += Math.log(w);
            }
            l += 0.5 * s;
        }
        return l;
    }

    public double aic() {
        return -2 * llf() + 2 * (dfModel() + kConstant);
    }

    public double bic() {
        return -2 * llf() + Math.log(nobs) * (dfModel() + kConstant);
    }

    // ---- residuals and diagnostics -----------------------------------------------------------

    /** {@code y - X b}. */
    public NdArray resid() {
        return Nd1(resid.clone());
    }

    /** Weighted residuals {@code sqrt(w) (y - X b)}; the same as {@link #resid()} for OLS. */
    public NdArray wresid() {
        return Nd1(wresid.clone());
    }

    public NdArray fittedValues() {
        return Nd1(fitted.clone());
    }

    /** Durbin-Watson statistic of the weighted residuals. */
    public double durbinWatson() {
        return Normality.durbinWatson(wresid);
    }

    /** Jarque-Bera statistic and p-value of the weighted residuals: {jb, p, skew, kurtosis}. */
    public double[] jarqueBera() {
        return Normality.jarqueBera(wresid);
    }

    /** D'Agostino-Pearson omnibus normality test of the weighted residuals: {K^2, p}. */
    public double[] omnibus() {
        return Normality.omnibus(wresid);
    }

    /** Two-norm condition number of the (weighted) design, {@code s_max / s_min}. */
    public double conditionNumber() {
        double mx = 0;
        double mn = Double.POSITIVE_INFINITY;
        for (double s : singularValues) {
            mx = Math.max(mx, s);
            mn = Math.min(mn, s);
        }
        return mx / mn;
    }

    /** Smallest eigenvalue of {@code X^T W X}. */
    public double minEigenvalue() {
        double mn = Double.POSITIVE_INFINITY;
        for (double s : singularValues) {
            mn = Math.min(mn, s);
        }
        return singularValues.length < p ? 0 : mn * mn;
    }

    /** Problems found while fitting (rank deficiency, no residual df, ill conditioning). */
    public List<String> warnings() {
        return warnings;
    }

    /** Steps of iterative refinement used for the coefficients (0 on the pseudo-inverse path). */
    public int refinementSteps() {
        return refinementSteps;
    }

    // ---- prediction ----------------------------------------------------------------------------

    /** Point predictions at new rows, given with the same columns as the X passed to the fit. */
    public NdArray predict(NdArray xNew) {
        return predict(xNew, 0.05).mean();
    }

    /**
     * Predictions with the confidence interval of the mean and the prediction interval of a new
     * observation (unit weight) at level {@code 1 - alpha}; rows of {@code xNew} have the columns
     * of the X passed to the fit (the intercept is added here when the fit added it). On a
     * {@link #robust} fit the mean's standard error comes from the robust covariance and both
     * intervals use normal quantiles, as statsmodels' {@code get_prediction} on a
     * {@code fit(cov_type=...)} result.
     */
    public Prediction predict(NdArray xNew, double alpha) {
        checkAlpha(alpha);
        double[][] xn = Inputs.matrix("predict", xNew.ndim() == 1
                ? xNew.reshape(1, xNew.size()) : xNew);
        int m = xn.length;
        int expected = interceptAdded ? p - 1 : p;
        if (xn[0].length != expected) {
            throw new IllegalArgumentException("predict: expected " + expected + " columns "
                    + names.subList(interceptAdded ? 1 : 0, p) + ", got " + xn[0].length);
        }
        double sc = scale();
        // under a robust covariance statsmodels' get_prediction uses it, and normal quantiles (use_t False)
        double[][] cov = robustCov;
        double q = cov != null ? Distributions.normal().ppf(1 - alpha / 2)
                : dfResid() > 0 ? Distributions.t(dfResid()).ppf(1 - alpha / 2) : Double.NaN;
        double covScale = cov != null ? 1 : sc;
        if (cov == null) {
            cov = normCov;
        }
        double[] mean = new double[m];
        double[] se = new double[m];
        double[] lo = new double[m];
        double[] hi = new double[m];
        double[] olo = new double[m];
        double[] ohi = new double[m];
        double[] row = new double[p];
        for (int i = 0; i < m; i++) {
            if (interceptAdded) {
                row[0] = 1;
                System.arraycopy(xn[i], 0, row, 1, p - 1);
            } else {
                System.arraycopy(xn[i], 0, row, 0, p);
            }
            DoubleDouble acc = new DoubleDouble();
            double v = 0;
            for (int a = 0; a < p; a++) {
                acc.addProduct(row[a], params[a]);
                double s = 0;
                for (int b = 0; b < p; b++) {
                    s += cov[a][b] * row[b];
                }
                v += row[a] * s;
            }
            mean[i] = acc.value();
            se[i] = Math.sqrt(covScale * v);
            lo[i] = mean[i] - q * se[i];
            hi[i] = mean[i] + q * se[i];
            double so = Math.sqrt(se[i] * se[i] + sc);
            olo[i] = mean[i] - q * so;
            ohi[i] = mean[i] + q * so;
        }
        return new Prediction(Nd1(mean), Nd1(se), Nd1(lo), Nd1(hi), Nd1(olo), Nd1(ohi), alpha);
    }

    /**
     * Point predictions at new rows of a table, for a fit made from a formula: the design is
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

    /**
     * Predictions with intervals at new rows of a table, for a fit made from a formula, as
     * statsmodels' {@code results.get_prediction(new_df).summary_frame(alpha)}.
     *
     * @see #predict(CsvTable)
     */
    public Prediction predict(CsvTable newData, double alpha) {
        Formula.Design d = formulaDesign(newData);
        Prediction pr = predict(d.x(), alpha);
        int n = newData.nrows();
        return new Prediction(Formula.spread(pr.mean(), d, n), Formula.spread(pr.meanSe(), d, n),
                Formula.spread(pr.meanCiLower(), d, n), Formula.spread(pr.meanCiUpper(), d, n),
                Formula.spread(pr.obsCiLower(), d, n), Formula.spread(pr.obsCiUpper(), d, n), alpha);
    }

    /** The new rows' design; rows with a missing value are left out (their predictions are NaN). */
    private Formula.Design formulaDesign(CsvTable newData) {
        if (designInfo == null) {
            throw new IllegalStateException("predict(CsvTable): this fit was made from a matrix, not a formula; "
                    + "pass the new rows as a matrix with the columns " + names.subList(interceptAdded ? 1 : 0, p));
        }
        if (newData == null) {
            throw new IllegalArgumentException("predict(CsvTable): the table is null");
        }
        return designInfo.design(newData);
    }

    // ---- printing ----------------------------------------------------------------------------

    /** statsmodels' {@code summary()} text, stamped with the current date and time. */
    public String summary() {
        return summary(0.05, ZonedDateTime.now());
    }

    /** The summary with confidence intervals at {@code 1 - alpha}, stamped with {@code when}. */
    public String summary(double alpha, ZonedDateTime when) {
        SummaryParts s = summaryParts(alpha, when);
        StringBuilder sb = new StringBuilder();
        String top = Summaries.twoColumns(s.left, s.right);
        int width = top.indexOf('\n');
        sb.append(PyFormat.center(s.title, width)).append('\n');
        sb.append("=".repeat(width)).append('\n').append(top);
        String table = Summaries.paramTable(names, params, s.se, s.t, s.p, s.ci, alpha, s.useT);
        // statsmodels opens the coefficient table with a rule as wide as that table and closes it
        // with one as wide as the diagnostics table below
        int tw = table.indexOf('\n');
        sb.append("=".repeat(tw)).append('\n').append(table, 0, table.length() - tw - 1);
        String diag = Summaries.twoColumns(s.diagLeft, s.diagRight);
        int dw = diag.indexOf('\n');
        sb.append("=".repeat(dw)).append('\n').append(diag).append("=".repeat(dw)).append('\n');
        sb.append("\nNotes:");
        for (int i = 0; i < s.notes.size(); i++) {
            sb.append("\n[").append(i + 1).append("] ").append(s.notes.get(i));
        }
        return sb.toString();
    }

    /** The summary as HTML tables, stamped with the current date and time; see {@link #summaryHtml(double, ZonedDateTime)}. */
    public String summaryHtml() {
        return summaryHtml(0.05, ZonedDateTime.now());
    }

    /**
     * The summary as statsmodels' {@code summary().as_html()} lays it out: the header table
     * (captioned "OLS Regression Results"), the coefficient table and the diagnostics table, then
     * the notes; the cells hold the same texts as {@link #summary(double, ZonedDateTime)}, escaped.
     */
    public String summaryHtml(double alpha, ZonedDateTime when) {
        SummaryParts s = summaryParts(alpha, when);
        return "<div class=\"strix-summary\">"
                + Summaries.htmlTwoColumns(s.title, s.left, s.right)
                + Summaries.htmlParamTable(names, params, s.se, s.t, s.p, s.ci, alpha, s.useT)
                + Summaries.htmlTwoColumns(null, s.diagLeft, s.diagRight)
                + Summaries.htmlNotes(s.notes) + "</div>";
    }

    /**
     * Rich display for notebooks (the display contract of docs/plotting.md): {@code text/html},
     * the summary as tables ({@link #summaryHtml()}), and {@code text/plain}, the summary text,
     * both stamped with the same time.
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
        List<String[]> diagLeft = new ArrayList<>();
        List<String[]> diagRight = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        double[] se;
        double[] t;
        double[] p;
        double[] ci;
        boolean useT;
    }

    private SummaryParts summaryParts(double alpha, ZonedDateTime when) {
        checkAlpha(alpha);
        SummaryParts s = new SummaryParts();
        s.title = model + " Regression Results";
        List<String[]> left = s.left;
        left.add(new String[] {"Dep. Variable:", yName});
        left.add(new String[] {"Model:", model});
        left.add(new String[] {"Method:", "Least Squares"});
        left.add(new String[] {"Date:", when.format(DateTimeFormatter.ofPattern("EEE, dd MMM yyyy", Locale.ENGLISH))});
        left.add(new String[] {"Time:", when.format(DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ENGLISH))});
        left.add(new String[] {"No. Observations:", PyFormat.d(nobs, 6).trim()});
        left.add(new String[] {"Df Residuals:", PyFormat.d((long) dfResid(), 6).trim()});
        left.add(new String[] {"Df Model:", PyFormat.d((long) dfModel(), 6).trim()});
        left.add(new String[] {"Covariance Type:", covType.label()});
        String rt = kConstant == 1 ? "" : " (uncentered)";
        List<String[]> right = s.right;
        right.add(new String[] {"R-squared" + rt + ":", PyFormat.f(rsquared(), 8, 3)});
        right.add(new String[] {"Adj. R-squared" + rt + ":", PyFormat.f(rsquaredAdj(), 8, 3)});
        right.add(new String[] {"F-statistic:", PyFormat.g(fvalue(), 8, 4, true)});
        right.add(new String[] {"Prob (F-statistic):", PyFormat.g(fPvalue(), 6, 3, true)});
        right.add(new String[] {"Log-Likelihood:", PyFormat.g(llf(), 8, 5, true)});
        right.add(new String[] {"AIC:", PyFormat.g(aic(), 8, 4, true)});
        right.add(new String[] {"BIC:", PyFormat.g(bic(), 8, 4, true)});
        s.se = bse().toDoubleArray();
        s.t = tvalues().toDoubleArray();
        s.p = pvalues().toDoubleArray();
        s.ci = confInt(alpha).toDoubleArray();
        s.useT = robustCov == null;
        double[] jb = jarqueBera();
        double[] om = omnibus();
        List<String[]> dl = s.diagLeft;
        dl.add(new String[] {"Omnibus:", PyFormat.f(om[0], 6, 3)});
        dl.add(new String[] {"Prob(Omnibus):", PyFormat.f(om[1], 6, 3)});
        dl.add(new String[] {"Skew:", PyFormat.f(jb[2], 6, 3)});
        dl.add(new String[] {"Kurtosis:", PyFormat.f(jb[3], 6, 3)});
        List<String[]> dr = s.diagRight;
        dr.add(new String[] {"Durbin-Watson:", PyFormat.f(durbinWatson(), 8, 3)});
        dr.add(new String[] {"Jarque-Bera (JB):", PyFormat.f(jb[0], 8, 3)});
        dr.add(new String[] {"Prob(JB):", PyFormat.g(jb[1], 8, 3, true)});
        dr.add(new String[] {"Cond. No.", PyFormat.g(conditionNumber(), 8, 3, true)});
        List<String> notes = s.notes;
        if (kConstant == 0) {
            notes.add("R² is computed without centering (uncentered) since the model does not contain a constant.");
        }
        notes.add(robustCov == null
                ? "Standard Errors assume that the covariance matrix of the errors is correctly specified."
                : "Standard Errors are heteroscedasticity robust (" + covType.label() + ")");
        if (nobs < p) {
            notes.add("The input rank is higher than the number of observations.");
        }
        double mineig = minEigenvalue();
        if (mineig < 1e-10) {
            notes.add("The smallest eigenvalue is " + PyFormat.g(mineig, 6, 3, false)
                    + ". This might indicate that there are\nstrong multicollinearity problems or that"
                    + " the design matrix is singular.");
        } else if (conditionNumber() > 1000) {
            notes.add("The condition number is large, " + PyFormat.g(conditionNumber(), 6, 3, false)
                    + ". This might indicate that there are\nstrong multicollinearity or other numerical problems.");
        }
        return s;
    }

    @Override
    public String toString() {
        return summary();
    }

    private static void checkAlpha(double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        }
    }

    static NdArray Nd1(double[] v) {
        return NdArray.wrap(v, v.length);
    }
}
