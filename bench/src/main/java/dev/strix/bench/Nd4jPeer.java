package dev.strix.bench;

import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * ND4J with its native CPU backend (libnd4j and OpenBLAS through JavaCPP) as a peer, with its
 * default threads (OpenMP and OpenBLAS use every core). {@link Nd4jPeer1T} limits both to one
 * thread. Allocating forms ({@code a.add(b)}, {@code Transforms.exp(a, true)}), as users write
 * them.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {Jvm.XMS, Jvm.XMX, Jvm.PRETOUCH, Jvm.THP})
@State(Scope.Benchmark)
public class Nd4jPeer {

    /** System property read at set-up: a positive value limits ND4J and its BLAS to that many threads. */
    static final String THREADS = "strix.bench.nd4j.threads";

    @Setup(Level.Trial)
    public void threads() {
        int t = Integer.getInteger(THREADS, 0);
        if (t > 0) {
            Nd4j.getEnvironment().setMaxThreads(t);
            Nd4j.getEnvironment().setMaxMasterThreads(t);
            Nd4j.factory().blas().setMaxThreads(t);
        }
        System.err.println("ND4J threads: env max " + Nd4j.getEnvironment().maxThreads()
                + ", master " + Nd4j.getEnvironment().maxMasterThreads()
                + ", BLAS " + Nd4j.factory().blas().getMaxThreads());
        System.err.println("ND4J's OpenBLAS sees OPENBLAS_CORETYPE=" + System.getenv("OPENBLAS_CORETYPE")
                + " OPENBLAS_L2_SIZE=" + System.getenv("OPENBLAS_L2_SIZE") + " (bench/run names the core it picks)");
    }

    static INDArray doubles(long seed, long... shape) {
        int n = 1;
        for (long d : shape) {
            n *= (int) d;
        }
        return Nd4j.create(Data.doubles(seed, n), shape, DataType.DOUBLE);
    }

    @State(Scope.Benchmark)
    public static class GemmF64 {
        @Param({"64", "256", "1024", "2048"})
        public int n;
        INDArray a, b;

        @Setup
        public void setup() {
            a = doubles(Data.A, n, n);
            b = doubles(Data.B, n, n);
        }
    }

    @State(Scope.Benchmark)
    public static class GemmF32 {
        @Param({"64", "256", "1024", "2048"})
        public int n;
        INDArray a, b;

        @Setup
        public void setup() {
            a = Nd4j.create(Data.floats(Data.A, n * n), new long[] {n, n}, DataType.FLOAT);
            b = Nd4j.create(Data.floats(Data.B, n * n), new long[] {n, n}, DataType.FLOAT);
        }
    }

    @State(Scope.Benchmark)
    public static class Vec {
        @Param({"1000", "10000", "100000", "1000000", "10000000"})
        public int size;
        INDArray a, b;

        @Setup
        public void setup() {
            a = doubles(Data.A, size);
            b = doubles(Data.B, size);
        }
    }

    @State(Scope.Benchmark)
    public static class Strided {
        @Param({"1000", "3000"})
        public int n;
        INDArray a, aT, b;

        @Setup
        public void setup() {
            a = doubles(Data.A, n, n);
            aT = a.transpose();
            b = doubles(Data.B, n, n);
        }
    }

    @State(Scope.Benchmark)
    public static class Axis {
        INDArray m;

        @Setup
        public void setup() {
            m = doubles(Data.A, Data.AXIS_ROWS, Data.AXIS_COLS);
        }
    }

    @State(Scope.Benchmark)
    public static class Tiny {
        INDArray a, b;

        @Setup
        public void setup() {
            a = doubles(Data.A, Data.TINY);
            b = doubles(Data.B, Data.TINY);
        }
    }

    @Benchmark
    public INDArray dgemm(GemmF64 s) {
        return s.a.mmul(s.b);
    }

    @Benchmark
    public INDArray sgemm(GemmF32 s) {
        return s.a.mmul(s.b);
    }

    @Benchmark
    public INDArray add(Vec v) {
        return v.a.add(v.b);
    }

    @Benchmark
    public INDArray mul(Vec v) {
        return v.a.mul(v.b);
    }

    @Benchmark
    public INDArray exp(Vec v) {
        return Transforms.exp(v.a, true);
    }

    @Benchmark
    public INDArray log(Vec v) {
        return Transforms.log(v.a, true);
    }

    @Benchmark
    public double sum(Vec v) {
        return v.a.sumNumber().doubleValue();
    }

    @Benchmark
    public INDArray gt(Vec v) {
        return v.a.gt(v.b);
    }

    @Benchmark
    public INDArray argmax(Vec v) {
        return Nd4j.argMax(v.a);
    }

    @Benchmark
    public INDArray triad(Vec v) {
        return v.a.add(v.b.mul(Data.S));
    }

    @Benchmark
    public INDArray stridedAdd(Strided s) {
        return s.aT.add(s.b);
    }

    @Benchmark
    public INDArray contiguousAdd(Strided s) {
        return s.a.add(s.b);
    }

    /** Column sums (NumPy axis 0). */
    @Benchmark
    public INDArray sumAxis0(Axis s) {
        return s.m.sum(0);
    }

    /** Row sums (NumPy axis 1). */
    @Benchmark
    public INDArray sumAxis1(Axis s) {
        return s.m.sum(1);
    }

    @Benchmark
    public INDArray tinyAdd(Tiny t) {
        return t.a.add(t.b);
    }
}
