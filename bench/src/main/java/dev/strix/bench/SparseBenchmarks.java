package dev.strix.bench;

import dev.strix.ndarray.Nd;
import dev.strix.ndarray.NdArray;
import dev.strix.sparse.ConvergenceReport;
import dev.strix.sparse.CsrMatrix;
import dev.strix.sparse.IterativeSolvers;
import dev.strix.sparse.Preconditioner;
import dev.strix.sparse.Sparse;
import dev.strix.sparse.SolverOptions;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.sparse.csc.CommonOps_DSCC;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Sparse workloads, Strix (CSR, nnz-balanced fork-join row blocks, vector provider: the Vector
 * API gather SpMV kernel), EJML (DSCC, single threaded) and a plain Java CSR loop (single
 * threaded) side by side on the same matrices:
 *
 * <ul>
 *   <li>{@code random}: 1M x 1M with 10M stored entries, uniform positions (issue 6's workload;
 *       SciPy CSR SpMV measured 18.9 ms on this machine, plain Java 33 ms, EJML 34 ms);
 *   <li>{@code poisson}: the 2-D 5-point Laplacian on a 1000 x 1000 grid (1M rows, 5M entries).
 * </ul>
 *
 * SpMV (y = A x), SpMM (A X with 8 dense right-hand sides; EJML: {@code mult(DSCC, DDRM)}) and
 * CG on the Poisson system (Strix with Jacobi; EJML has no iterative solver, so its CG is the same
 * loop written on {@code CommonOps_DSCC.mult}; the plain loop's CG is the same loop on its own
 * SpMV). Needs about 2 GB of heap ({@link Jvm#XMX}). The scalar provider and the single-thread
 * runs are the subclasses {@link SparseBenchmarksScalar} and {@link SparseBenchmarks1T}; SciPy's
 * figures come from {@code bench/scipy_sparse_bench.py} (bench/run's sparse phases).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {Jvm.XMS, Jvm.XMX, Jvm.PRETOUCH, Jvm.THP, Jvm.ADD_MODULES, Jvm.VECTOR_MODULE, Jvm.PROVIDER_VECTOR})
public class SparseBenchmarks {

    @State(Scope.Benchmark)
    public static class Matrices {
        @Param({"random", "poisson"})
        public String matrix;
        CsrMatrix a;
        DMatrixSparseCSC e;
        double[] x;
        double[] y;
        NdArray xs;
        DMatrixRMaj ex;
        DMatrixRMaj ey;
        DMatrixRMaj exs;
        DMatrixRMaj eys;
        int[] ip;
        int[] ix;
        double[] v;

        @Setup
        public void setup() {
            a = matrix.equals("random") ? Sparse.random(1_000_000, 1_000_000, 1e-5, 42) : Sparse.poisson2d(1000);
            int n = a.cols();
            x = Nd.random(1).gaussian(n).toDoubleArray();
            y = new double[a.rows()];
            xs = Nd.random(2).gaussian(n, 8);
            e = toEjml(a);
            ex = new DMatrixRMaj(n, 1);
            System.arraycopy(x, 0, ex.data, 0, n);
            ey = new DMatrixRMaj(a.rows(), 1);
            exs = new DMatrixRMaj(n, 8);
            System.arraycopy(xs.toDoubleArray(), 0, exs.data, 0, n * 8);
            eys = new DMatrixRMaj(a.rows(), 8);
            ip = a.indptr();
            ix = a.indices();
            v = a.data();
        }
    }

    static DMatrixSparseCSC toEjml(CsrMatrix a) {
        var csc = a.toCsc();
        DMatrixSparseCSC e = new DMatrixSparseCSC(a.rows(), a.cols(), 0);
        e.col_idx = csc.colptr();
        e.nz_rows = csc.rowIndices();
        e.nz_values = csc.data();
        e.nz_length = csc.nnz();
        e.indicesSorted = true;
        return e;
    }

    @Benchmark
    public double[] strixSpmv(Matrices s) {
        s.a.matvec(s.x, s.y);
        return s.y;
    }

    /** The textbook CSR loop, one accumulator, one thread (the "plain Java" figure). */
    @Benchmark
    public double[] loopsSpmv(Matrices s) {
        loopSpmv(s.ip, s.ix, s.v, s.x, s.y);
        return s.y;
    }

    static void loopSpmv(int[] ip, int[] ix, double[] v, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            double acc = 0;
            for (int k = ip[i]; k < ip[i + 1]; k++) {
                acc += v[k] * x[ix[k]];
            }
            y[i] = acc;
        }
    }

    @Benchmark
    public DMatrixRMaj ejmlSpmv(Matrices s) {
        CommonOps_DSCC.mult(s.e, s.ex, s.ey);
        return s.ey;
    }

    /** A^T x without forming A^T (square matrices here, so x and y keep their roles). */
    @Benchmark
    public double[] strixTransposeSpmv(Matrices s) {
        s.a.rmatvec(s.x, s.y);
        return s.y;
    }

    @Benchmark
    public NdArray strixSpmm(Matrices s) {
        return s.a.matmul(s.xs);
    }

    @Benchmark
    public DMatrixRMaj ejmlSpmm(Matrices s) {
        CommonOps_DSCC.mult(s.e, s.exs, s.eys);
        return s.eys;
    }

    /** CG on the 2-D Poisson system (n = 300 grid, 90k unknowns), 200 iterations, no convergence test short-cut. */
    @State(Scope.Benchmark)
    public static class PoissonSystem {
        CsrMatrix a;
        DMatrixSparseCSC e;
        NdArray b;
        int[] ip;
        int[] ix;
        double[] v;

        @Setup
        public void setup() {
            a = Sparse.poisson2d(300);
            e = toEjml(a);
            b = Nd.random(3).gaussian(a.rows());
            ip = a.indptr();
            ix = a.indices();
            v = a.data();
        }
    }

    @Benchmark
    public ConvergenceReport strixCg(PoissonSystem s) {
        return IterativeSolvers.cg(s.a, s.b, null, Preconditioner.jacobi(s.a), new SolverOptions(0, 0, 200, 30));
    }

    @Benchmark
    public double[] ejmlCg(PoissonSystem s) {
        int n = s.a.rows();
        DMatrixRMaj x = new DMatrixRMaj(n, 1), r = new DMatrixRMaj(n, 1), p = new DMatrixRMaj(n, 1), q = new DMatrixRMaj(n, 1);
        double[] diag = s.a.diagonal().toDoubleArray();
        double[] z = new double[n];
        System.arraycopy(s.b.toDoubleArray(), 0, r.data, 0, n);
        for (int i = 0; i < n; i++) {
            z[i] = r.data[i] / diag[i];
            p.data[i] = z[i];
        }
        double rz = dot(r.data, z);
        for (int it = 0; it < 200; it++) {
            CommonOps_DSCC.mult(s.e, p, q);
            double alpha = rz / dot(p.data, q.data);
            for (int i = 0; i < n; i++) {
                x.data[i] += alpha * p.data[i];
                r.data[i] -= alpha * q.data[i];
                z[i] = r.data[i] / diag[i];
            }
            double rzNew = dot(r.data, z);
            double beta = rzNew / rz;
            rz = rzNew;
            for (int i = 0; i < n; i++) {
                p.data[i] = z[i] + beta * p.data[i];
            }
        }
        return x.data;
    }

    /** The same Jacobi-preconditioned CG, 200 iterations, on the plain CSR loop. */
    @Benchmark
    public double[] loopsCg(PoissonSystem s) {
        int n = s.a.rows();
        double[] x = new double[n], r = s.b.toDoubleArray(), p = new double[n], q = new double[n], z = new double[n];
        double[] diag = s.a.diagonal().toDoubleArray();
        for (int i = 0; i < n; i++) {
            z[i] = r[i] / diag[i];
            p[i] = z[i];
        }
        double rz = dot(r, z);
        for (int it = 0; it < 200; it++) {
            loopSpmv(s.ip, s.ix, s.v, p, q);
            double alpha = rz / dot(p, q);
            for (int i = 0; i < n; i++) {
                x[i] += alpha * p[i];
                r[i] -= alpha * q[i];
                z[i] = r[i] / diag[i];
            }
            double rzNew = dot(r, z);
            double beta = rzNew / rz;
            rz = rzNew;
            for (int i = 0; i < n; i++) {
                p[i] = z[i] + beta * p[i];
            }
        }
        return x;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
