package dev.strix.ndarray.internal;

import dev.strix.ndarray.DType;
import dev.strix.ndarray.NdArray;
import dev.strix.ndarray.ShapeMismatchException;
import java.util.Arrays;

/**
 * Reductions over any set of axes. The reduced axes are moved last (a view), every output
 * element's input slice is gathered into a contiguous scratch buffer when it is not already one,
 * and a contiguous kernel reduces it: pairwise summation for sums (error O(log n) rather than O(n)),
 * two passes for variance.
 */
public final class Reductions {
    private Reductions() {
    }

    public enum Op {
        SUM("sum"), PROD("prod"), MEAN("mean"), MIN("min"), MAX("max"), ALL("all"), ANY("any"),
        COUNT_NONZERO("countNonzero"), NORM_L1("normL1"), NORM_L2("normL2"), NORM_LINF("normLinf"),
        NAN_SUM("nanSum"), NAN_PROD("nanProd"), NAN_MEAN("nanMean"), NAN_MIN("nanMin"), NAN_MAX("nanMax");

        final String opName;

        Op(String opName) {
            this.opName = opName;
        }
    }

    /** Pairwise sum of x[off, off + n) on the active provider (see {@link Pairwise}). */
    public static double pairwiseSum(double[] x, int off, int n) {
        return Pairwise.sum(x, off, n);
    }

    // ------------------------------------------------------------------ axis handling

    /** Normalises axes (null or empty: all), rejecting duplicates; returns a mask over dimensions. */
    static boolean[] axisMask(String op, int[] shape, int[] axes) {
        int nd = shape.length;
        boolean[] mask = new boolean[nd];
        if (axes == null || axes.length == 0) {
            Arrays.fill(mask, true);
            return mask;
        }
        for (int a : axes) {
            int ax = a < 0 ? a + nd : a;
            if (ax < 0 || ax >= nd) {
                throw new IllegalArgumentException(op + ": axis " + a + " is out of bounds for an array of dimension " + nd
                        + " with shape " + ShapeMismatchException.shapeString(shape));
            }
            if (mask[ax]) {
                throw new IllegalArgumentException(op + ": duplicate axis " + a + " in " + Arrays.toString(axes));
            }
            mask[ax] = true;
        }
        return mask;
    }

    /** The plan: input viewed as (kept..., reduced...), and the output shapes with and without kept dims. */
    static final class Plan {
        final NdArray view;
        final int[] outerShape;
        final int[] innerShape;
        final int[] keepShape;
        final int innerSize;

        Plan(NdArray a, boolean[] mask) {
            int nd = a.ndim();
            int[] perm = new int[nd];
            int k = 0;
            int nOuter = 0;
            for (int d = 0; d < nd; d++) {
                if (!mask[d]) {
                    perm[k++] = d;
                    nOuter++;
                }
            }
            for (int d = 0; d < nd; d++) {
                if (mask[d]) {
                    perm[k++] = d;
                }
            }
            view = a.transpose(perm);
            int[] sh = view.shape();
            outerShape = Arrays.copyOfRange(sh, 0, nOuter);
            innerShape = Arrays.copyOfRange(sh, nOuter, nd);
            int[] full = a.shape();
            keepShape = new int[nd];
            int n = 1;
            for (int d = 0; d < nd; d++) {
                keepShape[d] = mask[d] ? 1 : full[d];
                if (mask[d]) {
                    n *= full[d];
                }
            }
            innerSize = n;
        }

        int[] outerStrides() {
            return Arrays.copyOfRange(view.strides(), 0, outerShape.length);
        }

        int[] innerStrides() {
            return Arrays.copyOfRange(view.strides(), outerShape.length, view.ndim());
        }
    }

    /** Calls {@code body} once per output element with the input base offset and the output position. */
    interface PerOutput {
        void accept(int inputBase, int outIndex);
    }

    static void forEachOutput(Plan p, PerOutput body) {
        int[] outSt = rowMajor(p.outerShape);
        StridedLoop.run2(p.outerShape, p.outerStrides(), p.view.offset(), outSt, 0, (i0, s0, i1, s1, n) -> {
            for (int i = 0; i < n; i++, i0 += s0, i1 += s1) {
                body.accept(i0, i1);
            }
        });
    }

    /** Gathers the inner slice starting at {@code base} into {@code scratch} (or returns its offset if contiguous). */
    static final class Gather {
        final int[] innerShape;
        final int[] innerStrides;
        final boolean contiguous;

        Gather(Plan p) {
            innerShape = p.innerShape;
            innerStrides = p.innerStrides();
            int expected = 1;
            boolean c = true;
            for (int d = innerShape.length - 1; d >= 0; d--) {
                if (innerShape[d] != 1 && innerStrides[d] != expected) {
                    c = false;
                }
                expected *= innerShape[d];
            }
            contiguous = c;
        }

        void doubles(double[] src, int base, double[] dst) {
            int[] pos = {0};
            StridedLoop.run1(innerShape, innerStrides, base, (o, s, n) -> {
                int k = pos[0];
                for (int i = 0; i < n; i++, o += s) {
                    dst[k++] = src[o];
                }
                pos[0] = k;
            });
        }

        void longs(long[] src, int base, long[] dst) {
            int[] pos = {0};
            StridedLoop.run1(innerShape, innerStrides, base, (o, s, n) -> {
                int k = pos[0];
                for (int i = 0; i < n; i++, o += s) {
                    dst[k++] = src[o];
                }
                pos[0] = k;
            });
        }
    }

    static DType outType(Op op, DType in) {
        switch (op) {
            case SUM: case PROD: case NAN_SUM: case NAN_PROD:
                return in.isFloating() ? in : DType.INT64;
            case MEAN: case NAN_MEAN: case NORM_L1: case NORM_L2: case NORM_LINF:
                return in.toFloating();
            case MIN: case MAX: case NAN_MIN: case NAN_MAX:
                return in;
            case ALL: case ANY:
                return DType.BOOL;
            case COUNT_NONZERO:
                return DType.INT64;
            default:
                throw new AssertionError(op);
        }
    }

    // ------------------------------------------------------------------ generic reductions

    public static NdArray reduce(Op op, NdArray a, int[] axes, boolean keepDims) {
        boolean[] mask = axisMask(op.opName, a.shape(), axes);
        Plan p = new Plan(a, mask);
        DType outT = outType(op, a.dtype());
        if (p.innerSize == 0 && (op == Op.MIN || op == Op.MAX || op == Op.NAN_MIN || op == Op.NAN_MAX)) {
            throw new IllegalArgumentException(op.opName + ": zero-size reduction over an array of shape "
                    + ShapeMismatchException.shapeString(a.shape()) + " has no identity");
        }
        NdArray out = NdArray.wrap(Buffers.allocate(outT, sizeOf(p.outerShape)), p.outerShape);
        Object ob = out.buffer();
        if (leadingRows(op, a, mask, p)) {
            NdArray v = a.dtype() == DType.FLOAT64 ? a : a.astype(DType.FLOAT64);
            int rows = p.innerSize;
            int n = out.size();
            double[] acc = new double[n];
            reduceRows(op, (double[]) v.buffer(), v.offset(), rows, n, acc);
            for (int j = 0; j < n; j++) {
                Buffers.setDouble(ob, outT, j, op == Op.MEAN ? acc[j] / rows : acc[j]);
            }
            return keepDims ? out.reshape(p.keepShape) : out;
        }
        if (a.dtype() == DType.FLOAT64 && a.isContiguous() && trailingAxes(mask) && p.innerSize > 0) {
            // Rows of a C-order array reduced on their own: split the rows across the pool.
            // Each output is computed alone by the same code, so the split changes no bits.
            double[] src = (double[]) a.buffer();
            int base = a.offset();
            int inner = p.innerSize;
            int minRows = (int) Math.max(1, Parallel.SUM_THRESHOLD / inner);
            Parallel.forChunks(out.size(), minRows, (lo, hi) -> {
                for (int oi = lo; oi < hi; oi++) {
                    Buffers.setDouble(ob, outT, oi, reduceDouble(op, src, base + oi * inner, inner));
                }
            });
            return keepDims ? out.reshape(p.keepShape) : out;
        }
        boolean longDomain = !a.dtype().isFloating() && op != Op.MEAN && op != Op.NAN_MEAN
                && op != Op.NORM_L1 && op != Op.NORM_L2 && op != Op.NORM_LINF;
        if (longDomain) {
            NdArray v = a.dtype() == DType.INT64 ? p.view : p.view.astype(DType.INT64);
            Plan q = v == p.view ? p : new Plan(v, trailingMask(v.ndim(), p.innerShape.length));
            long[] src = (long[]) v.buffer();
            Gather g = new Gather(q);
            long[] scratch = g.contiguous ? null : new long[q.innerSize];
            forEachOutput(q, (base, oi) -> {
                long[] x = src;
                int off = base;
                if (scratch != null) {
                    g.longs(src, base, scratch);
                    x = scratch;
                    off = 0;
                }
                Buffers.setLong(ob, outT, oi, reduceLong(op, x, off, q.innerSize));
            });
        } else {
            NdArray v = a.dtype() == DType.FLOAT64 ? p.view : p.view.astype(DType.FLOAT64);
            Plan q = v == p.view ? p : new Plan(v, trailingMask(v.ndim(), p.innerShape.length));
            double[] src = (double[]) v.buffer();
            Gather g = new Gather(q);
            double[] scratch = g.contiguous ? null : new double[q.innerSize];
            forEachOutput(q, (base, oi) -> {
                double[] x = src;
                int off = base;
                if (scratch != null) {
                    g.doubles(src, base, scratch);
                    x = scratch;
                    off = 0;
                }
                Buffers.setDouble(ob, outT, oi, reduceDouble(op, x, off, q.innerSize));
            });
        }
        return keepDims ? out.reshape(p.keepShape) : out;
    }

    /** True when the reduced axes are the last ones (and at least one axis is kept). */
    private static boolean trailingAxes(boolean[] mask) {
        int d = mask.length;
        while (d > 0 && mask[d - 1]) {
            d--;
        }
        if (d == 0 || d == mask.length) {
            return false;
        }
        for (int i = 0; i < d; i++) {
            if (mask[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * True when a float sum, mean, min or max reduces the leading axes of a contiguous array
     * (axis 0 of a C-order matrix): then whole rows are combined with contiguous vector
     * operations instead of walking columns with a stride.
     */
    private static boolean leadingRows(Op op, NdArray a, boolean[] mask, Plan p) {
        if (op != Op.SUM && op != Op.MEAN && op != Op.MIN && op != Op.MAX) {
            return false;
        }
        if (!a.dtype().isFloating() || !a.isContiguous() || p.innerSize == 0 || p.outerShape.length == 0
                || sizeOf(p.outerShape) == 0 || !mask[0]) {
            return false;
        }
        int d = 0;
        while (d < mask.length && mask[d]) {
            d++;
        }
        for (; d < mask.length; d++) {
            if (mask[d]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reduces {@code rows} contiguous rows of length {@code n} (row stride n) into {@code dst}.
     * Sums follow exactly the tree of {@link Pairwise#sum} for every column (the same halving at
     * multiples of 16, the same sixteen-accumulator blocks, see
     * {@link KernelProvider#sumColumnsBlock}), so the result is bit-identical to summing each
     * column on its own, whatever the layout or thread count; the columns are split across the
     * pool for large inputs. Min and max scan the rows in order with the per-element scan's NaN
     * and tie rules.
     */
    static void reduceRows(Op op, double[] x, int off, int rows, int n, double[] dst) {
        if (op == Op.MIN || op == Op.MAX) {
            System.arraycopy(x, off, dst, 0, n);
            boolean max = op == Op.MAX;
            for (int r = 1; r < rows; r++) {
                int base = off + r * n;
                for (int j = 0; j < n; j++) {
                    double v = x[base + j];
                    double c = dst[j];
                    if (v != v || (max ? v > c : v < c)) {
                        dst[j] = c != c ? c : v;
                    }
                }
            }
            return;
        }
        KernelProvider kp = KernelSelector.get();
        int depth = 1;
        for (int r = rows; r > Pairwise.BLOCK; r = r / 2 + 16) {
            depth++;
        }
        int levels = depth;
        // As many columns per task as make a parallel pairwise sum worth its hand-off.
        int minColumns = (int) Math.max(1, Parallel.SUM_THRESHOLD / Math.max(1, rows));
        Parallel.forChunks(n, minColumns,
                (lo, hi) -> sumRows(kp, x, off + lo, n, rows, hi - lo, dst, lo, new double[levels + 1][], 0));
    }

    /** The recursion of {@link Pairwise#sum} over rows, on a strip of {@code w} columns. */
    private static void sumRows(KernelProvider kp, double[] x, int off, int stride, int rows, int w, double[] dst,
            int dOff, double[][] levels, int level) {
        if (rows <= Pairwise.BLOCK) {
            kp.sumColumnsBlock(x, off, stride, rows, w, dst, dOff);
            return;
        }
        int half = (rows / 2) & ~15;
        sumRows(kp, x, off, stride, half, w, dst, dOff, levels, level + 1);
        if (levels[level] == null) {
            levels[level] = new double[w];
        }
        double[] tmp = levels[level];
        sumRows(kp, x, off + half * stride, stride, rows - half, w, tmp, 0, levels, level + 1);
        kp.binary(KernelProvider.Op2.ADD, dst, dOff, tmp, 0, dst, dOff, w);
    }

    /** A mask selecting the last {@code k} of {@code nd} axes (for a view already ordered kept-then-reduced). */
    static boolean[] trailingMask(int nd, int k) {
        boolean[] m = new boolean[nd];
        for (int d = nd - k; d < nd; d++) {
            m[d] = true;
        }
        return m;
    }

    static int[] rowMajor(int[] shape) {
        int[] st = new int[shape.length];
        int s = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            st[d] = s;
            s *= Math.max(shape[d], 1);
        }
        return st;
    }

    static int sizeOf(int[] shape) {
        long n = 1;
        for (int s : shape) {
            n *= s;
            if (n > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("reduction: the result shape " + ShapeMismatchException.shapeString(shape)
                        + " has more than 2^31 - 9 elements, the limit of one Java array");
            }
        }
        return (int) n;
    }

    static double reduceDouble(Op op, double[] x, int off, int n) {
        switch (op) {
            case SUM:
                return pairwiseSum(x, off, n);
            case MEAN:
                return n == 0 ? Double.NaN : pairwiseSum(x, off, n) / n;
            case PROD: {
                double r = 1;
                for (int i = 0; i < n; i++) {
                    r *= x[off + i];
                }
                return r;
            }
            case MIN:
                return Pairwise.extremum(x, off, n, false);
            case MAX:
                return Pairwise.extremum(x, off, n, true);
            case ALL:
                for (int i = 0; i < n; i++) {
                    if (x[off + i] == 0) {
                        return 0;
                    }
                }
                return 1;
            case ANY:
                for (int i = 0; i < n; i++) {
                    if (x[off + i] != 0) {
                        return 1;
                    }
                }
                return 0;
            case COUNT_NONZERO: {
                int c = 0;
                for (int i = 0; i < n; i++) {
                    if (x[off + i] != 0) {
                        c++;
                    }
                }
                return c;
            }
            case NORM_L1: {
                double[] t = new double[n];
                for (int i = 0; i < n; i++) {
                    t[i] = Math.abs(x[off + i]);
                }
                return pairwiseSum(t, 0, n);
            }
            case NORM_LINF: {
                double r = 0;
                for (int i = 0; i < n; i++) {
                    double v = Math.abs(x[off + i]);
                    if (v != v) {
                        return v;
                    }
                    r = Math.max(r, v);
                }
                return r;
            }
            case NORM_L2: {
                double scale = 0;
                for (int i = 0; i < n; i++) {
                    double v = Math.abs(x[off + i]);
                    if (v != v) {
                        return v;
                    }
                    scale = Math.max(scale, v);
                }
                if (scale == 0 || Double.isInfinite(scale)) {
                    return scale;
                }
                double[] t = new double[n];
                for (int i = 0; i < n; i++) {
                    double v = x[off + i] / scale;
                    t[i] = v * v;
                }
                return Math.sqrt(pairwiseSum(t, 0, n)) * scale;
            }
            case NAN_SUM:
            case NAN_MEAN: {
                double[] t = new double[n];
                int c = 0;
                for (int i = 0; i < n; i++) {
                    double v = x[off + i];
                    if (v == v) {
                        t[c++] = v;
                    }
                }
                double s = pairwiseSum(t, 0, c);
                return op == Op.NAN_SUM ? s : (c == 0 ? Double.NaN : s / c);
            }
            case NAN_PROD: {
                double r = 1;
                for (int i = 0; i < n; i++) {
                    double v = x[off + i];
                    if (v == v) {
                        r *= v;
                    }
                }
                return r;
            }
            case NAN_MIN:
            case NAN_MAX: {
                double r = Double.NaN;
                for (int i = 0; i < n; i++) {
                    double v = x[off + i];
                    if (v != v) {
                        continue;
                    }
                    if (r != r || (op == Op.NAN_MIN ? v < r : v > r)) {
                        r = v;
                    }
                }
                return r;
            }
            default:
                throw new AssertionError(op);
        }
    }

    static long reduceLong(Op op, long[] x, int off, int n) {
        switch (op) {
            case SUM:
            case NAN_SUM: {
                long s = 0;
                for (int i = 0; i < n; i++) {
                    s += x[off + i];
                }
                return s;
            }
            case PROD:
            case NAN_PROD: {
                long r = 1;
                for (int i = 0; i < n; i++) {
                    r *= x[off + i];
                }
                return r;
            }
            case MIN:
            case NAN_MIN: {
                long r = Long.MAX_VALUE;
                for (int i = 0; i < n; i++) {
                    r = Math.min(r, x[off + i]);
                }
                return r;
            }
            case MAX:
            case NAN_MAX: {
                long r = Long.MIN_VALUE;
                for (int i = 0; i < n; i++) {
                    r = Math.max(r, x[off + i]);
                }
                return r;
            }
            case ALL:
                for (int i = 0; i < n; i++) {
                    if (x[off + i] == 0) {
                        return 0;
                    }
                }
                return 1;
            case ANY:
                for (int i = 0; i < n; i++) {
                    if (x[off + i] != 0) {
                        return 1;
                    }
                }
                return 0;
            case COUNT_NONZERO: {
                long c = 0;
                for (int i = 0; i < n; i++) {
                    if (x[off + i] != 0) {
                        c++;
                    }
                }
                return c;
            }
            default:
                throw new AssertionError(op);
        }
    }

    // ------------------------------------------------------------------ variance

    public static NdArray variance(NdArray a, int[] axes, int ddof, boolean keepDims, boolean sqrt, boolean nan) {
        String name = (nan ? "nan" : "") + (sqrt ? "Std" : "Var");
        name = nan ? name : name.toLowerCase(java.util.Locale.ROOT);
        if (ddof < 0) {
            throw new IllegalArgumentException(name + ": ddof must be >= 0, got " + ddof);
        }
        boolean[] mask = axisMask(name, a.shape(), axes);
        DType outT = a.dtype().toFloating();
        NdArray v0 = a.dtype() == DType.FLOAT64 ? a : a.astype(DType.FLOAT64);
        Plan p = new Plan(v0, mask);
        NdArray out = NdArray.wrap(Buffers.allocate(outT, sizeOf(p.outerShape)), p.outerShape);
        Object ob = out.buffer();
        double[] src = (double[]) p.view.buffer();
        Gather g = new Gather(p);
        double[] scratch = new double[p.innerSize];
        double[] dev = new double[p.innerSize];
        forEachOutput(p, (base, oi) -> {
            double[] x = src;
            int off = base;
            int n = p.innerSize;
            if (nan || !g.contiguous) {
                g.doubles(src, base, scratch);
                x = scratch;
                off = 0;
                if (nan) {
                    int c = 0;
                    for (int i = 0; i < n; i++) {
                        if (scratch[i] == scratch[i]) {
                            scratch[c++] = scratch[i];
                        }
                    }
                    n = c;
                }
            }
            double r;
            if (n - ddof <= 0) {
                r = Double.NaN;
            } else {
                double mean = pairwiseSum(x, off, n) / n;
                for (int i = 0; i < n; i++) {
                    double d = x[off + i] - mean;
                    dev[i] = d * d;
                }
                r = pairwiseSum(dev, 0, n) / (n - ddof);
            }
            Buffers.setDouble(ob, outT, oi, sqrt ? Math.sqrt(r) : r);
        });
        return keepDims ? out.reshape(p.keepShape) : out;
    }

    // ------------------------------------------------------------------ argmin / argmax

    public static NdArray arg(NdArray a, Integer axis, boolean keepDims, boolean isMin, boolean nan) {
        String name = (nan ? "nanArg" : "arg") + (isMin ? "min" : "max");
        NdArray src = a;
        boolean[] mask;
        if (axis == null) {
            src = a.ravel();
            mask = new boolean[] {true};
        } else {
            mask = axisMask(name, a.shape(), new int[] {axis});
        }
        Plan p = new Plan(src, mask);
        int n = p.innerSize;
        if (n == 0) {
            throw new IllegalArgumentException(name + ": attempt to get " + name + " of an empty sequence (shape "
                    + ShapeMismatchException.shapeString(a.shape()) + ")");
        }
        long[] ob = new long[sizeOf(p.outerShape)];
        NdArray out = NdArray.wrap(ob, p.outerShape);
        Gather g = new Gather(p);
        if (a.dtype().isFloating()) {
            NdArray v = a.dtype() == DType.FLOAT64 ? p.view : p.view.astype(DType.FLOAT64);
            Plan q = v == p.view ? p : new Plan(v, trailingMask(v.ndim(), 1));
            Gather gq = v == p.view ? g : new Gather(q);
            double[] buf = (double[]) v.buffer();
            double[] scratch = gq.contiguous ? null : new double[n];
            forEachOutput(q, (base, oi) -> {
                double[] xs = buf;
                int off = base;
                if (scratch != null) {
                    gq.doubles(buf, base, scratch);
                    xs = scratch;
                    off = 0;
                }
                int best = nan ? argNan(xs, off, n, isMin) : argFirst(xs, off, n, isMin);
                if (best < 0) {
                    throw new IllegalArgumentException(name + ": All-NaN slice encountered");
                }
                ob[oi] = best;
            });
        } else {
            NdArray v = a.dtype() == DType.INT64 ? p.view : p.view.astype(DType.INT64);
            Plan q = v == p.view ? p : new Plan(v, trailingMask(v.ndim(), 1));
            Gather gq = v == p.view ? g : new Gather(q);
            long[] buf = (long[]) v.buffer();
            long[] scratch = new long[n];
            forEachOutput(q, (base, oi) -> {
                gq.longs(buf, base, scratch);
                int best = 0;
                long bv = scratch[0];
                for (int i = 1; i < n; i++) {
                    long x = scratch[i];
                    if (isMin ? x < bv : x > bv) {
                        best = i;
                        bv = x;
                    }
                }
                ob[oi] = best;
            });
        }
        if (keepDims) {
            if (axis == null) {
                int[] ones = new int[a.ndim()];
                Arrays.fill(ones, 1);
                return out.reshape(ones);
            }
            return out.reshape(p.keepShape);
        }
        return out;
    }

    /**
     * The first index of the extreme value of x[off, off + n), or of the first NaN if any: one
     * pass of the provider's kernel (value and index per lane).
     */
    static int argFirst(double[] x, int off, int n, boolean isMin) {
        return KernelSelector.get().argExtremum(x, off, n, !isMin);
    }

    /** nanArgmin/nanArgmax: the first extreme index ignoring NaN, -1 when all are NaN. */
    static int argNan(double[] x, int off, int n, boolean isMin) {
        int best = -1;
        double bv = 0;
        for (int i = 0; i < n; i++) {
            double v = x[off + i];
            if (v != v) {
                continue;
            }
            if (best < 0 || (isMin ? v < bv : v > bv)) {
                best = i;
                bv = v;
            }
        }
        return best;
    }

    // ------------------------------------------------------------------ cumulative

    public static NdArray cumulative(NdArray a, Integer axis, boolean prod) {
        String name = prod ? "cumprod" : "cumsum";
        NdArray src = axis == null ? a.ravel() : a;
        int ax = axis == null ? 0 : axisMaskIndex(name, a.shape(), axis);
        DType outT = a.dtype().isFloating() ? a.dtype() : DType.INT64;
        NdArray out = NdArray.wrap(Buffers.allocate(outT, src.size()), src.shape());
        NdArray srcT = src.moveAxis(ax, -1);
        NdArray outT2 = out.moveAxis(ax, -1);
        int n = srcT.ndim() == 0 ? 1 : srcT.shape(-1);
        int[] outer = Arrays.copyOf(srcT.shape(), srcT.ndim() - 1);
        int sOut = outT2.strides()[outT2.ndim() - 1];
        int[] outOuterSt = Arrays.copyOf(outT2.strides(), outT2.ndim() - 1);
        if (n == 0) {
            return out;
        }
        if (outT.isFloating()) {
            NdArray v = srcT.dtype() == DType.FLOAT64 ? srcT : srcT.astype(DType.FLOAT64);
            double[] buf = (double[]) v.buffer();
            int[] vOuterSt = Arrays.copyOf(v.strides(), v.ndim() - 1);
            int vs = v.strides()[v.ndim() - 1];
            Object ob = out.buffer();
            StridedLoop.run2(outer, vOuterSt, v.offset(), outOuterSt, outT2.offset(), (i0, s0, i1, s1, m) -> {
                for (int k = 0; k < m; k++, i0 += s0, i1 += s1) {
                    double acc = prod ? 1 : 0;
                    for (int i = 0; i < n; i++) {
                        double x = buf[i0 + i * vs];
                        acc = prod ? acc * x : acc + x;
                        Buffers.setDouble(ob, outT, i1 + i * sOut, acc);
                    }
                }
            });
        } else {
            NdArray v = srcT.astype(DType.INT64);
            long[] buf = (long[]) v.buffer();
            int[] vOuterSt = Arrays.copyOf(v.strides(), v.ndim() - 1);
            int vs = v.strides()[v.ndim() - 1];
            long[] ob = (long[]) out.buffer();
            StridedLoop.run2(outer, vOuterSt, v.offset(), outOuterSt, outT2.offset(), (i0, s0, i1, s1, m) -> {
                for (int k = 0; k < m; k++, i0 += s0, i1 += s1) {
                    long acc = prod ? 1 : 0;
                    for (int i = 0; i < n; i++) {
                        long x = buf[i0 + i * vs];
                        acc = prod ? acc * x : acc + x;
                        ob[i1 + i * sOut] = acc;
                    }
                }
            });
        }
        return out;
    }

    static int axisMaskIndex(String op, int[] shape, int axis) {
        boolean[] m = axisMask(op, shape, new int[] {axis});
        for (int d = 0; d < m.length; d++) {
            if (m[d]) {
                return d;
            }
        }
        throw new AssertionError();
    }
}
