package dev.strix.bench;

import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The machine's limits, measured in the same run as the workloads, as throughputs (one JMH
 * "op" is one flop or one byte, so the score is flop/s or byte/s; with two threads JMH sums them).
 *
 * <p>Peak: a tight FMA-throughput kernel on the CPU's widest vectors ({@code SPECIES_PREFERRED}:
 * 512 bits with AVX-512, 8 doubles or 16 floats; 256 with AVX2), {@value #ACC} independent
 * accumulators so that FMA latency is hidden (latency 4-5 cycles times at most 2 FMA pipes needs
 * at least 10 in flight). Nothing is loaded or stored in the loop. Measuring at 256 bits on an
 * AVX-512 machine read half the real peak, below what OpenBLAS reaches. The report also shows
 * the nominal peak from the vector width.
 * Memory bandwidth: the STREAM triad {@code a[i] = b[i] + s*c[i]} on preallocated 10M-element
 * arrays (240 MB, far beyond the caches), counted as STREAM counts it, 24 bytes per element
 * (write-allocate traffic not counted).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {Jvm.XMS, Jvm.XMX, Jvm.PRETOUCH, Jvm.THP, Jvm.ADD_MODULES, Jvm.VECTOR_MODULE})
public class MachineLimits {

    static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    static final int ACC = 12;
    /**
     * Lane-steps per call: a call runs LANE_STEPS / lanes vector steps, so its flop count is a
     * constant (as {@code @OperationsPerInvocation} needs) whatever the width; about 0.1 ms.
     */
    static final int LANE_STEPS = 1 << 17;
    /** 2 flops (multiply and add) x accumulators x lane-steps. */
    static final int FLOPS_F64 = 2 * ACC * LANE_STEPS;
    static final int FLOPS_F32 = 2 * ACC * LANE_STEPS * 2;

    static final int TRIAD_N = 10_000_000;
    static final long TRIAD_BYTES = 24L * TRIAD_N;

    /**
     * Compiles the kernels before any measured thread starts: with two benchmark threads on a
     * two-core machine the JIT compiler would otherwise starve and warm-up never end.
     */
    @State(Scope.Benchmark)
    public static class Warm {
        @Setup
        public void warm() {
            Fma f = new Fma();
            double sink = 0;
            long end = System.nanoTime() + 2_000_000_000L;
            while (System.nanoTime() < end) {
                sink += fmaF64Kernel(f) + fmaF32Kernel(f);
            }
            Triad t = new Triad();
            t.setup();
            for (int i = 0; i < 3; i++) {
                triadKernel(t);
            }
            if (sink == 42) {
                System.err.println(sink);
            }
        }
    }

    @State(Scope.Thread)
    public static class Fma {
        double m = 0.999999, c = 1e-7;
    }

    @State(Scope.Thread)
    public static class Triad {
        double[] a, b, c;

        @Setup
        public void setup() {
            a = new double[TRIAD_N];
            b = Data.doubles(Data.B, TRIAD_N);
            c = Data.doubles(Data.C, TRIAD_N);
        }
    }

    static double fmaF64Kernel(Fma s) {
        DoubleVector m = DoubleVector.broadcast(D, s.m), c = DoubleVector.broadcast(D, s.c);
        DoubleVector a0 = DoubleVector.broadcast(D, 1.0), a1 = a0.add(1), a2 = a0.add(2),
                a3 = a0.add(3), a4 = a0.add(4), a5 = a0.add(5), a6 = a0.add(6), a7 = a0.add(7),
                a8 = a0.add(8), a9 = a0.add(9), a10 = a0.add(10), a11 = a0.add(11);
        for (int i = 0, steps = LANE_STEPS / D.length(); i < steps; i++) {
            a0 = a0.fma(m, c); a1 = a1.fma(m, c); a2 = a2.fma(m, c); a3 = a3.fma(m, c);
            a4 = a4.fma(m, c); a5 = a5.fma(m, c); a6 = a6.fma(m, c); a7 = a7.fma(m, c);
            a8 = a8.fma(m, c); a9 = a9.fma(m, c); a10 = a10.fma(m, c); a11 = a11.fma(m, c);
        }
        return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9)
                .add(a10).add(a11).reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
    }

    static float fmaF32Kernel(Fma s) {
        FloatVector m = FloatVector.broadcast(F, (float) s.m), c = FloatVector.broadcast(F, (float) s.c);
        FloatVector a0 = FloatVector.broadcast(F, 1f), a1 = a0.add(1), a2 = a0.add(2),
                a3 = a0.add(3), a4 = a0.add(4), a5 = a0.add(5), a6 = a0.add(6), a7 = a0.add(7),
                a8 = a0.add(8), a9 = a0.add(9), a10 = a0.add(10), a11 = a0.add(11);
        for (int i = 0, steps = 2 * LANE_STEPS / F.length(); i < steps; i++) {
            a0 = a0.fma(m, c); a1 = a1.fma(m, c); a2 = a2.fma(m, c); a3 = a3.fma(m, c);
            a4 = a4.fma(m, c); a5 = a5.fma(m, c); a6 = a6.fma(m, c); a7 = a7.fma(m, c);
            a8 = a8.fma(m, c); a9 = a9.fma(m, c); a10 = a10.fma(m, c); a11 = a11.fma(m, c);
        }
        return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9)
                .add(a10).add(a11).reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
    }

    static void triadKernel(Triad t) {
        double[] a = t.a, b = t.b, c = t.c;
        double s = Data.S;
        for (int i = 0; i < a.length; i++) {
            a[i] = b[i] + s * c[i];
        }
    }

    /** Peak float64 flop/s of one core. */
    @Benchmark
    @OperationsPerInvocation(FLOPS_F64)
    public double peakF64(Warm w, Fma s) {
        return fmaF64Kernel(s);
    }

    /** Peak float64 flop/s of two threads (the machine's two cores). */
    @Benchmark
    @Threads(2)
    @OperationsPerInvocation(FLOPS_F64)
    public double peakF64x2(Warm w, Fma s) {
        return fmaF64Kernel(s);
    }

    /** Peak float32 flop/s of one core. */
    @Benchmark
    @OperationsPerInvocation(FLOPS_F32)
    public float peakF32(Warm w, Fma s) {
        return fmaF32Kernel(s);
    }

    /** Peak float32 flop/s of two threads. */
    @Benchmark
    @Threads(2)
    @OperationsPerInvocation(FLOPS_F32)
    public float peakF32x2(Warm w, Fma s) {
        return fmaF32Kernel(s);
    }

    /** Memory bandwidth (byte/s) of one core: triad into a preallocated array. */
    @Benchmark
    @OperationsPerInvocation((int) TRIAD_BYTES)
    public void triadBandwidth(Warm w, Triad t) {
        triadKernel(t);
    }

    /** Memory bandwidth (byte/s) of two threads, each on its own arrays. */
    @Benchmark
    @Threads(2)
    @OperationsPerInvocation((int) TRIAD_BYTES)
    public void triadBandwidthx2(Warm w, Triad t) {
        triadKernel(t);
    }
}
