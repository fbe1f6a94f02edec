package dev.strix.regression;

import dev.strix.ndarray.NdArray;
import dev.strix.ndarray.io.CsvTable;
import dev.strix.regression.internal.Inputs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Ordinary and weighted least squares, statsmodels' {@code OLS}/{@code WLS} with R's habit of
 * adding the intercept for you.
 *
 * <pre>{@code
 * LinearFit fit = Ols.fit(X, y, List.of("bmi", "bp", "s5"));   // intercept "const" added first
 * System.out.println(fit.summary());
 * LinearFit raw = Ols.model(X, y).intercept(false).fit();        // regression through the origin
 * LinearFit wls = Ols.model(X, y).weights(w).yName("progression").fit();
 * }</pre>
 *
 * <p>The fit scales columns by powers of two, factors the design by Householder QR with column
 * pivoting and refines the solution and {@code (X^T X)^-1} with residuals in double-double, so
 * coefficients and standard errors are accurate to nearly full double precision even for
 * ill-conditioned designs (see docs/accuracy.md). A rank-deficient design falls back to the SVD
 * pseudo-inverse (the minimum-norm solution, as statsmodels does) and says so in
 * {@link LinearFit#warnings()}.
 */
public final class Ols {
    private Ols() {}

    /** OLS with an intercept; columns named x1..xp. */
    public static LinearFit fit(NdArray x, NdArray y) {
        return model(x, y).fit();
    }

    /** OLS with an intercept and named columns (the intercept is named {@code const}). */
    public static LinearFit fit(NdArray x, NdArray y, List<String> names) {
        return model(x, y).names(names).fit();
    }

    /**
     * OLS from a formula over a table's columns, as statsmodels' {@code smf.ols}: e.g.
     * {@code Ols.fit("progression ~ bmi * bp + np.log(s5) + C(sex)", table)}; the intercept is
     * named {@code Intercept} and the columns as patsy names them (see {@link Formula}).
     */
    public static LinearFit fit(String formula, CsvTable table) {
        return fromFormula(formula, table, null);
    }

    static LinearFit fromFormula(String formula, CsvTable table, NdArray weights) {
        Formula.Design d = Formula.parse(formula).design(table);
        if (d.y() == null) {
            throw new IllegalArgumentException((weights == null ? "Ols" : "Wls") + ".fit: formula '" + formula
                    + "' needs a numeric response left of ~");
        }
        if (weights != null && d.rows().size() < table.nrows()) {
            // weights are given per table row: keep those of the rows the design kept
            if (weights.ndim() != 1 || weights.size() != table.nrows()) {
                throw new IllegalArgumentException("Wls.fit: weights have shape " + Arrays.toString(weights.shape())
                        + ", the table has " + table.nrows() + " rows");
            }
            double[] all = weights.toDoubleArray();
            double[] kept = new double[d.rows().size()];
            for (int i = 0; i < kept.length; i++) {
                kept[i] = all[d.rows().get(i)];
            }
            weights = NdArray.wrap(kept, kept.length);
        }
        return model(d.x(), d.y()).names(d.names()).intercept(false).yName(d.yName()).weights(weights).fit()
                .withDesign(d.info(), Formula.droppedNote(d, table.nrows()));
    }

    /** A model to configure: names, intercept, weights, the response's name. */
    public static Spec model(NdArray x, NdArray y) {
        return new Spec(x, y);
    }

    /** Options of a least-squares fit. */
    public static final class Spec {
        private final NdArray x;
        private final NdArray y;
        private List<String> names;
        private String yName = "y";
        private boolean intercept = true;
        private NdArray weights;

        private Spec(NdArray x, NdArray y) {
            this.x = x;
            this.y = y;
        }

        /** Names of the columns of X (without the intercept). */
        public Spec names(List<String> names) {
            this.names = List.copyOf(names);
            return this;
        }

        public Spec names(String... names) {
            return names(List.of(names));
        }

        public Spec yName(String name) {
            this.yName = name;
            return this;
        }

        /** Whether to add a column of ones named {@code const} in front (default true). */
        public Spec intercept(boolean intercept) {
            this.intercept = intercept;
            return this;
        }

        /** Weights (positive, one per row) for weighted least squares; null for OLS. */
        public Spec weights(NdArray w) {
            this.weights = w;
            return this;
        }

        public LinearFit fit() {
            String op = weights == null ? "Ols.fit" : "Wls.fit";
            double[][] m = Inputs.matrix(op, x);
            int n = m.length;
            int k = n == 0 ? 0 : m[0].length;
            double[] yy = Inputs.vector(op, "y", y, n);
            double[] w = null;
            if (weights != null) {
                w = Inputs.vector(op, "weights", weights, n);
                for (int i = 0; i < n; i++) {
                    if (!(w[i] > 0)) {
                        throw new IllegalArgumentException(op + ": weights must be positive, weights["
                                + i + "] = " + w[i]);
                    }
                }
            }
            List<String> cols = new ArrayList<>();
            if (names != null) {
                if (names.size() != k) {
                    throw new IllegalArgumentException(op + ": " + names.size() + " names for " + k
                            + " columns: " + names);
                }
                cols.addAll(names);
            } else {
                for (int j = 0; j < k; j++) {
                    cols.add("x" + (j + 1));
                }
            }
            int p = k + (intercept ? 1 : 0);
            if (p == 0) {
                throw new IllegalArgumentException(op + ": no columns to fit");
            }
            if (n < p) {
                throw new IllegalArgumentException(op + ": " + n + " observations for " + p
                        + " parameters; least squares needs at least as many rows as columns"
                        + " (use Penalized.lasso/ridge for p > n)");
            }
            double[][] d = m;
            if (intercept) {
                d = new double[n][p];
                for (int i = 0; i < n; i++) {
                    d[i][0] = 1;
                    System.arraycopy(m[i], 0, d[i], 1, k);
                }
                cols.add(0, "const");
            }
            return new LinearFit(weights == null ? "OLS" : "WLS", yName, cols, intercept, d, yy, w);
        }
    }
}
