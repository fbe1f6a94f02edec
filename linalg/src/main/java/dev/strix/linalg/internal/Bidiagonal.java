package dev.strix.linalg.internal;

import dev.strix.ndarray.NdArray;

/**
 * SVD on row-major {@code double[]} matrices in pure Java:
 * <ol>
 *   <li>{@link #gebrd}: blocked Householder bidiagonalisation A = Q B Pᵀ (LAPACK
 *       {@code gebrd}/{@code labrd}): panels of {@link #NB} column and row reflectors built with
 *       one Aᵀv and one Au pass over the untouched trailing matrix plus the panel's corrections,
 *       then the trailing update A22 −= V Yᵀ + X Uᵀ as one GEMM;</li>
 *   <li>the bidiagonal SVD through the Golub–Kahan tridiagonal TGK (zero diagonal, off-diagonal
 *       d0, e0, d1, e1, ...), whose eigenvalues are ±σ and whose eigenvector for +σ interleaves
 *       (v, u)/√2: Strix's divide-and-conquer symmetric tridiagonal solver
 *       ({@link SymmetricEigen#divideAndConquer}), values only by implicit QL. The v and u halves
 *       are normalised separately (the +σ/−σ pair may mix when σ is tiny, which rescales the
 *       halves but keeps their directions); where σ is at rounding level and the halves
 *       degenerate, an orthonormal basis of the near-null spaces is taken from all TGK vectors of
 *       that cluster;</li>
 *   <li>U = Q U_B and Vᵀ = V_Bᵀ Pᵀ by compact-WY blocks (GEMMs).</li>
 * </ol>
 * Singular values have normwise accuracy (errors of order eps·σ_max, as LAPACK's {@code gesdd}).
 */
public final class Bidiagonal {
    private Bidiagonal() {
    }

    /** Panel width of the bidiagonalisation. */
    public static final int NB = 16;
    /** Measured crossovers against EJML (docs/linalg.md, Performance): from this min(m, n) up. */
    public static final int MIN = 160;
    /** m ≥ TALL·n is factored by QR first (LAPACK's crossover is about 1.6). */
    static final int TALL = 2;
    /** svdvals from this min(m, n) up. */
    public static final int MIN_VALUES = 192;

    /**
     * Blocked bidiagonalisation of the (m, n) row-major {@code a}, m ≥ n (overwritten): d (n),
     * e (n − 1); column reflector i in column i, rows i.. (unit at (i, i)), scalar tauq[i]; row
     * reflector i in row i, columns i + 1.. (unit at (i, i + 1)), scalar taup[i] (taup[n-1] = 0).
     */
    public static void gebrd(double[] a, int m, int n, double[] d, double[] e, double[] tauq, double[] taup) {
        gebrd(a, m, n, d, e, tauq, taup, NB);
    }

    /** {@link #gebrd} with panel width {@code nb} (for measuring). */
    static void gebrd(double[] a, int m, int n, double[] d, double[] e, double[] tauq, double[] taup, int nb) {
        final int NB = nb;
        double[] x = new double[m * NB];
        double[] y = new double[n * NB];
        double[] t1 = new double[NB];
        double[] t2 = new double[NB];
        double[] uq = new double[NB];
        double[] vec = new double[Math.max(m, n)];
        for (int j0 = 0; j0 < n; j0 += NB) {
            int jb = Math.min(NB, n - j0);
            java.util.Arrays.fill(x, 0.0);
            java.util.Arrays.fill(y, 0.0);
            for (int p = 0; p < jb; p++) {
                int i = j0 + p;
                // column i (rows i..) -= V Y[i,:]^T + X U[:, i]
                if (p > 0) {
                    for (int q = 0; q < p; q++) {
                        uq[q] = a[(j0 + q) * n + i];
                    }
                    int yi = i * NB;
                    for (int r = i; r < m; r++) {
                        int rr = r * n + j0;
                        int xr = r * NB;
                        double s = 0;
                        for (int q = 0; q < p; q++) {
                            s += a[rr + q] * y[yi + q] + x[xr + q] * uq[q];
                        }
                        a[r * n + i] -= s;
                    }
                }
                // left reflector on column i
                double alpha = a[i * n + i];
                double xnorm = BlockedQr.scaledNorm(a, i + 1, m, n, i);
                if (xnorm == 0) {
                    tauq[i] = 0;
                    d[i] = alpha;
                } else {
                    double beta = -Math.copySign(Math.hypot(alpha, xnorm), alpha);
                    tauq[i] = (beta - alpha) / beta;
                    double scale = 1 / (alpha - beta);
                    for (int r = i + 1; r < m; r++) {
                        a[r * n + i] *= scale;
                    }
                    d[i] = beta;
                }
                a[i * n + i] = 1;
                if (i >= n - 1) {
                    taup[i] = 0;
                    continue;
                }
                double tq = tauq[i];
                int c0 = i + 1;
                // Y[c0:, p] = tauq (A[i:, c0:]^T v - Y V^T v - U^T X^T v)
                java.util.Arrays.fill(vec, 0, n, 0.0);
                if (tq != 0) {
                    // v^T A[i:, c0:] by Strix's matrix-vector product (2-3x the row-axpy loop)
                    int rows = m - i;
                    double[] vcol = new double[rows];
                    for (int r = i; r < m; r++) {
                        vcol[r - i] = a[r * n + i];
                    }
                    NdArray vta = NdArray.wrap(vcol, 1, rows).matmul(Blocked.view(a, n, i, c0, rows, n - c0));
                    System.arraycopy((double[]) vta.buffer(), vta.offset(), vec, c0, n - c0);
                    if (p > 0) {
                        java.util.Arrays.fill(t1, 0, p, 0.0);
                        java.util.Arrays.fill(t2, 0, p, 0.0);
                        for (int r = i; r < m; r++) {
                            double vr = a[r * n + i];
                            int rr = r * n + j0;
                            int xr = r * NB;
                            for (int q = 0; q < p; q++) {
                                t1[q] += a[rr + q] * vr;
                                t2[q] += x[xr + q] * vr;
                            }
                        }
                        for (int c = c0; c < n; c++) {
                            int yc = c * NB;
                            double s = 0;
                            for (int q = 0; q < p; q++) {
                                s += y[yc + q] * t1[q];
                            }
                            vec[c] -= s;
                        }
                        for (int q = 0; q < p; q++) {
                            double f = t2[q];
                            if (f != 0) {
                                int uqr = (j0 + q) * n;
                                for (int c = c0; c < n; c++) {
                                    vec[c] -= a[uqr + c] * f;
                                }
                            }
                        }
                    }
                    for (int c = c0; c < n; c++) {
                        y[c * NB + p] = vec[c] * tq;
                    }
                }
                // row i (columns c0..) -= Y[c0:, 0..p] A[i, j0..i]^T + U^T X[i, 0..p)^T
                {
                    int ri = i * n;
                    int xi = i * NB;
                    for (int c = c0; c < n; c++) {
                        int yc = c * NB;
                        double s = 0;
                        for (int q = 0; q <= p; q++) {
                            s += y[yc + q] * a[ri + j0 + q];
                        }
                        a[ri + c] -= s;
                    }
                    for (int q = 0; q < p; q++) {
                        double f = x[xi + q];
                        if (f != 0) {
                            int uqr = (j0 + q) * n;
                            for (int c = c0; c < n; c++) {
                                a[ri + c] -= a[uqr + c] * f;
                            }
                        }
                    }
                }
                // right reflector on row i, columns c0..
                int ri = i * n;
                double alr = a[ri + c0];
                double xn = BlockedQr.scaledNorm(a, ri + c0 + 1, ri + n, 1, 0);
                double tp;
                if (xn == 0) {
                    tp = 0;
                    e[i] = alr;
                } else {
                    double beta = -Math.copySign(Math.hypot(alr, xn), alr);
                    tp = (beta - alr) / beta;
                    double scale = 1 / (alr - beta);
                    for (int c = c0 + 1; c < n; c++) {
                        a[ri + c] *= scale;
                    }
                    e[i] = beta;
                }
                taup[i] = tp;
                a[ri + c0] = 1;
                if (tp == 0 || c0 >= m) {
                    continue;
                }
                // X[c0:, p] = taup (A[c0:, c0:] u - V Y^T u - X U u)
                int len = n - c0;
                int rows = m - c0;
                NdArray au = NdArray.wrap(a, new int[] {rows, len}, new int[] {n, 1}, c0 * n + c0)
                        .matmul(NdArray.wrap(a, new int[] {len, 1}, new int[] {1, 1}, ri + c0));
                double[] aub = (double[]) au.buffer();
                int auo = au.offset();
                for (int q = 0; q <= p; q++) {
                    double s = 0;
                    for (int c = c0; c < n; c++) {
                        s += y[c * NB + q] * a[ri + c];
                    }
                    t1[q] = s;
                }
                for (int q = 0; q < p; q++) {
                    double s = 0;
                    int uqr = (j0 + q) * n;
                    for (int c = c0; c < n; c++) {
                        s += a[uqr + c] * a[ri + c];
                    }
                    t2[q] = s;
                }
                for (int r = c0; r < m; r++) {
                    int rr = r * n + j0;
                    int xr = r * NB;
                    double s = 0;
                    for (int q = 0; q <= p; q++) {
                        s += a[rr + q] * t1[q];
                    }
                    for (int q = 0; q < p; q++) {
                        s += x[xr + q] * t2[q];
                    }
                    x[xr + p] = (aub[auo + r - c0] - s) * tp;
                }
            }
            // trailing update A22 -= V Y^T + X U as one GEMM: [V X] [Y^T; U]
            int r0 = j0 + jb;
            if (r0 < n) {
                int mr = m - r0;
                int nc = n - r0;
                double[] lhs = new double[mr * 2 * jb];
                double[] rhs = new double[2 * jb * nc];
                for (int r = 0; r < mr; r++) {
                    System.arraycopy(a, (r0 + r) * n + j0, lhs, r * 2 * jb, jb);
                    System.arraycopy(x, (r0 + r) * NB, lhs, r * 2 * jb + jb, jb);
                }
                for (int q = 0; q < jb; q++) {
                    for (int c = 0; c < nc; c++) {
                        rhs[q * nc + c] = y[(r0 + c) * NB + q];
                    }
                    System.arraycopy(a, (j0 + q) * n + r0, rhs, (jb + q) * nc, nc);
                }
                Blocked.gemmSub(a, n, r0, r0, NdArray.wrap(lhs, mr, 2 * jb), NdArray.wrap(rhs, 2 * jb, nc));
            }
        }
    }

    /**
     * C (m, cols) := Q C, Q = H_0 ... H_{n-1} the column reflectors of {@link #gebrd} (blocks of
     * {@link #NB}, last first, each C[j:, :] −= V T Vᵀ C[j:, :] by GEMMs).
     */
    static void applyQ(double[] a, int m, int n, double[] tauq, double[] c, int cols) {
        int k = n;
        int last = (k - 1) / NB * NB;
        for (int j = last; j >= 0; j -= NB) {
            int jb = Math.min(NB, k - j);
            double[] v = BlockedQr.panelV(a, m, n, j, jb);
            double[] t = BlockedQr.triangularFactor(v, m - j, jb, tauq, j);
            NdArray vv = NdArray.wrap(v, m - j, jb);
            NdArray cv = Blocked.view(c, cols, j, 0, m - j, cols);
            NdArray w = NdArray.wrap(t, jb, jb).matmul(vv.transpose().matmul(cv));
            Blocked.gemmSub(c, cols, j, 0, vv, w);
        }
    }

    /** Result of {@link #svd}: s descending; u (m, uc) and vt (vr, n) row-major, or null without vectors. */
    public record Result(double[] s, double[] u, double[] vt) {
    }

    /**
     * SVD of the (m, n) row-major {@code a} (finite; overwritten). With {@code vectors}: U (m, m)
     * and Vᵀ (n, n) when {@code full}, else U (m, k) and Vᵀ (k, n), k = min(m, n).
     */
    public static Result svd(double[] a, int m, int n, boolean vectors, boolean full, String op) {
        return svd(a, m, n, vectors, full, op, 1e-6);
    }

    /**
     * {@link #svd} with the margin (relative to the largest bidiagonal entry) below zero down to
     * which the last divide-and-conquer merge forms TGK eigenvectors; 0 makes every matrix with
     * degenerate null-space vectors take the path that forms all of them (tests use it).
     */
    public static Result svd(double[] a, int m, int n, boolean vectors, boolean full, String op, double marginFraction) {
        if (m < n) {
            // A^T = U' S V'^T  =>  A = V' S U'^T
            double[] at = new double[m * n];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    at[j * m + i] = a[i * n + j];
                }
            }
            Result r = svd(at, n, m, vectors, full, op, marginFraction);
            if (!vectors) {
                return r;
            }
            int uc = full ? n : m;            // columns of U' (n, uc) = rows of the new Vt
            // new U (m, m) = V' = (V'^T)^T (V'^T is m x m, thin or full), new Vt = U'^T
            double[] u = transpose(r.vt(), m, m);
            double[] vt = transpose(r.u(), n, uc);
            return new Result(r.s(), u, vt);
        }
        if (m >= TALL * n && n > 0) {
            return tallSvd(a, m, n, vectors, full, op, marginFraction);
        }
        int k = n;
        double amax = 0;
        for (double v : a) {
            amax = Math.max(amax, Math.abs(v));
        }
        int scaleExp = amax == 0 ? 0 : Math.getExponent(amax);
        boolean scaled = scaleExp > 400 || scaleExp < -400;
        if (scaled) {
            for (int i = 0; i < a.length; i++) {
                a[i] = Math.scalb(a[i], -scaleExp);
            }
        }
        double[] d = new double[k];
        double[] e = new double[k];
        double[] tauq = new double[k];
        double[] taup = new double[k];
        gebrd(a, m, n, d, e, tauq, taup);
        int n2 = 2 * k;
        double[] td = new double[n2];
        double[] te = new double[n2];
        for (int i = 0; i < k; i++) {
            te[2 * i] = d[i];
            if (i < k - 1) {
                te[2 * i + 1] = e[i];
            }
        }
        double[] s = new double[k];
        if (!vectors) {
            SymmetricEigen.tridiagonalValues(td, te, n2, op);
            for (int i = 0; i < k; i++) {
                s[i] = Math.abs(td[n2 - 1 - i]);
            }
            java.util.Arrays.sort(s);
            reverse(s);
            unscale(s, scaled, scaleExp);
            return new Result(s, null, null);
        }
        // only the eigenvectors of the TGK's upper half (and a margin around zero, where the null-space
        // fill-in may need the -sigma partners) are formed in the last merge
        double bmax = 0;
        for (double v : te) {
            bmax = Math.max(bmax, Math.abs(v));
        }
        double margin = marginFraction * bmax;
        double[] tdCopy = td.clone();
        double[] teCopy = te.clone();
        double[] z = new double[n2 * n2];
        SymmetricEigen.divideAndConquer(td, te, n2, z, op, -margin);
        double[] ub = new double[k * k];      // rows: left singular vectors of B
        double[] vb = new double[k * k];      // rows: right singular vectors of B
        if (!splitHalves(td, z, k, s, ub, vb, margin)) {
            // the near-zero cluster reaches below the margin: form every TGK eigenvector
            System.arraycopy(tdCopy, 0, td, 0, n2);
            java.util.Arrays.fill(z, 0.0);
            SymmetricEigen.divideAndConquer(td, teCopy, n2, z, op);
            splitHalves(td, z, k, s, ub, vb, Double.POSITIVE_INFINITY);
        }
        // U = Q [U_B; 0] (m, uc); the extra columns of a full U are Q's own
        int uc = full ? m : k;
        double[] u = new double[m * uc];
        for (int i = 0; i < k; i++) {
            for (int r = 0; r < k; r++) {
                u[r * uc + i] = ub[i * k + r];
            }
        }
        for (int i = k; i < uc; i++) {
            u[i * uc + i] = 1;
        }
        applyQ(a, m, n, tauq, u, uc);
        // Vt = V_B^T P^T: the row reflectors are stored as SymmetricEigen's (row i, from column i + 1)
        SymmetricEigen.backTransform(a, n, taup, vb);
        unscale(s, scaled, scaleExp);
        return new Result(s, u, vb);
    }

    /**
     * m ≥ {@link #TALL}·n: QR first (blocked), then the SVD of the n×n R, U = Q U_R (LAPACK's
     * {@code gesdd} path for tall matrices: the bidiagonalisation works on n² instead of m·n).
     */
    private static Result tallSvd(double[] a, int m, int n, boolean vectors, boolean full, String op,
                                  double marginFraction) {
        double[] tau = new double[n];
        BlockedQr.factor(a, m, n, tau);
        double[] r = new double[n * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a, i * n + i, r, i * n + i, n - i);
        }
        Result rs = svd(r, n, n, vectors, false, op, marginFraction);
        if (!vectors) {
            return rs;
        }
        int uc = full ? m : n;
        double[] q = BlockedQr.formQ(a, m, n, tau, uc);
        // U[:, :n] = Q[:, :n] U_R; a full U keeps Q's remaining columns (an orthonormal complement)
        NdArray un = Blocked.view(q, uc, 0, 0, m, n).matmul(NdArray.wrap(rs.u(), n, n));
        double[] ub = (double[]) un.buffer();
        int uo = un.offset();
        double[] u = full ? q : new double[m * n];
        for (int i = 0; i < m; i++) {
            System.arraycopy(ub, uo + i * n, u, i * uc, n);
        }
        return new Result(rs.s(), u, rs.vt());
    }

    private static void unscale(double[] s, boolean scaled, int scaleExp) {
        if (scaled) {
            for (int i = 0; i < s.length; i++) {
                s[i] = Math.scalb(s[i], scaleExp);
            }
        }
    }

    static double[] transpose(double[] x, int rows, int cols) {
        double[] t = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j * rows + i] = x[i * cols + j];
            }
        }
        return t;
    }

    private static void reverse(double[] s) {
        for (int i = 0, j = s.length - 1; i < j; i++, j--) {
            double t = s[i];
            s[i] = s[j];
            s[j] = t;
        }
    }

    /**
     * From the TGK eigen-decomposition (values ascending in {@code w}, vectors as rows of z (2k, 2k)):
     * s descending, the rows of ub / vb the matching left / right singular vectors of B.
     */
    static boolean splitHalves(double[] w, double[] z, int k, double[] s, double[] ub, double[] vb, double margin) {
        int n2 = 2 * k;
        boolean[] bad = new boolean[k];
        double badMax = -1;
        double smax = Math.abs(w[n2 - 1]);
        for (int i = 0; i < k; i++) {
            int row = (n2 - 1 - i) * n2;       // i-th largest eigenvalue
            s[i] = Math.abs(w[n2 - 1 - i]);
            double sv = 0;
            double su = 0;
            for (int j = 0; j < k; j++) {
                double v = z[row + 2 * j];
                double u = z[row + 2 * j + 1];
                sv += v * v;
                su += u * u;
                vb[i * k + j] = v;
                ub[i * k + j] = u;
            }
            // ideal halves have squared norm 1/2; a +-sigma mix only rescales them
            if (sv < 0.0625 || su < 0.0625) {
                bad[i] = true;
                badMax = Math.max(badMax, s[i]);
            } else {
                double fv = 1 / Math.sqrt(sv);
                double fu = 1 / Math.sqrt(su);
                for (int j = 0; j < k; j++) {
                    vb[i * k + j] *= fv;
                    ub[i * k + j] *= fu;
                }
            }
        }
        if (badMax >= 0) {
            double lim = 2 * badMax + 64 * k * Math.ulp(1.0) * smax;
            if (lim >= margin) {
                return false;
            }
            fillNullSpaces(w, z, k, s, ub, vb, lim, smax);
        }
        sortDescending(s, ub, vb, k);
        // The halves of the TGK vector for a small sigma lose orthogonality like eps sigma_max / sigma
        // (the +-sigma pair and neighbours mix). Re-orthogonalising the vectors of the small singular
        // values against the rest moves each by that amount, which changes A v - sigma u only by
        // about eps sigma_max: the residual stays backward stable and U, V become orthonormal.
        double tau = 0.01 * smax;
        int from = k;
        while (from > 0 && !(s[from - 1] >= tau)) {
            from--;
        }
        reorthogonalize(vb, k, from);
        reorthogonalize(ub, k, from);
        return true;
    }

    private static void fillNullSpaces(double[] w, double[] z, int k, double[] s, double[] ub, double[] vb,
                                       double lim, double smax) {
        int n2 = 2 * k;
        // numerically zero singular values whose halves degenerated: all TGK vectors with
        // |lambda| <= lim span the near-null spaces of B (v parts) and B^T (u parts)
        int first = k;                          // slots i >= first have s[i] <= lim (s descending)
        while (first > 0 && s[first - 1] <= lim) {
            first--;
        }
        int slots = k - first;
        java.util.List<Integer> cand = new java.util.ArrayList<>();
        for (int j = 0; j < n2; j++) {
            if (Math.abs(w[j]) <= lim) {
                cand.add(j);
            }
        }
        for (int half = 0; half < 2; half++) {
            double[] target = half == 0 ? vb : ub;
            int c = cand.size();
            double[] cv = new double[c * k];
            for (int q = 0; q < c; q++) {
                int row = cand.get(q) * n2;
                for (int j = 0; j < k; j++) {
                    cv[q * k + j] = z[row + 2 * j + half];
                }
            }
            // project out the good vectors (twice, for orthogonality), then pivoted Gram-Schmidt
            for (int pass = 0; pass < 2; pass++) {
                if (first > 0) {
                    NdArray g = Blocked.view(target, k, 0, 0, first, k);
                    NdArray cc = NdArray.wrap(cv, c, k);
                    NdArray coef = cc.matmul(g.transpose());
                    Blocked.gemmSub(cv, k, 0, 0, coef, g);
                }
            }
            boolean[] used = new boolean[c];
            for (int sl = 0; sl < slots; sl++) {
                int best = -1;
                double bn = -1;
                for (int q = 0; q < c; q++) {
                    if (!used[q]) {
                        double nq = 0;
                        for (int j = 0; j < k; j++) {
                            nq += cv[q * k + j] * cv[q * k + j];
                        }
                        if (nq > bn) {
                            bn = nq;
                            best = q;
                        }
                    }
                }
                int dst = (first + sl) * k;
                if (best < 0 || bn <= 0) {
                    // fewer candidates than slots (should not happen): complete with a unit vector
                    java.util.Arrays.fill(target, dst, dst + k, 0.0);
                    completeBasis(target, first + sl, k);
                    continue;
                }
                used[best] = true;
                double f = 1 / Math.sqrt(bn);
                for (int j = 0; j < k; j++) {
                    target[dst + j] = cv[best * k + j] * f;
                }
                for (int q = 0; q < c; q++) {
                    if (!used[q]) {
                        double dot = 0;
                        for (int j = 0; j < k; j++) {
                            dot += cv[q * k + j] * target[dst + j];
                        }
                        for (int j = 0; j < k; j++) {
                            cv[q * k + j] -= dot * target[dst + j];
                        }
                    }
                }
            }
        }
    }

    /** Sorts s descending (stable), permuting the rows of ub and vb along. */
    private static void sortDescending(double[] s, double[] ub, double[] vb, int k) {
        Integer[] order = new Integer[k];
        for (int i = 0; i < k; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(s[y], s[x]));
        boolean sorted = true;
        for (int i = 0; i < k; i++) {
            sorted &= order[i] == i;
        }
        if (sorted) {
            return;
        }
        double[] s2 = s.clone();
        double[] u2 = ub.clone();
        double[] v2 = vb.clone();
        for (int i = 0; i < k; i++) {
            int o = order[i];
            s[i] = s2[o];
            System.arraycopy(u2, o * k, ub, i * k, k);
            System.arraycopy(v2, o * k, vb, i * k, k);
        }
    }

    /** Rows of the small singular values orthonormalised together by GEMM, then among themselves. */
    static final int REORTH_BLOCK = 32;

    /**
     * Rows from..k-1 of x (k, k) made orthonormal against rows 0..from-1 (projections by GEMM,
     * twice) and against each other: block Gram-Schmidt with reorthogonalisation (each block of
     * {@link #REORTH_BLOCK} rows projected twice, by GEMM, against the rows before it, then modified
     * Gram-Schmidt twice inside the block), so the O(r^2 k) work is GEMM rather than scalar loops
     * (with one dominant singular value most rows are "small": r ~ k/2). A row whose norm falls
     * below 1e-2 of its norm after the first projection (it was in the span of the others) is
     * replaced by a unit vector orthogonal to the rows before it.
     */
    static void reorthogonalize(double[] x, int k, int from) {
        int r = k - from;
        if (r == 0) {
            return;
        }
        for (int pass = 0; pass < 2; pass++) {
            if (from > 0) {
                projectOut(x, k, from, r, 0, from);
            }
        }
        double[] before = new double[r];
        for (int i = from; i < k; i++) {
            before[i - from] = rowDot(x, k, i, i);
        }
        for (int b0 = from; b0 < k; b0 += REORTH_BLOCK) {
            int b1 = Math.min(k, b0 + REORTH_BLOCK);
            for (int pass = 0; pass < 2 && b0 > from; pass++) {
                projectOut(x, k, b0, b1 - b0, from, b0 - from);
            }
            for (int i = b0; i < b1; i++) {
                int ri = i * k;
                for (int pass = 0; pass < 2; pass++) {
                    for (int q = b0; q < i; q++) {
                        double dot = rowDot(x, k, i, q);
                        int rq = q * k;
                        for (int j = 0; j < k; j++) {
                            x[ri + j] -= dot * x[rq + j];
                        }
                    }
                }
                double nn = rowDot(x, k, i, i);
                if (nn > 1e-4 * before[i - from] && nn > 0) {
                    double f = 1 / Math.sqrt(nn);
                    for (int j = 0; j < k; j++) {
                        x[ri + j] *= f;
                    }
                } else {
                    completeBasis(x, i, k);
                }
            }
        }
    }

    /** Rows [r0, r0 + rows) of x (ld k) minus their projections on the orthonormal rows [g0, g0 + gRows). */
    private static void projectOut(double[] x, int k, int r0, int rows, int g0, int gRows) {
        NdArray g = Blocked.view(x, k, g0, 0, gRows, k);
        NdArray rest = Blocked.view(x, k, r0, 0, rows, k);
        NdArray coef = rest.matmul(g.transpose());
        Blocked.gemmSub(x, k, r0, 0, coef, g);
    }

    private static double rowDot(double[] x, int k, int a, int b) {
        double d = 0;
        for (int j = 0, ra = a * k, rb = b * k; j < k; j++) {
            d += x[ra + j] * x[rb + j];
        }
        return d;
    }

    /**
     * Row {@code row} of x (rows 0..row-1 orthonormal) := a unit vector orthogonal to them: the
     * projection of the coordinate vector e_j that keeps most of its length (at least
     * (k − row)/k of it squared, so never a vanishing one), orthogonalised twice.
     */
    private static void completeBasis(double[] x, int row, int k) {
        double[] kept = new double[k];
        java.util.Arrays.fill(kept, 1.0);
        for (int r = 0; r < row; r++) {
            for (int j = 0; j < k; j++) {
                kept[j] -= x[r * k + j] * x[r * k + j];
            }
        }
        int best = 0;
        for (int j = 1; j < k; j++) {
            if (kept[j] > kept[best]) {
                best = j;
            }
        }
        double[] cand = new double[k];
        cand[best] = 1;
        for (int pass = 0; pass < 2; pass++) {
            for (int r = 0; r < row; r++) {
                double dot = 0;
                for (int j = 0; j < k; j++) {
                    dot += x[r * k + j] * cand[j];
                }
                for (int j = 0; j < k; j++) {
                    cand[j] -= dot * x[r * k + j];
                }
            }
        }
        double nn = 0;
        for (double v : cand) {
            nn += v * v;
        }
        double f = 1 / Math.sqrt(nn);
        for (int j = 0; j < k; j++) {
            x[row * k + j] = cand[j] * f;
        }
    }
}
