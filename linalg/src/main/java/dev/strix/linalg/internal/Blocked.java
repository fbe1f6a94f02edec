package dev.strix.linalg.internal;

import dev.strix.ndarray.DType;
import dev.strix.ndarray.NdArray;

/**
 * Blocked (LAPACK-style) versions of the LU, Cholesky and multi-right-hand-side triangular
 * kernels of {@link Kernels}, on the same row-major {@code double[]} layout, with the O(n³) part
 * done by Strix's packed GEMM ({@link NdArray#matmul}) on strided views of the matrix (no copy of
 * the operands; the product goes to one temporary that is subtracted in place).
 *
 * <ul>
 *   <li>LU: right-looking {@code getrf}: a panel of {@link #LU_NB} columns is factored by a
 *       recursive {@code getrf2}-style split (left half, triangular solve, GEMM update, right half)
 *       down to {@link #LU_BASE} columns; row swaps exchange whole rows; the block row of U is a
 *       unit-lower triangular solve; the trailing matrix is updated by one GEMM per panel.</li>
 *   <li>Cholesky: right-looking {@code potrf}: unblocked diagonal block, the panel below it as
 *       A21 L11⁻ᵀ (the small triangular inverse, then one GEMM), and a SYRK-like update of the lower trailing matrix in column strips of
 *       {@link #SYRK_STRIP} (each strip one GEMM from its diagonal down).</li>
 *   <li>Triangular solve with many right-hand sides: blocked {@code trsm}, diagonal blocks by the
 *       unblocked kernel, off-diagonal updates by GEMM.</li>
 * </ul>
 * Results agree with the unblocked kernels up to rounding (same pivots except for near ties);
 * zero pivots and Cholesky failures are reported with the same global indices.
 */
public final class Blocked {
    private Blocked() {
    }

    /** LU panel width. */
    public static final int LU_NB = 64;
    /** Rows at which the recursive unit-lower solve of a block row switches to row operations. */
    static final int TRSM_BASE = 16;
    /** Width at which the recursive panel factorisation switches to the unblocked loop. */
    static final int LU_BASE = 8;
    /** Cholesky block size. */
    public static final int CHOL_NB = 128;
    /** Column-strip width of the Cholesky trailing (SYRK-like) update. */
    static final int SYRK_STRIP = 256;
    /** Triangular-solve block size. */
    public static final int TRSM_NB = 64;

    /** Measured crossovers (see docs/linalg.md, Performance): blocked from these orders up. */
    public static final int LU_MIN = 96;
    public static final int CHOL_MIN = 96;
    /** Blocked triangular solve when n is at least TRSM_MIN and there are TRSM_MIN_RHS right-hand sides. */
    public static final int TRSM_MIN = 96;
    public static final int TRSM_MIN_RHS = 16;

    static NdArray view(double[] a, int ld, int r0, int c0, int rows, int cols) {
        return NdArray.wrap(a, new int[] {rows, cols}, new int[] {ld, 1}, r0 * ld + c0);
    }

    /**
     * C[cr.., cc..] -= x y, with C row-major of row length ldc: in place by the packed GEMM
     * (dev.strix.ndarray.Kernels.gemm) when x and y are float64 and provably do not overlap the
     * updated block of C, else through a product and a subtraction.
     */
    static void gemmSub(double[] c, int ldc, int cr, int cc, NdArray x, NdArray y) {
        int rows = x.shape(0);
        int cols = y.shape(1);
        int k = x.shape(1);
        if (rows == 0 || cols == 0 || k == 0) {
            return;
        }
        if (x.dtype() == DType.FLOAT64 && y.dtype() == DType.FLOAT64
                && apart(x, c, ldc, cr, cc, rows, cols) && apart(y, c, ldc, cr, cc, rows, cols)) {
            dev.strix.ndarray.Kernels.gemm(true, rows, cols, k, (double[]) x.buffer(), x.offset(), x.strides()[0],
                    x.strides()[1], (double[]) y.buffer(), y.offset(), y.strides()[0], y.strides()[1], c, cr * ldc + cc,
                    ldc);
            return;
        }
        NdArray p = x.matmul(y);
        double[] t = (double[]) p.buffer();
        int to = p.offset();
        for (int i = 0; i < rows; i++) {
            int ro = (cr + i) * ldc + cc;
            int po = to + i * cols;
            for (int j = 0; j < cols; j++) {
                c[ro + j] -= t[po + j];
            }
        }
    }

    /**
     * True when the 2-D view v cannot share an element with the block rows [cr, cr + rows), columns
     * [cc, cc + cols) of c (row length ldc): another array, or a rectangle of c (plain or transposed
     * view) disjoint from the block. Anything else counts as overlapping.
     */
    static boolean apart(NdArray v, double[] c, int ldc, int cr, int cc, int rows, int cols) {
        if (v.buffer() != c) {
            return true;
        }
        int[] st = v.strides();
        int r0 = v.offset() / ldc;
        int c0 = v.offset() % ldc;
        int h;
        int w;
        if (st[0] == ldc && st[1] == 1) {
            h = v.shape(0);
            w = v.shape(1);
        } else if (st[0] == 1 && st[1] == ldc) {
            h = v.shape(1);
            w = v.shape(0);
        } else {
            return false;
        }
        if (c0 + w > ldc) {
            return false; // wraps past the row end: not a rectangle
        }
        return r0 + h <= cr || cr + rows <= r0 || c0 + w <= cc || cc + cols <= c0;
    }

    // ------------------------------------------------------------------ LU

    /** Same contract as {@link Kernels#lu}: in place, perm[i] = original row at i, first zero pivot or -1. */
    public static int lu(double[] a, int m, int n, int[] perm) {
        for (int i = 0; i < m; i++) {
            perm[i] = i;
        }
        int k = Math.min(m, n);
        int firstZero = -1;
        for (int j = 0; j < k; j += LU_NB) {
            int jb = Math.min(LU_NB, k - j);
            int z = panel(a, m, n, j, jb, perm);
            if (z >= 0 && firstZero < 0) {
                firstZero = z;
            }
            int c1 = j + jb;
            if (c1 < n) {
                unitLowerRows(a, n, j, jb, c1, n - c1);
                if (c1 < m) {
                    gemmSub(a, n, c1, c1, view(a, n, c1, j, m - c1, jb), view(a, n, j, c1, jb, n - c1));
                }
            }
        }
        return firstZero;
    }

    /** Recursive factorisation of columns [c0, c0 + w), rows c0..m-1 (getrf2); whole-row swaps. */
    static int panel(double[] a, int m, int n, int c0, int w, int[] perm) {
        if (w <= LU_BASE) {
            return panelBase(a, m, n, c0, w, c0 + w, perm);
        }
        int n1 = w / 2;
        int n2 = w - n1;
        int z = panel(a, m, n, c0, n1, perm);
        int c1 = c0 + n1;
        unitLowerRows(a, n, c0, n1, c1, n2);
        if (c1 < m) {
            gemmSub(a, n, c1, c1, view(a, n, c1, c0, m - c1, n1), view(a, n, c0, c1, n1, n2));
        }
        int z2 = panel(a, m, n, c1, n2, perm);
        return z >= 0 ? z : z2;
    }

    /**
     * The unblocked right-looking loop over pivot columns [c0, c0 + w), updating columns up to
     * {@code cEnd}: the panel's own ({@code c0 + w}) inside the blocked LU, the whole row ({@code n})
     * for the unblocked LU.
     */
    static int panelBase(double[] a, int m, int n, int c0, int w, int cEnd, int[] perm) {
        int firstZero = -1;
        for (int j = c0; j < c0 + w; j++) {
            int p = j;
            double max = Math.abs(a[j * n + j]);
            for (int i = j + 1; i < m; i++) {
                double v = Math.abs(a[i * n + j]);
                if (v > max || Double.isNaN(v) && !Double.isNaN(max)) {
                    max = v;
                    p = i;
                }
            }
            if (p != j) {
                Kernels.swapRows(a, n, j, p, 0, n);
                int t = perm[j];
                perm[j] = perm[p];
                perm[p] = t;
            }
            double piv = a[j * n + j];
            if (piv == 0) {
                if (firstZero < 0) {
                    firstZero = j;
                }
                continue;
            }
            double inv = 1.0 / piv;
            int rj = j * n;
            for (int i = j + 1; i < m; i++) {
                int ri = i * n;
                double l = a[ri + j] * inv;
                a[ri + j] = l;
                if (l != 0) {
                    for (int c = j + 1; c < cEnd; c++) {
                        a[ri + c] -= l * a[rj + c];
                    }
                }
            }
        }
        return firstZero;
    }

    /**
     * Rows r0..r0+w-1, columns c1..c1+cols-1 of a (row length n) := L⁻¹ times themselves, L the
     * unit lower triangle in rows/columns r0..r0+w-1 (row operations, contiguous).
     */
    static void unitLowerRows(double[] a, int n, int r0, int w, int c1, int cols) {
        if (w > TRSM_BASE && cols >= TRSM_BASE) {
            // recursive: top half, GEMM update of the bottom half's rows, bottom half (LAPACK's
            // recursive trsm), so most of the w² · cols work runs in the packed GEMM
            int w1 = w / 2;
            unitLowerRows(a, n, r0, w1, c1, cols);
            gemmSub(a, n, r0 + w1, c1, view(a, n, r0 + w1, r0, w - w1, w1), view(a, n, r0, c1, w1, cols));
            unitLowerRows(a, n, r0 + w1, w - w1, c1, cols);
            return;
        }
        int cEnd = c1 + cols;
        for (int i = r0 + 1; i < r0 + w; i++) {
            int ri = i * n;
            for (int p = r0; p < i; p++) {
                double f = a[ri + p];
                if (f != 0) {
                    int rp = p * n;
                    for (int c = c1; c < cEnd; c++) {
                        a[ri + c] -= f * a[rp + c];
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------ Cholesky

    /** Same contract as {@link Kernels#cholesky}: lower factor in place, upper zeroed, failing pivot or -1. */
    public static int cholesky(double[] a, int n, double[] bad) {
        double[] linv = new double[CHOL_NB * CHOL_NB];
        for (int j = 0; j < n; j += CHOL_NB) {
            int jb = Math.min(CHOL_NB, n - j);
            int f = diagonalBlock(a, n, j, jb, bad);
            if (f >= 0) {
                return f;
            }
            int r0 = j + jb;
            if (r0 >= n) {
                break;
            }
            // L21 = A21 L11^-T as one GEMM: invert the jb x jb lower factor (forward substitution,
            // jb^3/3 flops), then A21 times its transpose. The substitution row by row did the
            // same O(n^2 jb) work in short vector loops and cost more than the whole trailing update.
            java.util.Arrays.fill(linv, 0.0);
            for (int c = 0; c < jb; c++) {
                for (int p = c; p < jb; p++) {
                    int rp = (j + p) * n + j;
                    double t = p == c ? 1.0 : 0.0;
                    for (int q = c; q < p; q++) {
                        t -= a[rp + q] * linv[q * CHOL_NB + c];
                    }
                    linv[p * CHOL_NB + c] = t / a[rp + p];
                }
            }
            NdArray li = NdArray.wrap(linv, new int[] {jb, jb}, new int[] {CHOL_NB, 1}, 0);
            NdArray l21 = view(a, n, r0, j, n - r0, jb).matmul(li.transpose());
            double[] t21 = (double[]) l21.buffer();
            int to = l21.offset();
            for (int i = r0; i < n; i++) {
                System.arraycopy(t21, to + (i - r0) * jb, a, i * n + j, jb);
            }
            // A22 -= L21 L21^T on the lower part, one GEMM per column strip from its diagonal down
            for (int c = r0; c < n; c += SYRK_STRIP) {
                int cw = Math.min(SYRK_STRIP, n - c);
                gemmSub(a, n, c, c, view(a, n, c, j, n - c, jb), view(a, n, c, j, cw, jb).transpose());
            }
        }
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(a, i * n + i + 1, i * n + n, 0.0);
        }
        return -1;
    }

    /** Unblocked Cholesky of the diagonal block at (j, j) of order jb; global failing index or -1. */
    static int diagonalBlock(double[] a, int n, int j0, int jb, double[] bad) {
        for (int j = j0; j < j0 + jb; j++) {
            int rj = j * n;
            double s = a[rj + j];
            for (int k = j0; k < j; k++) {
                s -= a[rj + k] * a[rj + k];
            }
            if (!(s > 0)) {
                bad[0] = s;
                return j;
            }
            double d = Math.sqrt(s);
            a[rj + j] = d;
            double inv = 1.0 / d;
            for (int i = j + 1; i < j0 + jb; i++) {
                int ri = i * n;
                double t = a[ri + j];
                for (int k = j0; k < j; k++) {
                    t -= a[ri + k] * a[rj + k];
                }
                a[ri + j] = t * inv;
            }
        }
        return -1;
    }

    // ------------------------------------------------------------------ triangular solve

    /** Same contract as {@link Kernels#triangularSolve}: T X = B in place in b (n, k); zero diagonal index or -1. */
    public static int triangularSolve(double[] t, int n, double[] b, int k, boolean lower, boolean unit) {
        if (lower) {
            for (int i0 = 0; i0 < n; i0 += TRSM_NB) {
                int ib = Math.min(TRSM_NB, n - i0);
                int z = diagonalSolve(t, n, b, k, i0, ib, true, unit);
                if (z >= 0) {
                    return z;
                }
                int r1 = i0 + ib;
                if (r1 < n) {
                    gemmSub(b, k, r1, 0, view(t, n, r1, i0, n - r1, ib), view(b, k, i0, 0, ib, k));
                }
            }
        } else {
            int last = (n - 1) / TRSM_NB * TRSM_NB;
            for (int i0 = last; i0 >= 0; i0 -= TRSM_NB) {
                int ib = Math.min(TRSM_NB, n - i0);
                int z = diagonalSolve(t, n, b, k, i0, ib, false, unit);
                if (z >= 0) {
                    return z;
                }
                if (i0 > 0) {
                    gemmSub(b, k, 0, 0, view(t, n, 0, i0, i0, ib), view(b, k, i0, 0, ib, k));
                }
            }
        }
        return -1;
    }

    private static int diagonalSolve(double[] t, int n, double[] b, int k, int i0, int ib, boolean lower,
                                     boolean unit) {
        int end = i0 + ib;
        for (int s = 0; s < ib; s++) {
            int i = lower ? i0 + s : end - 1 - s;
            int rb = i * k;
            int from = lower ? i0 : i + 1;
            int to = lower ? i : end;
            for (int j = from; j < to; j++) {
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
        return -1;
    }
}
