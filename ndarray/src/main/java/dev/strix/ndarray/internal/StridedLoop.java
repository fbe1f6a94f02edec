package dev.strix.ndarray.internal;

/**
 * The one loop nest behind every element-wise kernel: it walks an n-d index space over one to
 * three strided operands and hands the innermost run (offset, stride, length) to a kernel, as
 * NumPy's ufunc inner loops do. Size-1 dimensions are dropped and dimensions that are contiguous
 * for every operand are merged first, so a contiguous array is a single run.
 */
public final class StridedLoop {
    private StridedLoop() {
    }

    @FunctionalInterface
    public interface Inner1 {
        void run(int off0, int st0, int n);
    }

    @FunctionalInterface
    public interface Inner2 {
        void run(int off0, int st0, int off1, int st1, int n);
    }

    @FunctionalInterface
    public interface Inner3 {
        void run(int off0, int st0, int off1, int st1, int off2, int st2, int n);
    }

    public static void run1(int[] shape, int[] st0, int off0, Inner1 k) {
        Plan p = Plan.of(shape, new int[][] {st0}, new int[] {off0});
        if (p == null) {
            return;
        }
        int[] o = p.offsets;
        do {
            k.run(o[0], p.innerStride[0], p.innerLen);
        } while (p.advance());
    }

    public static void run2(int[] shape, int[] st0, int off0, int[] st1, int off1, Inner2 k) {
        Plan p = Plan.of(shape, new int[][] {st0, st1}, new int[] {off0, off1});
        if (p == null) {
            return;
        }
        int[] o = p.offsets;
        int[] s = p.innerStride;
        do {
            k.run(o[0], s[0], o[1], s[1], p.innerLen);
        } while (p.advance());
    }

    public static void run3(int[] shape, int[] st0, int off0, int[] st1, int off1, int[] st2, int off2,
            Inner3 k) {
        Plan p = Plan.of(shape, new int[][] {st0, st1, st2}, new int[] {off0, off1, off2});
        if (p == null) {
            return;
        }
        int[] o = p.offsets;
        int[] s = p.innerStride;
        do {
            k.run(o[0], s[0], o[1], s[1], o[2], s[2], p.innerLen);
        } while (p.advance());
    }

    /** An odometer over the outer dimensions after dropping size-1 dims and merging contiguous ones. */
    private static final class Plan {
        final int nOps;
        final int[] outerShape;
        final int[][] outerStrides; // [op][dim]
        final int[] counter;
        final int[] offsets;
        final int[] innerStride;
        final int innerLen;

        private Plan(int[] dims, int nd, int[][] st, int[] offsets) {
            this.nOps = offsets.length;
            this.offsets = offsets;
            this.innerLen = nd == 0 ? 1 : dims[nd - 1];
            this.innerStride = new int[nOps];
            int outer = Math.max(0, nd - 1);
            this.outerShape = new int[outer];
            this.outerStrides = new int[nOps][outer];
            this.counter = new int[outer];
            System.arraycopy(dims, 0, outerShape, 0, outer);
            for (int op = 0; op < nOps; op++) {
                innerStride[op] = nd == 0 ? 0 : st[op][nd - 1];
                System.arraycopy(st[op], 0, outerStrides[op], 0, outer);
            }
        }

        static Plan of(int[] shape, int[][] strides, int[] offsets) {
            int n = shape.length;
            int nOps = offsets.length;
            int[] dims = new int[n];
            int[][] st = new int[nOps][n];
            int nd = 0;
            for (int d = 0; d < n; d++) {
                if (shape[d] == 0) {
                    return null;
                }
                if (shape[d] == 1) {
                    continue;
                }
                if (nd > 0 && mergeable(st, nd - 1, strides, d, shape[d])) {
                    dims[nd - 1] *= shape[d];
                    for (int op = 0; op < nOps; op++) {
                        st[op][nd - 1] = strides[op][d];
                    }
                    continue;
                }
                dims[nd] = shape[d];
                for (int op = 0; op < nOps; op++) {
                    st[op][nd] = strides[op][d];
                }
                nd++;
            }
            return new Plan(dims, nd, st, offsets.clone());
        }

        private static boolean mergeable(int[][] st, int prev, int[][] strides, int d, int len) {
            for (int op = 0; op < st.length; op++) {
                if (st[op][prev] != strides[op][d] * len) {
                    return false;
                }
            }
            return true;
        }

        /** Moves to the next innermost run; false when done. */
        boolean advance() {
            for (int d = outerShape.length - 1; d >= 0; d--) {
                if (++counter[d] < outerShape[d]) {
                    for (int op = 0; op < nOps; op++) {
                        offsets[op] += outerStrides[op][d];
                    }
                    return true;
                }
                counter[d] = 0;
                for (int op = 0; op < nOps; op++) {
                    offsets[op] -= outerStrides[op][d] * (outerShape[d] - 1);
                }
            }
            return false;
        }
    }
}
