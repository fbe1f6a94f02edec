package dev.strix.bench;

import dev.strix.linalg.Linalg;
import dev.strix.ndarray.NdArray;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The linear-algebra workloads of issue 5, Strix ({@link Linalg}) beside EJML direct (single
 * thread): LU solve 1024, Cholesky 1024, symmetric eigen 512, SVD 512, inv 1024, lstsq 2000x200.
 * Inputs: a random matrix shifted by n on the diagonal (well conditioned), its Gram matrix plus
 * n I (SPD), and its symmetric part. Each EJML call gets a fresh copy because EJML decompositions
 * overwrite their input, as Strix copies internally. Strix runs single-threaded on the vector
 * provider (the blocked LU/Cholesky trailing updates are Strix's GEMM), like EJML and NumPy 1T
 * (bench/run's linalg phase).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {Jvm.XMS, Jvm.XMX, Jvm.PRETOUCH, Jvm.THP, Jvm.ADD_MODULES, Jvm.VECTOR_MODULE, Jvm.PROVIDER_VECTOR, Jvm.ONE_THREAD})
public class LinalgBenchmarks {

    @State(Scope.Benchmark)
    public static class Mats {
        NdArray a1024, b1024, spd1024, sym512, g512, tall, rhsTall;
        DMatrixRMaj ea1024, eb1024, espd1024, esym512, eg512, etall, erhsTall;

        @Setup
        public void setup() {
            a1024 = shifted(1024);
            b1024 = NdArray.wrap(Data.doubles(Data.B, 1024), 1024, 1);
            NdArray g = NdArray.wrap(Data.doubles(Data.C, 1024 * 1024), 1024, 1024);
            spd1024 = g.matmul(g.transpose()).add(dev.strix.ndarray.Nd.eye(1024).mul(1024));
            g512 = NdArray.wrap(Data.doubles(Data.A, 512 * 512), 512, 512);
            sym512 = g512.add(g512.transpose());
            tall = NdArray.wrap(Data.doubles(Data.A, 2000 * 200), 2000, 200);
            rhsTall = NdArray.wrap(Data.doubles(Data.B, 2000), 2000, 1);
            ea1024 = ejml(a1024);
            eb1024 = ejml(b1024);
            espd1024 = ejml(spd1024);
            esym512 = ejml(sym512);
            eg512 = ejml(g512);
            etall = ejml(tall);
            erhsTall = ejml(rhsTall);
        }

        static NdArray shifted(int n) {
            return NdArray.wrap(Data.doubles(Data.A, n * n), n, n).add(dev.strix.ndarray.Nd.eye(n).mul(n));
        }

        static DMatrixRMaj ejml(NdArray a) {
            return DMatrixRMaj.wrap(a.shape(0), a.shape(1), a.toDoubleArray());
        }
    }

    @Benchmark public NdArray strixLuSolve1024(Mats m) { return Linalg.solve(m.a1024, m.b1024); }
    @Benchmark public NdArray strixCholesky1024(Mats m) { return Linalg.cholesky(m.spd1024); }
    @Benchmark public Object strixEigh512(Mats m) { return Linalg.eigh(m.sym512); }
    @Benchmark public Object strixSvd512(Mats m) { return Linalg.svd(m.g512); }
    @Benchmark public NdArray strixInv1024(Mats m) { return Linalg.inv(m.a1024); }
    @Benchmark public Object strixLstsq2000x200(Mats m) { return Linalg.lstsq(m.tall, m.rhsTall); }

    @Benchmark
    public DMatrixRMaj ejmlLuSolve1024(Mats m) {
        LinearSolverDense<DMatrixRMaj> s = LinearSolverFactory_DDRM.lu(1024);
        s.setA(m.ea1024.copy());
        DMatrixRMaj x = new DMatrixRMaj(1024, 1);
        s.solve(m.eb1024, x);
        return x;
    }

    @Benchmark
    public Object ejmlCholesky1024(Mats m) {
        CholeskyDecomposition_F64<DMatrixRMaj> c = DecompositionFactory_DDRM.chol(1024, true);
        c.decompose(m.espd1024.copy());
        return c.getT(null);
    }

    @Benchmark
    public Object ejmlEigh512(Mats m) {
        EigenDecomposition_F64<DMatrixRMaj> e = DecompositionFactory_DDRM.eig(512, true, true);
        e.decompose(m.esym512.copy());
        return e;
    }

    @Benchmark
    public Object ejmlSvd512(Mats m) {
        SingularValueDecomposition_F64<DMatrixRMaj> s = DecompositionFactory_DDRM.svd(512, 512, true, true, true);
        s.decompose(m.eg512.copy());
        return s;
    }

    @Benchmark
    public DMatrixRMaj ejmlInv1024(Mats m) {
        DMatrixRMaj out = new DMatrixRMaj(1024, 1024);
        CommonOps_DDRM.invert(m.ea1024, out);
        return out;
    }

    @Benchmark
    public DMatrixRMaj ejmlLstsq2000x200(Mats m) {
        LinearSolverDense<DMatrixRMaj> s = LinearSolverFactory_DDRM.pseudoInverse(true);
        s.setA(m.etall.copy());
        DMatrixRMaj x = new DMatrixRMaj(200, 1);
        s.solve(m.erhsTall, x);
        return x;
    }
}
