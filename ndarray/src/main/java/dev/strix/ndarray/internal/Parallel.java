package dev.strix.ndarray.internal;

import java.util.Locale;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.RecursiveAction;
import java.util.function.IntConsumer;

/**
 * The shared fork-join pool behind the kernels and the user's parallelism limit
 * ({@code strix.parallelism}, {@link dev.strix.ndarray.Kernels#setParallelism}). Work is split at
 * fixed points that depend only on the sizes and the limit, never on thread timing, so results
 * are deterministic; work below the thresholds runs on the calling thread and never touches the
 * pool.
 */
public final class Parallel {
    private Parallel() {
    }

    /**
     * Elements of a contiguous element-wise operation (binary, or cheap unary; exp and log count
     * 8 per element) below which it runs on the calling thread. Measured on the project's 2-core
     * AMD EPYC (AVX2), JDK 17, machine shared (load average ~5), with
     * {@code ElementwiseTiming threshold} (test sources), {@code a.add(b, out)} forced to 1 and 2
     * threads for n = 2^10..2^22: 2^16 1T 54 us / 2T 63 us, 2^17 104 / 106 (tie), 2^18 238 / 194,
     * 2^20 1064 / 892; below 2^14 the fork-join hand-off alone costs ~10 us. Crossover: 2^17-2^18.
     * {@code -Dstrix.threshold.elementwise=N} overrides it (for re-measuring only).
     */
    public static final int ELEMENTWISE_THRESHOLD = Integer.getInteger("strix.threshold.elementwise", 1 << 18);

    /**
     * Elements of a float64 sum or min/max below which it runs on one thread. Measured the same
     * way with {@code a.sum()}: 2^18 1T 36 us / 2T 55 us, 2^20 148 / 189, 2^21 811 / 747 (2T first
     * wins), 2^22 1962 / 1943: a sum reads one array at memory speed, so a second thread pays only
     * once the data leaves the cache. {@code -Dstrix.threshold.sum=N} overrides it.
     */
    public static final int SUM_THRESHOLD = Integer.getInteger("strix.threshold.sum", 1 << 21);

    private static final int CPUS = Runtime.getRuntime().availableProcessors();
    private static volatile int limit = initialLimit();
    private static volatile ForkJoinPool pool;

    private static int initialLimit() {
        String p = System.getProperty("strix.parallelism");
        if (p == null || p.isBlank()) {
            return CPUS;
        }
        int v;
        try {
            v = Integer.parseInt(p.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("strix.parallelism must be a positive integer, got '" + p + "'", e);
        }
        if (v < 1) {
            throw new IllegalArgumentException("strix.parallelism must be a positive integer, got " + v);
        }
        return v;
    }

    /** The number of threads a kernel may use: min(available processors, the user's limit). */
    public static int parallelism() {
        return Math.min(CPUS, limit);
    }

    public static void setParallelism(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + n);
        }
        limit = n;
    }

    private static ForkJoinPool pool() {
        ForkJoinPool p = pool;
        if (p == null) {
            synchronized (Parallel.class) {
                p = pool;
                if (p == null) {
                    p = new ForkJoinPool(CPUS, pl -> {
                        ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pl);
                        t.setName(String.format(Locale.ROOT, "strix-kernels-%d", t.getPoolIndex()));
                        t.setDaemon(true);
                        return t;
                    }, null, false);
                    pool = p;
                }
            }
        }
        return p;
    }

    /** Runs {@code body(0..tasks-1)}, in parallel on the pool when {@code tasks > 1}. */
    public static void forEach(int tasks, IntConsumer body) {
        if (tasks <= 1) {
            if (tasks == 1) {
                body.accept(0);
            }
            return;
        }
        RecursiveAction[] parts = new RecursiveAction[tasks];
        for (int t = 0; t < tasks; t++) {
            int id = t;
            parts[t] = new RecursiveAction() {
                @Override
                protected void compute() {
                    body.accept(id);
                }
            };
        }
        invoke(new RecursiveAction() {
            @Override
            protected void compute() {
                invokeAll(parts);
            }
        });
    }

    /** Runs a task on the pool (or inline when already in it) and waits. */
    public static void invoke(RecursiveAction task) {
        if (inPool()) {
            task.invoke();
        } else {
            pool().invoke(task);
        }
    }

    private static boolean inPool() {
        return Thread.currentThread() instanceof ForkJoinWorkerThread
                && ((ForkJoinWorkerThread) Thread.currentThread()).getPool() == pool;
    }

    /** A range [lo, hi) of items. */
    @FunctionalInterface
    public interface Range {
        void run(int lo, int hi);
    }

    /**
     * Runs {@code body} over [0, n) split into at most {@link #parallelism()} equal chunks (at
     * multiples of 64 items), so that each chunk has at least {@code minPerTask} items.
     */
    public static void forChunks(int n, int minPerTask, Range body) {
        int tasks = (int) Math.min(parallelism(), n / (long) Math.max(1, minPerTask));
        if (tasks <= 1) {
            body.run(0, n);
            return;
        }
        int chunk = ((n / tasks) + 63) & ~63;
        int count = (n + chunk - 1) / chunk;
        forEach(count, t -> body.run(t * chunk, Math.min(n, (t + 1) * chunk)));
    }

    /**
     * Runs {@code body} over [0, n) items that cost about {@code costPerItem} elementary
     * operations each, splitting when the total exceeds the element-wise threshold.
     */
    public static void forRange(int n, long costPerItem, Range body) {
        long total = n * Math.max(1, costPerItem);
        if (total < ELEMENTWISE_THRESHOLD || parallelism() == 1 || n < 2) {
            body.run(0, n);
            return;
        }
        int minItems = (int) Math.max(1, ELEMENTWISE_THRESHOLD / Math.max(1, costPerItem));
        forChunks(n, minItems, body);
    }
}
