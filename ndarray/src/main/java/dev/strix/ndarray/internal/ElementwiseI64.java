package dev.strix.ndarray.internal;

import dev.strix.ndarray.NdArray;
import dev.strix.ndarray.internal.Elementwise.Binary;
import dev.strix.ndarray.internal.KernelProvider.Op2;

/**
 * The integer element-wise loops: unit-stride runs (or a broadcast scalar) go to the tight
 * loops of {@code BinaryI64} (generated from {@link BinaryF64}), split across the pool above
 * {@link Parallel#ELEMENTWISE_THRESHOLD}; other runs take the general strided loop. This file is the source of its generated int twin
 * ({@code ElementwiseI32}); the narrow type computes through the wide one and wraps.
 */
// The casts are no-ops here and narrow in the generated twins.
@SuppressWarnings("cast")
final class ElementwiseI64 {
    private ElementwiseI64() {
    }

    static void binary(Binary op, NdArray out, int[] so, NdArray x, int[] sx, NdArray y, int[] sy, int[] shape) {
        long[] o = (long[]) out.buffer();
        long[] p = (long[]) x.buffer();
        long[] q = (long[]) y.buffer();
        Op2 k = op.kernel != null && op.kernel != Op2.DIV && op.l != null ? op.kernel : null;
        StridedLoop.run3(shape, so, out.offset(), sx, x.offset(), sy, y.offset(), (i0, s0, i1, s1, i2, s2, n) -> {
            if (k != null && s0 == 1 && (s1 == 1 || s1 == 0) && (s2 == 1 || s2 == 0) && (s1 | s2) != 0) {
                split(k, o, i0, p, i1, s1, q, i2, s2, n);
                return;
            }
            if (k != null) {
                BinaryI64.binaryStrided(k, p, i1, s1, q, i2, s2, o, i0, s0, n);
                return;
            }
            for (int i = 0; i < n; i++, i0 += s0, i1 += s1, i2 += s2) {
                o[i0] = (long) Elementwise.applyL(op, p[i1], q[i2]);
            }
        }, true);
    }

    private static void split(Op2 k, long[] o, int i0, long[] p, int i1, int s1, long[] q, int i2, int s2,
            int n) {
        if (n < Parallel.ELEMENTWISE_THRESHOLD) {
            fast(k, o, i0, p, i1, s1, q, i2, s2, 0, n);
        } else {
            Parallel.forRange(n, 1, (lo, hi) -> fast(k, o, i0, p, i1, s1, q, i2, s2, lo, hi));
        }
    }

    private static void fast(Op2 k, long[] o, int i0, long[] p, int i1, int s1, long[] q, int i2, int s2, int lo, int hi) {
        if (s1 == 1 && s2 == 1) {
            BinaryI64.binary(k, p, i1 + lo, q, i2 + lo, o, i0 + lo, hi - lo);
        } else if (s1 == 1) {
            BinaryI64.binaryScalar(k, p, i1 + lo, q[i2], false, o, i0 + lo, hi - lo);
        } else {
            BinaryI64.binaryScalar(k, q, i2 + lo, p[i1], true, o, i0 + lo, hi - lo);
        }
    }
}
