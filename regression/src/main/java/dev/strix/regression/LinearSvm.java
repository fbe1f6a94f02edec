package dev.strix.regression;

import dev.strix.ndarray.NdArray;
import dev.strix.regression.internal.Inputs;
import dev.strix.regression.optimise.Evaluation;
import dev.strix.regression.optimise.Lbfgs;
import dev.strix.regression.optimise.OptimResult;
import java.util.Arrays;
import java.util.Random;

/**
 * A binary linear support vector machine, L2-regularised, with liblinear's (scikit-learn's
 * {@code LinearSVC}'s) primal objective
 * <pre>
 *   min  1/2 ||w~||^2 + C sum_i loss(y_i w~'x~_i),   x~_i = (x_i, s),  w~ = (w, b / s)
 *   hinge: max(0, 1 - m)      squared hinge: max(0, 1 - m)^2
 * </pre>
 * where {@code y_i} is +1 for the larger label and -1 for the smaller, and {@code s} is the
 * intercept scaling (default 1). As in liblinear the intercept is a weight on a constant feature
 * {@code s}, so it <b>is</b> penalised (by {@code b^2 / 2 s^2}); a large {@code s} makes the
 * penalty negligible. With the same C and s the solution is scikit-learn's (tested to 1e-6).
 *
 * <p>Solvers: the squared hinge is differentiable, and its objective is 1-strongly convex, so it is
 * minimised by {@link Lbfgs} to gradient norm {@code tolerance}, which bounds the error of
 * {@code w~} by {@code tolerance}. The hinge is not differentiable: it is solved in the dual by
 * coordinate descent (Hsieh et al., ICML 2008, liblinear's solver, without shrinking) until the
 * projected gradient spread is below {@code tolerance}, in an order shuffled by a seeded
 * {@code java.util.Random}.
 *
 * <pre>{@code
 * LinearSvmFit svm = LinearSvm.squaredHinge(1.0).fit(X, labels);   // LinearSVC() defaults
 * NdArray predicted = svm.predict(Xnew);
 * double accuracy = svm.score(X, labels);
 * }</pre>
 */
public final class LinearSvm {
    /** The loss on the margin {@code m = y w~'x~}. */
    public enum Loss { HINGE, SQUARED_HINGE }

    private final Loss loss;
    private final double c;
    private boolean fitIntercept = true;
    private double interceptScaling = 1;
    private double tolerance = 1e-8;
    private int maxIterations = 1_000_000;
    private long seed = 0;

    private LinearSvm(Loss loss, double c) {
        if (!(c > 0 && Double.isFinite(c))) {
            throw new IllegalArgumentException("LinearSvm: C must be finite and > 0, got " + c);
        }
        this.loss = loss;
        this.c = c;
    }

    /** Hinge loss (liblinear's L1-loss SVM). */
    public static LinearSvm hinge(double c) {
        return new LinearSvm(Loss.HINGE, c);
    }

    /** Squared hinge loss (liblinear's L2-loss SVM; {@code LinearSVC}'s default, with C = 1). */
    public static LinearSvm squaredHinge(double c) {
        return new LinearSvm(Loss.SQUARED_HINGE, c);
    }

    /** Whether to fit an intercept (default true). */
    public LinearSvm fitIntercept(boolean on) {
        this.fitIntercept = on;
        return this;
    }

    /** liblinear's intercept scaling {@code s} (> 0, default 1): the intercept is penalised by {@code b^2 / 2 s^2}. */
    public LinearSvm interceptScaling(double s) {
        if (!(s > 0 && Double.isFinite(s))) {
            throw new IllegalArgumentException("LinearSvm: interceptScaling must be finite and > 0, got " + s);
        }
        this.interceptScaling = s;
        return this;
    }

    /** The stopping tolerance (> 0, default 1e-8); see the class comment for what it bounds. */
    public LinearSvm tolerance(double tol) {
        if (!(tol > 0 && Double.isFinite(tol))) {
            throw new IllegalArgumentException("LinearSvm: tolerance must be finite and > 0, got " + tol);
        }
        this.tolerance = tol;
        return this;
    }

    /** At most this many L-BFGS iterations or dual coordinate-descent passes (default 1000000). */
    public LinearSvm maxIterations(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("LinearSvm: maxIterations must be >= 1, got " + n);
        }
        this.maxIterations = n;
        return this;
    }

    /** The seed of the dual coordinate order (hinge only; default 0). */
    public LinearSvm seed(long s) {
        this.seed = s;
        return this;
    }

    /**
     * Fits the SVM. {@code y} holds any two distinct label values (numbers); the larger is the
     * positive class, as scikit-learn's sorted {@code classes_}.
     */
    public LinearSvmFit fit(NdArray x, NdArray y) {
        String op = "LinearSvm.fit";
        double[][] xs = Inputs.matrix(op, x);
        int n = xs.length;
        double[] ys = Inputs.vector(op, "y", y, n);
        double[] classes = Arrays.stream(ys).distinct().sorted().toArray();
        if (classes.length != 2) {
            throw new IllegalArgumentException(op + ": y has " + classes.length + " distinct value"
                    + (classes.length == 1 ? "" : "s") + " " + Arrays.toString(classes.length > 5
                    ? Arrays.copyOf(classes, 5) : classes) + "; a binary SVM needs exactly two classes");
        }
        int p = xs[0].length;
        int q = p + (fitIntercept ? 1 : 0);
        double[][] xt = new double[n][q];
        double[] sgn = new double[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(xs[i], 0, xt[i], 0, p);
            if (fitIntercept) {
                xt[i][p] = interceptScaling;
            }
            sgn[i] = ys[i] == classes[1] ? 1 : -1;
        }
        double[] wt;
        int iterations;
        boolean converged;
        String message;
        if (loss == Loss.SQUARED_HINGE) {
            OptimResult r = Lbfgs.create().gradientTolerance(tolerance).maxIterations(maxIterations)
                    .minimise(w -> squaredHinge(w, xt, sgn), new double[q]);
            wt = r.x();
            iterations = r.iterations();
            converged = r.converged();
            message = r.message();
        } else {
            double[] alpha = new double[n];
            wt = new double[q];
            int[] its = new int[1];
            converged = dualCoordinateDescent(xt, sgn, alpha, wt, its);
            iterations = its[0];
            message = converged ? "dual coordinate descent: projected gradient spread <= " + tolerance
                    : "dual coordinate descent: no convergence in " + maxIterations + " passes";
        }
        double[] w = Arrays.copyOf(wt, p);
        double b = fitIntercept ? interceptScaling * wt[p] : 0;
        double obj = objective(wt, xt, sgn);
        return new LinearSvmFit(loss, c, classes[0], classes[1], NdArray.wrap(w, p), b, obj, iterations, converged,
                message);
    }

    private Evaluation squaredHinge(double[] w, double[][] xt, double[] sgn) {
        double[] g = w.clone();
        double f = 0;
        for (double v : w) {
            f += v * v;
        }
        f *= 0.5;
        for (int i = 0; i < xt.length; i++) {
            double m = 1 - sgn[i] * dot(w, xt[i]);
            if (m > 0) {
                f += c * m * m;
                double k = -2 * c * m * sgn[i];
                for (int j = 0; j < w.length; j++) {
                    g[j] += k * xt[i][j];
                }
            }
        }
        return new Evaluation(f, g);
    }

    private double objective(double[] w, double[][] xt, double[] sgn) {
        double f = 0.5 * dot(w, w);
        for (int i = 0; i < xt.length; i++) {
            double m = Math.max(0, 1 - sgn[i] * dot(w, xt[i]));
            f += c * (loss == Loss.HINGE ? m : m * m);
        }
        return f;
    }

    /** liblinear's solve_l2r_l1l2_svc for the L1 loss (upper bound C, no diagonal term), without shrinking. */
    private boolean dualCoordinateDescent(double[][] xt, double[] sgn, double[] alpha, double[] w, int[] its) {
        int n = xt.length;
        double[] qd = new double[n];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            qd[i] = dot(xt[i], xt[i]);
            order[i] = i;
        }
        Random rng = new Random(seed);
        for (int it = 1; it <= maxIterations; it++) {
            its[0] = it;
            for (int i = n - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            double pgMax = Double.NEGATIVE_INFINITY;
            double pgMin = Double.POSITIVE_INFINITY;
            for (int i : order) {
                if (qd[i] == 0) {
                    continue; // an all-zero row without intercept: it cannot move w
                }
                double g = sgn[i] * dot(w, xt[i]) - 1;
                double pg = g;
                if (alpha[i] == 0) {
                    pg = Math.min(g, 0);
                } else if (alpha[i] == c) {
                    pg = Math.max(g, 0);
                }
                pgMax = Math.max(pgMax, pg);
                pgMin = Math.min(pgMin, pg);
                if (pg != 0) {
                    double old = alpha[i];
                    alpha[i] = Math.min(Math.max(old - g / qd[i], 0), c);
                    double dlt = (alpha[i] - old) * sgn[i];
                    for (int j = 0; j < w.length; j++) {
                        w[j] += dlt * xt[i][j];
                    }
                }
            }
            if (pgMax - pgMin <= tolerance) {
                return true;
            }
        }
        return false;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
