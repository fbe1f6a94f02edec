package dev.strix.regression;

import dev.strix.ndarray.NdArray;
import dev.strix.regression.internal.Inputs;
import dev.strix.regression.internal.LsqSolver;

/**
 * Nonlinear least squares {@code min sum (y_i - f(x_i; b))^2} by Levenberg-Marquardt with
 * Marquardt's diagonal scaling; each step solves the damped problem
 * {@code [J; sqrt(mu D)] d = [r; 0]} on the accurate QR engine. The Jacobian is the user's, or
 * central finite differences.
 *
 * <pre>{@code
 * NlsFit f = Nls.fit((x, b) -> b[0] * (1 - Math.exp(-b[1] * x[0])), X, y, new double[] {500, 1e-4});
 * if (!f.converged()) throw new IllegalStateException(f.message());
 * }</pre>
 */
public final class Nls {
    private Nls() {}

    /** The model f(x; b) for one row x. */
    @FunctionalInterface
    public interface Model {
        double value(double[] x, double[] b);
    }

    /** Partial derivatives of f(x; b) with respect to b, written into {@code out}. */
    @FunctionalInterface
    public interface Gradient {
        void gradient(double[] x, double[] b, double[] out);
    }

    public static final int MAX_ITER = 2000;
    /** Above this condition number of the column-normalised Jacobian a stopping point is not a minimum. */
    public static final double MAX_COND = 1e10;

    public static NlsFit fit(Model f, NdArray x, NdArray y, double[] start) {
        return fit(f, null, x, y, start);
    }

    public static NlsFit fit(Model f, Gradient g, NdArray x, NdArray y, double[] start) {
        double[][] xs = Inputs.matrix("Nls.fit", x);
        double[] ys = Inputs.vector("Nls.fit", "y", y, xs.length);
        int n = xs.length;
        int p = start.length;
        if (n < p) {
            throw new IllegalArgumentException("Nls.fit: " + n + " observations for " + p + " parameters");
        }
        for (double v : start) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("Nls.fit: start values must be finite");
            }
        }
        double[] b = start.clone();
        double[] r = new double[n];
        double rss = residuals(f, xs, ys, b, r);
        if (!Double.isFinite(rss)) {
            throw new IllegalArgumentException("Nls.fit: the model is not finite at the start values");
        }
        double[][] jac = new double[n][p];
        double mu = 1e-3;
        int it = 0;
        boolean converged = false;
        String message = null;
        double[] rNew = new double[n];
        double[] d = new double[p];
        while (it < MAX_ITER) {
            it++;
            jacobian(f, g, xs, b, jac);
            double[] diag = new double[p];
            for (int j = 0; j < p; j++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += jac[i][j] * jac[i][j];
                }
                diag[j] = Math.max(s, 1e-300);
            }
            // gradient test: cosine between r and the columns of J
            double rn = Math.sqrt(rss);
            double gmax = 0;
            for (int j = 0; j < p; j++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += jac[i][j] * r[i];
                }
                gmax = Math.max(gmax, Math.abs(s) / (Math.sqrt(diag[j]) * Math.max(rn, 1e-300)));
            }
            if (gmax <= 1e-13 || rss == 0) {
                converged = true;
                message = "gradient orthogonal to the residuals (cos " + gmax + ")";
                break;
            }
            boolean accepted = false;
            double newRss = rss;
            for (int tries = 0; tries < 60 && !accepted; tries++) {
                double[][] a = new double[n + p][p];
                double[] rhs = new double[n + p];
                for (int i = 0; i < n; i++) {
                    System.arraycopy(jac[i], 0, a[i], 0, p);
                    rhs[i] = r[i];
                }
                for (int j = 0; j < p; j++) {
                    a[n + j][j] = Math.sqrt(mu * diag[j]);
                }
                double[] step = LsqSolver.solve(a, null, rhs).beta();
                double[] bt = new double[p];
                for (int j = 0; j < p; j++) {
                    bt[j] = b[j] + step[j];
                }
                newRss = residuals(f, xs, ys, bt, rNew);
                if (Double.isFinite(newRss) && newRss <= rss) {
                    accepted = true;
                    System.arraycopy(step, 0, d, 0, p);
                    System.arraycopy(bt, 0, b, 0, p);
                    System.arraycopy(rNew, 0, r, 0, n);
                    mu = Math.max(mu / 5, 1e-15);
                } else {
                    mu *= 4;
                }
            }
            if (!accepted) {
                double rel = 0;
                converged = gmax <= 1e-6;
                message = converged ? "no further decrease possible (cos " + gmax + ")"
                        : "no step decreases the residual sum of squares (cos " + gmax + "); not a minimum";
                break;
            }
            double dmax = 0;
            for (int j = 0; j < p; j++) {
                dmax = Math.max(dmax, Math.abs(d[j]) / (Math.abs(b[j]) + 1e-300));
            }
            double drop = (rss - newRss) / Math.max(rss, 1e-300);
            rss = newRss;
            if (dmax <= 1e-12 && drop <= 1e-14) {
                converged = true;
                message = "relative step " + dmax + " and relative RSS decrease " + drop;
                break;
            }
        }
        if (message == null) {
            message = "no convergence in " + MAX_ITER + " iterations";
        }
        jacobian(f, g, xs, b, jac);
        double[] se = new double[p];
        boolean finite = true;
        for (double[] row : jac) {
            for (double v : row) {
                finite &= Double.isFinite(v);
            }
        }
        if (finite) {
            // identifiability: condition number of the column-normalised Jacobian
            double[] flat = new double[n * p];
            for (int j = 0; j < p; j++) {
                double nj = 0;
                for (int i = 0; i < n; i++) {
                    nj += jac[i][j] * jac[i][j];
                }
                nj = Math.sqrt(nj);
                for (int i = 0; i < n; i++) {
                    flat[i * p + j] = nj == 0 ? 0 : jac[i][j] / nj;
                }
            }
            double[] sv = dev.strix.linalg.Linalg.svdvals(NdArray.wrap(flat, n, p)).toDoubleArray();
            double cond = sv[0] / sv[sv.length - 1];
            if (converged && !(cond < MAX_COND)) {
                converged = false;
                message = "stopped at a point where the parameters are not identified (condition number of the"
                        + " scaled Jacobian " + String.format(java.util.Locale.ROOT, "%.3g", cond)
                        + "): a degenerate stationary point, not a minimum; try other start values (" + message + ")";
            }
        }
        if (finite) {
            LsqSolver.Solution s = LsqSolver.solve(jac, null, new double[n]);
            for (int j = 0; j < p; j++) {
                se[j] = n > p ? Math.sqrt(s.xtxInv()[j][j] * rss / (n - p)) : Double.NaN;
            }
        } else {
            java.util.Arrays.fill(se, Double.NaN);
            converged = false;
            message = "the Jacobian is not finite at the solution";
        }
        return new NlsFit(NdArray.wrap(b, p), NdArray.wrap(se, p), rss, n, it, converged, message);
    }

    private static double residuals(Model f, double[][] x, double[] y, double[] b, double[] r) {
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            r[i] = y[i] - f.value(x[i], b);
            s += r[i] * r[i];
        }
        return Double.isNaN(s) ? Double.POSITIVE_INFINITY : s;
    }

    private static void jacobian(Model f, Gradient g, double[][] x, double[] b, double[][] jac) {
        int p = b.length;
        if (g != null) {
            for (int i = 0; i < x.length; i++) {
                g.gradient(x[i], b, jac[i]);
            }
            return;
        }
        double[] bb = b.clone();
        for (int j = 0; j < p; j++) {
            double h = 6.055454452393343e-06 * Math.max(Math.abs(b[j]), 1e-6); // cbrt(eps)
            double hp = (b[j] + h) - b[j];
            double hm = b[j] - (b[j] - h);
            for (int i = 0; i < x.length; i++) {
                bb[j] = b[j] + hp;
                double fp = f.value(x[i], bb);
                bb[j] = b[j] - hm;
                double fm = f.value(x[i], bb);
                jac[i][j] = (fp - fm) / (hp + hm);
            }
            bb[j] = b[j];
        }
    }
}
