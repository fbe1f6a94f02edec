package dev.strix.bench;

import java.util.concurrent.TimeUnit;
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
 * The baseline: the plain Java loops a user writes on row-major {@code double[]}/{@code float[]},
 * single-threaded, allocating the result like the library calls do. GEMM is the cache-friendly
 * i-k-j order (not the naive i-j-k one), the sum is a naive running sum.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {Jvm.XMS, Jvm.XMX, Jvm.PRETOUCH, Jvm.THP})
public class Loops {

    @State(Scope.Benchmark)
    public static class GemmF64 {
        @Param({"64", "256", "1024", "2048"})
        public int n;
        double[] a, b;

        @Setup
        public void setup() {
            a = Data.doubles(Data.A, n * n);
            b = Data.doubles(Data.B, n * n);
        }
    }

    @State(Scope.Benchmark)
    public static class GemmF32 {
        @Param({"64", "256", "1024", "2048"})
        public int n;
        float[] a, b;

        @Setup
        public void setup() {
            a = Data.floats(Data.A, n * n);
            b = Data.floats(Data.B, n * n);
        }
    }

    @State(Scope.Benchmark)
    public static class Vec {
        @Param({"1000", "10000", "100000", "1000000", "10000000"})
        public int size;
        double[] a, b;

        @Setup
        public void setup() {
            a = Data.doubles(Data.A, size);
            b = Data.doubles(Data.B, size);
        }
    }

    @State(Scope.Benchmark)
    public static class Strided {
        @Param({"1000", "3000"})
        public int n;
        double[] a, b;

        @Setup
        public void setup() {
            a = Data.doubles(Data.A, n * n);
            b = Data.doubles(Data.B, n * n);
        }
    }

    @State(Scope.Benchmark)
    public static class Axis {
        double[] m;

        @Setup
        public void setup() {
            m = Data.doubles(Data.A, Data.AXIS_ROWS * Data.AXIS_COLS);
        }
    }

    @State(Scope.Benchmark)
    public static class Tiny {
        double[] a, b;

        @Setup
        public void setup() {
            a = Data.doubles(Data.A, Data.TINY);
            b = Data.doubles(Data.B, Data.TINY);
        }
    }

    @Benchmark
    public double[] dgemm(GemmF64 s) {
        int n = s.n;
        double[] a = s.a, b = s.b, c = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                double aik = a[i * n + k];
                for (int j = 0; j < n; j++) {
                    c[i * n + j] += aik * b[k * n + j];
                }
            }
        }
        return c;
    }

    @Benchmark
    public float[] sgemm(GemmF32 s) {
        int n = s.n;
        float[] a = s.a, b = s.b, c = new float[n * n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                float aik = a[i * n + k];
                for (int j = 0; j < n; j++) {
                    c[i * n + j] += aik * b[k * n + j];
                }
            }
        }
        return c;
    }

    @Benchmark
    public double[] add(Vec v) {
        double[] a = v.a, b = v.b, c = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i] + b[i];
        }
        return c;
    }

    @Benchmark
    public double[] mul(Vec v) {
        double[] a = v.a, b = v.b, c = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i] * b[i];
        }
        return c;
    }

    @Benchmark
    public double[] exp(Vec v) {
        double[] a = v.a, c = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            c[i] = Math.exp(a[i]);
        }
        return c;
    }

    @Benchmark
    public double[] log(Vec v) {
        double[] a = v.a, c = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            c[i] = Math.log(a[i]);
        }
        return c;
    }

    @Benchmark
    public double sum(Vec v) {
        double[] a = v.a;
        double s = 0;
        for (double x : a) {
            s += x;
        }
        return s;
    }

    @Benchmark
    public boolean[] gt(Vec v) {
        double[] a = v.a;
        double[] b = v.b;
        boolean[] c = new boolean[a.length];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i] > b[i];
        }
        return c;
    }

    @Benchmark
    public int argmax(Vec v) {
        double[] a = v.a;
        int best = 0;
        for (int i = 1; i < a.length; i++) {
            if (a[i] > a[best]) {
                best = i;
            }
        }
        return best;
    }

    @Benchmark
    public double[] triad(Vec v) {
        double[] a = v.a, b = v.b, c = new double[a.length];
        double s = Data.S;
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i] + s * b[i];
        }
        return c;
    }

    /** c = a^T + b, reading a down its columns. */
    @Benchmark
    public double[] stridedAdd(Strided s) {
        int n = s.n;
        double[] a = s.a, b = s.b, c = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                c[i * n + j] = a[j * n + i] + b[i * n + j];
            }
        }
        return c;
    }

    @Benchmark
    public double[] contiguousAdd(Strided s) {
        double[] a = s.a, b = s.b, c = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i] + b[i];
        }
        return c;
    }

    /** Column sums (NumPy axis 0), walking the rows in memory order. */
    @Benchmark
    public double[] sumAxis0(Axis s) {
        int rows = Data.AXIS_ROWS, cols = Data.AXIS_COLS;
        double[] m = s.m, out = new double[cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out[j] += m[i * cols + j];
            }
        }
        return out;
    }

    /** Row sums (NumPy axis 1). */
    @Benchmark
    public double[] sumAxis1(Axis s) {
        int rows = Data.AXIS_ROWS, cols = Data.AXIS_COLS;
        double[] m = s.m, out = new double[rows];
        for (int i = 0; i < rows; i++) {
            double acc = 0;
            for (int j = 0; j < cols; j++) {
                acc += m[i * cols + j];
            }
            out[i] = acc;
        }
        return out;
    }

    @Benchmark
    public double[] tinyAdd(Tiny t) {
        double[] a = t.a, b = t.b, c = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i] + b[i];
        }
        return c;
    }
}
