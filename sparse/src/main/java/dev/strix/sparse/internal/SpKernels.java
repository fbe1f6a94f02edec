package dev.strix.sparse.internal;

import dev.strix.ndarray.Kernels;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.RecursiveAction;

/**
 * The dtype-independent part of the CSR kernels: the fork-join pool, the parallel threshold and
 * the nnz-balanced row blocks. The kernels themselves (SpMV, transpose-SpMV, SpMM, Gustavson's
 * sparse x sparse product, transpose) are in {@link SpKernelsF64} and its generated float twin
 * {@code SpKernelsF32}. Large products split into row blocks balanced by work (stored entries plus rows), run on a
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
     * y = A x for float32 values and float64 vectors: each value is widened in the loop, so a
     * float64 solver can run on a float32 matrix without a float64 copy of it.
     */
    public static void spmvMixed(int rows, int[] ip, int[] ix, float[] v, double[] x, double[] y) {
        int blocks = blocks((long) ip[rows] + rows, rows);
        forRowBlocks(ip, rows, blocks, (t, lo, hi) -> {
            for (int i = lo; i < hi; i++) {
                double s0 = 0;
                double s1 = 0;
                int k = ip[i];
                int end = ip[i + 1];
                for (; k + 1 < end; k += 2) {
                    s0 += v[k] * x[ix[k]];
                    s1 += v[k + 1] * x[ix[k + 1]];
                }
                if (k < end) {
                    s0 += v[k] * x[ix[k]];
                }
                y[i] = s0 + s1;
            }
        });
    }
}
