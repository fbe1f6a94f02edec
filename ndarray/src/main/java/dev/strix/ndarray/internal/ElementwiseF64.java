package dev.strix.ndarray.internal;

import dev.strix.ndarray.NdArray;
import dev.strix.ndarray.internal.Elementwise.Binary;
import dev.strix.ndarray.internal.Elementwise.Compare;
import dev.strix.ndarray.internal.Elementwise.Unary;
import dev.strix.ndarray.internal.KernelProvider.Cmp;
import dev.strix.ndarray.internal.KernelProvider.Op1;
import dev.strix.ndarray.internal.KernelProvider.Op2;

/**
 * The double element-wise loops: each innermost run of the strided loop nest goes to the
 * provider's contiguous kernel when the operands are unit-stride (or one is a broadcast scalar),
 * split across the pool above {@link Parallel#ELEMENTWISE_THRESHOLD}; other runs take the general
 * strided loop. This file is the source of its generated float twin ({@code ElementwiseF32}).
 */
// The casts are no-ops here and narrow in the generated twins.
@SuppressWarnings("cast")
final class ElementwiseF64 {
    private ElementwiseF64() {
    }

    static void binary(Binary op, NdArray out, int[] so, NdArray x, int[] sx, NdArray y, int[] sy, int[] shape) {
        double[] o = (double[]) out.buffer();
        double[] p = (double[]) x.buffer();
        double[] q = (double[]) y.buffer();
        Op2 k = op.kernel;
        KernelProvider kp = KernelSelector.get();
        StridedLoop.run3(shape, so, out.offset(), sx, x.offset(), sy, y.offset(), (i0, s0, i1, s1, i2, s2, n) -> {
            if (op == Binary.POW) {
                pow(kp, o, i0, s0, p, i1, s1, q, i2, s2, n);
                return;
            }
            if (k != null && s0 == 1 && (s1 == 1 || s1 == 0) && (s2 == 1 || s2 == 0) && (s1 | s2) != 0) {
                split(kp, k, o, i0, p, i1, s1, q, i2, s2, n);
                return;
            }
            if (k != null) {
                BinaryF64.binaryStrided(k, p, i1, s1, q, i2, s2, o, i0, s0, n);
                return;
            }
            for (int i = 0; i < n; i++, i0 += s0, i1 += s1, i2 += s2) {
                o[i0] = (double) Elementwise.applyD(op, p[i1], q[i2]);
            }
        }, true);
    }

    /** pow costs about eight adds an element (the parallel split's weight). */
    private static final int POW_COST = 8;

    /** Every run, strided or not, through the provider's pow: its vector polynomial differs from Math.pow in last bits. */
    private static void pow(KernelProvider kp, double[] o, int i0, int s0, double[] p, int i1, int s1, double[] q, int i2,
            int s2, int n) {
        if ((long) n * POW_COST < Parallel.ELEMENTWISE_THRESHOLD) {
            kp.pow(p, i1, s1, q, i2, s2, o, i0, s0, n);
        } else {
            Parallel.forRange(n, POW_COST, (lo, hi) -> kp.pow(p, i1 + lo * s1, s1, q, i2 + lo * s2, s2, o, i0 + lo * s0, s0, hi - lo));
        }
    }

    private static void split(KernelProvider kp, Op2 k, double[] o, int i0, double[] p, int i1, int s1, double[] q, int i2, int s2,
            int n) {
        if (n < Parallel.ELEMENTWISE_THRESHOLD) {
            fast(kp, k, o, i0, p, i1, s1, q, i2, s2, 0, n);
        } else {
            Parallel.forRange(n, 1, (lo, hi) -> fast(kp, k, o, i0, p, i1, s1, q, i2, s2, lo, hi));
        }
    }

    private static void fast(KernelProvider kp, Op2 k, double[] o, int i0, double[] p, int i1, int s1, double[] q, int i2,
            int s2, int lo, int hi) {
        if (s1 == 1 && s2 == 1) {
            kp.binary(k, p, i1 + lo, q, i2 + lo, o, i0 + lo, hi - lo);
        } else if (s1 == 1) {
            kp.binaryScalar(k, p, i1 + lo, q[i2], false, o, i0 + lo, hi - lo);
        } else {
            kp.binaryScalar(k, q, i2 + lo, p[i1], true, o, i0 + lo, hi - lo);
        }
    }

    static void unary(Unary op, NdArray out, NdArray x, int[] shape) {
        double[] o = (double[]) out.buffer();
        double[] src = (double[]) x.buffer();
        Op1 k = op.kernel;
        KernelProvider kp = KernelSelector.get();
        long cost = k == null ? 1 : kp.unaryCost(k, double.class);
        StridedLoop.run2(shape, out.strides(), out.offset(), x.strides(), x.offset(), (i0, s0, i1, s1, m) -> {
            if (k != null && s0 == 1 && s1 == 1) {
                splitUnary(kp, k, cost, src, i1, o, i0, m);
                return;
            }
            if (k != null && k.ownPolynomial()) {
                gatheredUnary(kp, k, src, i1, s1, o, i0, s0, m);
                return;
            }
            if (k != null) {
                ScalarF64.unaryStrided(k, src, i1, s1, o, i0, s0, m);
                return;
            }
            for (int i = 0; i < m; i++, i0 += s0, i1 += s1) {
                o[i0] = (double) Elementwise.applyD(op, src[i1]);
            }
        }, true);
    }

    private static final int GATHER = 256;
    private static final ThreadLocal<double[]> GATHER_BUFFER = ThreadLocal.withInitial(() -> new double[2 * GATHER]);

    /**
     * A strided run through the provider's contiguous kernel, {@value #GATHER} elements at a
     * time: the vector polynomials and Math may differ in the last bit, and a view must give the
     * same bits as its copy.
     */
    private static void gatheredUnary(KernelProvider kp, Op1 k, double[] src, int i1, int s1, double[] o, int i0,
            int s0, int m) {
        double[] buf = GATHER_BUFFER.get();
        for (int lo = 0; lo < m; lo += GATHER) {
            int len = Math.min(GATHER, m - lo);
            for (int j = 0, p = i1 + lo * s1; j < len; j++, p += s1) {
                buf[j] = src[p];
            }
            kp.unary(k, buf, 0, buf, GATHER, len);
            for (int j = 0, p = i0 + lo * s0; j < len; j++, p += s0) {
                o[p] = buf[GATHER + j];
            }
        }
    }

    private static void splitUnary(KernelProvider kp, Op1 k, long cost, double[] src, int i1, double[] o, int i0, int m) {
        if (m * cost < Parallel.ELEMENTWISE_THRESHOLD) {
            kp.unary(k, src, i1, o, i0, m);
        } else {
            Parallel.forRange(m, cost, (lo, hi) -> kp.unary(k, src, i1 + lo, o, i0 + lo, hi - lo));
        }
    }

    /** Comparisons of two double operands; the general path widens each element. */
    static void compare(Compare op, boolean[] o, int[] so, NdArray x, int[] sx, NdArray y, int[] sy, int[] shape) {
        double[] p = (double[]) x.buffer();
        double[] q = (double[]) y.buffer();
        Cmp k = op.kernel;
        KernelProvider kp = KernelSelector.get();
        StridedLoop.run3(shape, so, 0, sx, x.offset(), sy, y.offset(), (i0, s0, i1, s1, i2, s2, n) -> {
            if (k != null && s0 == 1 && s1 == 1 && (s2 == 1 || s2 == 0)) {
                if (s2 == 1) {
                    kp.compare(k, p, i1, q, i2, o, i0, n);
                } else {
                    kp.compareScalar(k, p, i1, q[i2], o, i0, n);
                }
                return;
            }
            if (k != null && s0 == 1 && s1 == 0 && s2 == 1) {
                kp.compareScalar(k.swap(), q, i2, p[i1], o, i0, n);
                return;
            }
            for (int i = 0; i < n; i++, i0 += s0, i1 += s1, i2 += s2) {
                o[i0] = op.test(p[i1], q[i2]);
            }
        });
    }
}
