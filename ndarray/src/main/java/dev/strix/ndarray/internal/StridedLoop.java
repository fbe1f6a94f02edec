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
        run2(shape, st0, off0, st1, off1, k, false);
    }

    /**
     * As {@link #run2(int[], int[], int, int[], int, Inner2)}; with {@code parallel}, a large
     * tiled traversal is split across the pool by blocks of whole tile rows (the kernel must
     * then only write through operand 0 and must not itself go parallel on runs of TILE).
     */
    public static void run2(int[] shape, int[] st0, int off0, int[] st1, int off1, Inner2 k, boolean parallel) {
        Plan p = Plan.of(shape, new int[][] {st0, st1}, new int[] {off0, off1});
        if (p == null) {
            return;
        }
        int[] o = p.offsets;
        int[] s = p.innerStride;
        if (p.tiled()) {
            int last = p.outerShape.length - 1;
            int rows = p.outerShape[last];
            int cols = p.innerLen;
            int r0 = p.outerStrides[0][last];
            int r1 = p.outerStrides[1][last];
            int tasks = tasks(parallel, rows, cols);
            do {
                int b0 = o[0];
                int b1 = o[1];
                Parallel.forEach(tasks, t -> {
                    for (int ti = tileStart(t, tasks, rows), end = tileStart(t + 1, tasks, rows); ti < end; ti += TILE) {
                        int tr = Math.min(TILE, rows - ti);
                        for (int tj = 0; tj < cols; tj += TILE) {
                            int tc = Math.min(TILE, cols - tj);
                            int a0 = b0 + ti * r0 + tj * s[0];
                            int a1 = b1 + ti * r1 + tj * s[1];
                            for (int r = 0; r < tr; r++, a0 += r0, a1 += r1) {
                                k.run(a0, s[0], a1, s[1], tc);
                            }
                        }
                    }
                });
            } while (p.advance(last - 1));
            return;
        }
        do {
            k.run(o[0], s[0], o[1], s[1], p.innerLen);
        } while (p.advance());
    }

    public static void run3(int[] shape, int[] st0, int off0, int[] st1, int off1, int[] st2, int off2,
            Inner3 k) {
        run3(shape, st0, off0, st1, off1, st2, off2, k, false);
    }

    /** As {@link #run2(int[], int[], int, int[], int, Inner2, boolean)}, for three operands. */
    public static void run3(int[] shape, int[] st0, int off0, int[] st1, int off1, int[] st2, int off2,
            Inner3 k, boolean parallel) {
        Plan p = Plan.of(shape, new int[][] {st0, st1, st2}, new int[] {off0, off1, off2});
        if (p == null) {
            return;
        }
        int[] o = p.offsets;
        int[] s = p.innerStride;
        if (p.tiled()) {
            int last = p.outerShape.length - 1;
            int rows = p.outerShape[last];
            int cols = p.innerLen;
            int r0 = p.outerStrides[0][last];
            int r1 = p.outerStrides[1][last];
            int r2 = p.outerStrides[2][last];
            int tasks = tasks(parallel, rows, cols);
            do {
                int b0 = o[0];
                int b1 = o[1];
                int b2 = o[2];
                Parallel.forEach(tasks, t -> {
                    for (int ti = tileStart(t, tasks, rows), end = tileStart(t + 1, tasks, rows); ti < end; ti += TILE) {
                        int tr = Math.min(TILE, rows - ti);
                        for (int tj = 0; tj < cols; tj += TILE) {
                            int tc = Math.min(TILE, cols - tj);
                            int a0 = b0 + ti * r0 + tj * s[0];
                            int a1 = b1 + ti * r1 + tj * s[1];
                            int a2 = b2 + ti * r2 + tj * s[2];
                            for (int r = 0; r < tr; r++, a0 += r0, a1 += r1, a2 += r2) {
                                k.run(a0, s[0], a1, s[1], a2, s[2], tc);
                            }
                        }
                    }
                });
            } while (p.advance(last - 1));
            return;
        }
        do {
            k.run(o[0], s[0], o[1], s[1], o[2], s[2], p.innerLen);
        } while (p.advance());
    }

    /**
     * The side of the square tiles of the cache-blocked traversal: when an operand walks its
     * innermost dimension with a stride of at least {@link #TILE_STRIDE} elements (a transposed
     * view: one cache line per element), the last two dimensions are visited in TILE x TILE
     * blocks, so each line such an operand brings in is used for TILE rows instead of one. The
     * elements are still visited once each, with the same operations, so results do not change.
     */
    static final int TILE = 64;

    /** The inner stride (in elements) from which the tiled traversal is used. */
    static final int TILE_STRIDE = 16;

    /** The number of tasks for a tiled rows x cols traversal: 1 unless parallel and large. */
    private static int tasks(boolean parallel, int rows, int cols) {
        if (!parallel || (long) rows * cols < Parallel.ELEMENTWISE_THRESHOLD) {
            return 1;
        }
        return Math.max(1, Math.min(Parallel.parallelism(), (rows + TILE - 1) / TILE));
    }

    /** The first row of task t's share: whole tiles, split as evenly as possible. */
    private static int tileStart(int t, int tasks, int rows) {
        int tiles = (rows + TILE - 1) / TILE;
        return Math.min(rows, (int) ((long) tiles * t / tasks) * TILE);
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

        /**
         * True when the last two dimensions are better walked in tiles: an operand has a large
         * inner stride and both dimensions span several tiles.
         */
        boolean tiled() {
            if (outerShape.length == 0 || innerLen < 2 * TILE || outerShape[outerShape.length - 1] < 2 * TILE) {
                return false;
            }
            for (int op = 0; op < nOps; op++) {
                int s = innerStride[op];
                if (s >= TILE_STRIDE || s <= -TILE_STRIDE) {
                    return true;
                }
            }
            return false;
        }

        /** Moves to the next innermost run; false when done. */
        boolean advance() {
            return advance(outerShape.length - 1);
        }

        /** Advances the odometer over the outer dimensions [0, top]; false when done. */
        boolean advance(int top) {
            for (int d = top; d >= 0; d--) {
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
