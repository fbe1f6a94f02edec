package dev.strix.ndarray.internal;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API provider, loaded reflectively by {@link KernelSelector} only when the module
 * {@code jdk.incubator.vector} is present. Element-wise arithmetic is inherited from the scalar
 * provider: C2 already compiles those simple loops to full-width SIMD code. float64 exp is
 * Strix's own vector polynomial ({@link VectorMath}, within 1 ulp); log and float32 exp keep the
 * Math intrinsics (within 1 ulp; about 5-7 ns per double). The Vector API's own EXP/LOG are not
 * guaranteed within 1 ulp on every JDK and measured no faster.
 * Comparisons, sums, extrema and their indices, dot products and the GEMM micro-kernels use
 * explicit lanes, at the width {@link VectorWidth} chose (never a fixed one). The GEMM tile is
 * chosen per width from measurements (see {@link VectorF64.Micro} and {@link VectorF64.WideMicro}).
 *
 * <p>CSR SpMV ({@link #spmvCsr}) keeps the scalar rows by default: the Vector API gather kernel
 * ({@code VectorF64.spmvCsr}, x gathered through the column indices) measured 3.5x slower than
 * the two-accumulator scalar loop on JDK 17 (1M x 1M, 10 entries a row; the gather is not
 * compiled to vgatherdpd there) and no faster on JDK 25 (float32 slightly faster, float64
 * slower). {@code -Dstrix.spmv.gather=true} selects it, for re-measuring
 * ({@code SpmvTiming} in the test sources) on other JDKs and CPUs.
 */
final class VectorKernels extends ScalarKernels {
    private static final VectorSpecies<Double> D = VectorF64.S;
    /** 512-bit vectors and wider: the 4 x 3L tile; narrower (AVX2's 16 registers): 4 x 2L. */
    private static final boolean WIDE = VectorWidth.BITS >= 512;
    private static final GemmF64.Micro MICRO_F64 = WIDE ? new VectorF64.WideMicro() : new VectorF64.Micro();
    private static final GemmF32.Micro MICRO_F32 = WIDE ? new VectorF32.WideMicro() : new VectorF32.Micro();

    /**
     * Whether comparisons store their masks with vector code. JDK 17's {@code VectorMask.intoArray}
     * is a plain loop over the mask's bits, not an intrinsic: its vector comparison measured 58-77
     * us per 100K doubles against the scalar loop's 62 (and NumPy's 20); JDK 25 compiles it to
     * mask stores, 7.5 us. Versions between were not measured and take the scalar loop.
     */
    private static final boolean VECTOR_MASK_STORES = Runtime.version().feature() >= 25;

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
        return D.vectorBitSize();
    }

    @Override
    public void compare(Cmp op, double[] a, int ao, double[] b, int bo, boolean[] c, int co, int n) {
        if (VECTOR_MASK_STORES) {
            VectorF64.compare(op, a, ao, b, bo, c, co, n);
        } else {
            super.compare(op, a, ao, b, bo, c, co, n);
        }
    }

    @Override
    public void compare(Cmp op, float[] a, int ao, float[] b, int bo, boolean[] c, int co, int n) {
        if (VECTOR_MASK_STORES) {
            VectorF32.compare(op, a, ao, b, bo, c, co, n);
        } else {
            super.compare(op, a, ao, b, bo, c, co, n);
        }
    }

    @Override
    public void compareScalar(Cmp op, double[] a, int ao, double s, boolean[] c, int co, int n) {
        if (VECTOR_MASK_STORES) {
            VectorF64.compareScalar(op, a, ao, s, c, co, n);
        } else {
            super.compareScalar(op, a, ao, s, c, co, n);
        }
    }

    @Override
    public void compareScalar(Cmp op, float[] a, int ao, float s, boolean[] c, int co, int n) {
        if (VECTOR_MASK_STORES) {
            VectorF32.compareScalar(op, a, ao, s, c, co, n);
        } else {
            super.compareScalar(op, a, ao, s, c, co, n);
        }
    }

    /**
     * Bit-identical to {@link ScalarKernels#sumBlockScalar}: the sixteen accumulators r_0..r_15
     * are the lanes of two 8-lane vectors or four 4-lane ones, and the reference tree
     * (r_j + r_(j+8)) + (r_(j+4) + r_(j+12)) is lane-wise in both layouts. Other widths take the
     * scalar block.
     */
    @Override
    public double sumBlock(double[] x, int off, int n) {
        int lanes = D.length();
        if (n < 16 || (lanes != 4 && lanes != 8)) {
            return ScalarKernels.sumBlockScalar(x, off, n);
        }
        int i = 16;
        if (lanes == 8) {
            DoubleVector v0 = DoubleVector.fromArray(D, x, off);
            DoubleVector v1 = DoubleVector.fromArray(D, x, off + 8);
            for (; i + 16 <= n; i += 16) {
                v0 = v0.add(DoubleVector.fromArray(D, x, off + i));
                v1 = v1.add(DoubleVector.fromArray(D, x, off + i + 8));
            }
            DoubleVector w = v0.add(v1);
            double u0 = w.lane(0) + w.lane(4);
            double u1 = w.lane(1) + w.lane(5);
            double u2 = w.lane(2) + w.lane(6);
            double u3 = w.lane(3) + w.lane(7);
            return tail((u0 + u2) + (u1 + u3), x, off, i, n);
        }
        DoubleVector r0 = DoubleVector.fromArray(D, x, off);
        DoubleVector r1 = DoubleVector.fromArray(D, x, off + 4);
        DoubleVector r2 = DoubleVector.fromArray(D, x, off + 8);
        DoubleVector r3 = DoubleVector.fromArray(D, x, off + 12);
        for (; i + 16 <= n; i += 16) {
            int b = off + i;
            r0 = r0.add(DoubleVector.fromArray(D, x, b));
            r1 = r1.add(DoubleVector.fromArray(D, x, b + 4));
            r2 = r2.add(DoubleVector.fromArray(D, x, b + 8));
            r3 = r3.add(DoubleVector.fromArray(D, x, b + 12));
        }
        DoubleVector u = r0.add(r2).add(r1.add(r3));
        return tail((u.lane(0) + u.lane(2)) + (u.lane(1) + u.lane(3)), x, off, i, n);
    }

    private static double tail(double s, double[] x, int off, int i, int n) {
        for (; i < n; i++) {
            s += x[off + i];
        }
        return s;
    }

    /**
     * L columns per step, one lane each: vector q accumulates the rows r = q (mod 16) of the
     * strip, so every lane follows {@link ScalarKernels#sumColumnScalar}'s tree exactly; the
     * leftover columns (fewer than L) take the scalar path.
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
                DoubleVector u0 = r0.add(r8).add(r4.add(r12));
                DoubleVector u1 = r1.add(r9).add(r5.add(r13));
                DoubleVector u2 = r2.add(r10).add(r6.add(r14));
                DoubleVector u3 = r3.add(r11).add(r7.add(r15));
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
     * The vector exp costs about what an allocating add does: with one thread against two it
     * crosses over at about 300K elements (90 against 115 us at 100K, equal at 300K), as add.
     * The others, with their divisions, cost about two adds; float32 adds its two conversions.
     */
    @Override
    public long unaryCost(Op1 op, Class<?> type) {
        if (!op.ownPolynomial()) {
            return super.unaryCost(op, type);
        }
        return (op == Op1.EXP ? 1 : 2) + (type == float.class ? 1 : 0);
    }

    /**
     * The elementary functions by {@link VectorMath}'s polynomials (within 1 ulp; see there) and
     * sqrt by the vector square root; the rest as the scalar provider.
     */
    @Override
    public void unary(Op1 op, double[] a, int ao, double[] c, int co, int n) {
        VectorLoop loop = VECTOR_LOOPS[op.ordinal()];
        if (loop != null) {
            loop.apply(a, ao, c, co, n);
        } else {
            super.unary(op, a, ao, c, co, n);
        }
    }

    /** One of {@link VectorMath}'s loops, or sqrt. */
    private interface VectorLoop {
        void apply(double[] a, int ao, double[] c, int co, int n);
    }

    /**
     * The loops by op, called through an interface rather than a switch: a switch lets C2 inline
     * all of them into one method, which then passes its node budget, leaves their small helpers as
     * calls and boxes every vector crossing them (5-10x slower, seen with -XX:+PrintInlining).
     * Behind a megamorphic call each loop compiles on its own, helpers inlined.
     */
    private static final VectorLoop[] VECTOR_LOOPS = new VectorLoop[Op1.values().length];

    static {
        VECTOR_LOOPS[Op1.EXP.ordinal()] = VectorMath::exp;
        VECTOR_LOOPS[Op1.LOG.ordinal()] = VectorMath::log;
        VECTOR_LOOPS[Op1.EXPM1.ordinal()] = VectorMath::expm1;
        VECTOR_LOOPS[Op1.LOG1P.ordinal()] = VectorMath::log1p;
        VECTOR_LOOPS[Op1.TANH.ordinal()] = VectorMath::tanh;
        VECTOR_LOOPS[Op1.SIN.ordinal()] = VectorMath::sin;
        VECTOR_LOOPS[Op1.COS.ordinal()] = VectorMath::cos;
        VECTOR_LOOPS[Op1.SQRT.ordinal()] = VectorF64::sqrt;
        for (Op1 op : Op1.values()) {
            if (op.ownPolynomial() && VECTOR_LOOPS[op.ordinal()] == null) {
                throw new AssertionError(op + " has no vector loop");
            }
        }
    }

    private static final int WIDEN_BLOCK = 512;

    /**
     * float32 elementary functions as the scalar provider computes them, the float64 function
     * rounded to float, here through the float64 polynomials {@value #WIDEN_BLOCK} elements at a
     * time (widened, computed, narrowed): float64's accuracy, then one rounding.
     */
    @Override
    public void unary(Op1 op, float[] a, int ao, float[] c, int co, int n) {
        if (op == Op1.SQRT) {
            VectorF32.sqrt(a, ao, c, co, n);
            return;
        }
        if (!op.ownPolynomial()) {
            super.unary(op, a, ao, c, co, n);
            return;
        }
        double[] wide = new double[Math.min(n, WIDEN_BLOCK)];
        for (int lo = 0; lo < n; lo += WIDEN_BLOCK) {
            int len = Math.min(WIDEN_BLOCK, n - lo);
            for (int j = 0; j < len; j++) {
                wide[j] = a[ao + lo + j];
            }
            unary(op, wide, 0, wide, 0, len);
            for (int j = 0; j < len; j++) {
                c[co + lo + j] = (float) wide[j];
            }
        }
    }

    @Override
    public void binary(Op2 op, double[] a, int ao, double[] b, int bo, double[] c, int co, int n) {
        if (op == Op2.MIN || op == Op2.MAX) {
            VectorF64.minMax(op == Op2.MAX, a, ao, b, bo, c, co, n);
        } else {
            super.binary(op, a, ao, b, bo, c, co, n);
        }
    }

    @Override
    public void binary(Op2 op, float[] a, int ao, float[] b, int bo, float[] c, int co, int n) {
        if (op == Op2.MIN || op == Op2.MAX) {
            VectorF32.minMax(op == Op2.MAX, a, ao, b, bo, c, co, n);
        } else {
            super.binary(op, a, ao, b, bo, c, co, n);
        }
    }

    @Override
    public void binaryScalar(Op2 op, double[] a, int ao, double s, boolean scalarFirst, double[] c, int co, int n) {
        if (op == Op2.MIN || op == Op2.MAX) {
            VectorF64.minMaxScalar(op == Op2.MAX, a, ao, s, c, co, n);
        } else {
            super.binaryScalar(op, a, ao, s, scalarFirst, c, co, n);
        }
    }

    @Override
    public void binaryScalar(Op2 op, float[] a, int ao, float s, boolean scalarFirst, float[] c, int co, int n) {
        if (op == Op2.MIN || op == Op2.MAX) {
            VectorF32.minMaxScalar(op == Op2.MAX, a, ao, s, c, co, n);
        } else {
            super.binaryScalar(op, a, ao, s, scalarFirst, c, co, n);
        }
    }

    /** float64 pow by {@link VectorMath#pow} (within 1 ulp); strided runs by its scalar twin, the same bits. */
    @Override
    public void pow(double[] a, int ao, int as, double[] b, int bo, int bs, double[] c, int co, int cs, int n) {
        if (cs == 1 && (as == 0 || as == 1) && (bs == 0 || bs == 1)) {
            VectorMath.pow(a, ao, as, b, bo, bs, c, co, n);
        } else {
            for (int i = 0; i < n; i++) {
                c[co + i * cs] = VectorMath.powScalar(a[ao + i * as], b[bo + i * bs]);
            }
        }
    }

    /** float32 pow through the float64 polynomial, widened one element at a time (as the scalar provider). */
    @Override
    public void pow(float[] a, int ao, int as, float[] b, int bo, int bs, float[] c, int co, int cs, int n) {
        for (int i = 0; i < n; i++) {
            c[co + i * cs] = (float) VectorMath.powScalar(a[ao + i * as], b[bo + i * bs]);
        }
    }

    @Override
    public void select(boolean[] cond, int condOff, double[] a, int ao, int as, double[] b, int bo, int bs, double[] c,
            int co, int n) {
        VectorF64.select(cond, condOff, a, ao, as, b, bo, bs, c, co, n);
    }

    @Override
    public void select(boolean[] cond, int condOff, float[] a, int ao, int as, float[] b, int bo, int bs, float[] c,
            int co, int n) {
        VectorF32.select(cond, condOff, a, ao, as, b, bo, bs, c, co, n);
    }

    @Override
    public double extremum(double[] x, int off, int n, boolean max) {
        return VectorF64.extremum(x, off, n, max);
    }

    @Override
    public int argExtremum(double[] x, int off, int n, boolean max) {
        return VectorF64.argExtremum(x, off, n, max);
    }

    @Override
    public int argExtremum(float[] x, int off, int n, boolean max) {
        return VectorF32.argExtremum(x, off, n, max);
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
