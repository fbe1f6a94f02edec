package dev.strix.regression;

import dev.strix.ndarray.NdArray;
import dev.strix.ndarray.io.CsvTable;
import dev.strix.regression.internal.Inputs;
import dev.strix.regression.internal.Spd;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Multinomial logistic regression with statsmodels' {@code MNLogit} semantics: the classes are
 * the distinct labels sorted (numbers numerically, text lexicographically, as pandas sorts them),
 * the first class is the reference and each of the other {@code K - 1} classes gets a column of
 * coefficients. Fitted by Newton's method on the full {@code (K-1)p} Hessian with step halving.
 *
 * <pre>{@code
 * MNLogitFit f = MNLogit.fit(X, species, List.of("sepal_width", "petal_width"));  // adds "const"
 * MNLogitFit g = MNLogit.fit("class ~ alcohol + malic_acid", wine);                // a formula
 * System.out.println(f.summary());
 * }</pre>
 *
 * <p>Convergence: every Newton step below {@code 1e-10 max(1, |b|)} (at most 100 steps). When the
 * classes are (quasi-)completely separated the coefficients diverge and a
 * {@link PerfectSeparationException} is thrown.
 */
public final class MNLogit {
    private MNLogit() {}

    private static final int MAX_ITER = 100;
    private static final double STEP_TOL = 1e-10;
    private static final double EXTREME = 1e-10;

    /** With an intercept ({@code const}) and columns named x1..xp; labels are Numbers or Strings. */
    public static MNLogitFit fit(NdArray x, List<?> labels) {
        return fit(x, labels, null);
    }

    /** With an intercept ({@code const}) first and the given column names; labels are Numbers or Strings. */
    public static MNLogitFit fit(NdArray x, List<?> labels, List<String> names) {
        return model(x, labels).names(names).fit();
    }

    /** Numeric labels (e.g. 0, 1, 2) as a 1-D array. */
    public static MNLogitFit fit(NdArray x, NdArray labels, List<String> names) {
        return model(x, labels).names(names).fit();
    }

    /** A formula over a table's columns, e.g. {@code "species ~ sepal_width + C(site)"}; see {@link Formula}. */
    public static MNLogitFit fit(String formula, CsvTable table) {
        Formula.Design d = Formula.parse(formula).design(table);
        if (d.yName() == null) {
            throw new IllegalArgumentException("MNLogit.fit: formula '" + formula + "' has no response (left of ~)");
        }
        List<Object> labels = new ArrayList<>();
        if (d.yText() != null) {
            labels.addAll(d.yText());
        } else {
            for (double v : d.y().toDoubleArray()) {
                labels.add(v);
            }
        }
        return new Spec(d.x(), labels).names(d.names()).intercept(false).yName(d.yName()).fit()
                .withDesign(d.info(), Formula.droppedNote(d, table.nrows()));
    }

    /** A model to configure. */
    public static Spec model(NdArray x, List<?> labels) {
        return new Spec(x, labels);
    }

    public static Spec model(NdArray x, NdArray labels) {
        if (labels == null) {
            throw new IllegalArgumentException("MNLogit.fit: labels are null");
        }
        List<Object> l = new ArrayList<>();
        for (double v : Inputs.vector("MNLogit.fit", "y", labels, -1)) {
            l.add(v);
        }
        return new Spec(x, l);
    }

    /** Options of a multinomial fit. */
    public static final class Spec {
        private final NdArray x;
        private final List<?> labels;
        private List<String> names;
        private String yName = "y";
        private boolean intercept = true;
        private List<?> classes;

        private Spec(NdArray x, List<?> labels) {
            this.x = x;
            this.labels = labels;
        }

        /** Names of the columns of X (without the intercept); null for x1..xp. */
        public Spec names(List<String> names) {
            this.names = names == null ? null : List.copyOf(names);
            return this;
        }

        /** The columns' names, as {@link Ols.Spec#names(String...)}. */
        public Spec names(String... names) {
            return names(List.of(names));
        }

        public Spec yName(String name) {
            this.yName = name;
            return this;
        }

        /** Whether to add a column of ones named {@code const} first (default true). */
        public Spec intercept(boolean intercept) {
            this.intercept = intercept;
            return this;
        }

        /**
         * The classes, in order (the first is the reference); by default the sorted distinct labels.
         * Every class must be observed and every label must be one of them.
         */
        public Spec classes(List<?> classes) {
            this.classes = List.copyOf(classes);
            return this;
        }

        public MNLogitFit fit() {
            return MNLogit.fit(this);
        }
    }

    private static MNLogitFit fit(Spec s) {
        String op = "MNLogit.fit";
        double[][] m = Inputs.matrix(op, s.x);
        int n = m.length;
        int k = n == 0 ? 0 : m[0].length;
        if (s.labels == null) {
            throw new IllegalArgumentException(op + ": labels are null");
        }
        if (s.labels.size() != n) {
            throw new IllegalArgumentException(op + ": " + s.labels.size() + " labels but X has " + n + " rows");
        }
        List<Object> classes = s.classes != null ? new ArrayList<>(s.classes) : sortedClasses(op, s.labels);
        int kk = classes.size();
        Map<Object, Integer> index = new HashMap<>();
        for (int c = 0; c < kk; c++) {
            if (index.put(key(classes.get(c)), c) != null) {
                throw new IllegalArgumentException(op + ": class " + classes.get(c) + " is listed twice");
            }
        }
        int[] y = new int[n];
        int[] counts = new int[kk];
        for (int i = 0; i < n; i++) {
            Integer c = index.get(key(checkLabel(op, s.labels.get(i), i)));
            if (c == null) {
                throw new IllegalArgumentException(op + ": label[" + i + "] = " + s.labels.get(i)
                        + " is not one of the classes " + classes);
            }
            y[i] = c;
            counts[c]++;
        }
        for (int c = 0; c < kk; c++) {
            if (counts[c] == 0) {
                throw new IllegalArgumentException(op + ": class " + classes.get(c)
                        + " has no observations; drop it from the classes");
            }
        }
        if (kk < 2) {
            throw new IllegalArgumentException(op + ": needs at least 2 classes, got " + classes);
        }
        List<String> cols = new ArrayList<>();
        if (s.names != null) {
            if (s.names.size() != k) {
                throw new IllegalArgumentException(op + ": " + s.names.size() + " names for " + k + " columns: " + s.names);
            }
            cols.addAll(s.names);
        } else {
            for (int j = 0; j < k; j++) {
                cols.add("x" + (j + 1));
            }
        }
        int p = k + (s.intercept ? 1 : 0);
        double[][] xx = m;
        if (s.intercept) {
            xx = new double[n][p];
            for (int i = 0; i < n; i++) {
                xx[i][0] = 1;
                System.arraycopy(m[i], 0, xx[i], 1, k);
            }
            cols.add(0, "const");
        }
        int q = (kk - 1) * p;
        if (p == 0 || n <= q) {
            throw new IllegalArgumentException(op + ": " + n + " observations for " + q + " parameters ("
                    + (kk - 1) + " equations x " + p + " columns); needs more rows than parameters");
        }
        double[] b = new double[q]; // equation-major: b[c * p + j], c = 0..K-2 for classes 1..K-1
        double[][] prob = new double[n][kk];
        double llf = probabilities(xx, b, p, kk, y, prob);
        boolean converged = false;
        int it = 0;
        double[][] info = null;
        double[][] chol = null;
        while (it < MAX_ITER) {
            it++;
            int perfect = countExtreme(y, prob);
            if (perfect == n) {
                throw separation(op, perfect, n, classes, it);
            }
            double[] grad = new double[q];
            info = information(xx, prob, p, kk, y, grad);
            chol = Spd.cholesky(info);
            if (chol == null) {
                if (perfect > 0) {
                    throw separation(op, perfect, n, classes, it);
                }
                throw new IllegalArgumentException(op + ": the information matrix is singular: the design is rank"
                        + " deficient (constant or collinear columns among " + cols + ")");
            }
            double[] step = Spd.solve(chol, grad);
            boolean small = true;
            for (int j = 0; j < q; j++) {
                small &= Math.abs(step[j]) <= STEP_TOL * Math.max(1, Math.abs(b[j]));
            }
            double t = 1;
            double[] nb = new double[q];
            double nl = Double.NEGATIVE_INFINITY;
            double[][] np = new double[n][kk];
            for (int h = 0; h < 40; h++) {
                for (int j = 0; j < q; j++) {
                    nb[j] = b[j] + t * step[j];
                }
                nl = probabilities(xx, nb, p, kk, y, np);
                // accept any step that does not lower the likelihood beyond rounding
                if (nl >= llf - 1e-13 * Math.abs(llf)) {
                    break;
                }
                t /= 2;
            }
            if (!(nl >= llf - 1e-13 * Math.abs(llf))) {
                converged = small;
                break;
            }
            b = nb;
            prob = np;
            llf = nl;
            if (small) {
                converged = true;
                break;
            }
        }
        int perfect = countExtreme(y, prob);
        if (!converged && perfect > 0) {
            throw separation(op, perfect, n, classes, it);
        }
        double[] grad = new double[q];
        info = information(xx, prob, p, kk, y, grad);
        chol = Spd.cholesky(info);
        if (chol == null) {
            throw perfect > 0 ? separation(op, perfect, n, classes, it)
                    : new IllegalArgumentException(op + ": the information matrix is singular at the estimates");
        }
        double[][] cov = Spd.inverse(chol);
        List<String> warn = new ArrayList<>();
        if (!converged) {
            warn.add("Newton did not converge in " + MAX_ITER + " iterations; estimates are not reliable");
        }
        if (perfect > 0) {
            warn.add(perfect + " fitted probabilities of the observed class are numerically 1 (quasi-separation?)");
        }
        double llnull = 0;
        for (int c = 0; c < kk; c++) {
            llnull += counts[c] * Math.log((double) counts[c] / n);
        }
        int kConst = 0;
        for (int j = 0; j < p && kConst == 0; j++) {
            boolean constant = xx[0][j] != 0;
            for (int i = 1; i < n && constant; i++) {
                constant = xx[i][j] == xx[0][j];
            }
            kConst = constant ? 1 : 0;
        }
        return new MNLogitFit(s.yName, List.copyOf(cols), List.copyOf(classes), s.intercept, b, cov, llf, llnull,
                n, p, kConst, it, converged, List.copyOf(warn));
    }

    private static PerfectSeparationException separation(String op, int perfect, int n, List<Object> classes, int it) {
        return new PerfectSeparationException(op + ": perfect separation: " + perfect + " of " + n
                + " observations get probability 1 for their class after " + it
                + " Newton steps and the coefficients diverge; the MLE does not exist (classes " + classes
                + "). Remove or merge the separating predictor or class, or use a penalised fit");
    }

    private static int countExtreme(int[] y, double[][] prob) {
        int c = 0;
        for (int i = 0; i < y.length; i++) {
            if (prob[i][y[i]] > 1 - EXTREME) {
                c++;
            }
        }
        return c;
    }

    /** Fills prob (n x K) by a stable softmax and returns the log-likelihood. */
    static double probabilities(double[][] x, double[] b, int p, int kk, int[] y, double[][] prob) {
        double llf = 0;
        double[] eta = new double[kk];
        for (int i = 0; i < x.length; i++) {
            double mx = 0;
            eta[0] = 0;
            for (int c = 1; c < kk; c++) {
                double e = 0;
                for (int j = 0; j < p; j++) {
                    e += x[i][j] * b[(c - 1) * p + j];
                }
                eta[c] = e;
                mx = Math.max(mx, e);
            }
            double sum = 0;
            for (int c = 0; c < kk; c++) {
                prob[i][c] = Math.exp(eta[c] - mx);
                sum += prob[i][c];
            }
            for (int c = 0; c < kk; c++) {
                prob[i][c] /= sum;
            }
            if (y != null) {
                llf += eta[y[i]] - mx - Math.log(sum);
            }
        }
        return llf;
    }

    /** The information matrix (minus the Hessian) and the gradient of the log-likelihood. */
    private static double[][] information(double[][] x, double[][] prob, int p, int kk, int[] y, double[] grad) {
        int q = (kk - 1) * p;
        double[][] h = new double[q][q];
        for (int i = 0; i < x.length; i++) {
            double[] xi = x[i];
            double[] pi = prob[i];
            for (int c = 1; c < kk; c++) {
                double r = (y[i] == c ? 1 : 0) - pi[c];
                for (int j = 0; j < p; j++) {
                    grad[(c - 1) * p + j] += r * xi[j];
                }
                for (int d = c; d < kk; d++) {
                    double w = pi[c] * ((c == d ? 1 : 0) - pi[d]);
                    for (int j = 0; j < p; j++) {
                        double wj = w * xi[j];
                        double[] row = h[(c - 1) * p + j];
                        int off = (d - 1) * p;
                        for (int l = 0; l < p; l++) {
                            row[off + l] += wj * xi[l];
                        }
                    }
                }
            }
        }
        for (int a = 0; a < q; a++) {
            for (int bb = 0; bb < a; bb++) {
                h[a][bb] = h[bb][a];
            }
        }
        return h;
    }

    private static Object checkLabel(String op, Object v, int i) {
        if (v == null) {
            throw new IllegalArgumentException(op + ": label[" + i + "] is null");
        }
        if (v instanceof Number && !Double.isFinite(((Number) v).doubleValue())) {
            throw new IllegalArgumentException(op + ": label[" + i + "] is " + v
                    + "; drop or impute missing values before fitting");
        }
        if (!(v instanceof Number) && !(v instanceof String)) {
            throw new IllegalArgumentException(op + ": label[" + i + "] is a " + v.getClass().getSimpleName()
                    + "; labels are Numbers or Strings");
        }
        return v;
    }

    /** Numbers compare by value whatever their boxed type (1, 1L and 1.0 are one class). */
    private static Object key(Object v) {
        return v instanceof Number ? (Object) ((Number) v).doubleValue() : v;
    }

    private static List<Object> sortedClasses(String op, List<?> labels) {
        boolean numbers = false;
        boolean strings = false;
        for (int i = 0; i < labels.size(); i++) {
            Object v = checkLabel(op, labels.get(i), i);
            numbers |= v instanceof Number;
            strings |= v instanceof String;
        }
        if (numbers && strings) {
            throw new IllegalArgumentException(op + ": labels mix numbers and strings");
        }
        TreeSet<Object> set = new TreeSet<>(numbers
                ? Comparator.comparingDouble(o -> ((Number) o).doubleValue())
                : Comparator.comparing(o -> (String) o));
        set.addAll(labels);
        return new ArrayList<>(set);
    }

    static String labelText(Object v) {
        if (v instanceof Number) {
            double d = ((Number) v).doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString((long) d);
            }
            return Double.toString(d);
        }
        return String.valueOf(v);
    }

}
