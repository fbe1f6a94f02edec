package dev.strix.linalg.internal;

import dev.strix.ndarray.NdArray;

/**
 * Blocked Householder QR on the row-major {@code double[]} layout of {@link Kernels}: LAPACK's
 * {@code geqrf} (a panel of {@link #NB} columns by the unblocked reflector loop, then the panel's
 * compact-WY block reflector {@code I - V T Vᵀ} applied to the trailing columns with two GEMMs) and
 * {@code orgqr} (Q formed block by block, last block first, by the same block reflectors).
 *
 * <p>The factored form is the same as {@link Kernels#householderQr}'s (R in the upper triangle,
 * reflectors below it with an implicit unit diagonal, {@code tau}), so {@link #formQ} and
 * {@link Kernels#formQ} are interchangeable.
 */
public final class BlockedQr {
    private BlockedQr() {
    }

    /** Panel width (columns per block reflector). */
    public static final int NB = 32;
    /** Measured crossover (docs/linalg.md, Performance): blocked when min(m, n) is at least this. */
    public static final int MIN = 64;

    /** In-place QR, blocked from {@link #MIN} columns up; same contract as {@link Kernels#householderQr}. */
    public static void factor(double[] a, int m, int n, double[] tau) {
        if (Math.min(m, n) >= MIN) {
            geqrf(a, m, n, tau);
        } else {
            Kernels.householderQr(a, m, n, tau);
        }
    }

    /** The first {@code qc} columns of Q, blocked from {@link #MIN} up; same contract as {@link Kernels#formQ}. */
    public static double[] formQ(double[] qrf, int m, int n, double[] tau, int qc) {
        return Math.min(m, n) >= MIN ? orgqr(qrf, m, n, tau, qc) : Kernels.formQ(qrf, m, n, tau, qc);
    }

    /** Blocked QR regardless of size (tests call it at small sizes too). */
    public static void geqrf(double[] a, int m, int n, double[] tau) {
        int k = Math.min(m, n);
        double[] w = new double[n];
        for (int j = 0; j < k; j += NB) {
            int jb = Math.min(NB, k - j);
            // panel: unblocked reflectors, each applied only inside the panel
            for (int c = j; c < j + jb; c++) {
                tau[c] = reflector(a, m, n, c);
                Kernels.applyReflector(a, m, n, c, c + 1, j + jb, a, n, c, tau[c], w);
            }
            int c1 = j + jb;
            if (c1 < n) {
                double[] v = panelV(a, m, n, j, jb);
                double[] t = triangularFactor(v, m - j, jb, tau, j);
                // C := (I - V T V^T)^T C = C - V (T^T (V^T C)), C = A[j:, c1:]
                NdArray vv = NdArray.wrap(v, m - j, jb);
                NdArray c = Blocked.view(a, n, j, c1, m - j, n - c1);
                NdArray wtc = vv.transpose().matmul(c);
                NdArray x = NdArray.wrap(t, jb, jb).transpose().matmul(wtc);
                Blocked.gemmSub(a, n, j, c1, vv, x);
            }
        }
    }

    /**
     * Generates the reflector for column c (rows c..m-1) in place (LAPACK {@code dlarfg}):
     * beta on the diagonal, v below it scaled to v_c = 1; returns tau (0 for a zero column).
     */
    static double reflector(double[] a, int m, int n, int c) {
        double xnorm = scaledNorm(a, c + 1, m, n, c);
        if (xnorm == 0) {
            return 0;
        }
        double alpha = a[c * n + c];
        double beta = -Math.copySign(Math.hypot(alpha, xnorm), alpha);
        double scale = 1 / (alpha - beta);
        for (int i = c + 1; i < m; i++) {
            a[i * n + c] *= scale;
        }
        a[c * n + c] = beta;
        return (beta - alpha) / beta;
    }

    /** 2-norm of x[i * stride + off] for i in [from, to), without overflow or harmful underflow. */
    static double scaledNorm(double[] x, int from, int to, int stride, int off) {
        double ss = 0;
        for (int i = from; i < to; i++) {
            double v = x[i * stride + off];
            ss += v * v;
        }
        if (ss > 1e-280 && ss < 1e280) {
            return Math.sqrt(ss);
        }
        if (ss == 0) {
            // every square underflowed, or the vector is zero: rescale by the largest entry
            double max = 0;
            for (int i = from; i < to; i++) {
                max = Math.max(max, Math.abs(x[i * stride + off]));
            }
            if (max == 0) {
                return 0;
            }
            return rescaledNorm(x, from, to, stride, off, max);
        }
        double max = 0;
        for (int i = from; i < to; i++) {
            max = Math.max(max, Math.abs(x[i * stride + off]));
        }
        if (Double.isNaN(ss)) {
            return ss;
        }
        return Double.isInfinite(max) ? max : rescaledNorm(x, from, to, stride, off, max);
    }

    private static double rescaledNorm(double[] x, int from, int to, int stride, int off, double max) {
        double inv = 1 / max;
        double ss = 0;
        for (int i = from; i < to; i++) {
            double v = x[i * stride + off] * inv;
            ss += v * v;
        }
        return max * Math.sqrt(ss);
    }

    /** The panel's reflectors as an explicit (m - j, jb) row-major V: unit diagonal, zeros above. */
    static double[] panelV(double[] a, int m, int n, int j, int jb) {
        int rows = m - j;
        double[] v = new double[rows * jb];
        for (int r = 0; r < rows; r++) {
            int src = (j + r) * n + j;
            int dst = r * jb;
            if (r < jb) {
                v[dst + r] = 1;
                System.arraycopy(a, src, v, dst, r);
            } else {
                System.arraycopy(a, src, v, dst, jb);
            }
        }
        return v;
    }

    /**
     * LAPACK {@code dlarft} (forward, columnwise): upper triangular T (jb, jb) with
     * H_0 ... H_{jb-1} = I - V T Vᵀ, from the Gram matrix Vᵀ V (one small GEMM).
     */
    static double[] triangularFactor(double[] v, int rows, int jb, double[] tau, int tau0) {
        NdArray vv = NdArray.wrap(v, rows, jb);
        double[] g = vv.transpose().matmul(vv).toDoubleArray();
        return larft(g, jb, tau, tau0);
    }

    /** {@link #triangularFactor}'s T from the Gram matrix g = Vᵀ V; also the symmetric eigensolver's. */
    static double[] larft(double[] g, int jb, double[] tau, int tau0) {
        double[] t = new double[jb * jb];
        double[] col = new double[jb];
        for (int i = 0; i < jb; i++) {
            double ti = tau[tau0 + i];
            t[i * jb + i] = ti;
            if (ti == 0) {
                continue;
            }
            // T[0:i, i] = -tau_i T[0:i, 0:i] (V^T v_i)[0:i]
            for (int p = 0; p < i; p++) {
                double s = 0;
                for (int q = p; q < i; q++) {
                    s += t[p * jb + q] * g[q * jb + i];
                }
                col[p] = -ti * s;
            }
            for (int p = 0; p < i; p++) {
                t[p * jb + i] = col[p];
            }
        }
        return t;
    }

    /** LAPACK {@code orgqr}: the first qc columns of Q = H_0 ... H_{k-1}, block reflectors by GEMM. */
    public static double[] orgqr(double[] qrf, int m, int n, double[] tau, int qc) {
        int k = Math.min(m, n);
        double[] q = new double[m * qc];
        for (int i = 0; i < Math.min(m, qc); i++) {
            q[i * qc + i] = 1;
        }
        int last = (k - 1) / NB * NB;
        for (int j = last; j >= 0; j -= NB) {
            int jb = Math.min(NB, k - j);
            double[] v = panelV(qrf, m, n, j, jb);
            double[] t = triangularFactor(v, m - j, jb, tau, j);
            // Q[j:, j:] := (I - V T V^T) Q[j:, j:]; columns left of j are still zero in these rows
            NdArray vv = NdArray.wrap(v, m - j, jb);
            NdArray c = Blocked.view(q, qc, j, j, m - j, qc - j);
            NdArray x = NdArray.wrap(t, jb, jb).matmul(vv.transpose().matmul(c));
            Blocked.gemmSub(q, qc, j, j, vv, x);
        }
        return q;
    }
}
