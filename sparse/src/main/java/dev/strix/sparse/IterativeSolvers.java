package dev.strix.sparse;

import dev.strix.ndarray.NdArray;
import dev.strix.ndarray.ShapeMismatchException;
import java.util.Arrays;

/**
 * Krylov solvers for A x = b with a sparse A: conjugate gradient (symmetric positive definite A),
 * BiCGSTAB and restarted GMRES(m) (general square A), each with an optional
 * {@link Preconditioner} (Jacobi, ILU(0), or your own) and {@link SolverOptions}. They never
 * throw for non-convergence: read {@link ConvergenceReport#converged()}.
 *
 * <p>The work per iteration is one SpMV ({@link CsrMatrix#matvec(double[], double[])}, parallel for
 * large matrices), the preconditioner, and dot products on the ndarray module's kernels
 * ({@link NdArray#dot}); the vectors are allocated once per solve.
 */
public final class IterativeSolvers {
    private IterativeSolvers() {
    }

    public static ConvergenceReport cg(CsrMatrix a, NdArray b) {
        return cg(a, b, null, Preconditioner.identity(), SolverOptions.defaults());
    }

    /**
     * Preconditioned conjugate gradient. A must be symmetric positive definite and M symmetric
     * positive definite (Jacobi of an SPD A is; ILU(0) of an SPD A is only approximately so).
     * Stops with reason "breakdown" if a search direction has p'Ap <= 0 (A not positive definite).
     *
     * @param x0 initial guess, or null for zeros
     */
    public static ConvergenceReport cg(CsrMatrix a, NdArray b, NdArray x0, Preconditioner m, SolverOptions opt) {
        int n = check("cg", a, b, x0);
        double[] bv = b.toDoubleArray();
        double[] x = x0 == null ? new double[n] : x0.toDoubleArray();
        double[] r = new double[n], z = new double[n], p = new double[n], q = new double[n];
        residual(a, bv, x, r);
        double bn = norm(bv), tol = Math.max(opt.rtol() * bn, opt.atol());
        int max = opt.maxIterFor(n);
        double[] hist = new double[max + 1];
        double rn = norm(r);
        hist[0] = rn;
        int it = 0;
        String reason = "maxIter";
        if (rn <= tol) {
            reason = "converged";
        } else {
            m.apply(r, z);
            System.arraycopy(z, 0, p, 0, n);
            double rz = dot(r, z);
            while (it < max) {
                a.matvec(p, q);
                double pq = dot(p, q);
                if (!(pq > 0)) {
                    reason = "breakdown";
                    break;
                }
                double alpha = rz / pq;
                axpy(alpha, p, x);
                axpy(-alpha, q, r);
                rn = norm(r);
                hist[++it] = rn;
                if (rn <= tol) {
                    reason = "converged";
                    break;
                }
                m.apply(r, z);
                double rzNew = dot(r, z);
                double beta = rzNew / rz;
                rz = rzNew;
                for (int i = 0; i < n; i++) {
                    p[i] = z[i] + beta * p[i];
                }
            }
        }
        return report("cg", a, bv, x, bn, tol, it, hist, reason);
    }

    public static ConvergenceReport bicgstab(CsrMatrix a, NdArray b) {
        return bicgstab(a, b, null, Preconditioner.identity(), SolverOptions.defaults());
    }

    /**
     * Right-preconditioned BiCGSTAB (van der Vorst 1992) for a general square A. Stops with reason
     * "breakdown" when rho or omega becomes 0.
     */
    public static ConvergenceReport bicgstab(CsrMatrix a, NdArray b, NdArray x0, Preconditioner m, SolverOptions opt) {
        int n = check("bicgstab", a, b, x0);
        double[] bv = b.toDoubleArray();
        double[] x = x0 == null ? new double[n] : x0.toDoubleArray();
        double[] r = new double[n], rhat = new double[n], p = new double[n], v = new double[n], ph = new double[n];
        double[] s = new double[n], sh = new double[n], t = new double[n];
        residual(a, bv, x, r);
        System.arraycopy(r, 0, rhat, 0, n);
        double bn = norm(bv), tol = Math.max(opt.rtol() * bn, opt.atol());
        int max = opt.maxIterFor(n);
        double[] hist = new double[max + 1];
        double rn = norm(r);
        hist[0] = rn;
        int it = 0;
        String reason = rn <= tol ? "converged" : "maxIter";
        double rho = 1, alpha = 1, omega = 1;
        while (rn > tol && it < max) {
            double rhoNew = dot(rhat, r);
            if (rhoNew == 0 || !Double.isFinite(rhoNew)) {
                reason = "breakdown";
                break;
            }
            if (it == 0) {
                System.arraycopy(r, 0, p, 0, n);
            } else {
                double beta = (rhoNew / rho) * (alpha / omega);
                for (int i = 0; i < n; i++) {
                    p[i] = r[i] + beta * (p[i] - omega * v[i]);
                }
            }
            m.apply(p, ph);
            a.matvec(ph, v);
            double rv = dot(rhat, v);
            if (rv == 0) {
                reason = "breakdown";
                break;
            }
            alpha = rhoNew / rv;
            for (int i = 0; i < n; i++) {
                s[i] = r[i] - alpha * v[i];
            }
            double sn = norm(s);
            if (sn <= tol) {
                axpy(alpha, ph, x);
                System.arraycopy(s, 0, r, 0, n);
                rn = sn;
                hist[++it] = rn;
                reason = "converged";
                break;
            }
            m.apply(s, sh);
            a.matvec(sh, t);
            double tt = dot(t, t);
            omega = tt == 0 ? 0 : dot(t, s) / tt;
            for (int i = 0; i < n; i++) {
                x[i] += alpha * ph[i] + omega * sh[i];
                r[i] = s[i] - omega * t[i];
            }
            rho = rhoNew;
            rn = norm(r);
            hist[++it] = rn;
            if (rn <= tol) {
                reason = "converged";
                break;
            }
            if (omega == 0) {
                reason = "breakdown";
                break;
            }
        }
        return report("bicgstab", a, bv, x, bn, tol, it, hist, reason);
    }

    public static ConvergenceReport gmres(CsrMatrix a, NdArray b) {
        return gmres(a, b, null, Preconditioner.identity(), SolverOptions.defaults());
    }

    /**
     * Restarted GMRES(m), m = {@link SolverOptions#restart()}, right-preconditioned (so the
     * monitored residual is the true one), modified Gram-Schmidt and Givens rotations. Each inner
     * step counts as one iteration.
     */
    public static ConvergenceReport gmres(CsrMatrix a, NdArray b, NdArray x0, Preconditioner m, SolverOptions opt) {
        int n = check("gmres", a, b, x0);
        int mr = Math.max(1, Math.min(opt.restart(), n));
        double[] bv = b.toDoubleArray();
        double[] x = x0 == null ? new double[n] : x0.toDoubleArray();
        double[][] vs = new double[mr + 1][n];
        double[][] h = new double[mr + 1][mr];
        double[] cs = new double[mr], sn = new double[mr], g = new double[mr + 1], y = new double[mr];
        double[] w = new double[n], z = new double[n], r = new double[n];
        double bn = norm(bv), tol = Math.max(opt.rtol() * bn, opt.atol());
        int max = opt.maxIterFor(n);
        double[] hist = new double[max + 1];
        residual(a, bv, x, r);
        double beta = norm(r);
        hist[0] = beta;
        int it = 0;
        String reason = beta <= tol ? "converged" : "maxIter";
        while (beta > tol && it < max) {
            for (int i = 0; i < n; i++) {
                vs[0][i] = r[i] / beta;
            }
            Arrays.fill(g, 0);
            g[0] = beta;
            int j = 0;
            boolean happy = false;
            double res = beta;
            for (; j < mr && it < max; j++) {
                m.apply(vs[j], z);
                a.matvec(z, w);
                for (int i = 0; i <= j; i++) {
                    double hij = dot(w, vs[i]);
                    h[i][j] = hij;
                    axpy(-hij, vs[i], w);
                }
                double hn = norm(w);
                h[j + 1][j] = hn;
                if (hn != 0) {
                    for (int i = 0; i < n; i++) {
                        vs[j + 1][i] = w[i] / hn;
                    }
                }
                for (int i = 0; i < j; i++) {
                    double t = cs[i] * h[i][j] + sn[i] * h[i + 1][j];
                    h[i + 1][j] = -sn[i] * h[i][j] + cs[i] * h[i + 1][j];
                    h[i][j] = t;
                }
                double den = Math.hypot(h[j][j], h[j + 1][j]);
                cs[j] = den == 0 ? 1 : h[j][j] / den;
                sn[j] = den == 0 ? 0 : h[j + 1][j] / den;
                h[j][j] = den;
                h[j + 1][j] = 0;
                g[j + 1] = -sn[j] * g[j];
                g[j] = cs[j] * g[j];
                res = Math.abs(g[j + 1]);
                hist[++it] = res;
                if (res <= tol || hn == 0) {
                    happy = hn == 0;
                    j++;
                    break;
                }
            }
            // y = H(0..j-1)^-1 g, then x += M (V y)
            for (int i = j - 1; i >= 0; i--) {
                double s = g[i];
                for (int k = i + 1; k < j; k++) {
                    s -= h[i][k] * y[k];
                }
                y[i] = h[i][i] == 0 ? 0 : s / h[i][i];
            }
            Arrays.fill(w, 0);
            for (int i = 0; i < j; i++) {
                axpy(y[i], vs[i], w);
            }
            m.apply(w, z);
            axpy(1, z, x);
            residual(a, bv, x, r);
            beta = norm(r);
            if (beta <= tol) {
                reason = "converged";
                break;
            }
            if (happy) {
                reason = "breakdown";
                break;
            }
        }
        return report("gmres(" + mr + ")", a, bv, x, bn, tol, it, hist, reason);
    }

    // ------------------------------------------------------------------ helpers

    private static int check(String op, CsrMatrix a, NdArray b, NdArray x0) {
        if (a.rows != a.cols) {
            throw new ShapeMismatchException(op + ": matrix must be square, got " + CsrMatrix.shapeString(a.rows, a.cols));
        }
        if (b.ndim() != 1 || b.shape()[0] != a.rows) {
            throw new ShapeMismatchException(op + ": matrix " + CsrMatrix.shapeString(a.rows, a.cols) + " and b of shape "
                    + ShapeMismatchException.shapeString(b.shape()) + "; expected b (" + a.rows + ",)");
        }
        if (x0 != null && (x0.ndim() != 1 || x0.shape()[0] != a.rows)) {
            throw new ShapeMismatchException(op + ": matrix " + CsrMatrix.shapeString(a.rows, a.cols) + " and x0 of shape "
                    + ShapeMismatchException.shapeString(x0.shape()));
        }
        return a.rows;
    }

    private static ConvergenceReport report(String method, CsrMatrix a, double[] b, double[] x, double bn, double tol, int it,
                                            double[] hist, String reason) {
        double[] r = new double[b.length];
        residual(a, b, x, r);
        double rn = norm(r);
        boolean ok = rn <= tol || ("converged".equals(reason) && rn <= 10 * tol);
        return new ConvergenceReport(NdArray.wrap(x, x.length), ok, it, rn, bn, Arrays.copyOf(hist, it + 1), method,
                ok ? "converged" : ("converged".equals(reason) ? "maxIter" : reason));
    }

    private static void residual(CsrMatrix a, double[] b, double[] x, double[] r) {
        a.matvec(x, r);
        for (int i = 0; i < r.length; i++) {
            r[i] = b[i] - r[i];
        }
    }

    static double dot(double[] u, double[] v) {
        return NdArray.wrap(u, u.length).dot(NdArray.wrap(v, v.length)).item();
    }

    static double norm(double[] u) {
        return Math.sqrt(dot(u, u));
    }

    private static void axpy(double alpha, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += alpha * x[i];
        }
    }
}
