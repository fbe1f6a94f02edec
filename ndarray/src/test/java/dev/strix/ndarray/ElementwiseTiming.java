package dev.strix.ndarray;

import java.util.Random;

/**
 * Quick timing sanity checks, not tests and not benchmarks (JMH lives in bench/): run with
 * {@code java --add-modules jdk.incubator.vector -cp target/classes:target/test-classes
 * dev.strix.ndarray.ElementwiseTiming [ops|threshold]}. Uses only the public API of NdArray
 * (and Kernels, reflectively, so that it also runs on versions without it).
 */
public final class ElementwiseTiming {
    private ElementwiseTiming() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "ops";
        if (mode.equals("threshold")) {
            threshold();
        } else {
            ops();
        }
    }

    private static NdArray random(int n, long seed) {
        Random r = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextDouble();
        }
        return NdArray.wrap(v, n);
    }

    /** Median of {@code reps} timings of body, in milliseconds. */
    private static double median(int reps, Runnable body) {
        double[] t = new double[reps];
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            body.run();
            t[i] = (System.nanoTime() - t0) / 1e6;
        }
        java.util.Arrays.sort(t);
        return t[reps / 2];
    }

    private static void ops() {
        int n = 10_000_000;
        NdArray a = random(n, 1);
        NdArray b = random(n, 2);
        double[] sink = new double[1];
        for (int warm = 0; warm < 3; warm++) {
            median(5, () -> sink[0] += a.add(b).getFlat(0));
            median(3, () -> sink[0] += a.exp().getFlat(0));
            median(5, () -> sink[0] += a.sum().item());
        }
        System.out.printf("10M doubles: add %.1f ms, exp %.1f ms, sum %.2f ms, sum(axis 0 of 4000x2500) %.2f ms (medians)%n",
                median(15, () -> sink[0] += a.add(b).getFlat(0)),
                median(9, () -> sink[0] += a.exp().getFlat(0)),
                median(21, () -> sink[0] += a.sum().item()),
                median(15, () -> sink[0] += a.reshape(4000, 2500).sum(0).getFlat(0)));
        System.out.println("(sink " + sink[0] + ")");
    }

    private static void setParallelism(int p) throws Exception {
        Class.forName("dev.strix.ndarray.Kernels").getMethod("setParallelism", int.class).invoke(null, p);
    }

    private static void threshold() throws Exception {
        double[] sink = new double[1];
        System.out.println("log2(n)  add 1T us  add 2T us  sum 1T us  sum 2T us");
        for (int lg = 10; lg <= 22; lg++) {
            int n = 1 << lg;
            NdArray a = random(n, 1);
            NdArray b = random(n, 2);
            NdArray out = NdArray.wrap(new double[n], n);
            int reps = Math.max(15, (1 << 24) / n);
            double[] r = new double[4];
            for (int p = 1; p <= 2; p++) {
                setParallelism(p);
                // force the split even below the library's threshold: time what each choice costs
                for (int w = 0; w < 2; w++) {
                    median(reps, () -> a.add(b, out));
                    median(reps, () -> sink[0] += a.sum().item());
                }
                r[p - 1] = median(reps, () -> a.add(b, out)) * 1000;
                r[p + 1] = median(reps, () -> sink[0] += a.sum().item()) * 1000;
            }
            System.out.printf("%7d  %9.1f  %9.1f  %9.1f  %9.1f%n", lg, r[0], r[1], r[2], r[3]);
        }
        System.out.println("(sink " + sink[0] + ")");
    }
}
