package dev.strix.linalg.internal;

/**
 * Strix's own dense kernels on row-major {@code double[]} matrices, used where EJML does not
 * report what NumPy users expect (the index of the zero pivot, the failing Cholesky pivot) or has
 * no routine (banded solve, triangular solve with many right-hand sides in place).
 */
public final class Kernels {
    private Kernels() {
    }

    /**
     * In-place LU with partial pivoting of the (m, n) matrix {@code a}: afterwards the strict lower
     * part holds L (unit diagonal implied), the upper part U, and {@code perm[i]} is the original
     * row now at position i. Returns the index of the first exactly zero pivot, or -1.
     */
    public static int lu(double[] a, int m, int n, int[] perm) {
        return Math.min(m, n) >= Blocked.LU_MIN ? Blocked.lu(a, m, n, perm) : luUnblocked(a, m, n, perm);
    }

    /** {@link #lu} without blocking (the panel kernel's ancestor; used below {@link Blocked#LU_MIN}). */
    public static int luUnblocked(double[] a, int m, int n, int[] perm) {
        for (int i = 0; i < m; i++) {
            perm[i] = i;
        }
        return Blocked.panelBase(a, m, n, 0, Math.min(m, n), n, perm);
    }

    static void swapRows(double[] a, int n, int r1, int r2, int from, int to) {
        int o1 = r1 * n;
        int o2 = r2 * n;
        for (int c = from; c < to; c++) {
            double t = a[o1 + c];
            a[o1 + c] = a[o2 + c];
            a[o2 + c] = t;
        }
    }

    /**
     * In-place lower Cholesky of the symmetric (n, n) matrix {@code a} (only its lower triangle is
     * read); the strict upper triangle is zeroed. Returns -1 on success, else the index j of the
     * failing pivot, with the offending value (A[j,j] minus the squares already subtracted) in
     * {@code bad[0]}.
     */
    public static int cholesky(double[] a, int n, double[] bad) {
        return n >= Blocked.CHOL_MIN ? Blocked.cholesky(a, n, bad) : choleskyUnblocked(a, n, bad);
    }

    /** {@link #cholesky} without blocking (used below {@link Blocked#CHOL_MIN}). */
    public static int choleskyUnblocked(double[] a, int n, double[] bad) {
        for (int j = 0; j < n; j++) {
            int rj = j * n;
            double s = a[rj + j];
            for (int k = 0; k < j; k++) {
                s -= a[rj + k] * a[rj + k];
            }
            if (!(s > 0)) {
                bad[0] = s;
                return j;
            }
            double d = Math.sqrt(s);
            a[rj + j] = d;
            double inv = 1.0 / d;
            for (int i = j + 1; i < n; i++) {
                int ri = i * n;
                double t = a[ri + j];
                for (int k = 0; k < j; k++) {
                    t -= a[ri + k] * a[rj + k];
                }
                a[ri + j] = t * inv;
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                a[i * n + j] = 0;
            }
        }
        return -1;
    }

    /**
     * Solves T X = B in place in {@code b} (n, k), T (n, n) triangular. Returns -1, or the index of
     * an exactly zero diagonal element (then b is left partly overwritten).
     */
    public static int triangularSolve(double[] t, int n, double[] b, int k, boolean lower, boolean unit) {
        return n >= Blocked.TRSM_MIN && k >= Blocked.TRSM_MIN_RHS
                ? Blocked.triangularSolve(t, n, b, k, lower, unit)
                : triangularSolveUnblocked(t, n, b, k, lower, unit);
    }

    /** {@link #triangularSolve} without blocking. */
    public static int triangularSolveUnblocked(double[] t, int n, double[] b, int k, boolean lower, boolean unit) {
        if (lower) {
            for (int i = 0; i < n; i++) {
                int rb = i * k;
                for (int j = 0; j < i; j++) {
                    double f = t[i * n + j];
                    if (f != 0) {
                        int rj = j * k;
                        for (int c = 0; c < k; c++) {
                            b[rb + c] -= f * b[rj + c];
                        }
                    }
                }
                if (!unit) {
                    double d = t[i * n + i];
                    if (d == 0) {
                        return i;
                    }
                    for (int c = 0; c < k; c++) {
                        b[rb + c] /= d;
                    }
                }
            }
        } else {
            for (int i = n - 1; i >= 0; i--) {
                int rb = i * k;
                for (int j = i + 1; j < n; j++) {
                    double f = t[i * n + j];
                    if (f != 0) {
                        int rj = j * k;
                        for (int c = 0; c < k; c++) {
                            b[rb + c] -= f * b[rj + c];
                        }
                    }
                }
                if (!unit) {
                    double d = t[i * n + i];
                    if (d == 0) {
                        return i;
                    }
                    for (int c = 0; c < k; c++) {
                        b[rb + c] /= d;
                    }
                }
            }
        }
        return -1;
    }

    /**
     * Solves A X = B for a banded A with {@code l} sub- and {@code u} super-diagonals given in
     * LAPACK/SciPy band storage {@code ab} ((l + u + 1), n), {@code ab[u + i - j][j] = A[i][j]}),
     * by Gaussian elimination with partial pivoting in O(n (l + u) l) time plus O(n (2l + u) k) for
     * the k right-hand sides. B (n, k) is overwritten by X. Returns -1 or the zero pivot's index.
     */
    public static int bandedSolve(double[] ab, int l, int u, int n, double[] b, int k) {
        int w = 2 * l + u + 1;          // row i holds columns i - l .. i + l + u at i*w + (j - i + l)
        double[] m = new double[n * w];
        for (int j = 0; j < n; j++) {
            for (int i = Math.max(0, j - u); i <= Math.min(n - 1, j + l); i++) {
                m[i * w + (j - i + l)] = ab[(u + i - j) * n + j];
            }
        }
        for (int c = 0; c < n; c++) {
            int p = c;
            double max = Math.abs(m[c * w + l]);
            int last = Math.min(n - 1, c + l);
            for (int i = c + 1; i <= last; i++) {
                double v = Math.abs(m[i * w + (c - i + l)]);
                if (v > max) {
                    max = v;
                    p = i;
                }
            }
            int hi = Math.min(n - 1, c + l + u);
            if (p != c) {
                for (int j = c; j <= hi; j++) {
                    double t = m[c * w + (j - c + l)];
                    m[c * w + (j - c + l)] = m[p * w + (j - p + l)];
                    m[p * w + (j - p + l)] = t;
                }
                swapRows(b, k, c, p, 0, k);
            }
            double piv = m[c * w + l];
            if (piv == 0) {
                return c;
            }
            for (int i = c + 1; i <= last; i++) {
                double f = m[i * w + (c - i + l)] / piv;
                if (f == 0) {
                    continue;
                }
                m[i * w + (c - i + l)] = 0;
                for (int j = c + 1; j <= hi; j++) {
                    m[i * w + (j - i + l)] -= f * m[c * w + (j - c + l)];
                }
                for (int q = 0; q < k; q++) {
                    b[i * k + q] -= f * b[c * k + q];
                }
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            int hi = Math.min(n - 1, i + l + u);
            for (int j = i + 1; j <= hi; j++) {
                double f = m[i * w + (j - i + l)];
                if (f != 0) {
                    for (int q = 0; q < k; q++) {
                        b[i * k + q] -= f * b[j * k + q];
                    }
                }
            }
            double d = m[i * w + l];
            for (int q = 0; q < k; q++) {
                b[i * k + q] /= d;
            }
        }
        return -1;
    }

    /**
     * In-place Householder QR of the (m, n) matrix {@code a} (LAPACK's geqr2 conventions): R in the
     * upper triangle, the reflector vectors (implicit leading 1) below it, their scalars in
     * {@code tau} (length min(m, n)). A zero column gives tau = 0 (no reflection) instead of failing.
     */
    public static void householderQr(double[] a, int m, int n, double[] tau) {
        int k = Math.min(m, n);
        double[] w = new double[n];
        for (int j = 0; j < k; j++) {
            double xnorm = 0;
            for (int i = j + 1; i < m; i++) {
                xnorm = Math.hypot(xnorm, a[i * n + j]);
            }
            if (xnorm == 0) {
                tau[j] = 0;
                continue;
            }
            double alpha = a[j * n + j];
            double beta = -Math.copySign(Math.hypot(alpha, xnorm), alpha);
            tau[j] = (beta - alpha) / beta;
            double scale = 1 / (alpha - beta);
            for (int i = j + 1; i < m; i++) {
                a[i * n + j] *= scale;
            }
            a[j * n + j] = beta;
            applyReflector(a, m, n, j, j + 1, n, a, n, j, tau[j], w);
        }
    }

    /** c[r0.., cFrom..cTo) -= tau v (v^T c) for the reflector stored in column j of {@code v} (rows j..m-1, v_j = 1). */
    static void applyReflector(double[] c, int m, int nc, int r0, int cFrom, int cTo, double[] v, int nv, int j,
                               double tau, double[] w) {
        if (tau == 0) {
            return;
        }
        for (int col = cFrom; col < cTo; col++) {
            w[col] = c[r0 * nc + col];
        }
        for (int i = r0 + 1; i < m; i++) {
            double vi = v[i * nv + j];
            if (vi != 0) {
                for (int col = cFrom; col < cTo; col++) {
                    w[col] += vi * c[i * nc + col];
                }
            }
        }
        for (int col = cFrom; col < cTo; col++) {
            c[r0 * nc + col] -= tau * w[col];
        }
        for (int i = r0 + 1; i < m; i++) {
            double f = tau * v[i * nv + j];
            if (f != 0) {
                for (int col = cFrom; col < cTo; col++) {
                    c[i * nc + col] -= f * w[col];
                }
            }
        }
    }

    /** The first {@code qc} columns of Q = H_0 H_1 ... H_{k-1} from {@link #householderQr}'s output. */
    public static double[] formQ(double[] qrf, int m, int n, double[] tau, int qc) {
        int k = Math.min(m, n);
        double[] q = new double[m * qc];
        for (int i = 0; i < Math.min(m, qc); i++) {
            q[i * qc + i] = 1;
        }
        double[] w = new double[qc];
        for (int j = k - 1; j >= 0; j--) {
            applyReflector(q, m, qc, j, j, qc, qrf, n, j, tau[j], w);
        }
        return q;
    }
}
