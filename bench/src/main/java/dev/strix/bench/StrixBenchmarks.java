package dev.strix.bench;

import dev.strix.ndarray.DType;
import dev.strix.ndarray.Nd;
import dev.strix.ndarray.NdArray;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Strix's workloads, written as a user writes them: the allocating forms ({@code a.add(b)}).
 * The provider (vector or scalar) and the parallelism limit are fixed per JVM, so each concrete
 * subclass ({@link StrixVector}, {@link StrixScalar}, {@link StrixVector1T}, {@link StrixScalar1T})
 * only sets its fork's system properties: {@code -Dstrix.vectorization} and
 * {@code -Dstrix.parallelism}.
 *
 * <p>Out-variants: once {@code add(b, out)}, {@code mul(b, out)} and {@code exp(out)} exist, each
 * method marked {@code OUT:} becomes a one-line change to the commented form, using the
 * preallocated {@code out} of its state; keep the allocating form too, as its own method, since
 * that is what users write first.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
public abstract class StrixBenchmarks {

    @State(Scope.Benchmark)
    public static class GemmF64 {
        @Param({"64", "256", "1024", "2048"})
        public int n;
        NdArray a, b;

        @Setup
        public void setup() {
            a = NdArray.wrap(Data.doubles(Data.A, n * n), n, n);
            b = NdArray.wrap(Data.doubles(Data.B, n * n), n, n);
        }
    }

    @State(Scope.Benchmark)
    public static class GemmF32 {
        @Param({"64", "256", "1024", "2048"})
        public int n;
        NdArray a, b;

        @Setup
        public void setup() {
            a = NdArray.wrap(Data.doubles(Data.A, n * n), n, n).astype(DType.FLOAT32);
            b = NdArray.wrap(Data.doubles(Data.B, n * n), n, n).astype(DType.FLOAT32);
        }
    }

    /** The other kernels of issue 16's item 3, at the size users mostly have and at 1M. */
    @State(Scope.Benchmark)
    public static class Fn {
        @Param({"10000", "1000000"})
        public int size;
        NdArray a, b;

        @Setup
        public void setup() {
            a = NdArray.wrap(Data.doubles(Data.A, size), size);
            b = NdArray.wrap(Data.doubles(Data.B, size), size);
        }
    }

    @State(Scope.Benchmark)
    public static class Vec {
        @Param({"1000", "10000", "100000", "1000000", "10000000"})
        public int size;
        NdArray a, b, out;

        @Setup
        public void setup() {
            a = NdArray.wrap(Data.doubles(Data.A, size), size);
            b = NdArray.wrap(Data.doubles(Data.B, size), size);
            out = NdArray.wrap(new double[size], size);
        }
    }

    @State(Scope.Benchmark)
    public static class Strided {
        @Param({"1000", "3000"})
        public int n;
        NdArray a, aT, b, out;

        @Setup
        public void setup() {
            a = NdArray.wrap(Data.doubles(Data.A, n * n), n, n);
            aT = a.transpose();
            b = NdArray.wrap(Data.doubles(Data.B, n * n), n, n);
            out = NdArray.wrap(new double[n * n], n, n);
        }
    }

    @State(Scope.Benchmark)
    public static class Axis {
        NdArray m;

        @Setup
        public void setup() {
            m = NdArray.wrap(Data.doubles(Data.A, Data.AXIS_ROWS * Data.AXIS_COLS),
                    Data.AXIS_ROWS, Data.AXIS_COLS);
        }
    }

    @State(Scope.Benchmark)
    public static class Tiny {
        NdArray a, b, out;

        @Setup
        public void setup() {
            a = NdArray.wrap(Data.doubles(Data.A, Data.TINY), Data.TINY);
            b = NdArray.wrap(Data.doubles(Data.B, Data.TINY), Data.TINY);
            out = NdArray.wrap(new double[Data.TINY], Data.TINY);
        }
    }

    @Benchmark
    public NdArray dgemm(GemmF64 s) {
        return s.a.matmul(s.b);
    }

    @Benchmark
    public NdArray sgemm(GemmF32 s) {
        return s.a.matmul(s.b);
    }

    @Benchmark
    public NdArray add(Vec v) {
        return v.a.add(v.b); // OUT: return v.a.add(v.b, v.out);
    }

    @Benchmark
    public NdArray mul(Vec v) {
        return v.a.mul(v.b); // OUT: return v.a.mul(v.b, v.out);
    }

    @Benchmark
    public NdArray exp(Vec v) {
        return v.a.exp(); // OUT: return v.a.exp(v.out);
    }

    @Benchmark
    public NdArray log(Vec v) {
        return v.a.log();
    }

    @Benchmark
    public double sum(Vec v) {
        return v.a.sum().item();
    }

    /** An element-wise comparison to a bool mask (NumPy's {@code a > b}). */
    @Benchmark
    public NdArray gt(Vec v) {
        return v.a.gt(v.b);
    }

    @Benchmark
    public NdArray argmax(Vec v) {
        return v.a.argmax();
    }

    @Benchmark
    public NdArray tanh(Fn f) {
        return f.a.tanh();
    }

    @Benchmark
    public NdArray sin(Fn f) {
        return f.a.sin();
    }

    @Benchmark
    public NdArray sqrt(Fn f) {
        return f.a.sqrt();
    }

    /** NumPy's {@code where(a > b, a, b)}, the comparison included. */
    @Benchmark
    public NdArray where(Fn f) {
        return Nd.where(f.a.gt(f.b), f.a, f.b);
    }

    @Benchmark
    public NdArray clip(Fn f) {
        return f.a.clip(0.75, 1.25);
    }

    @Benchmark
    public NdArray astype32(Fn f) {
        return f.a.astype(DType.FLOAT32);
    }

    /** STREAM triad, x = a + s*b (a and b the two inputs, s = Data.S), allocating like a user. */
    @Benchmark
    public NdArray triad(Vec v) {
        return v.a.add(v.b.mul(Data.S)); // OUT: return v.a.add(v.b.mul(Data.S, v.out), v.out);
    }

    /** A transposed view plus a contiguous matrix: the strided path. */
    @Benchmark
    public NdArray stridedAdd(Strided s) {
        return s.aT.add(s.b); // OUT: return s.aT.add(s.b, s.out);
    }

    /** The same add on two contiguous matrices: the reference for stridedAdd. */
    @Benchmark
    public NdArray contiguousAdd(Strided s) {
        return s.a.add(s.b); // OUT: return s.a.add(s.b, s.out);
    }

    @Benchmark
    public NdArray sumAxis0(Axis s) {
        return s.m.sum(0);
    }

    @Benchmark
    public NdArray sumAxis1(Axis s) {
        return s.m.sum(1);
    }

    /** Per-call overhead: two 10-element arrays. */
    @Benchmark
    public NdArray tinyAdd(Tiny t) {
        return t.a.add(t.b); // OUT: return t.a.add(t.b, t.out);
    }
}
