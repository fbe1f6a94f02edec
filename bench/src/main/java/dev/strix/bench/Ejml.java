package dev.strix.bench;

import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ElementLocation;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_FDRM;
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
 * EJML (dense row-major, single-threaded {@code CommonOps_DDRM}/{@code CommonOps_FDRM}) as a
 * peer. A null output asks EJML to allocate the result, the allocating form the other libraries
 * are measured in. Vectors are n-by-1 matrices. Not measured: the strided add (EJML has no views;
 * a user would copy with {@code transpose}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {Jvm.XMS, Jvm.XMX, Jvm.PRETOUCH, Jvm.THP})
public class Ejml {

    @State(Scope.Benchmark)
    public static class GemmF64 {
        @Param({"64", "256", "1024", "2048"})
        public int n;
        DMatrixRMaj a, b;

        @Setup
        public void setup() {
            a = DMatrixRMaj.wrap(n, n, Data.doubles(Data.A, n * n));
            b = DMatrixRMaj.wrap(n, n, Data.doubles(Data.B, n * n));
        }
    }

    @State(Scope.Benchmark)
    public static class GemmF32 {
        @Param({"64", "256", "1024", "2048"})
        public int n;
        FMatrixRMaj a, b;

        @Setup
        public void setup() {
            a = FMatrixRMaj.wrap(n, n, Data.floats(Data.A, n * n));
            b = FMatrixRMaj.wrap(n, n, Data.floats(Data.B, n * n));
        }
    }

    @State(Scope.Benchmark)
    public static class Vec {
        @Param({"1000", "10000", "100000", "1000000", "10000000"})
        public int size;
        DMatrixRMaj a, b;

        @Setup
        public void setup() {
            a = DMatrixRMaj.wrap(size, 1, Data.doubles(Data.A, size));
            b = DMatrixRMaj.wrap(size, 1, Data.doubles(Data.B, size));
        }
    }

    @State(Scope.Benchmark)
    public static class Strided {
        @Param({"1000", "3000"})
        public int n;
        DMatrixRMaj a, b;

        @Setup
        public void setup() {
            a = DMatrixRMaj.wrap(n, n, Data.doubles(Data.A, n * n));
            b = DMatrixRMaj.wrap(n, n, Data.doubles(Data.B, n * n));
        }
    }

    @State(Scope.Benchmark)
    public static class Axis {
        DMatrixRMaj m;

        @Setup
        public void setup() {
            m = DMatrixRMaj.wrap(Data.AXIS_ROWS, Data.AXIS_COLS,
                    Data.doubles(Data.A, Data.AXIS_ROWS * Data.AXIS_COLS));
        }
    }

    @State(Scope.Benchmark)
    public static class Tiny {
        DMatrixRMaj a, b;

        @Setup
        public void setup() {
            a = DMatrixRMaj.wrap(Data.TINY, 1, Data.doubles(Data.A, Data.TINY));
            b = DMatrixRMaj.wrap(Data.TINY, 1, Data.doubles(Data.B, Data.TINY));
        }
    }

    @Benchmark
    public DMatrixRMaj dgemm(GemmF64 s) {
        return CommonOps_DDRM.mult(s.a, s.b, null);
    }

    @Benchmark
    public FMatrixRMaj sgemm(GemmF32 s) {
        return CommonOps_FDRM.mult(s.a, s.b, null);
    }

    @Benchmark
    public DMatrixRMaj add(Vec v) {
        return CommonOps_DDRM.add(v.a, v.b, null);
    }

    @Benchmark
    public DMatrixRMaj mul(Vec v) {
        return CommonOps_DDRM.elementMult(v.a, v.b, null);
    }

    @Benchmark
    public DMatrixRMaj exp(Vec v) {
        return CommonOps_DDRM.elementExp(v.a, null);
    }

    @Benchmark
    public DMatrixRMaj log(Vec v) {
        return CommonOps_DDRM.elementLog(v.a, null);
    }

    @Benchmark
    public double sum(Vec v) {
        return CommonOps_DDRM.elementSum(v.a);
    }

    @Benchmark
    public int argmax(Vec v) {
        ElementLocation loc = new ElementLocation();
        CommonOps_DDRM.elementMax(v.a, loc);
        return loc.row;
    }

    @Benchmark
    public DMatrixRMaj triad(Vec v) {
        return CommonOps_DDRM.add(v.a, Data.S, v.b, null);
    }

    @Benchmark
    public DMatrixRMaj contiguousAdd(Strided s) {
        return CommonOps_DDRM.add(s.a, s.b, null);
    }

    /** Column sums (NumPy axis 0). */
    @Benchmark
    public DMatrixRMaj sumAxis0(Axis s) {
        return CommonOps_DDRM.sumCols(s.m, null);
    }

    /** Row sums (NumPy axis 1). */
    @Benchmark
    public DMatrixRMaj sumAxis1(Axis s) {
        return CommonOps_DDRM.sumRows(s.m, null);
    }

    @Benchmark
    public DMatrixRMaj tinyAdd(Tiny t) {
        return CommonOps_DDRM.add(t.a, t.b, null);
    }
}
