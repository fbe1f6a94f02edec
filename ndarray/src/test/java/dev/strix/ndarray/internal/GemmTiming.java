package dev.strix.ndarray.internal;

/**
 * A quick GEMM timing (not a test, not a benchmark: JMH lives in bench/). Run with
 * {@code java --add-modules jdk.incubator.vector -cp target/classes:target/test-classes
 * dev.strix.ndarray.internal.GemmTiming [threads] [sizes...]}.
 */
public final class GemmTiming {
    private GemmTiming() {
    }

    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        Parallel.setParallelism(threads);
        KernelProvider kp = KernelSelector.get();
        int[] sizes = {256, 1024};
        if (args.length > 1) {
            sizes = new int[args.length - 1];
            for (int i = 1; i < args.length; i++) {
                sizes[i - 1] = Integer.parseInt(args[i]);
            }
        }
        for (int n : sizes) {
            double[] a = new double[n * n];
            double[] b = new double[n * n];
            float[] af = new float[n * n];
            float[] bf = new float[n * n];
            java.util.Random r = new java.util.Random(1);
            for (int i = 0; i < n * n; i++) {
                a[i] = r.nextDouble();
                b[i] = r.nextDouble();
                af[i] = (float) a[i];
                bf[i] = (float) b[i];
            }
            int reps = Integer.getInteger("reps", Math.max(8, (int) (4e9 / (2.0 * n * n * n))));
            double best = 0;
            double bestF = 0;
            for (int rep = 0; rep < reps; rep++) {
                double[] c = new double[n * n];
                long t0 = System.nanoTime();
                GemmF64.gemm(kp, n, n, n, a, 0, n, 1, b, 0, n, 1, c, 0, n);
                long t1 = System.nanoTime();
                best = Math.max(best, 2.0 * n * n * n / (t1 - t0));
                float[] cf = new float[n * n];
                t0 = System.nanoTime();
                GemmF32.gemm(kp, n, n, n, af, 0, n, 1, bf, 0, n, 1, cf, 0, n);
                t1 = System.nanoTime();
                bestF = Math.max(bestF, 2.0 * n * n * n / (t1 - t0));
            }
            System.out.printf("%s threads=%d n=%d DGEMM %.1f GFLOP/s SGEMM %.1f GFLOP/s (best of %d)%n", kp.name(),
                    threads, n, best, bestF, reps);
        }
    }
}
