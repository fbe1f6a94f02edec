package dev.strix.nd4j;

import dev.strix.linalg.Linalg;
import dev.strix.ndarray.Kernels;
import dev.strix.ndarray.Nd;
import dev.strix.ndarray.NdArray;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.nd4j.linalg.factory.Nd4j;

/**
 * QUICK AND NOISY timing of the two linalg backends in one JVM (not JMH, not a benchmark): the
 * same Linalg call with {@code strix} and with {@code nd4j} selected, alternating, two warm-up
 * calls each, median of the repetitions. Prints the time the ND4J natives took to load and the
 * load average before and after. Arguments: repetitions (default 5), then optional workload
 * names (solve, chol, inv, eigh, svd, lstsq, matmul, tiny) and "1t" to limit both backends to
 * one thread (also pass {@code -Dstrix.parallelism=1}). Run from the module directory:
 * {@code java --add-modules jdk.incubator.vector -cp target/test-classes:target/classes:<test classpath>
 * dev.strix.nd4j.BackendQuickTiming 5}.
 */
public final class BackendQuickTiming {
    private BackendQuickTiming() {
    }

    public static void main(String[] args) {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Set<String> only = new HashSet<>(Arrays.asList(args).subList(Math.min(1, args.length), args.length));
        boolean oneThread = only.remove("1t");
        String loadBefore = loadAverage();
        long t0 = System.nanoTime();
        Linalg.useBackend("nd4j");
        double loadMs = (System.nanoTime() - t0) / 1e6;
        if (oneThread) {
            Nd4j.getEnvironment().setMaxThreads(1);
            Nd4j.getEnvironment().setMaxMasterThreads(1);
            Nd4j.factory().blas().setMaxThreads(1);
        }
        System.out.printf("QUICK, NOISY timing (median of %d, ms); ND4J natives loaded in %.0f ms; Strix provider %s,"
                + " parallelism %d; ND4J BLAS threads %d; java %s; load average before: %s%n", reps, loadMs,
                Kernels.provider(), Kernels.parallelism(), Nd4j.factory().blas().getMaxThreads(),
                System.getProperty("java.version"), loadBefore);
        Random r = new Random(42);
        NdArray a1024 = rand(r, 1024, 1024).add(Nd.eye(1024).mul(1024));
        NdArray b1024 = rand(r, 1024, 1);
        NdArray g = rand(r, 1024, 1024);
        NdArray spd1024 = g.matmul(g.transpose()).add(Nd.eye(1024).mul(1024));
        NdArray g512 = rand(r, 512, 512);
        NdArray sym512 = g512.add(g512.transpose());
        NdArray tall = rand(r, 2000, 200);
        NdArray rhsTall = rand(r, 2000, 1);
        NdArray tiny = rand(r, 8, 8).add(Nd.eye(8).mul(8));
        NdArray tinyB = rand(r, 8, 1).reshape(8);
        if (run(only, "solve")) {
            pair("solve 1024", reps, () -> Linalg.solve(a1024, b1024));
        }
        if (run(only, "chol")) {
            pair("cholesky 1024", reps, () -> Linalg.cholesky(spd1024));
        }
        if (run(only, "inv")) {
            pair("inv 1024", reps, () -> Linalg.inv(a1024));
        }
        if (run(only, "eigh")) {
            pair("eigh 512", reps, () -> Linalg.eigh(sym512));
        }
        if (run(only, "svd")) {
            pair("svd 512", reps, () -> Linalg.svd(g512));
        }
        if (run(only, "lstsq")) {
            pair("lstsq 2000x200", reps, () -> Linalg.lstsq(tall, rhsTall));
        }
        if (run(only, "matmul")) {
            pair("matmul 1024", reps, () -> Linalg.matmul(a1024, g));
        }
        if (run(only, "tiny")) {
            pair("solve 8 (x1000)", reps, () -> {
                Object x = null;
                for (int i = 0; i < 1000; i++) {
                    x = Linalg.solve(tiny, tinyB);
                }
                return x;
            });
        }
        System.out.println("load average after: " + loadAverage());
    }

    static boolean run(Set<String> only, String name) {
        return only.isEmpty() || only.contains(name);
    }

    static NdArray rand(Random r, int m, int n) {
        double[] d = new double[m * n];
        for (int i = 0; i < d.length; i++) {
            d[i] = r.nextDouble() * 2 - 1;
        }
        return NdArray.wrap(d, m, n);
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException | RuntimeException e) {
            return "unknown (" + e + ")";
        }
    }

    static volatile Object sink;

    /** Two warm-up calls with each backend, then the backends alternate call by call. */
    static void pair(String name, int reps, Supplier<Object> f) {
        for (int w = 0; w < 2; w++) {
            sink = with("strix", f);
            sink = with("nd4j", f);
        }
        double[] ts = new double[reps];
        double[] tn = new double[reps];
        for (int i = 0; i < reps; i++) {
            ts[i] = time("strix", f);
            tn[i] = time("nd4j", f);
        }
        double s = median(ts);
        double n = median(tn);
        System.out.printf("%-16s strix %8.1f ms   nd4j %8.1f ms   nd4j/strix %.2f%n", name, s, n, n / s);
    }

    static Object with(String backend, Supplier<Object> f) {
        Linalg.useBackend(backend);
        return f.get();
    }

    static double time(String backend, Supplier<Object> f) {
        Linalg.useBackend(backend);
        long t0 = System.nanoTime();
        sink = f.get();
        return (System.nanoTime() - t0) / 1e6;
    }

    static double median(double[] t) {
        double[] c = t.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }
}
