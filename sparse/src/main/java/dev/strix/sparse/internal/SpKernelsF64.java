package dev.strix.sparse.internal;

import dev.strix.ndarray.Kernels;
import java.util.Arrays;

/**
 * CSR kernels on double values: SpMV (the ndarray module's provider kernel, see
 * {@link Kernels#csrMatVec}), transpose-SpMV, SpMM (sparse x dense), Gustavson's sparse x sparse
 * product and the transpose, parallel over {@link SpKernels}' balanced row blocks. This file is
 * the template of its float twin {@code SpKernelsF32}, generated at build time by sparse/pom.xml's
 * antrun copy with the type names replaced, so the two cannot drift apart; the float kernels
 * accumulate in float, as SciPy's float32 kernels do.
 */
public final class SpKernelsF64 {
    private SpKernelsF64() {
    }

    /**
     * y[lo..hi) = A[lo..hi) x (y overwritten), on the ndarray module's active kernel provider
     * (a Vector API gather kernel or the scalar two-accumulator loop, see {@link Kernels}).
     */
    public static void spmvRows(int[] ip, int[] ix, double[] v, double[] x, double[] y, int lo, int hi) {
        Kernels.csrMatVec(ip, ix, v, x, y, lo, hi);
    }

    /** y = A x for an m-row CSR matrix, parallel over balanced row blocks when large. */
    public static void spmv(int rows, int[] ip, int[] ix, double[] v, double[] x, double[] y) {
        int blocks = SpKernels.blocks((long) ip[rows] + rows, rows);
        SpKernels.forRowBlocks(ip, rows, blocks, (t, lo, hi) -> spmvRows(ip, ix, v, x, y, lo, hi));
    }

    /** y[..] += A[lo..hi)^T x[lo..hi) (scatter). */
    public static void spmvTRows(int[] ip, int[] ix, double[] v, double[] x, double[] y, int lo, int hi) {
        for (int i = lo; i < hi; i++) {
            double xi = x[i];
            if (xi == 0) {
                continue;
            }
            for (int k = ip[i], end = ip[i + 1]; k < end; k++) {
                y[ix[k]] += v[k] * xi;
            }
        }
    }

    /**
     * y = A^T x without forming A^T: each block scatters into its own partial vector (the first
     * into y), and the partials are added in block order.
     */
    public static void spmvT(int rows, int cols, int[] ip, int[] ix, double[] v, double[] x, double[] y) {
        Arrays.fill(y, 0, cols, 0);
        int blocks = SpKernels.blocks((long) ip[rows] + rows, rows);
        // A private partial vector per block only pays when the vector is small against the work.
        if (blocks > 1 && (long) cols * blocks > 2L * ip[rows]) {
            blocks = 1;
        }
        if (blocks == 1) {
            spmvTRows(ip, ix, v, x, y, 0, rows);
            return;
        }
        double[][] partial = new double[blocks][];
        partial[0] = y;
        for (int t = 1; t < blocks; t++) {
            partial[t] = new double[cols];
        }
        SpKernels.forRowBlocks(ip, rows, blocks, (t, lo, hi) -> spmvTRows(ip, ix, v, x, partial[t], lo, hi));
        for (int t = 1; t < blocks; t++) {
            double[] p = partial[t];
            for (int j = 0; j < cols; j++) {
                y[j] += p[j];
            }
        }
    }

    /**
     * C = A B for row-major dense B (k x n) and C (m x n), C overwritten: row i of C is the
     * combination of the rows of B that row i of A selects (contiguous inner loop over n).
     */
    public static void spmm(int rows, int[] ip, int[] ix, double[] v, double[] b, int n, double[] c) {
        long work = ((long) ip[rows] + rows) * Math.max(1, n);
        int blocks = SpKernels.blocks(work, rows);
        SpKernels.forRowBlocks(ip, rows, blocks, (t, lo, hi) -> {
            for (int i = lo; i < hi; i++) {
                int ci = i * n;
                Arrays.fill(c, ci, ci + n, 0);
                for (int k = ip[i], end = ip[i + 1]; k < end; k++) {
                    double a = v[k];
                    int bk = ix[k] * n;
                    for (int j = 0; j < n; j++) {
                        c[ci + j] += a * b[bk + j];
                    }
                }
            }
        });
    }

    /** Result of a sparse product: canonical CSR arrays. */
    public record CsrF64(int[] indptr, int[] indices, double[] data) {
    }

    /**
     * Gustavson's row-by-row product C = A B of CSR matrices (A m x k, B k x n). A symbolic pass
     * counts each row's entries (marker array per block), a numeric pass fills them with a dense
     * accumulator, then each row's column indices are sorted. Entries that cancel to 0 are kept as
     * explicit zeros, as SciPy does.
     */
    public static CsrF64 spgemm(int m, int n, int[] aip, int[] aix, double[] av, int[] bip, int[] bix, double[] bv) {
        long work = 0;
        for (int i = 0; i < m; i++) {
            for (int k = aip[i]; k < aip[i + 1]; k++) {
                int r = aix[k];
                work += bip[r + 1] - bip[r];
            }
        }
        work += m;
        int blocks = SpKernels.blocks(work, m);
        int[] counts = new int[m + 1];
        SpKernels.forRowBlocks(aip, m, blocks, (t, lo, hi) -> {
            int[] mark = new int[n];
            Arrays.fill(mark, -1);
            for (int i = lo; i < hi; i++) {
                int cnt = 0;
                for (int k = aip[i]; k < aip[i + 1]; k++) {
                    int r = aix[k];
                    for (int q = bip[r]; q < bip[r + 1]; q++) {
                        int j = bix[q];
                        if (mark[j] != i) {
                            mark[j] = i;
                            cnt++;
                        }
                    }
                }
                counts[i + 1] = cnt;
            }
        });
        long total = 0;
        int[] cip = new int[m + 1];
        for (int i = 0; i < m; i++) {
            total += counts[i + 1];
            if (total > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("matmul: the product has more than 2^31 stored entries");
            }
            cip[i + 1] = (int) total;
        }
        int[] cix = new int[(int) total];
        double[] cv = new double[(int) total];
        SpKernels.forRowBlocks(aip, m, blocks, (t, lo, hi) -> {
            int[] mark = new int[n];
            Arrays.fill(mark, -1);
            double[] acc = new double[n];
            for (int i = lo; i < hi; i++) {
                int start = cip[i];
                int p = start;
                for (int k = aip[i]; k < aip[i + 1]; k++) {
                    int r = aix[k];
                    double a = av[k];
                    for (int q = bip[r]; q < bip[r + 1]; q++) {
                        int j = bix[q];
                        if (mark[j] != i) {
                            mark[j] = i;
                            cix[p++] = j;
                            acc[j] = a * bv[q];
                        } else {
                            acc[j] += a * bv[q];
                        }
                    }
                }
                Arrays.sort(cix, start, p);
                for (int q = start; q < p; q++) {
                    cv[q] = acc[cix[q]];
                }
            }
        });
        return new CsrF64(cip, cix, cv);
    }

    /**
     * Transposes CSR arrays (m x n) into CSR arrays of the n x m transpose (equivalently: CSR to
     * CSC of the same matrix), by a counting sort; the result has sorted indices.
     */
    public static CsrF64 transpose(int m, int n, int[] ip, int[] ix, double[] v) {
        int nnz = ip[m];
        int[] tip = new int[n + 1];
        for (int k = 0; k < nnz; k++) {
            tip[ix[k] + 1]++;
        }
        for (int j = 0; j < n; j++) {
            tip[j + 1] += tip[j];
        }
        int[] next = Arrays.copyOf(tip, n);
        int[] tix = new int[nnz];
        double[] tv = new double[nnz];
        for (int i = 0; i < m; i++) {
            for (int k = ip[i]; k < ip[i + 1]; k++) {
                int p = next[ix[k]]++;
                tix[p] = i;
                tv[p] = v[k];
            }
        }
        return new CsrF64(tip, tix, tv);
    }
}
