package dev.strix.bench;

import java.util.SplittableRandom;

/**
 * Deterministic inputs shared by every library's benchmarks, so that all peers see the same
 * values: uniform in [0.5, 1.5), positive for log and harmless for exp.
 */
final class Data {
    private Data() {}

    static double[] doubles(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 0.5 + r.nextDouble();
        }
        return x;
    }

    static float[] floats(long seed, int n) {
        double[] d = doubles(seed, n);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) d[i];
        }
        return x;
    }

    /** Seeds: A, B and C operands. */
    static final long A = 1, B = 2, C = 3;

    /** The STREAM triad scalar: a = b + S * c. */
    static final double S = 3.0;

    /** The axis-sum matrix of the issue: 4000 rows by 2500 columns. */
    static final int AXIS_ROWS = 4000, AXIS_COLS = 2500;

    /** The per-call overhead workload: adding two 10-element arrays. */
    static final int TINY = 10;
}
