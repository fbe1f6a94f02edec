package dev.strix.ndarray.internal;

import java.util.SplittableRandom;

/**
 * A quick single-thread CSR SpMV timing (not a test, not a benchmark: JMH lives in bench/): the
 * scalar provider's two-accumulator rows, the vector provider's opt-in gather rows and a one-accumulator
 * plain loop, interleaved round by round in one JVM so that a shared machine's load drifts over
 * all three alike; reports the best and the median round. Run with
 * {@code java --add-modules jdk.incubator.vector -cp target/classes:target/test-classes
 * dev.strix.ndarray.internal.SpmvTiming [rows] [entriesPerRow] [rounds]} (default 1M rows, 10
 * entries a row at uniform random columns: issue 6's matrix; 5 gives a Poisson-like density).
 */
public final class SpmvTiming {
    private SpmvTiming() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int per = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        boolean banded = Boolean.getBoolean("banded"); // columns near the diagonal (a mesh), not uniform
        SplittableRandom r = new SplittableRandom(42);
        int[] ip = new int[n + 1];
        int[] ix = new int[n * per];
        double[] v = new double[n * per];
        float[] vf = new float[n * per];
        for (int i = 0; i < n; i++) {
            ip[i + 1] = ip[i] + per;
            for (int k = ip[i]; k < ip[i + 1]; k++) {
                ix[k] = banded ? Math.floorMod(i + (k - ip[i] - per / 2) * 1000 + r.nextInt(3), n) : r.nextInt(n);
                v[k] = r.nextDouble();
                vf[k] = (float) v[k];
            }
            java.util.Arrays.sort(ix, ip[i], ip[i + 1]);
        }
        double[] x = new double[n];
        float[] xf = new float[n];
        for (int j = 0; j < n; j++) {
            x[j] = r.nextDouble() - 0.5;
            xf[j] = (float) x[j];
        }
        double[] y = new double[n];
        float[] yf = new float[n];
        KernelProvider scalar = new ScalarKernels();
        System.setProperty("strix.spmv.gather", "true"); // the vector provider's opt-in gather kernel
        KernelProvider vector = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
                ? (KernelProvider) Class.forName(KernelSelector.VECTOR_CLASS).getDeclaredConstructor().newInstance() : null;
        String[] names = {"scalar provider (2 accumulators)", "vector provider (gather + FMA)", "plain loop (1 accumulator)",
            "scalar provider float32", "vector provider float32"};
        long[][] t = new long[names.length][rounds];
        for (int round = -3; round < rounds; round++) { // three warm-up rounds
            for (int m = 0; m < names.length; m++) {
                long t0 = System.nanoTime();
                switch (m) {
                    case 0 -> scalar.spmvCsr(ip, ix, v, x, y, 0, n);
                    case 1 -> {
                        if (vector != null) {
                            vector.spmvCsr(ip, ix, v, x, y, 0, n);
                        }
                    }
                    case 2 -> {
                        for (int i = 0; i < n; i++) {
                            double s = 0;
                            for (int k = ip[i]; k < ip[i + 1]; k++) {
                                s += v[k] * x[ix[k]];
                            }
                            y[i] = s;
                        }
                    }
                    case 3 -> scalar.spmvCsr(ip, ix, vf, xf, yf, 0, n);
                    default -> {
                        if (vector != null) {
                            vector.spmvCsr(ip, ix, vf, xf, yf, 0, n);
                        }
                    }
                }
                if (round >= 0) {
                    t[m][round] = System.nanoTime() - t0;
                }
            }
        }
        System.out.printf("CSR SpMV, %d rows, %d entries a row (%s columns), one thread, %d rounds%n", n, per,
                banded ? "banded" : "uniform", rounds);
        for (int m = 0; m < names.length; m++) {
            long[] s = t[m].clone();
            java.util.Arrays.sort(s);
            System.out.printf("  %-34s best %7.2f ms   median %7.2f ms%n", names[m], s[0] / 1e6, s[rounds / 2] / 1e6);
        }
    }
}
