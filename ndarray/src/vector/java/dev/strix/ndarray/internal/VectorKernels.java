package dev.strix.ndarray.internal;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API provider, loaded reflectively by {@link KernelSelector} only when the module
 * {@code jdk.incubator.vector} is present. Element-wise arithmetic and exp/log are inherited
 * from the scalar provider: C2 already compiles those simple loops to the same AVX2 code, and
 * exp/log keep the Math intrinsics (within 1 ulp); the Vector API's EXP/LOG are not guaranteed
 * within 1 ulp on every JDK and measured no faster here (about 5 ns per double on JDK 17 and 25).
 * Comparisons, sums, extrema, dot products and the GEMM micro-kernels use explicit lanes.
 *
 * <p>CSR SpMV ({@link #spmvCsr}) keeps the scalar rows by default: the Vector API gather kernel
 * ({@code VectorF64.spmvCsr}, x gathered through the column indices) measured 3.5x slower than
 * the two-accumulator scalar loop on JDK 17 (1M x 1M, 10 entries a row; the gather is not
 * compiled to vgatherdpd there) and no faster on JDK 25 (float32 slightly faster, float64
 * slower). {@code -Dstrix.spmv.gather=true} selects it, for re-measuring
 * ({@code SpmvTiming} in the test sources) on other JDKs and CPUs.
 */
final class VectorKernels extends ScalarKernels {
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_256;
    private static final GemmF64.Micro MICRO_F64 = new VectorF64.Micro();
    private static final GemmF32.Micro MICRO_F32 = new VectorF32.Micro();

    /** Read at construction: the gather SpMV kernel instead of the scalar rows (see above). */
    private final boolean gatherSpmv = Boolean.getBoolean("strix.spmv.gather");

    public VectorKernels() {
        // reflective entry point
    }

    @Override
    public String name() {
        return "vector";
    }

    @Override
    public int vectorBitSize() {
        return DoubleVector.SPECIES_PREFERRED.vectorBitSize();
    }

    @Override
    public void compare(Cmp op, double[] a, int ao, double[] b, int bo, boolean[] c, int co, int n) {
        VectorF64.compare(op, a, ao, b, bo, c, co, n);
    }

    @Override
    public void compare(Cmp op, float[] a, int ao, float[] b, int bo, boolean[] c, int co, int n) {
        VectorF32.compare(op, a, ao, b, bo, c, co, n);
    }

    @Override
    public void compareScalar(Cmp op, double[] a, int ao, double s, boolean[] c, int co, int n) {
        VectorF64.compareScalar(op, a, ao, s, c, co, n);
    }

    @Override
    public void compareScalar(Cmp op, float[] a, int ao, float s, boolean[] c, int co, int n) {
        VectorF32.compareScalar(op, a, ao, s, c, co, n);
    }

    /** Bit-identical to {@link ScalarKernels#sumBlockScalar}: lane j of vector q holds r_(4q+j). */
    @Override
    public double sumBlock(double[] x, int off, int n) {
        if (n < 16) {
            return ScalarKernels.sumBlockScalar(x, off, n);
        }
        DoubleVector r0 = DoubleVector.fromArray(D, x, off);
        DoubleVector r1 = DoubleVector.fromArray(D, x, off + 4);
        DoubleVector r2 = DoubleVector.fromArray(D, x, off + 8);
        DoubleVector r3 = DoubleVector.fromArray(D, x, off + 12);
        int i = 16;
        for (; i + 16 <= n; i += 16) {
            int b = off + i;
            r0 = r0.add(DoubleVector.fromArray(D, x, b));
            r1 = r1.add(DoubleVector.fromArray(D, x, b + 4));
            r2 = r2.add(DoubleVector.fromArray(D, x, b + 8));
            r3 = r3.add(DoubleVector.fromArray(D, x, b + 12));
        }
        DoubleVector u = r0.add(r1).add(r2.add(r3));
        double s = (u.lane(0) + u.lane(2)) + (u.lane(1) + u.lane(3));
        for (; i < n; i++) {
            s += x[off + i];
        }
        return s;
    }

    /**
     * Four columns per step, one lane each: vector q accumulates the rows r = q (mod 16) of the
     * strip, so every lane follows {@link ScalarKernels#sumColumnScalar}'s tree exactly; the
     * leftover columns (fewer than four) take the scalar path.
     */
    @Override
    public void sumColumnsBlock(double[] x, int off, int stride, int rows, int cols, double[] dst, int dOff) {
        int L = D.length();
        int j = 0;
        if (rows >= 16) {
            for (; j + L <= cols; j += L) {
                int o = off + j;
                DoubleVector r0 = DoubleVector.fromArray(D, x, o);
                DoubleVector r1 = DoubleVector.fromArray(D, x, o + stride);
                DoubleVector r2 = DoubleVector.fromArray(D, x, o + 2 * stride);
                DoubleVector r3 = DoubleVector.fromArray(D, x, o + 3 * stride);
                DoubleVector r4 = DoubleVector.fromArray(D, x, o + 4 * stride);
                DoubleVector r5 = DoubleVector.fromArray(D, x, o + 5 * stride);
                DoubleVector r6 = DoubleVector.fromArray(D, x, o + 6 * stride);
                DoubleVector r7 = DoubleVector.fromArray(D, x, o + 7 * stride);
                DoubleVector r8 = DoubleVector.fromArray(D, x, o + 8 * stride);
                DoubleVector r9 = DoubleVector.fromArray(D, x, o + 9 * stride);
                DoubleVector r10 = DoubleVector.fromArray(D, x, o + 10 * stride);
                DoubleVector r11 = DoubleVector.fromArray(D, x, o + 11 * stride);
                DoubleVector r12 = DoubleVector.fromArray(D, x, o + 12 * stride);
                DoubleVector r13 = DoubleVector.fromArray(D, x, o + 13 * stride);
                DoubleVector r14 = DoubleVector.fromArray(D, x, o + 14 * stride);
                DoubleVector r15 = DoubleVector.fromArray(D, x, o + 15 * stride);
                int i = 16;
                for (; i + 16 <= rows; i += 16) {
                    int b = o + i * stride;
                    r0 = r0.add(DoubleVector.fromArray(D, x, b));
                    r1 = r1.add(DoubleVector.fromArray(D, x, b + stride));
                    r2 = r2.add(DoubleVector.fromArray(D, x, b + 2 * stride));
                    r3 = r3.add(DoubleVector.fromArray(D, x, b + 3 * stride));
                    r4 = r4.add(DoubleVector.fromArray(D, x, b + 4 * stride));
                    r5 = r5.add(DoubleVector.fromArray(D, x, b + 5 * stride));
                    r6 = r6.add(DoubleVector.fromArray(D, x, b + 6 * stride));
                    r7 = r7.add(DoubleVector.fromArray(D, x, b + 7 * stride));
                    r8 = r8.add(DoubleVector.fromArray(D, x, b + 8 * stride));
                    r9 = r9.add(DoubleVector.fromArray(D, x, b + 9 * stride));
                    r10 = r10.add(DoubleVector.fromArray(D, x, b + 10 * stride));
                    r11 = r11.add(DoubleVector.fromArray(D, x, b + 11 * stride));
                    r12 = r12.add(DoubleVector.fromArray(D, x, b + 12 * stride));
                    r13 = r13.add(DoubleVector.fromArray(D, x, b + 13 * stride));
                    r14 = r14.add(DoubleVector.fromArray(D, x, b + 14 * stride));
                    r15 = r15.add(DoubleVector.fromArray(D, x, b + 15 * stride));
                }
                DoubleVector u0 = r0.add(r4).add(r8.add(r12));
                DoubleVector u1 = r1.add(r5).add(r9.add(r13));
                DoubleVector u2 = r2.add(r6).add(r10.add(r14));
                DoubleVector u3 = r3.add(r7).add(r11.add(r15));
                DoubleVector s = u0.add(u2).add(u1.add(u3));
                for (; i < rows; i++) {
                    s = s.add(DoubleVector.fromArray(D, x, o + i * stride));
                }
                s.intoArray(dst, dOff + j);
            }
        }
        for (; j < cols; j++) {
            dst[dOff + j] = ScalarKernels.sumColumnScalar(x, off + j, stride, rows);
        }
    }

    /**
     * Lane-wise max (min) with NaN propagation; when the result is NaN or zero (where the sign of
     * a tie between 0.0 and -0.0 depends on the order) the scalar scan decides, so the result is
     * the same as the scalar provider's.
     */
    @Override
    public double extremum(double[] x, int off, int n, boolean max) {
        if (n < 32) {
            return ScalarKernels.extremumScalar(x, off, n, max);
        }
        DoubleVector a0 = DoubleVector.fromArray(D, x, off);
        DoubleVector a1 = DoubleVector.fromArray(D, x, off + 4);
        int i = 8;
        if (max) {
            for (; i + 8 <= n; i += 8) {
                a0 = a0.max(DoubleVector.fromArray(D, x, off + i));
                a1 = a1.max(DoubleVector.fromArray(D, x, off + i + 4));
            }
        } else {
            for (; i + 8 <= n; i += 8) {
                a0 = a0.min(DoubleVector.fromArray(D, x, off + i));
                a1 = a1.min(DoubleVector.fromArray(D, x, off + i + 4));
            }
        }
        double r = max ? a0.max(a1).reduceLanes(VectorOperators.MAX) : a0.min(a1).reduceLanes(VectorOperators.MIN);
        for (; i < n; i++) {
            r = max ? Math.max(r, x[off + i]) : Math.min(r, x[off + i]);
        }
        if (r != r || r == 0) {
            return ScalarKernels.extremumScalar(x, off, n, max);
        }
        return r;
    }

    @Override
    public double dot(double[] a, int ao, double[] b, int bo, int n) {
        return VectorF64.dot(a, ao, b, bo, n);
    }

    @Override
    public float dot(float[] a, int ao, float[] b, int bo, int n) {
        return VectorF32.dot(a, ao, b, bo, n);
    }

    @Override
    public void spmvCsr(int[] ip, int[] ix, double[] v, double[] x, double[] y, int lo, int hi) {
        if (gatherSpmv) {
            VectorF64.spmvCsr(ip, ix, v, x, y, lo, hi);
        } else {
            super.spmvCsr(ip, ix, v, x, y, lo, hi);
        }
    }

    @Override
    public void spmvCsr(int[] ip, int[] ix, float[] v, float[] x, float[] y, int lo, int hi) {
        if (gatherSpmv) {
            VectorF32.spmvCsr(ip, ix, v, x, y, lo, hi);
        } else {
            super.spmvCsr(ip, ix, v, x, y, lo, hi);
        }
    }

    @Override
    public void axpy(double alpha, double[] x, int xo, double[] y, int yo, int n) {
        VectorF64.axpy(alpha, x, xo, y, yo, n);
    }

    @Override
    public void axpy(float alpha, float[] x, int xo, float[] y, int yo, int n) {
        VectorF32.axpy(alpha, x, xo, y, yo, n);
    }

    @Override
    public GemmF64.Micro gemmF64() {
        return MICRO_F64;
    }

    @Override
    public GemmF32.Micro gemmF32() {
        return MICRO_F32;
    }
}
