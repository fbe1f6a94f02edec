package dev.strix.regression;

import dev.strix.ndarray.NdArray;
import dev.strix.ndarray.io.CsvTable;
import dev.strix.regression.internal.Inputs;
import dev.strix.regression.internal.PyFormat;
import dev.strix.stats.Distributions;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A multinomial logit fitted by {@link MNLogit}, with statsmodels' {@code MNLogitResults} names:
 * coefficient arrays have shape (p, K-1), column {@code c} for the class {@code classes().get(c + 1)}
 * against the reference class {@code classes().get(0)}; inference is Wald (z) on the inverse of
 * the information matrix at the estimates.
 */
public final class MNLogitFit {
    private final String yName;
    private final List<String> names;
    private final List<Object> classes;
    private final boolean interceptAdded;
    private final double[] b; // equation-major
    private final double[][] cov;
    private final double llf;
    private final double llnull;
    private final int nobs;
    private final int p;
    private final int kConstant;
    private final int iterations;
    private final boolean converged;
    private List<String> warnings; // a formula fit adds its dropped-rows note once, before the fit is returned
    private Formula.DesignInfo designInfo; // set once by a formula fit, before the fit is returned

    MNLogitFit(String yName, List<String> names, List<Object> classes, boolean interceptAdded, double[] b,
               double[][] cov, double llf, double llnull, int nobs, int p, int kConstant, int iterations,
               boolean converged, List<String> warnings) {
        this.yName = yName;
        this.names = names;
        this.classes = classes;
        this.interceptAdded = interceptAdded;
        this.b = b;
        this.cov = cov;
        this.llf = llf;
        this.llnull = llnull;
        this.nobs = nobs;
        this.p = p;
        this.kConstant = kConstant;
        this.iterations = iterations;
        this.converged = converged;
        this.warnings = warnings;
    }

    public String yName() {
        return yName;
    }

    /** Column names (the intercept first, {@code const} or {@code Intercept}). */
    public List<String> names() {
        return names;
    }

    /** The classes in order; the first is the reference. */
    public List<Object> classes() {
        return classes;
    }

    /** Coefficients, shape (p, K-1). */
    public NdArray params() {
        return byColumn(b);
    }

    /** Standard errors, shape (p, K-1). */
    public NdArray bse() {
        double[] s = new double[b.length];
        for (int j = 0; j < s.length; j++) {
            s[j] = Math.sqrt(cov[j][j]);
        }
        return byColumn(s);
    }

    /** z statistics, shape (p, K-1). */
    public NdArray zvalues() {
        double[] z = new double[b.length];
        for (int j = 0; j < z.length; j++) {
            z[j] = b[j] / Math.sqrt(cov[j][j]);
        }
        return byColumn(z);
    }

    /** Two-sided normal p-values, shape (p, K-1). */
    public NdArray pvalues() {
        double[] z = new double[b.length];
        for (int j = 0; j < z.length; j++) {
            z[j] = 2 * Distributions.normal().sf(Math.abs(b[j] / Math.sqrt(cov[j][j])));
        }
        return byColumn(z);
    }

    /** Wald intervals, shape (K-1, p, 2): equation, coefficient, lower/upper. */
    public NdArray confInt(double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        }
        double q = Distributions.normal().ppf(1 - alpha / 2);
        double[] ci = new double[2 * b.length];
        for (int j = 0; j < b.length; j++) {
            double s = Math.sqrt(cov[j][j]);
            ci[2 * j] = b[j] - q * s;
            ci[2 * j + 1] = b[j] + q * s;
        }
        return NdArray.wrap(ci, classes.size() - 1, p, 2);
    }

    /**
     * Covariance of the coefficients, shape ((K-1)p, (K-1)p), ordered equation by equation
     * (all p coefficients of class 1, then of class 2, ...).
     */
    public NdArray covParams() {
        int q = b.length;
        double[] c = new double[q * q];
        for (int i = 0; i < q; i++) {
            System.arraycopy(cov[i], 0, c, i * q, q);
        }
        return NdArray.wrap(c, q, q);
    }

    public double llf() {
        return llf;
    }

    /** Log-likelihood of the model with only an intercept (the class frequencies). */
    public double llnull() {
        return llnull;
    }

    /** McFadden's pseudo R-squared {@code 1 - llf / llnull}. */
    public double prsquared() {
        return 1 - llf / llnull;
    }

    /** Likelihood-ratio statistic against the intercept-only model. */
    public double llr() {
        return -2 * (llnull - llf);
    }

    public double llrPvalue() {
        return Distributions.chi2(dfModel()).sf(llr());
    }

    public double dfModel() {
        return (double) (p - kConstant) * (classes.size() - 1);
    }

    public double dfResid() {
        return nobs - (dfModel() + classes.size() - 1);
    }

    public double aic() {
        return -2 * (llf - (dfModel() + classes.size() - 1));
    }

    public double bic() {
        return -2 * llf + Math.log(nobs) * (dfModel() + classes.size() - 1);
    }

    public int nobs() {
        return nobs;
    }

    public int iterations() {
        return iterations;
    }

    public boolean converged() {
        return converged;
    }

    public List<String> warnings() {
        return warnings;
    }

    /**
     * Class probabilities at new rows, shape (m, K), columns in the order of {@link #classes()};
     * rows have the columns of the X given to the fit (the intercept is added when the fit added it).
     */
    public NdArray predictProba(NdArray xNew) {
        double[][] x = design(xNew);
        int kk = classes.size();
        double[][] prob = new double[x.length][kk];
        MNLogit.probabilities(x, b, p, kk, null, prob);
        double[] flat = new double[x.length * kk];
        for (int i = 0; i < x.length; i++) {
            System.arraycopy(prob[i], 0, flat, i * kk, kk);
        }
        return NdArray.wrap(flat, x.length, kk);
    }

    MNLogitFit withDesign(Formula.DesignInfo info, String droppedNote) {
        if (droppedNote != null) {
            List<String> w = new ArrayList<>(warnings);
            w.add(0, droppedNote);
            warnings = java.util.Collections.unmodifiableList(w);
        }
        this.designInfo = info;
        return this;
    }

    /** How a formula fit built its design (to rebuild it on new rows); null for a fit on a matrix. */
    public Formula.DesignInfo designInfo() {
        return designInfo;
    }

    /**
     * Class probabilities at new rows of a table, for a fit made from a formula (statsmodels'
     * {@code results.predict(new_df)}): the design is rebuilt with the fit's terms, categorical
     * levels and column order.
     *
     * @throws IllegalStateException if the fit was not made from a formula
     * @throws IllegalArgumentException on a categorical level the fitted data did not have (naming
     *     it), a missing column or an infinite value; a row with a missing value predicts NaN
     */
    public NdArray predictProba(CsvTable newData) {
        Formula.Design d = formulaDesign(newData);
        return Formula.spread(predictProba(d.x()), d, newData.nrows());
    }

    /**
     * The most probable class of each new row of a table, for a fit made from a formula; null at a
     * row with a missing value.
     */
    public List<Object> predict(CsvTable newData) {
        Formula.Design d = formulaDesign(newData);
        List<Object> some = predict(d.x());
        List<Object> all = new ArrayList<>(java.util.Collections.nCopies(newData.nrows(), null));
        for (int i = 0; i < some.size(); i++) {
            all.set(d.rows().get(i), some.get(i));
        }
        return all;
    }

    /** The new rows' design; rows with a missing value are left out. */
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

    /** The most probable class of each new row. */
    public List<Object> predict(NdArray xNew) {
        double[] pr = predictProba(xNew).toDoubleArray();
        int kk = classes.size();
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < pr.length / kk; i++) {
            int best = 0;
            for (int c = 1; c < kk; c++) {
                if (pr[i * kk + c] > pr[i * kk + best]) {
                    best = c;
                }
            }
            out.add(classes.get(best));
        }
        return out;
    }

    private double[][] design(NdArray xNew) {
        double[][] xn = Inputs.matrix("predictProba", xNew.ndim() == 1 ? xNew.reshape(1, xNew.size()) : xNew);
        int expected = interceptAdded ? p - 1 : p;
        if (xn[0].length != expected) {
            throw new IllegalArgumentException("predictProba: expected " + expected + " columns "
                    + names.subList(interceptAdded ? 1 : 0, p) + ", got " + xn[0].length);
        }
        if (!interceptAdded) {
            return xn;
        }
        double[][] x = new double[xn.length][p];
        for (int i = 0; i < xn.length; i++) {
            x[i][0] = 1;
            System.arraycopy(xn[i], 0, x[i], 1, p - 1);
        }
        return x;
    }

    /** statsmodels' {@code MNLogit(...).fit().summary()}, stamped with the current time. */
    public String summary() {
        return summary(0.05, ZonedDateTime.now());
    }

    /** The summary with intervals at {@code 1 - alpha}, stamped with {@code when}. */
    public String summary(double alpha, ZonedDateTime when) {
        List<String[]> left = new ArrayList<>();
        left.add(new String[] {"Dep. Variable:", yName});
        left.add(new String[] {"Model:", "MNLogit"});
        left.add(new String[] {"Method:", "MLE"});
        Summaries.dateTime(left, when);
        left.add(new String[] {"converged:", converged ? "True" : "False"});
        left.add(new String[] {"Covariance Type:", "nonrobust"});
        List<String[]> right = new ArrayList<>();
        right.add(new String[] {"No. Observations:", Long.toString(nobs)});
        right.add(new String[] {"Df Residuals:", Long.toString((long) dfResid())});
        right.add(new String[] {"Df Model:", Long.toString((long) dfModel())});
        right.add(new String[] {"Pseudo R-squ.:", PyFormat.g(prsquared(), 6, 4, true)});
        right.add(new String[] {"Log-Likelihood:", PyFormat.g(llf, 8, 5, true)});
        right.add(new String[] {"LL-Null:", PyFormat.g(llnull, 8, 5, true)});
        right.add(new String[] {"LLR p-value:", PyFormat.g(llrPvalue(), 6, 4, true)});
        String top = Summaries.twoColumns(left, right);
        int width = top.indexOf('\n');
        StringBuilder sb = new StringBuilder();
        sb.append(PyFormat.center("MNLogit Regression Results", width)).append('\n');
        sb.append("=".repeat(width)).append('\n').append(top);
        int kk = classes.size();
        int nameStub = 10;
        for (String n : names) {
            nameStub = Math.max(nameStub, n.length());
        }
        String[] titles = new String[kk - 1];
        int maxStub = nameStub;
        for (int c = 1; c < kk; c++) {
            titles[c - 1] = yName + "=" + MNLogit.labelText(classes.get(c));
            maxStub = Math.max(maxStub, titles[c - 1].length());
        }
        double[] se = new double[b.length];
        double[] z = new double[b.length];
        double[] pv = new double[b.length];
        double[] ci = confInt(alpha).toDoubleArray();
        for (int j = 0; j < b.length; j++) {
            se[j] = Math.sqrt(cov[j][j]);
            z[j] = b[j] / se[j];
            pv[j] = 2 * Distributions.normal().sf(Math.abs(z[j]));
        }
        // statsmodels merges the equations' tables: the first block takes the widest stub of all,
        // each later block its own, and the rules around the whole table take the last block's width
        int lastWidth = Math.max(nameStub, titles[kk - 2].length()) + 68;
        sb.append("=".repeat(lastWidth)).append('\n');
        for (int c = 0; c < kk - 1; c++) {
            int stub = c == 0 ? maxStub : Math.max(nameStub, titles[c].length());
            int from = c * p;
            sb.append(Summaries.paramBlock(titles[c], stub, names, slice(b, from), slice(se, from),
                    slice(z, from), slice(pv, from), java.util.Arrays.copyOfRange(ci, 2 * from, 2 * from + 2 * p),
                    alpha, false));
            if (c < kk - 2) {
                sb.append("-".repeat(stub + 68)).append('\n');
            }
        }
        sb.append("=".repeat(lastWidth));
        return sb.toString();
    }

    private double[] slice(double[] v, int from) {
        return java.util.Arrays.copyOfRange(v, from, from + p);
    }

    private NdArray byColumn(double[] v) {
        int e = classes.size() - 1;
        double[] out = new double[v.length];
        for (int c = 0; c < e; c++) {
            for (int j = 0; j < p; j++) {
                out[j * e + c] = v[c * p + j];
            }
        }
        return NdArray.wrap(out, p, e);
    }

    @Override
    public String toString() {
        return summary();
    }
}
