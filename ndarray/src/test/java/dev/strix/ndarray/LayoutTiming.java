package dev.strix.ndarray;

import java.util.Random;

/**
 * Quick best-of-N timings for the layout cells of docs/BENCHMARKS.md (not a test, not a
 * benchmark: JMH lives in bench/). Run with {@code java --add-modules jdk.incubator.vector -cp
 * target/classes:target/test-classes:DEPS dev.strix.ndarray.LayoutTiming [strided|small|sum]...}.
 */
public final class LayoutTiming {
    private LayoutTiming() {
    }

    public static void main(String[] args) {
        for (String mode : args.length == 0 ? new String[] {"strided", "small", "sum"} : args) {
            switch (mode) {
                case "strided": strided(); break;
                case "small": small(); break;
                case "sum": sum(); break;
                default: throw new IllegalArgumentException(mode);
            }
        }
    }

    private static NdArray random(int r, int c, long seed) {
        Random g = new Random(seed);
        double[] v = new double[r * c];
        for (int i = 0; i < v.length; i++) {
            v[i] = g.nextDouble();
        }
        return NdArray.wrap(v, r, c);
    }

    static volatile Object sink;

    private static double best(int reps, Runnable body) {
        double b = Double.MAX_VALUE;
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            body.run();
            b = Math.min(b, (System.nanoTime() - t0) / 1e6);
        }
        return b;
    }

    static void strided() {
        for (int n : new int[] {1000, 3000}) {
            NdArray a = random(n, n, 1);
            NdArray b = random(n, n, 2);
            NdArray at = a.transpose();
            int reps = n == 1000 ? 60 : 15;
            double tc = best(reps, () -> sink = a.add(b));
            double ts = best(reps, () -> sink = at.add(b));
            double tu = best(reps, () -> sink = at.exp());
            double tuc = best(reps, () -> sink = a.exp());
            System.out.printf("n=%d add contiguous %.2f ms, transposed %.2f ms (x%.2f); exp contiguous %.2f ms, transposed %.2f ms%n",
                    n, tc, ts, ts / tc, tuc, tu);
        }
    }

    static void small() {
        NdArray a = NdArray.wrap(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 10);
        NdArray b = NdArray.wrap(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 10);
        int inner = 100_000;
        double bestNs = Double.MAX_VALUE;
        for (int rep = 0; rep < 60; rep++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < inner; i++) {
                sink = a.add(b);
            }
            bestNs = Math.min(bestNs, (System.nanoTime() - t0) / (double) inner);
        }
        System.out.printf("10-element add: %.1f ns/call (best of 60 x %d)%n", bestNs, inner);
    }

    static void sum() {
        NdArray a = random(4000, 2500, 3);
        double t0 = best(30, () -> sink = a.sum(0));
        double t1 = best(30, () -> sink = a.sum(1));
        double[] x = (double[]) a.buffer();
        double tl = best(30, () -> {
            double[] s = new double[2500];
            for (int i = 0; i < 4000; i++) {
                for (int j = 0; j < 2500; j++) {
                    s[j] += x[i * 2500 + j];
                }
            }
            sink = s;
        });
        System.out.printf("4000x2500 sum axis 0 %.2f ms, axis 1 %.2f ms, plain loop axis 0 %.2f ms%n", t0, t1, tl);
    }
}
