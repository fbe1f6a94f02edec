package dev.strix.linalg.internal;

import dev.strix.linalg.LinalgException;
import dev.strix.ndarray.NdArray;

/**
 * Symmetric eigendecomposition on row-major {@code double[]} matrices, LAPACK's {@code syevd} path
 * in pure Java:
 * <ol>
 *   <li>{@link #sytrd}: blocked Householder tridiagonal reduction (LAPACK {@code sytrd}/{@code latrd}):
 *       panels of {@link #NB} reflectors, each built with one pass of A22·v over the untouched
 *       trailing matrix plus the panel's corrections, then the rank-2k update
 *       A22 −= V Wᵀ + W Vᵀ of the trailing matrix as one GEMM ([V W]·[W V]ᵀ; the full matrix is kept
 *       so every access is a contiguous row);</li>
 *   <li>the tridiagonal eigenproblem: values only by implicit QL ({@link #tridiagonalValues});
 *       with vectors by Cuppen's divide and conquer ({@code stedc}/{@code laed0..4}: rank-one
 *       splits, deflation of small z components and close poles by Givens rotations, the secular
 *       equation by a safeguarded two-pole rational iteration, eigenvectors from the Löwner
 *       (Gu–Eisenstat) z so they stay orthogonal, merged by GEMM), implicit QL below
 *       {@link #LEAF};</li>
 *   <li>{@link #backTransform}: the tridiagonal eigenvectors times the reflectors' product, by
 *       compact-WY blocks of {@link #NB} (two GEMMs each, LAPACK {@code ormtr}).</li>
 * </ol>
 * Eigenvectors are kept as rows (one eigenvector per row) throughout, so that the rotations,
 * permutations and deflations of the tridiagonal solver touch contiguous memory.
 */
public final class SymmetricEigen {
    private SymmetricEigen() {
    }

    /** Panel width of the tridiagonal reduction and of the back-transformation. */
    public static final int NB = 32;
    /** Block width of the back-transformation (wider blocks: fewer, better-shaped GEMMs). */
    static final int BACK_NB = 64;
    /** Tridiagonal subproblems up to this order are solved by implicit QL instead of being split. */
    public static final int LEAF = 32;

    /** Measured crossovers against EJML (docs/linalg.md, Performance): eigh from this order up. */
    public static final int MIN = 160;
    /** eigvalsh from this order up. */
    public static final int MIN_VALUES = 192;

    private static final double EPS = Math.ulp(1.0) / 2;

    /**
     * Eigenvalues (ascending, returned) and, when {@code vectors} is non-null (length n²), the
     * eigenvectors as its columns (row-major), of the symmetric (n, n) matrix {@code a} (full
     * storage, overwritten). The input must be finite.
     */
    public static double[] eigh(double[] a, int n, double[] vectors, String op) {
        double amax = 0;
        for (double v : a) {
            amax = Math.max(amax, Math.abs(v));
        }
        double[] d = new double[n];
        if (amax == 0) {
            if (vectors != null) {
                for (int i = 0; i < n; i++) {
                    vectors[i * n + i] = 1;
                }
            }
            return d;
        }
        // scale by a power of two (exact) into a range where squares neither overflow nor underflow
        int scaleExp = Math.getExponent(amax);
        boolean scaled = scaleExp > 400 || scaleExp < -400;
        if (scaled) {
            for (int i = 0; i < a.length; i++) {
                a[i] = Math.scalb(a[i], -scaleExp);
            }
        }
        double[] e = new double[Math.max(n - 1, 0)];
        double[] tau = new double[Math.max(n - 1, 0)];
        sytrd(a, n, d, e, tau);
        if (vectors == null) {
            tridiagonalValues(d, e, n, op);
        } else {
            double[] zt = new double[n * n];
            divideAndConquer(d, e, n, zt, op);
            backTransform(a, n, tau, zt);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    vectors[j * n + i] = zt[i * n + j];
                }
            }
        }
        if (scaled) {
            for (int i = 0; i < n; i++) {
                d[i] = Math.scalb(d[i], scaleExp);
            }
        }
        return d;
    }

    // ================================================================== tridiagonal reduction

    /**
     * Blocked reduction of the symmetric (n, n) row-major {@code a} (full storage) to tridiagonal
     * form T = Qᵀ A Q: diagonal in {@code d}, off-diagonal in {@code e} (n - 1). Q = H_0 ... H_{n-2};
     * H_i = I − tau_i v vᵀ with v stored in row i of {@code a} at columns i + 1 .. n − 1 (v_{i+1} = 1
     * stored explicitly).
     */
    public static void sytrd(double[] a, int n, double[] d, double[] e, double[] tau) {
        double[] v = new double[n * NB];
        double[] w = new double[n * NB];
        double[] y = new double[n];
        double[] t1 = new double[NB];
        double[] t2 = new double[NB];
        for (int j0 = 0; j0 < n - 1; j0 += NB) {
            int jb = Math.min(NB, n - 1 - j0);
            java.util.Arrays.fill(v, j0 * NB, n * NB, 0.0);
            java.util.Arrays.fill(w, j0 * NB, n * NB, 0.0);
            for (int p = 0; p < jb; p++) {
                int i = j0 + p;
                int ri = i * n;
                // bring row i up to date with the panel's earlier reflectors (LAPACK updates column i)
                if (p > 0) {
                    int wi = i * NB;
                    for (int c = i; c < n; c++) {
                        int rc = c * NB;
                        double s = 0;
                        for (int q = 0; q < p; q++) {
                            s += w[wi + q] * v[rc + q] + v[wi + q] * w[rc + q];
                        }
                        a[ri + c] -= s;
                    }
                }
                d[i] = a[ri + i];
                // reflector from x = a[i, i+1:]
                double alpha = a[ri + i + 1];
                double xnorm = BlockedQr.scaledNorm(a, ri + i + 2, ri + n, 1, 0);
                double ti;
                if (xnorm == 0) {
                    ti = 0;
                    e[i] = alpha;
                } else {
                    double beta = -Math.copySign(Math.hypot(alpha, xnorm), alpha);
                    ti = (beta - alpha) / beta;
                    double scale = 1 / (alpha - beta);
                    for (int c = i + 2; c < n; c++) {
                        a[ri + c] *= scale;
                    }
                    e[i] = beta;
                }
                a[ri + i + 1] = 1;
                tau[i] = ti;
                for (int c = i + 1; c < n; c++) {
                    v[c * NB + p] = a[ri + c];
                }
                if (ti == 0) {
                    continue;           // w column stays zero: this reflector is the identity
                }
                // y = A22 v (A22 = a[i+1:, i+1:], not yet updated by this panel): Strix's
                // matrix-vector product on the strided view (measured 2-4x the plain row loop)
                int c0 = i + 1;
                int len = n - c0;
                NdArray av = NdArray.wrap(a, new int[] {len, len}, new int[] {n, 1}, c0 * n + c0)
                        .matmul(NdArray.wrap(a, new int[] {len, 1}, new int[] {1, 1}, ri + c0));
                System.arraycopy((double[]) av.buffer(), av.offset(), y, c0, len);
                if (p > 0) {
                    java.util.Arrays.fill(t1, 0, p, 0.0);
                    java.util.Arrays.fill(t2, 0, p, 0.0);
                    for (int r = c0; r < n; r++) {
                        double vr = a[ri + r];
                        int rr = r * NB;
                        for (int q = 0; q < p; q++) {
                            t1[q] += w[rr + q] * vr;
                            t2[q] += v[rr + q] * vr;
                        }
                    }
                    for (int r = c0; r < n; r++) {
                        int rr = r * NB;
                        double s = 0;
                        for (int q = 0; q < p; q++) {
                            s += v[rr + q] * t1[q] + w[rr + q] * t2[q];
                        }
                        y[r] -= s;
                    }
                }
                double dot = 0;
                for (int r = c0; r < n; r++) {
                    y[r] *= ti;
                    dot += y[r] * a[ri + r];
                }
                double alpha2 = -0.5 * ti * dot;
                for (int r = c0; r < n; r++) {
                    w[r * NB + p] = y[r] + alpha2 * a[ri + r];
                }
            }
            // trailing update A22 -= V W^T + W V^T as one GEMM: [V W] [W V]^T
            int r0 = j0 + jb;
            int m = n - r0;
            if (m > 0) {
                double[] lhs = new double[m * 2 * jb];
                double[] rhs = new double[m * 2 * jb];
                for (int r = 0; r < m; r++) {
                    int src = (r0 + r) * NB;
                    int dst = r * 2 * jb;
                    System.arraycopy(v, src, lhs, dst, jb);
                    System.arraycopy(w, src, lhs, dst + jb, jb);
                    System.arraycopy(w, src, rhs, dst, jb);
                    System.arraycopy(v, src, rhs, dst + jb, jb);
                }
                Blocked.gemmSub(a, n, r0, r0, NdArray.wrap(lhs, m, 2 * jb), NdArray.wrap(rhs, m, 2 * jb).transpose());
            }
        }
        if (n > 0) {
            d[n - 1] = a[(n - 1) * n + n - 1];
        }
    }

    /**
     * Rows of {@code zt} (eigenvectors of T, one per row) := themselves times Qᵀ, i.e. each row
     * becomes the eigenvector Q z of A. Blocks of NB reflectors, last block first, each as
     * ZT −= (ZT V) Tᵀ Vᵀ (LAPACK {@code ormtr} with {@code larft}/{@code larfb}).
     */
    public static void backTransform(double[] a, int n, double[] tau, double[] zt) {
        int k = n - 1;
        if (k <= 0) {
            return;
        }
        int last = (k - 1) / BACK_NB * BACK_NB;
        for (int j0 = last; j0 >= 0; j0 -= BACK_NB) {
            int jb = Math.min(BACK_NB, k - j0);
            int c0 = j0 + 1;
            int len = n - c0;
            // V^T (jb, len): row p = reflector j0 + p over columns c0.., unit at p, zeros before
            double[] vt = new double[jb * len];
            for (int p = 0; p < jb; p++) {
                int i = j0 + p;
                System.arraycopy(a, i * n + i + 1, vt, p * len + p, len - p);
                vt[p * len + p] = 1;
            }
            NdArray vtn = NdArray.wrap(vt, jb, len);
            double[] g = vtn.matmul(vtn.transpose()).toDoubleArray();
            double[] t = BlockedQr.larft(g, jb, tau, j0);
            NdArray z = Blocked.view(zt, n, 0, c0, n, len);
            NdArray x = z.matmul(vtn.transpose()).matmul(NdArray.wrap(t, jb, jb).transpose());
            Blocked.gemmSub(zt, n, 0, c0, x, vtn);
        }
    }

    // ================================================================== tridiagonal eigenproblem

    static double hypot(double a, double b) {
        a = Math.abs(a);
        b = Math.abs(b);
        double hi = Math.max(a, b);
        double lo = Math.min(a, b);
        if (hi < 1e150 && (lo > 1e-150 || lo == 0)) {
            return Math.sqrt(a * a + b * b);
        }
        return Math.hypot(a, b);
    }

    /** Eigenvalues of the tridiagonal (d, e) by implicit QL without vectors, sorted ascending into d. */
    public static void tridiagonalValues(double[] d, double[] e, int n, String op) {
        double[] ee = new double[n];
        System.arraycopy(e, 0, ee, 0, Math.max(n - 1, 0));
        ql(d, ee, n, null, 0, 0, op);
        java.util.Arrays.sort(d, 0, n);
    }

    /**
     * Implicit QL (EISPACK {@code tql2}, as in the public-domain JAMA) on d[0..n), e[0..n-1) (e[i] =
     * T[i, i+1], e[n-1] = 0 on entry, destroyed). When {@code zt} is non-null, the rotations are
     * applied to its rows {@code r0..r0+n} (columns {@code r0..r0+n}, row length {@code ld}).
     */
    static void ql(double[] d, double[] e, int n, double[] zt, int ld, int r0, String op) {
        if (n <= 1) {
            return;
        }
        e[n - 1] = 0;
        double f = 0;
        double tst1 = 0;
        double eps = Math.ulp(1.0);
        for (int l = 0; l < n; l++) {
            tst1 = Math.max(tst1, Math.abs(d[l]) + Math.abs(e[l]));
            int m = l;
            while (m < n) {
                if (Math.abs(e[m]) <= eps * tst1) {
                    break;
                }
                m++;
            }
            if (m > l) {
                int iter = 0;
                do {
                    if (++iter > 60) {
                        throw new LinalgException(op + ": the tridiagonal QL iteration did not converge");
                    }
                    double g = d[l];
                    double p = (d[l + 1] - g) / (2.0 * e[l]);
                    double r = hypot(p, 1.0);
                    if (p < 0) {
                        r = -r;
                    }
                    d[l] = e[l] / (p + r);
                    d[l + 1] = e[l] * (p + r);
                    double dl1 = d[l + 1];
                    double h = g - d[l];
                    for (int i = l + 2; i < n; i++) {
                        d[i] -= h;
                    }
                    f += h;
                    p = d[m];
                    double c = 1, c2 = 1, c3 = 1;
                    double el1 = e[l + 1];
                    double s = 0, s2 = 0;
                    for (int i = m - 1; i >= l; i--) {
                        c3 = c2;
                        c2 = c;
                        s2 = s;
                        g = c * e[i];
                        h = c * p;
                        r = hypot(p, e[i]);
                        e[i + 1] = s * r;
                        s = e[i] / r;
                        c = p / r;
                        p = c * d[i] - s * g;
                        d[i + 1] = h + s * (c * g + s * d[i]);
                        if (zt != null) {
                            int ra = (r0 + i) * ld + r0;
                            int rb = ra + ld;
                            for (int k = 0; k < n; k++) {
                                double hb = zt[rb + k];
                                double za = zt[ra + k];
                                zt[rb + k] = s * za + c * hb;
                                zt[ra + k] = c * za - s * hb;
                            }
                        }
                    }
                    p = -s * s2 * c3 * el1 * e[l] / dl1;
                    e[l] = s * p;
                    d[l] = c * p;
                } while (Math.abs(e[l]) > eps * tst1);
            }
            d[l] += f;
            e[l] = 0;
        }
    }

    /**
     * Eigenvalues (ascending, into d) and eigenvectors (rows of the (n, n) {@code zt}) of the
     * tridiagonal (d, e) by divide and conquer. The matrix is scaled to unit max norm first.
     */
    public static void divideAndConquer(double[] d, double[] e, int n, double[] zt, String op) {
        divideAndConquer(d, e, n, zt, op, Double.NEGATIVE_INFINITY);
    }

    /**
     * {@link #divideAndConquer}, computing in the last merge only the eigenvectors of eigenvalues
     * ≥ {@code keepFrom} (the other rows of zt are left zero; the SVD needs only the TGK's upper half,
     * which halves the largest GEMM).
     */
    public static void divideAndConquer(double[] d, double[] e, int n, double[] zt, String op, double keepFrom) {
        double tmax = 0;
        for (int i = 0; i < n; i++) {
            tmax = Math.max(tmax, Math.abs(d[i]));
        }
        for (int i = 0; i < n - 1; i++) {
            tmax = Math.max(tmax, Math.abs(e[i]));
        }
        if (tmax == 0) {
            for (int i = 0; i < n; i++) {
                zt[i * n + i] = 1;
            }
            return;
        }
        int sc = Math.getExponent(tmax);
        double[] ee = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = Math.scalb(d[i], -sc);
            if (i < n - 1) {
                ee[i] = Math.scalb(e[i], -sc);
            }
        }
        dc(d, ee, 0, n, zt, n, op, Math.scalb(keepFrom, -sc));
        for (int i = 0; i < n; i++) {
            d[i] = Math.scalb(d[i], sc);
        }
    }

    private static void dc(double[] d, double[] e, int off, int n, double[] zt, int ld, String op, double keep) {
        if (n <= LEAF) {
            for (int i = 0; i < n; i++) {
                zt[(off + i) * ld + off + i] = 1;
            }
            double[] dd = new double[n];
            double[] ee = new double[n];
            System.arraycopy(d, off, dd, 0, n);
            System.arraycopy(e, off, ee, 0, n - 1);
            ql(dd, ee, n, zt, ld, off, op);
            // selection sort, ascending, moving the vector rows along
            double[] tmp = new double[n];
            for (int i = 0; i < n - 1; i++) {
                int k = i;
                for (int j = i + 1; j < n; j++) {
                    if (dd[j] < dd[k]) {
                        k = j;
                    }
                }
                if (k != i) {
                    double t = dd[k];
                    dd[k] = dd[i];
                    dd[i] = t;
                    int ri = (off + i) * ld + off;
                    int rk = (off + k) * ld + off;
                    System.arraycopy(zt, ri, tmp, 0, n);
                    System.arraycopy(zt, rk, zt, ri, n);
                    System.arraycopy(tmp, 0, zt, rk, n);
                }
            }
            System.arraycopy(dd, 0, d, off, n);
            return;
        }
        int n1 = n / 2;
        double rho = e[off + n1 - 1];
        double beta = Math.abs(rho);
        d[off + n1 - 1] -= beta;
        d[off + n1] -= beta;
        dc(d, e, off, n1, zt, ld, op, Double.NEGATIVE_INFINITY);
        dc(d, e, off + n1, n - n1, zt, ld, op, Double.NEGATIVE_INFINITY);
        merge(d, off, n, n1, beta, rho < 0 ? -1 : 1, zt, ld, op, keep);
    }

    private static final byte TOP = 1;
    private static final byte BOTTOM = 2;
    private static final byte DENSE = 3;

    /**
     * Eigen-decomposition of diag(D1, D2) + beta u uᵀ, u = e_{n1-1} + sign e_{n1}, given the two
     * halves' decompositions in place (values in d, vectors in the diagonal blocks of zt); the
     * result replaces the whole block (LAPACK {@code laed1}-{@code laed3}).
     */
    private static void merge(double[] d, int off, int n, int n1, double beta, double sign, double[] zt, int ld,
                              String op, double keep) {
        // z = Q^T u: component n1-1 of the first half's vectors, sign times component 0 of the second's
        double[] z = new double[n];
        for (int i = 0; i < n1; i++) {
            z[i] = zt[(off + i) * ld + off + n1 - 1];
        }
        for (int i = n1; i < n; i++) {
            z[i] = sign * zt[(off + i) * ld + off + n1];
        }
        // |z|^2 = 2: normalise z and fold the factor into beta
        double rho = beta * 2;
        double inv = 1 / Math.sqrt(2);
        // merge the two ascending halves
        int[] idx = new int[n];
        for (int i = 0, p = 0, q = n1; i < n; i++) {
            if (q >= n || p < n1 && d[off + p] <= d[off + q]) {
                idx[i] = p++;
            } else {
                idx[i] = q++;
            }
        }
        double[] dd = new double[n];
        double[] zz = new double[n];
        byte[] typ = new byte[n];
        double[] qp = new double[n * n];
        for (int i = 0; i < n; i++) {
            int s = idx[i];
            dd[i] = d[off + s];
            zz[i] = z[s] * inv;
            typ[i] = s < n1 ? TOP : BOTTOM;
            System.arraycopy(zt, (off + s) * ld + off, qp, i * n, n);
        }
        // deflation (laed2)
        double dmax = 0;
        for (int i = 0; i < n; i++) {
            dmax = Math.max(dmax, Math.abs(dd[i]));
        }
        double tol = 8 * EPS * 2 * Math.max(dmax, rho);
        int[] nd = new int[n];
        int k = 0;
        boolean[] deflated = new boolean[n];
        int pj = -1;
        for (int j = 0; j < n; j++) {
            if (rho * Math.abs(zz[j]) <= tol) {
                deflated[j] = true;
                continue;
            }
            if (pj < 0) {
                pj = j;
                continue;
            }
            double s = zz[pj];
            double c = zz[j];
            double tau = hypot(c, s);
            double t = dd[j] - dd[pj];
            c /= tau;
            s = -s / tau;
            if (Math.abs(t * c * s) <= tol) {
                zz[j] = tau;
                zz[pj] = 0;
                int rp = pj * n;
                int rj = j * n;
                for (int x = 0; x < n; x++) {
                    double qa = qp[rp + x];
                    double qb = qp[rj + x];
                    qp[rp + x] = c * qa + s * qb;
                    qp[rj + x] = c * qb - s * qa;
                }
                if (typ[pj] != typ[j]) {
                    typ[pj] = DENSE;
                    typ[j] = DENSE;
                }
                double dpj = dd[pj] * c * c + dd[j] * s * s;
                dd[j] = dd[pj] * s * s + dd[j] * c * c;
                dd[pj] = dpj;
                deflated[pj] = true;
            } else {
                nd[k++] = pj;
            }
            pj = j;
        }
        if (pj >= 0) {
            nd[k++] = pj;
        }
        double[] lam = new double[n];
        double[] out = null;
        if (k > 0) {
            double[] p = new double[k];
            double[] wgt = new double[k];
            double wsum = 0;
            for (int i = 0; i < k; i++) {
                p[i] = dd[nd[i]];
                wgt[i] = rho * zz[nd[i]] * zz[nd[i]];
                wsum += wgt[i];
            }
            int[] org = new int[k];
            double[] taus = new double[k];
            secular(p, wgt, k, wsum, org, taus, op);
            // delta[i][j] = p_j - lambda_i, from the root's own origin (no cancellation)
            double[] u = new double[k * k];
            for (int i = 0; i < k; i++) {
                double po = p[org[i]];
                lam[nd[i]] = po + taus[i];
                int ri = i * k;
                for (int j = 0; j < k; j++) {
                    u[ri + j] = (p[j] - po) - taus[i];
                }
            }
            // Loewner: the z for which the computed roots are exact (Gu-Eisenstat)
            double[] zh = new double[k];
            for (int j = 0; j < k; j++) {
                double prod = -u[j * k + j] / rho;
                for (int i = 0; i < k; i++) {
                    if (i != j) {
                        prod *= -u[i * k + j] / (p[i] - p[j]);
                    }
                }
                zh[j] = Math.copySign(Math.sqrt(Math.abs(prod)), zz[nd[j]]);
            }
            for (int i = 0; i < k; i++) {
                int ri = i * k;
                double ss = 0;
                for (int j = 0; j < k; j++) {
                    double x = zh[j] / u[ri + j];
                    u[ri + j] = x;
                    ss += x * x;
                }
                double sc = 1 / Math.sqrt(ss);
                for (int j = 0; j < k; j++) {
                    u[ri + j] *= sc;
                }
            }
            // only the rows of the eigenvalues that are kept (all of them below the last merge)
            int kept = 0;
            for (int i = 0; i < k; i++) {
                if (lam[nd[i]] >= keep) {
                    kept++;
                }
            }
            if (kept < k) {
                double[] uk = new double[kept * k];
                for (int i = 0, r = 0; i < k; i++) {
                    if (lam[nd[i]] >= keep) {
                        System.arraycopy(u, i * k, uk, r++ * k, k);
                    }
                }
                double[] outk = new double[kept * n];
                multiplyBlocks(uk, kept, k, qp, n, n1, nd, typ, outk);
                out = new double[k * n];
                for (int i = 0, r = 0; i < k; i++) {
                    if (lam[nd[i]] >= keep) {
                        System.arraycopy(outk, r++ * n, out, i * n, n);
                    }
                }
            } else {
                out = new double[k * n];
                multiplyBlocks(u, k, k, qp, n, n1, nd, typ, out);
            }
        }
        // all n eigenpairs, ascending
        Integer[] order = new Integer[n];
        double[] val = new double[n];
        for (int j = 0; j < n; j++) {
            order[j] = j;
            val[j] = deflated[j] ? dd[j] : lam[j];
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(val[x], val[y]));
        int[] slot = new int[n];          // row of out for each non-deflated column
        java.util.Arrays.fill(slot, -1);
        for (int i = 0; i < k; i++) {
            slot[nd[i]] = i;
        }
        for (int r = 0; r < n; r++) {
            int j = order[r];
            d[off + r] = val[j];
            int dst = (off + r) * ld + off;
            if (deflated[j]) {
                System.arraycopy(qp, j * n, zt, dst, n);
            } else {
                System.arraycopy(out, slot[j] * n, zt, dst, n);
            }
        }
    }

    /**
     * out (k, n) = U (k, k) times the non-deflated rows of qp, using their structure: a row that
     * comes from the first half is zero in columns n1.., one from the second half in columns ..n1
     * (LAPACK's laed3 grouping), so two GEMMs of about half the size.
     */
    private static void multiplyBlocks(double[] u, int rowsU, int k, double[] qp, int n, int n1, int[] nd, byte[] typ,
                                       double[] out) {
        for (int half = 0; half < 2; half++) {
            int c0 = half == 0 ? 0 : n1;
            int cw = half == 0 ? n1 : n - n1;
            byte skip = half == 0 ? BOTTOM : TOP;
            int cnt = 0;
            for (int j = 0; j < k; j++) {
                if (typ[nd[j]] != skip) {
                    cnt++;
                }
            }
            if (cnt == 0) {
                continue;
            }
            double[] ug = new double[rowsU * cnt];
            double[] qg = new double[cnt * cw];
            for (int j = 0, g = 0; j < k; j++) {
                if (typ[nd[j]] == skip) {
                    continue;
                }
                for (int i = 0; i < rowsU; i++) {
                    ug[i * cnt + g] = u[i * k + j];
                }
                System.arraycopy(qp, nd[j] * n + c0, qg, g * cw, cw);
                g++;
            }
            NdArray prod = NdArray.wrap(ug, rowsU, cnt).matmul(NdArray.wrap(qg, cnt, cw));
            double[] pb = (double[]) prod.buffer();
            int po = prod.offset();
            for (int i = 0; i < rowsU; i++) {
                System.arraycopy(pb, po + i * cw, out, i * n + c0, cw);
            }
        }
    }

    /**
     * Roots of the secular equation 1 + Σ w_j / (p_j − λ) = 0 (p ascending, w > 0): root i lies
     * in (p_i, p_{i+1}) (the last in (p_{k-1}, p_{k-1} + Σ w)). Each is found as an offset
     * {@code taus[i]} from its nearer pole {@code p[org[i]]} (so λ − p_j has no cancellation) by a
     * two-pole rational model (nearest pole on each side, weights from the derivatives, as in
     * LAPACK {@code laed4}), safeguarded by a bracket and bisection.
     */
    static void secular(double[] p, double[] w, int k, double wsum, int[] org, double[] taus, String op) {
        for (int i = 0; i < k; i++) {
            int o;
            double lo;
            double hi;
            if (i < k - 1) {
                double gap = p[i + 1] - p[i];
                double mid = gap / 2;
                double fm = 1;
                for (int j = 0; j < k; j++) {
                    fm += w[j] / ((p[j] - p[i]) - mid);
                }
                if (fm >= 0) {
                    o = i;
                    lo = 0;
                    hi = mid;
                } else {
                    o = i + 1;
                    lo = -mid;
                    hi = 0;
                }
            } else {
                o = i;
                lo = 0;
                hi = wsum;
            }
            double po = p[o];
            double tau = (lo + hi) / 2;
            boolean done = false;
            for (int iter = 0; iter < 100 && !done; iter++) {
                double psi = 0, phi = 0, dpsi = 0, dphi = 0;
                for (int j = 0; j <= i; j++) {
                    double del = (p[j] - po) - tau;
                    double t = w[j] / del;
                    psi += t;
                    dpsi += t / del;
                }
                for (int j = i + 1; j < k; j++) {
                    double del = (p[j] - po) - tau;
                    double t = w[j] / del;
                    phi += t;
                    dphi += t / del;
                }
                double f = 1 + psi + phi;
                double err = 8 * EPS * (1 + Math.abs(psi) + Math.abs(phi) + Math.abs(tau) * (dpsi + dphi));
                if (Math.abs(f) <= err || f == 0) {
                    break;
                }
                if (f < 0) {
                    lo = tau;
                } else {
                    hi = tau;
                }
                double dl = (p[i] - po) - tau;
                double eta;
                if (i < k - 1) {
                    double dr = (p[i + 1] - po) - tau;
                    double sl = dpsi * dl * dl;
                    double sr = dphi * dr * dr;
                    double c = 1 + (psi - sl / dl) + (phi - sr / dr);
                    double b = c * (dl + dr) + sl + sr;
                    double cc = dl * dr * f;
                    double disc = Math.max(b * b - 4 * c * cc, 0);
                    double den = b + Math.copySign(Math.sqrt(disc), b);
                    eta = den != 0 ? 2 * cc / den : Double.NaN;
                } else {
                    double sl = dpsi * dl * dl;
                    double c = 1 + (psi - sl / dl);
                    eta = c > 0 ? dl + sl / c : Double.NaN;
                }
                double next = tau + eta;
                if (!(next > lo && next < hi)) {
                    next = lo + (hi - lo) / 2;
                }
                if (Math.abs(next - tau) <= 2 * EPS * Math.max(Math.abs(next), Math.abs(tau))
                        || hi - lo <= 4 * EPS * Math.max(Math.abs(lo), Math.abs(hi))) {
                    done = true;
                }
                tau = next;
            }
            org[i] = o;
            taus[i] = tau;
        }
    }
}
