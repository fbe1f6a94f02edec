package dev.strix.linalg;

import dev.strix.ndarray.Kernels;
import dev.strix.ndarray.Nd;
import dev.strix.ndarray.NdArray;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Supplier;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * QUICK AND NOISY timing of issue 5's workloads, Strix beside EJML direct in the same JVM (not
 * JMH, not a benchmark: a few repetitions, median shown; the machine is shared). The real
 * numbers come from {@code bench/} ({@code LinalgBenchmarks}). Run with the test classpath and
 * {@code --add-modules jdk.incubator.vector}; arguments: repetitions (default 5), then optional
 * workload names (solve, chol, inv, eigh, eigvalsh, eighx, svd, svdvals, svdx, lstsq, qr, qrx). {@code -Dstrix.parallelism=1} for one thread.
 */
public final class QuickTiming {
    public static void main(String[] args) {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        java.util.Set<String> only = new java.util.HashSet<>(Arrays.asList(args).subList(Math.min(1, args.length), args.length));
        System.out.println("QUICK, NOISY timing (median of " + reps + ", ms); provider " + Kernels.provider()
                + ", parallelism " + Kernels.parallelism() + ", java " + System.getProperty("java.version")
                + (CPU ? ", thread CPU time" : ", wall clock"));
        Random r = new Random(42);
        NdArray a1024 = rand(r, 1024, 1024).add(Nd.eye(1024).mul(1024));
        NdArray b1024 = rand(r, 1024, 1);
        NdArray g = rand(r, 1024, 1024);
        NdArray spd1024 = g.matmul(g.transpose()).add(Nd.eye(1024).mul(1024));
        NdArray g512 = rand(r, 512, 512);
        NdArray sym512 = g512.add(g512.transpose());
        NdArray tall = rand(r, 2000, 200);
        NdArray rhsTall = rand(r, 2000, 1);
        DMatrixRMaj ea = ejml(a1024), eb = ejml(b1024), espd = ejml(spd1024), esym = ejml(sym512), eg = ejml(g512),
                etall = ejml(tall), erhs = ejml(rhsTall);
        if (run(only, "solve")) {
            pair("solve 1024", reps, () -> Linalg.solve(a1024, b1024), () -> {
                LinearSolverDense<DMatrixRMaj> s = LinearSolverFactory_DDRM.lu(1024);
                s.setA(ea.copy());
                DMatrixRMaj x = new DMatrixRMaj(1024, 1);
                s.solve(eb, x);
                return x;
            });
        }
        if (run(only, "chol")) {
            pair("cholesky 1024", reps, () -> Linalg.cholesky(spd1024), () -> {
                CholeskyDecomposition_F64<DMatrixRMaj> c = DecompositionFactory_DDRM.chol(1024, true);
                c.decompose(espd.copy());
                return c.getT(null);
            });
        }
        if (run(only, "inv")) {
            pair("inv 1024", reps, () -> Linalg.inv(a1024), () -> {
                DMatrixRMaj out = new DMatrixRMaj(1024, 1024);
                CommonOps_DDRM.invert(ea, out);
                return out;
            });
        }
        if (run(only, "eigh")) {
            pair("eigh 512", reps, () -> Linalg.eigh(sym512), () -> {
                EigenDecomposition_F64<DMatrixRMaj> e = DecompositionFactory_DDRM.eig(512, true, true);
                e.decompose(esym.copy());
                return e;
            });
        }
        if (run(only, "eigvalsh")) {
            pair("eigvalsh 512", reps, () -> Linalg.eigvalsh(sym512), () -> {
                EigenDecomposition_F64<DMatrixRMaj> e = DecompositionFactory_DDRM.eig(512, false, true);
                e.decompose(esym.copy());
                return e;
            });
        }
        if (run(only, "eighx")) {
            // crossover of Strix's symmetric eigensolver against EJML's, with and without vectors
            for (int pass = 0; pass < 2; pass++) {
                quiet = pass == 0;   // a silent first sweep: every size then runs JIT-compiled code
                for (int n : new int[] {16, 64, 128, 160, 192, 256}) {
                    NdArray g0 = rand(r, n, n);
                    NdArray s0 = g0.add(g0.transpose());
                    DMatrixRMaj e0 = ejml(s0);
                    for (boolean vec : new boolean[] {true, false}) {
                        pair((vec ? "eigh " : "eigvalsh ") + n, reps,
                            () -> dev.strix.linalg.internal.SymmetricEigen.eigh(s0.toDoubleArray(), n, vec ? new double[n * n] : null, "t"),
                            () -> {
                                EigenDecomposition_F64<DMatrixRMaj> e = DecompositionFactory_DDRM.eig(n, vec, true);
                                e.decompose(e0.copy());
                                return e;
                            });
                    }
                }
            }
            quiet = false;
        }
        if (run(only, "svd")) {
            pair("svd 512", reps, () -> Linalg.svd(g512), () -> {
                SingularValueDecomposition_F64<DMatrixRMaj> s = DecompositionFactory_DDRM.svd(512, 512, true, true, true);
                s.decompose(eg.copy());
                return s;
            });
        }
        if (run(only, "qrx")) {
            // crossover of the blocked QR: geqrf + orgqr (reduced Q) against the unblocked kernels
            for (int pass = 0; pass < 2; pass++) {
                quiet = pass == 0;   // a silent first sweep: every size then runs JIT-compiled code
                for (int n : new int[] {32, 48, 64, 96, 128, 256}) {
                    NdArray x = rand(r, n, n);
                    pair("qr blk/unblk " + n, reps, () -> {
                        double[] f = x.toDoubleArray();
                        double[] tau = new double[n];
                        dev.strix.linalg.internal.BlockedQr.geqrf(f, n, n, tau);
                        return dev.strix.linalg.internal.BlockedQr.orgqr(f, n, n, tau, n);
                    }, () -> {
                        double[] f = x.toDoubleArray();
                        double[] tau = new double[n];
                        dev.strix.linalg.internal.Kernels.householderQr(f, n, n, tau);
                        return dev.strix.linalg.internal.Kernels.formQ(f, n, n, tau, n);
                    });
                }
            }
            quiet = false;
        }
        if (run(only, "qr")) {
            for (int n : new int[] {512, 1024}) {
                NdArray x = rand(r, n, n);
                DMatrixRMaj ex = ejml(x);
                pair("qr " + n, reps, () -> Linalg.qr(x), () -> {
                    QRDecomposition<DMatrixRMaj> q = DecompositionFactory_DDRM.qr(n, n);
                    q.decompose(ex.copy());
                    return new Object[] {q.getQ(null, true), q.getR(null, true)};
                });
            }
        }
        if (run(only, "svdvals")) {
            pair("svdvals 512", reps, () -> Linalg.svdvals(g512), () -> {
                SingularValueDecomposition_F64<DMatrixRMaj> s = DecompositionFactory_DDRM.svd(512, 512, false, false, true);
                s.decompose(eg.copy());
                return s;
            });
        }
        if (run(only, "svdx")) {
            // crossover of Strix's SVD against EJML's, thin with vectors and values only
            for (int pass = 0; pass < 2; pass++) {
                quiet = pass == 0;   // a silent first sweep: every size then runs JIT-compiled code
                for (int n : new int[] {16, 64, 128, 160, 192, 256}) {
                    NdArray x = rand(r, n, n);
                    DMatrixRMaj ex = ejml(x);
                    for (boolean vec : new boolean[] {true, false}) {
                        pair((vec ? "svd " : "svdvals ") + n, reps,
                            () -> dev.strix.linalg.internal.Bidiagonal.svd(x.toDoubleArray(), n, n, vec, false, "t"),
                            () -> {
                                SingularValueDecomposition_F64<DMatrixRMaj> s = DecompositionFactory_DDRM.svd(n, n, vec, vec, true);
                                s.decompose(ex.copy());
                                return s;
                            });
                    }
                }
            }
            quiet = false;
        }
        if (run(only, "lstsq")) {
            pair("lstsq 2000x200", reps, () -> Linalg.lstsq(tall, rhsTall), () -> {
                LinearSolverDense<DMatrixRMaj> s = LinearSolverFactory_DDRM.pseudoInverse(true);
                s.setA(etall.copy());
                DMatrixRMaj x = new DMatrixRMaj(200, 1);
                s.solve(erhs, x);
                return x;
            });
        }
    }

    static boolean run(java.util.Set<String> only, String name) {
        return only.isEmpty() || only.contains(name);
    }

    static NdArray rand(Random r, int m, int n) {
        double[] d = new double[m * n];
        for (int i = 0; i < d.length; i++) {
            d[i] = r.nextDouble() * 2 - 1;
        }
        return NdArray.wrap(d, m, n);
    }

    static DMatrixRMaj ejml(NdArray a) {
        return DMatrixRMaj.wrap(a.shape(0), a.shape(1), a.toDoubleArray());
    }

    static volatile Object sink;
    static boolean quiet;

    /** Two warm-up calls each, then strix and EJML calls alternate (so JIT warm-up of shared EJML code does not favour either). */
    static void pair(String name, int reps, Supplier<Object> strix, Supplier<Object> ejml) {
        for (int w = 0; w < 3; w++) {
            sink = strix.get();
            sink = ejml.get();
        }
        double[] ts = new double[reps];
        double[] te = new double[reps];
        for (int i = 0; i < reps; i++) {
            ts[i] = time(strix);
            te[i] = time(ejml);
        }
        double s = median(ts);
        double e = median(te);
        if (quiet) {
            return;
        }
        System.out.printf("%-16s strix %8.1f ms   ejml %8.1f ms   strix/ejml %.2f%n", name, s, e, s / e);
    }

    /**
     * {@code -Dquick.cpu=true}: time by the calling thread's CPU time instead of the wall clock (with
     * one thread all work runs on it), less distorted when the machine is loaded.
     */
    static final boolean CPU = Boolean.getBoolean("quick.cpu");
    static final java.lang.management.ThreadMXBean MX = java.lang.management.ManagementFactory.getThreadMXBean();

    static long now() {
        return CPU ? MX.getCurrentThreadCpuTime() : System.nanoTime();
    }

    static double time(Supplier<Object> f) {
        long t0 = now();
        sink = f.get();
        return (now() - t0) / 1e6;
    }

    static double median(double[] t) {
        int reps = t.length;
        Arrays.sort(t);
        return t[reps / 2];
    }
}
