package dev.strix.sparse.internal;

import dev.strix.ndarray.Kernels;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.RecursiveAction;

/**
 * CSR kernels: SpMV, transpose-SpMV, SpMM (sparse x dense) and Gustavson's sparse x sparse product.
 * Large products split into row blocks balanced by work (stored entries plus rows), run on a
 * fork-join pool; the number of blocks is {@link Kernels#parallelism()} (the ndarray module's
 * setting), and below {@link #PARALLEL_WORK} the calling thread does everything. Inner loops
 * allocate nothing. Split points depend only on the sizes and the limit, so results are
 * deterministic (transpose-SpMV sums the per-block partial vectors in block order).
 */
public final class SpKernels {
    private SpKernels() {
    }

    /**
     * Work (multiply-adds plus rows) below which a product runs on one thread. 2^17 multiply-adds
     * take ~100 us on one core here, where a fork-join hand-off costs ~10 us. Override with
     * {@code -Dstrix.threshold.sparse=N} (for re-measuring only).
     */
    public static final long PARALLEL_WORK = Long.getLong("strix.threshold.sparse", 1L << 17);

    private static final int CPUS = Runtime.getRuntime().availableProcessors();
    private static volatile ForkJoinPool pool;

    /** A block of rows [lo, hi), numbered {@code block}. */
    @FunctionalInterface
    public interface RowBlock {
        void run(int block, int lo, int hi);
    }

    private static ForkJoinPool pool() {
        ForkJoinPool p = pool;
        if (p == null) {
            synchronized (SpKernels.class) {
                p = pool;
                if (p == null) {
                    p = new ForkJoinPool(CPUS, fj -> {
                        ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(fj);
                        t.setName(String.format(Locale.ROOT, "strix-sparse-%d", t.getPoolIndex()));
                        t.setDaemon(true);
                        return t;
                    }, null, false);
                    pool = p;
                }
            }
        }
        return p;
    }

    /** How many blocks a product of this much work uses (1 = the calling thread only). */
    public static int blocks(long work, int rows) {
        if (work < PARALLEL_WORK || rows < 2) {
            return 1;
        }
        int par = Math.min(CPUS, Kernels.parallelism());
        return (int) Math.max(1, Math.min(Math.min(par, rows), work / (PARALLEL_WORK / 2)));
    }

    /**
     * Row boundaries of {@code blocks} blocks holding about equal work {@code indptr[r] + r}
     * (entries plus rows): boundary t is the first row whose cumulative work reaches t/blocks of
     * the total. Length blocks + 1.
     */
    public static int[] balancedRows(int[] indptr, int rows, int blocks) {
        int[] b = new int[blocks + 1];
        long total = (long) indptr[rows] + rows;
        for (int t = 1; t < blocks; t++) {
            long target = total * t / blocks;
            int lo = b[t - 1], hi = rows;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if ((long) indptr[mid] + mid < target) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            b[t] = lo;
        }
        b[blocks] = rows;
        return b;
    }

    /** Runs body over balanced row blocks, in parallel when there are several. */
    public static void forRowBlocks(int[] indptr, int rows, int blocks, RowBlock body) {
        if (blocks <= 1) {
            body.run(0, 0, rows);
            return;
        }
        int[] b = balancedRows(indptr, rows, blocks);
        RecursiveAction[] parts = new RecursiveAction[blocks];
        for (int t = 0; t < blocks; t++) {
            int id = t;
            parts[t] = new RecursiveAction() {
                @Override
                protected void compute() {
                    body.run(id, b[id], b[id + 1]);
                }
            };
        }
        RecursiveAction all = new RecursiveAction() {
            @Override
            protected void compute() {
                invokeAll(parts);
            }
        };
        Thread th = Thread.currentThread();
        if (th instanceof ForkJoinWorkerThread && ((ForkJoinWorkerThread) th).getPool() == pool) {
            all.invoke();
        } else {
            pool().invoke(all);
        }
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
        int blocks = blocks((long) ip[rows] + rows, rows);
        forRowBlocks(ip, rows, blocks, (t, lo, hi) -> spmvRows(ip, ix, v, x, y, lo, hi));
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
        Arrays.fill(y, 0, cols, 0.0);
        int blocks = blocks((long) ip[rows] + rows, rows);
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
        forRowBlocks(ip, rows, blocks, (t, lo, hi) -> spmvTRows(ip, ix, v, x, partial[t], lo, hi));
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
        int blocks = blocks(work, rows);
        forRowBlocks(ip, rows, blocks, (t, lo, hi) -> {
            for (int i = lo; i < hi; i++) {
                int ci = i * n;
                Arrays.fill(c, ci, ci + n, 0.0);
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
    public record Csr(int[] indptr, int[] indices, double[] data) {
    }

    /**
     * Gustavson's row-by-row product C = A B of CSR matrices (A m x k, B k x n). A symbolic pass
     * counts each row's entries (marker array per block), a numeric pass fills them with a dense
     * accumulator, then each row's column indices are sorted. Entries that cancel to 0 are kept as
     * explicit zeros, as SciPy does.
     */
    public static Csr spgemm(int m, int n, int[] aip, int[] aix, double[] av, int[] bip, int[] bix, double[] bv) {
        long work = 0;
        for (int i = 0; i < m; i++) {
            for (int k = aip[i]; k < aip[i + 1]; k++) {
                int r = aix[k];
                work += bip[r + 1] - bip[r];
            }
        }
        work += m;
        int blocks = blocks(work, m);
        int[] counts = new int[m + 1];
        forRowBlocks(aip, m, blocks, (t, lo, hi) -> {
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
        forRowBlocks(aip, m, blocks, (t, lo, hi) -> {
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
        return new Csr(cip, cix, cv);
    }

    /**
     * Transposes CSR arrays (m x n) into CSR arrays of the n x m transpose (equivalently: CSR to
     * CSC of the same matrix), by a counting sort; the result has sorted indices.
     */
    public static Csr transpose(int m, int n, int[] ip, int[] ix, double[] v) {
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
        return new Csr(tip, tix, tv);
    }
}
