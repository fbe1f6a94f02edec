package dev.strix.ndarray.internal;

import java.util.concurrent.RecursiveAction;

/**
 * Float64 sums, minima and maxima over contiguous runs on the active provider. The sum is
 * blocked pairwise summation: blocks of at most {@link #BLOCK} values are summed with sixteen
 * accumulators (vector lanes in the vector provider, bit-identical to the scalar reference) and
 * the blocks are combined by recursive halving at multiples of 16, so the rounding error grows
 * with log n rather than n. Large sums fork the top levels of the same recursion, so a parallel
 * sum is bit-identical to a serial one.
 */
public final class Pairwise {
    private Pairwise() {
    }

    /** The largest run summed by one block kernel. */
    public static final int BLOCK = 256;

    public static double sum(double[] x, int off, int n) {
        KernelProvider kp = KernelSelector.get();
        if (n >= Parallel.SUM_THRESHOLD && Parallel.parallelism() > 1) {
            double[] r = new double[1];
            Parallel.invoke(new SumTask(kp, x, off, n, r, 0, Parallel.parallelism()));
            return r[0];
        }
        return sum(kp, x, off, n);
    }

    static double sum(KernelProvider kp, double[] x, int off, int n) {
        if (n <= BLOCK) {
            return kp.sumBlock(x, off, n);
        }
        int half = (n / 2) & ~15;
        return sum(kp, x, off, half) + sum(kp, x, off + half, n - half);
    }

    /** The same recursion as {@link #sum(KernelProvider, double[], int, int)}, forking large halves. */
    private static final class SumTask extends RecursiveAction {
        private final KernelProvider kp;
        private final double[] x;
        private final int off;
        private final int n;
        private final double[] result;
        private final int slot;
        /** How many tasks this subtree may still be split into. */
        private final int ways;

        SumTask(KernelProvider kp, double[] x, int off, int n, double[] result, int slot, int ways) {
            this.kp = kp;
            this.x = x;
            this.off = off;
            this.n = n;
            this.result = result;
            this.slot = slot;
            this.ways = ways;
        }

        @Override
        protected void compute() {
            if (ways < 2 || n <= BLOCK) {
                result[slot] = sum(kp, x, off, n);
                return;
            }
            int half = (n / 2) & ~15;
            double[] r = new double[2];
            invokeAll(new SumTask(kp, x, off, half, r, 0, ways / 2), new SumTask(kp, x, off + half, n - half, r, 1,
                    ways - ways / 2));
            result[slot] = r[0] + r[1];
        }
    }

    /** Max (or min) of x[off, off + n), n > 0: NaN if any element is NaN, else the first extreme value in order. */
    public static double extremum(double[] x, int off, int n, boolean max) {
        KernelProvider kp = KernelSelector.get();
        if (n >= Parallel.SUM_THRESHOLD && Parallel.parallelism() > 1) {
            int tasks = Parallel.parallelism();
            int chunk = ((n / tasks) + 63) & ~63;
            int count = (n + chunk - 1) / chunk;
            double[] part = new double[count];
            Parallel.forEach(count, t -> {
                int lo = t * chunk;
                part[t] = kp.extremum(x, off + lo, Math.min(n, lo + chunk) - lo, max);
            });
            return ScalarF64.extremum(part, 0, count, max);
        }
        return kp.extremum(x, off, n, max);
    }
}
