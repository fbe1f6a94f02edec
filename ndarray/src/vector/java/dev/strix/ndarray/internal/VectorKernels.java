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
