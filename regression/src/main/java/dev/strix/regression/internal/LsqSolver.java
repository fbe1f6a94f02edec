package dev.strix.regression.internal;

import dev.strix.linalg.Linalg;
import dev.strix.ndarray.NdArray;

/**
 * The accurate least-squares engine beneath OLS, WLS and polynomial fits.
 *
 * <ol>
 *   <li>Each column is scaled by a power of two (exact) so that its largest entry lies in [1, 2).
 *   <li>Householder QR with column pivoting of the scaled design; the numerical rank is the number
 *       of diagonal entries of R above {@code max(n, p) * eps * |R[0,0]|}.
 *   <li>Full rank: the augmented system {@code [I A; A^T 0] [r; x] = [b; c]} is solved with the QR
 *       factors and refined (Bjorck) with its residuals {@code b - r - A x} and {@code c - A^T r}
 *       accumulated in double-double. The design may itself be given in double-double
 *       ({@code lo != null}), so a polynomial design is never rounded where it matters. The same
 *       refinement gives each column of {@code (A^T A)^-1}, so standard errors are as accurate as
 *       the coefficients.
 *   <li>Rank deficient: the minimum-norm solution from the SVD pseudo-inverse of the unscaled
 *       design (what statsmodels' default {@code pinv} method gives).
 * </ol>
 */
public final class LsqSolver {
    private static final double EPS = Math.ulp(1.0);
    private static final int MAX_REFINE = 30;

    /** What a fit needs. Arrays are in the caller's column order and units. */
    public record Solution(double[] beta, double[] residuals, double rss, double[][] xtxInv, int rank,
                           boolean fullRank, int refinementSteps) {}

    private final int n;
    private final int p;
    private final double[][] ahi; // scaled, pivoted design, n x p
    private final double[][] alo; // null or low parts
    private final double[] scale; // per original column
    private final int[] piv;      // working column j is original column piv[j]
    private final double[][] v;   // Householder vectors: v[k] has length n - k
    private final double[] beta;  // Householder coefficients
    private final double[][] r;   // R, p x p upper triangular
    private final int rank;

    private LsqSolver(double[][] xhi, double[][] xlo) {
        n = xhi.length;
        p = n == 0 ? 0 : xhi[0].length;
        scale = new double[p];
        for (int j = 0; j < p; j++) {
            double m = 0;
            for (int i = 0; i < n; i++) {
                m = Math.max(m, Math.abs(xhi[i][j]));
            }
            scale[j] = m == 0 || !Double.isFinite(m) ? 1.0 : Math.scalb(1.0, -Math.getExponent(m));
        }
        // pivoted QR on a copy of the scaled design
        double[][] w = new double[n][p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                w[i][j] = xhi[i][j] * scale[j];
            }
        }
        piv = new int[p];
        for (int j = 0; j < p; j++) {
            piv[j] = j;
        }
        int kmax = Math.min(n, p);
        v = new double[kmax][];
        beta = new double[kmax];
        r = new double[p][p];
        double[] norms = new double[p];
        for (int k = 0; k < kmax; k++) {
            // choose the remaining column with the largest norm
            int best = k;
            double bestNorm = -1;
            for (int j = k; j < p; j++) {
                double s = 0;
                for (int i = k; i < n; i++) {
                    s += w[i][j] * w[i][j];
                }
                norms[j] = s;
                if (s > bestNorm) {
                    bestNorm = s;
                    best = j;
                }
            }
            if (best != k) {
                for (int i = 0; i < n; i++) {
                    double t = w[i][k];
                    w[i][k] = w[i][best];
                    w[i][best] = t;
                }
                int t = piv[k];
                piv[k] = piv[best];
                piv[best] = t;
            }
            double norm = 0;
            double big = 0;
            for (int i = k; i < n; i++) {
                big = Math.max(big, Math.abs(w[i][k]));
            }
            if (big > 0) {
                for (int i = k; i < n; i++) {
                    double q = w[i][k] / big;
                    norm += q * q;
                }
                norm = big * Math.sqrt(norm);
            }
            double[] vk = new double[n - k];
            if (norm == 0) {
                beta[k] = 0;
                v[k] = vk;
                r[k][k] = 0;
                for (int j = k + 1; j < p; j++) {
                    r[k][j] = w[k][j];
                }
                continue;
            }
            double alpha = w[k][k] >= 0 ? -norm : norm;
            for (int i = k; i < n; i++) {
                vk[i - k] = w[i][k];
            }
            vk[0] -= alpha;
            double vtv = 0;
            for (double e : vk) {
                vtv += e * e;
            }
            beta[k] = 2.0 / vtv;
            v[k] = vk;
            r[k][k] = alpha;
            for (int j = k + 1; j < p; j++) {
                double s = 0;
                for (int i = k; i < n; i++) {
                    s += vk[i - k] * w[i][j];
                }
                s *= beta[k];
                for (int i = k; i < n; i++) {
                    w[i][j] -= s * vk[i - k];
                }
                r[k][j] = w[k][j];
            }
        }
        // off-diagonal R from the reduced matrix (later pivots swapped its columns after step k)
        for (int k = 0; k < kmax; k++) {
            for (int j = k + 1; j < p; j++) {
                r[k][j] = w[k][j];
            }
        }
        double tol = Math.max(n, p) * EPS * (kmax > 0 ? Math.abs(r[0][0]) : 0);
        int rk = 0;
        for (int k = 0; k < kmax; k++) {
            if (Math.abs(r[k][k]) > tol) {
                rk++;
            } else {
                break;
            }
        }
        rank = rk;
        // the working (scaled, pivoted) design in double-double for the refinement
        ahi = new double[n][p];
        alo = xlo == null ? null : new double[n][p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                int o = piv[j];
                ahi[i][j] = xhi[i][o] * scale[o];
                if (alo != null) {
                    alo[i][j] = xlo[i][o] * scale[o];
                }
            }
        }
    }

    /** Solves min ||y - X b|| for X given as hi (+ lo) parts; {@code xlo} may be null. */
    public static Solution solve(double[][] xhi, double[][] xlo, double[] y) {
        LsqSolver s = new LsqSolver(xhi, xlo);
        return s.run(xhi, xlo, y);
    }

    /** Numerical rank of X as decided by the pivoted QR of the scaled design. */
    public int rank() {
        return rank;
    }

    private Solution run(double[][] xhi, double[][] xlo, double[] y) {
        if (rank < p) {
            return pinvSolution(xhi, xlo, y);
        }
        double[] zeros = new double[p];
        double[][] xr = refine(y, zeros);
        double[] xs = xr[1];
        int steps = (int) xr[2][0];
        double[] b = new double[p];
        for (int j = 0; j < p; j++) {
            b[piv[j]] = xs[j] * scale[piv[j]];
        }
        double[] res = new double[n];
        DoubleDouble rss = new DoubleDouble();
        residuals(xhi, xlo, y, b, res, rss);
        double[][] inv = new double[p][p];
        double[] zn = new double[n];
        for (int j = 0; j < p; j++) {
            double[] c = new double[p];
            c[j] = -1.0;
            double[] z = refine(zn, c)[1];
            for (int i = 0; i < p; i++) {
                inv[piv[i]][piv[j]] = z[i] * scale[piv[i]] * scale[piv[j]];
            }
        }
        // symmetrise (the two triangles agree to refinement accuracy)
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < i; j++) {
                double m = 0.5 * (inv[i][j] + inv[j][i]);
                inv[i][j] = m;
                inv[j][i] = m;
            }
        }
        return new Solution(b, res, rss.value(), inv, rank, true, steps);
    }

    /** Residuals y - X b in double-double; their sum of squares in {@code rss}. */
    private static void residuals(double[][] xhi, double[][] xlo, double[] y, double[] b, double[] res,
                                  DoubleDouble rss) {
        int n = y.length;
        int p = b.length;
        DoubleDouble acc = new DoubleDouble();
        rss.set(0, 0);
        for (int i = 0; i < n; i++) {
            acc.set(y[i], 0);
            for (int j = 0; j < p; j++) {
                if (xlo == null) {
                    acc.subProduct(xhi[i][j], b[j]);
                } else {
                    acc.addProduct(-xhi[i][j], -xlo[i][j], b[j]);
                }
            }
            res[i] = acc.value();
            rss.addProduct(acc.hi, acc.hi);
            rss.add(2 * acc.hi * acc.lo);
        }
    }

    /**
     * Refined solution of {@code r + A x = b, A^T r = c} in working coordinates. Returns
     * {r, x, {steps}}.
     */
    private double[][] refine(double[] b, double[] c) {
        double[] rr = new double[n];
        double[] x = new double[p];
        double[] f = new double[n];
        double[] g = new double[p];
        DoubleDouble acc = new DoubleDouble();
        double prev = Double.POSITIVE_INFINITY;
        int steps = 0;
        for (int it = 0; it < MAX_REFINE; it++) {
            for (int i = 0; i < n; i++) {
                acc.set(b[i], 0);
                acc.add(-rr[i]);
                double[] hi = ahi[i];
                double[] lo = alo == null ? null : alo[i];
                for (int j = 0; j < p; j++) {
                    if (lo == null) {
                        acc.subProduct(hi[j], x[j]);
                    } else {
                        acc.addProduct(-hi[j], -lo[j], x[j]);
                    }
                }
                f[i] = acc.value();
            }
            for (int j = 0; j < p; j++) {
                acc.set(c[j], 0);
                for (int i = 0; i < n; i++) {
                    if (alo == null) {
                        acc.subProduct(ahi[i][j], rr[i]);
                    } else {
                        acc.addProduct(-ahi[i][j], -alo[i][j], rr[i]);
                    }
                }
                g[j] = acc.value();
            }
            double[][] d = correction(f, g);
            double dn = 0;
            double xn = 0;
            for (int j = 0; j < p; j++) {
                x[j] += d[1][j];
                dn = Math.max(dn, Math.abs(d[1][j]));
                xn = Math.max(xn, Math.abs(x[j]));
            }
            for (int i = 0; i < n; i++) {
                rr[i] += d[0][i];
            }
            steps = it + 1;
            if (dn <= 0x1p-60 * xn || (it >= 2 && dn > 0.5 * prev)) {
                break;
            }
            prev = dn;
        }
        return new double[][] {rr, x, {steps}};
    }

    /** Solves {@code dr + A dx = f, A^T dr = g} with the QR factors. Returns {dr, dx}. */
    private double[][] correction(double[] f, double[] g) {
        // R^T h = g
        double[] h = new double[p];
        for (int i = 0; i < p; i++) {
            double s = g[i];
            for (int k = 0; k < i; k++) {
                s -= r[k][i] * h[k];
            }
            h[i] = s / r[i][i];
        }
        double[] z = f.clone();
        applyQt(z);
        double[] dx = new double[p];
        for (int i = p - 1; i >= 0; i--) {
            double s = z[i] - h[i];
            for (int k = i + 1; k < p; k++) {
                s -= r[i][k] * dx[k];
            }
            dx[i] = s / r[i][i];
        }
        double[] dr = z; // [h; f2]
        System.arraycopy(h, 0, dr, 0, p);
        applyQ(dr);
        return new double[][] {dr, dx};
    }

    private void applyQt(double[] z) {
        for (int k = 0; k < v.length; k++) {
            reflect(k, z);
        }
    }

    private void applyQ(double[] z) {
        for (int k = v.length - 1; k >= 0; k--) {
            reflect(k, z);
        }
    }

    private void reflect(int k, double[] z) {
        double[] vk = v[k];
        double s = 0;
        for (int i = 0; i < vk.length; i++) {
            s += vk[i] * z[k + i];
        }
        s *= beta[k];
        for (int i = 0; i < vk.length; i++) {
            z[k + i] -= s * vk[i];
        }
    }

    /** Minimum-norm solution through the SVD pseudo-inverse (statsmodels' {@code pinv} method). */
    private Solution pinvSolution(double[][] xhi, double[][] xlo, double[] y) {
        double[] flat = new double[n * p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                flat[i * p + j] = xlo == null ? xhi[i][j] : xhi[i][j] + xlo[i][j];
            }
        }
        NdArray x = NdArray.wrap(flat, n, p);
        NdArray pinv = Linalg.pinv(x, 1e-15); // p x n, statsmodels' rcond
        double[][] pi = pinv.toDoubleMatrix();
        double[] b = new double[p];
        for (int j = 0; j < p; j++) {
            DoubleDouble acc = new DoubleDouble();
            for (int i = 0; i < n; i++) {
                acc.addProduct(pi[j][i], y[i]);
            }
            b[j] = acc.value();
        }
        double[] res = new double[n];
        DoubleDouble rss = new DoubleDouble();
        residuals(xhi, xlo, y, b, res, rss);
        double[][] inv = new double[p][p];
        for (int a = 0; a < p; a++) {
            for (int c = 0; c < p; c++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += pi[a][i] * pi[c][i];
                }
                inv[a][c] = s;
            }
        }
        int rk = Linalg.matrixRank(x);
        return new Solution(b, res, rss.value(), inv, rk, false, 0);
    }
}
