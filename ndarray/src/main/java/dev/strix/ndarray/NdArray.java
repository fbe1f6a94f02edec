package dev.strix.ndarray;

import dev.strix.ndarray.internal.Buffers;
import dev.strix.ndarray.internal.Cast;
import dev.strix.ndarray.internal.Elementwise.Binary;
import dev.strix.ndarray.internal.Elementwise.Compare;
import dev.strix.ndarray.internal.Elementwise.Unary;
import dev.strix.ndarray.internal.Elementwise;
import dev.strix.ndarray.internal.Format;
import dev.strix.ndarray.internal.MatMul;
import dev.strix.ndarray.internal.Reductions;
import dev.strix.ndarray.internal.Sorting;
import dev.strix.ndarray.io.Npy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoublePredicate;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongUnaryOperator;

/**
 * A dense n-dimensional array with NumPy semantics: a {@link DType}, a shape, and strides and an
 * offset (in elements) over a flat primitive buffer ({@code double[]}, {@code float[]},
 * {@code long[]}, {@code int[]} or {@code boolean[]}), row-major by default.
 *
 * <p><b>Views.</b> Slicing ({@link #get(String)}), {@link #transpose()}, {@link #reshape} (when the
 * layout allows), {@link #broadcastTo}, {@link #diagonal()}, {@link #flip}, {@link #squeeze()} and
 * {@link #expandDims} return O(1) views that share the buffer: writing through a view writes the
 * original. {@link #copy()} materialises. Integer-array and mask indexing return copies, as NumPy.
 *
 * <p><b>Operations</b> are pure and return new arrays unless named {@code ...InPlace}. Binary
 * operations broadcast by NumPy's rules (a failure names both shapes) and promote types as
 * {@link DType#promote} says; a Java {@code double} operand keeps a float array's type and turns
 * an integer array into float64, a {@code long} operand keeps an integer array's type (NumPy's
 * rules for Python scalars).
 *
 * <p><b>Reductions</b> take axes: {@code a.sum()} reduces everything to a 0-d array
 * ({@link #item()} reads it), {@code a.sum(0)} one axis, {@code a.sum(new int[]{0, 1}, true)} keeps
 * the reduced dimensions with length 1.
 *
 * <p><b>Equality.</b> {@link #equals} is value equality: same dtype, same shape, same elements in
 * row-major order, regardless of strides; NaN equals NaN and {@code -0.0} equals {@code 0.0}.
 * {@link #hashCode} agrees with it. Arrays are mutable, so do not mutate one used as a map key.
 */
public final class NdArray {
    private final DType dtype;
    private final Object data;
    private final int[] shape;
    private final int[] strides;
    private final int offset;
    private final int size;

    private NdArray(DType dtype, Object data, int[] shape, int[] strides, int offset, int size) {
        this.dtype = dtype;
        this.data = data;
        this.shape = shape;
        this.strides = strides;
        this.offset = offset;
        this.size = size;
    }

    // ------------------------------------------------------------------ construction

    /**
     * Wraps a primitive buffer without copying. The buffer type gives the dtype
     * ({@code double[]} float64, {@code float[]} float32, {@code long[]} int64, {@code int[]} int32,
     * {@code boolean[]} bool); the shape's product must equal the buffer length.
     */
    public static NdArray wrap(Object buffer, int... shape) {
        DType t = Buffers.dtypeOf(buffer);
        int[] sh = shape.clone();
        long n = checkedSize("wrap", sh);
        int len = Buffers.length(buffer);
        if (n != len) {
            throw new ShapeMismatchException("wrap: shape " + ShapeMismatchException.shapeString(sh) + " needs "
                    + n + " elements but the " + t + " buffer has " + len);
        }
        return new NdArray(t, buffer, sh, rowMajorStrides(sh), 0, (int) n);
    }

    /**
     * Wraps a buffer with explicit strides and offset (in elements). Every reachable element must
     * lie inside the buffer; strides may be zero or negative. For interop with code that shares
     * the buffer (EJML, native peers).
     */
    public static NdArray wrap(Object buffer, int[] shape, int[] strides, int offset) {
        DType t = Buffers.dtypeOf(buffer);
        int[] sh = shape.clone();
        int[] st = strides.clone();
        if (sh.length != st.length) {
            throw new IllegalArgumentException("wrap: shape " + ShapeMismatchException.shapeString(sh) + " and strides "
                    + Arrays.toString(st) + " differ in length");
        }
        long n = checkedSize("wrap", sh);
        if (n > 0) {
            long lo = offset;
            long hi = offset;
            for (int d = 0; d < sh.length; d++) {
                long span = (long) st[d] * (sh[d] - 1);
                if (span < 0) {
                    lo += span;
                } else {
                    hi += span;
                }
            }
            int len = Buffers.length(buffer);
            if (lo < 0 || hi >= len) {
                throw new IndexOutOfBoundsException("wrap: shape " + ShapeMismatchException.shapeString(sh)
                        + " with strides " + Arrays.toString(st) + " and offset " + offset
                        + " reaches elements " + lo + ".." + hi + " of a buffer of length " + len);
            }
        }
        return new NdArray(t, buffer, sh, st, offset, (int) n);
    }

    /** A new contiguous array of the given type, filled with zeros (false). */
    static NdArray allocate(DType t, int[] shape) {
        int n = (int) checkedSize("allocate", shape);
        return new NdArray(t, Buffers.allocate(t, n), shape.clone(), rowMajorStrides(shape), 0, n);
    }

    /** Internal: a view of this array's buffer with another geometry (no checks). */
    NdArray view(int[] newShape, int[] newStrides, int newOffset) {
        int n = 1;
        for (int s : newShape) {
            n *= s;
        }
        return new NdArray(dtype, data, newShape, newStrides, newOffset, n);
    }

    static long checkedSize(String op, int[] shape) {
        long n = 1;
        for (int s : shape) {
            if (s < 0) {
                throw new IllegalArgumentException(op + ": negative dimension in shape "
                        + ShapeMismatchException.shapeString(shape));
            }
        }
        for (int s : shape) {
            if (s == 0) {
                return 0; // empty, however large the other dimensions
            }
        }
        for (int s : shape) {
            n *= s;
            if (n > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException(op + ": shape " + ShapeMismatchException.shapeString(shape)
                        + " has more than 2^31 - 9 elements, the limit of one Java array");
            }
        }
        return n;
    }

    static int[] rowMajorStrides(int[] shape) {
        int[] st = new int[shape.length];
        int s = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            st[d] = s;
            s *= Math.max(shape[d], 1);
        }
        return st;
    }

    // ------------------------------------------------------------------ properties

    public DType dtype() {
        return dtype;
    }

    /** The shape (a copy). */
    public int[] shape() {
        return shape.clone();
    }

    /** The length of one axis; negative axes count from the end. */
    public int shape(int axis) {
        return shape[normalizeAxis(axis, "shape")];
    }

    public int ndim() {
        return shape.length;
    }

    /** The number of elements. */
    public int size() {
        return size;
    }

    /** The strides in elements (not bytes, unlike NumPy), a copy. */
    public int[] strides() {
        return strides.clone();
    }

    /** The position of element {@code [0, 0, ...]} in the buffer. */
    public int offset() {
        return offset;
    }

    /**
     * The backing primitive array, shared with every view of it. For interop only: writing to it
     * changes this array and all its views.
     */
    public Object buffer() {
        return data;
    }

    /** True when the elements are laid out row-major with no gaps (C-contiguous). */
    public boolean isContiguous() {
        if (size == 0) {
            return true; // no element to misplace, as NumPy's C_CONTIGUOUS flag
        }
        int expected = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            if (shape[d] != 1 && strides[d] != expected) {
                return false;
            }
            expected *= shape[d];
        }
        return true;
    }

    int normalizeAxis(int axis, String op) {
        int nd = shape.length;
        int a = axis < 0 ? axis + nd : axis;
        if (a < 0 || a >= nd) {
            throw new IllegalArgumentException(op + ": axis " + axis + " is out of bounds for an array of dimension "
                    + nd + " with shape " + ShapeMismatchException.shapeString(shape));
        }
        return a;
    }

    // ------------------------------------------------------------------ element access

    private int flatOffset(int[] index, String op) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException(op + ": " + index.length + " indices given for an array of dimension "
                    + shape.length + " with shape " + ShapeMismatchException.shapeString(shape));
        }
        int off = offset;
        for (int d = 0; d < index.length; d++) {
            int i = index[d];
            if (i < 0) {
                i += shape[d];
            }
            if (i < 0 || i >= shape[d]) {
                throw new IndexOutOfBoundsException(op + ": index " + index[d] + " is out of bounds for axis " + d
                        + " with size " + shape[d] + " (shape " + ShapeMismatchException.shapeString(shape) + ")");
            }
            off += i * strides[d];
        }
        return off;
    }

    /** The element at {@code index} as a double (negative indices count from the end). */
    public double getDouble(int... index) {
        return Buffers.getDouble(data, dtype, flatOffset(index, "getDouble"));
    }

    /** The element at {@code index} as a long (floats are truncated toward zero). */
    public long getLong(int... index) {
        return Buffers.getLong(data, dtype, flatOffset(index, "getLong"));
    }

    /** The element at {@code index} as a boolean (non-zero is true). */
    public boolean getBoolean(int... index) {
        return Buffers.getBoolean(data, dtype, flatOffset(index, "getBoolean"));
    }

    /** Stores {@code value} at {@code index}, converted to this array's type. */
    public NdArray setDouble(double value, int... index) {
        Buffers.setDouble(data, dtype, flatOffset(index, "setDouble"), value);
        return this;
    }

    public NdArray setLong(long value, int... index) {
        Buffers.setLong(data, dtype, flatOffset(index, "setLong"), value);
        return this;
    }

    public NdArray setBoolean(boolean value, int... index) {
        Buffers.setBoolean(data, dtype, flatOffset(index, "setBoolean"), value);
        return this;
    }

    /** The only element of a one-element array (e.g. a full reduction) as a double. */
    public double item() {
        return Buffers.getDouble(data, dtype, itemOffset());
    }

    /** The only element of a one-element array as a long. */
    public long itemLong() {
        return Buffers.getLong(data, dtype, itemOffset());
    }

    /** The only element of a one-element array as a boolean. */
    public boolean itemBoolean() {
        return Buffers.getBoolean(data, dtype, itemOffset());
    }

    private int itemOffset() {
        if (size != 1) {
            throw new IllegalArgumentException("item: only an array of one element converts to a scalar; shape is "
                    + ShapeMismatchException.shapeString(shape));
        }
        return offset;
    }

    /** Element at row-major position {@code flat} as a double (works on any layout). */
    public double getFlat(int flat) {
        return Buffers.getDouble(data, dtype, offsetOfFlat(flat));
    }

    int offsetOfFlat(int flat) {
        if (flat < 0 || flat >= size) {
            throw new IndexOutOfBoundsException("flat index " + flat + " is out of bounds for size " + size);
        }
        int off = offset;
        for (int d = shape.length - 1; d >= 0; d--) {
            int i = flat % shape[d];
            flat /= shape[d];
            off += i * strides[d];
        }
        return off;
    }

    // ------------------------------------------------------------------ copies and conversion

    /** A contiguous row-major copy. */
    public NdArray copy() {
        return astype(dtype);
    }

    /**
     * A contiguous copy converted to {@code t}: floats to ints truncate toward zero (NaN gives 0),
     * ints wrap to int32, anything non-zero is true.
     */
    public NdArray astype(DType t) {
        NdArray out = allocate(t, shape);
        Cast.assign(out, this);
        return out;
    }

    /** This array if already contiguous, else a contiguous copy. */
    public NdArray contiguous() {
        return isContiguous() ? this : copy();
    }

    /** The elements in row-major order as a new {@code double[]}. */
    public double[] toDoubleArray() {
        return (double[]) astype(DType.FLOAT64).data;
    }

    public float[] toFloatArray() {
        return (float[]) astype(DType.FLOAT32).data;
    }

    public long[] toLongArray() {
        return (long[]) astype(DType.INT64).data;
    }

    public int[] toIntArray() {
        return (int[]) astype(DType.INT32).data;
    }

    public boolean[] toBooleanArray() {
        return (boolean[]) astype(DType.BOOL).data;
    }

    /** A 2-D array as {@code double[rows][cols]}. */
    public double[][] toDoubleMatrix() {
        requireNdim(2, "toDoubleMatrix");
        double[] flat = toDoubleArray();
        double[][] m = new double[shape[0]][];
        for (int i = 0; i < shape[0]; i++) {
            m[i] = Arrays.copyOfRange(flat, i * shape[1], (i + 1) * shape[1]);
        }
        return m;
    }

    void requireNdim(int n, String op) {
        if (shape.length != n) {
            throw new IllegalArgumentException(op + ": expects a " + n + "-d array, got shape "
                    + ShapeMismatchException.shapeString(shape));
        }
    }

    // ------------------------------------------------------------------ indexing and views

    /**
     * NumPy subscript text: {@code "1:5, ::2, -1"}, {@code "..., 0"}, {@code ":, newaxis"},
     * {@code "[0, 2], :"} (integer list, gives a copy). A basic index gives a view.
     */
    public NdArray get(String index) {
        return Indexing.get(this, IndexParser.parse(index));
    }

    /** The typed form of {@link #get(String)}; see {@link Index}. */
    public NdArray get(Index... index) {
        return Indexing.get(this, index);
    }

    /** {@code a[mask]} for a bool array (a 1-D copy of the selected elements), or {@code a[idx]} for ints. */
    public NdArray get(NdArray indexOrMask) {
        return Indexing.get(this, new Index[] {Index.array(indexOrMask)});
    }

    /** Assigns a scalar through an index: {@code a.set("0, :", 1.0)}. */
    public NdArray set(String index, double value) {
        Indexing.set(this, IndexParser.parse(index), Nd.scalar(value));
        return this;
    }

    /** Assigns an array (broadcast to the indexed shape) through an index. */
    public NdArray set(String index, NdArray value) {
        Indexing.set(this, IndexParser.parse(index), value);
        return this;
    }

    public NdArray set(double value, Index... index) {
        Indexing.set(this, index, Nd.scalar(value));
        return this;
    }

    public NdArray set(NdArray value, Index... index) {
        Indexing.set(this, index, value);
        return this;
    }

    /** {@code a[mask] = value}. */
    public NdArray set(NdArray indexOrMask, double value) {
        Indexing.set(this, new Index[] {Index.array(indexOrMask)}, Nd.scalar(value));
        return this;
    }

    /** {@code a[mask] = values} (values broadcast to the number of selected elements). */
    public NdArray set(NdArray indexOrMask, NdArray values) {
        Indexing.set(this, new Index[] {Index.array(indexOrMask)}, values);
        return this;
    }

    /** Elements at flat (row-major) positions, as NumPy's {@code take} without an axis; shape of {@code indices}. */
    public NdArray take(NdArray indices) {
        return Indexing.get(ravel(), new Index[] {Index.array(indices)}, "take");
    }

    /** Slices at {@code indices} along {@code axis} ({@code np.take(a, indices, axis)}). */
    public NdArray take(NdArray indices, int axis) {
        int ax = normalizeAxis(axis, "take");
        Index[] idx = new Index[ax + 1];
        Arrays.fill(idx, Index.all());
        idx[ax] = Index.array(indices);
        return Indexing.get(this, idx, "take");
    }

    public NdArray take(int[] indices, int axis) {
        return take(Nd.ofInts(indices), axis);
    }

    /** Writes {@code values} (cycled, as NumPy) at flat positions {@code indices}; in place. */
    public NdArray put(NdArray indices, NdArray values) {
        Indexing.put(this, indices, values);
        return this;
    }

    /** Copies {@code value} (broadcast to this shape) into this array; in place. */
    public NdArray assign(NdArray value) {
        Cast.assign(this, value.broadcastTo(shape));
        return this;
    }

    /** Sets every element to {@code value}; in place. */
    public NdArray fill(double value) {
        Cast.assign(this, Nd.scalar(value).broadcastTo(shape));
        return this;
    }

    /** Row-major indices of the non-zero elements, one int64 array per axis ({@code np.nonzero}). */
    public NdArray[] nonzero() {
        return Indexing.nonzero(this);
    }

    /** Reverses (no copy) the order of the axes. */
    public NdArray transpose() {
        int nd = shape.length;
        int[] perm = new int[nd];
        for (int i = 0; i < nd; i++) {
            perm[i] = nd - 1 - i;
        }
        return transpose(perm);
    }

    /** Permutes (no copy) the axes: axis {@code i} of the result is axis {@code axes[i]} of this. */
    public NdArray transpose(int... axes) {
        int nd = shape.length;
        if (axes.length != nd) {
            throw new IllegalArgumentException("transpose: axes " + Arrays.toString(axes)
                    + " do not match an array of shape " + ShapeMismatchException.shapeString(shape));
        }
        boolean[] seen = new boolean[nd];
        int[] sh = new int[nd];
        int[] st = new int[nd];
        for (int i = 0; i < nd; i++) {
            int a = normalizeAxis(axes[i], "transpose");
            if (seen[a]) {
                throw new IllegalArgumentException("transpose: repeated axis in " + Arrays.toString(axes));
            }
            seen[a] = true;
            sh[i] = shape[a];
            st[i] = strides[a];
        }
        return view(sh, st, offset);
    }

    /** Same as {@link #transpose(int...)}. */
    public NdArray permute(int... axes) {
        return transpose(axes);
    }

    /** Swaps two axes (no copy). */
    public NdArray swapAxes(int a, int b) {
        int[] perm = identityPerm();
        int x = normalizeAxis(a, "swapAxes");
        int y = normalizeAxis(b, "swapAxes");
        perm[x] = y;
        perm[y] = x;
        return transpose(perm);
    }

    /** Moves axis {@code source} to position {@code destination} (no copy). */
    public NdArray moveAxis(int source, int destination) {
        int s = normalizeAxis(source, "moveAxis");
        int d = normalizeAxis(destination, "moveAxis");
        int nd = shape.length;
        int[] order = new int[nd];
        int k = 0;
        for (int i = 0; i < nd; i++) {
            if (i != s) {
                order[k++] = i;
            }
        }
        int[] perm = new int[nd];
        for (int i = 0, j = 0; i < nd; i++) {
            perm[i] = i == d ? s : order[j++];
        }
        return transpose(perm);
    }

    private int[] identityPerm() {
        int[] p = new int[shape.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = i;
        }
        return p;
    }

    /**
     * Gives a new shape with the same number of elements; one dimension may be {@code -1}. Returns
     * a view when the layout allows it (always for contiguous arrays), else a copy, as NumPy.
     */
    public NdArray reshape(int... newShape) {
        int[] sh = Shapes.resolveReshape(shape, size, newShape);
        int[] st = Shapes.reshapeStrides(shape, strides, sh);
        if (st != null) {
            return view(sh, st, offset);
        }
        NdArray c = copy();
        return c.view(sh, rowMajorStrides(sh), 0);
    }

    /** A 1-D view when possible, else a 1-D copy ({@code np.ravel}). */
    public NdArray ravel() {
        return reshape(size);
    }

    /** A 1-D copy ({@code ndarray.flatten}). */
    public NdArray flatten() {
        return copy().reshape(size);
    }

    /** Removes every axis of length 1 (no copy). */
    public NdArray squeeze() {
        int n = 0;
        for (int s : shape) {
            if (s != 1) {
                n++;
            }
        }
        int[] sh = new int[n];
        int[] st = new int[n];
        for (int d = 0, k = 0; d < shape.length; d++) {
            if (shape[d] != 1) {
                sh[k] = shape[d];
                st[k++] = strides[d];
            }
        }
        return view(sh, st, offset);
    }

    /** Removes the given axes, which must have length 1 (no copy). */
    public NdArray squeeze(int... axes) {
        boolean[] drop = new boolean[shape.length];
        for (int a : axes) {
            int ax = normalizeAxis(a, "squeeze");
            if (shape[ax] != 1) {
                throw new IllegalArgumentException("squeeze: cannot remove axis " + a + " of length " + shape[ax]
                        + " from shape " + ShapeMismatchException.shapeString(shape));
            }
            drop[ax] = true;
        }
        int n = 0;
        for (boolean b : drop) {
            if (!b) {
                n++;
            }
        }
        int[] sh = new int[n];
        int[] st = new int[n];
        for (int d = 0, k = 0; d < shape.length; d++) {
            if (!drop[d]) {
                sh[k] = shape[d];
                st[k++] = strides[d];
            }
        }
        return view(sh, st, offset);
    }

    /** Inserts an axis of length 1 at {@code axis} (which may be {@code ndim}; negative counts from the end). */
    public NdArray expandDims(int axis) {
        int nd = shape.length + 1;
        int a = axis < 0 ? axis + nd : axis;
        if (a < 0 || a >= nd) {
            throw new IllegalArgumentException("expandDims: axis " + axis + " is out of bounds for the result of dimension "
                    + nd + " (shape " + ShapeMismatchException.shapeString(shape) + ")");
        }
        int[] sh = new int[nd];
        int[] st = new int[nd];
        for (int d = 0, k = 0; d < nd; d++) {
            if (d == a) {
                sh[d] = 1;
                st[d] = 0;
            } else {
                sh[d] = shape[k];
                st[d] = strides[k++];
            }
        }
        return view(sh, st, offset);
    }

    /** A read-mostly view with this array broadcast to {@code target} (stride 0 on repeated axes). */
    public NdArray broadcastTo(int... target) {
        int[] st = Shapes.broadcastStrides("broadcastTo", shape, strides, target);
        return view(target.clone(), st, offset);
    }

    /** The main diagonal of a 2-D array, as a view. */
    public NdArray diagonal() {
        return diagonal(0, 0, 1);
    }

    /** The diagonal {@code k} places above (negative: below) the main one, of axes {@code axis1, axis2}; a view. */
    public NdArray diagonal(int k, int axis1, int axis2) {
        if (shape.length < 2) {
            throw new IllegalArgumentException("diagonal: needs at least 2 dimensions, shape is "
                    + ShapeMismatchException.shapeString(shape));
        }
        int a1 = normalizeAxis(axis1, "diagonal");
        int a2 = normalizeAxis(axis2, "diagonal");
        if (a1 == a2) {
            throw new IllegalArgumentException("diagonal: axis1 and axis2 must differ, both are " + a1);
        }
        int off = offset;
        int n;
        if (k >= 0) {
            n = Math.max(0, Math.min(shape[a1], shape[a2] - k));
            if (n > 0) {
                off += k * strides[a2];
            }
        } else {
            n = Math.max(0, Math.min(shape[a1] + k, shape[a2]));
            if (n > 0) {
                off -= k * strides[a1];
            }
        }
        int nd = shape.length - 1;
        int[] sh = new int[nd];
        int[] st = new int[nd];
        for (int d = 0, j = 0; d < shape.length; d++) {
            if (d != a1 && d != a2) {
                sh[j] = shape[d];
                st[j++] = strides[d];
            }
        }
        sh[nd - 1] = n;
        st[nd - 1] = strides[a1] + strides[a2];
        return view(sh, st, off);
    }

    /** Reverses the order of elements along the given axes, or all axes when none are given; a view. */
    public NdArray flip(int... axes) {
        int[] st = strides.clone();
        int off = offset;
        int[] which = axes.length == 0 ? identityPerm() : axes;
        boolean[] done = new boolean[shape.length];
        for (int a : which) {
            int ax = normalizeAxis(a, "flip");
            if (done[ax]) {
                throw new IllegalArgumentException("flip: repeated axis " + a);
            }
            done[ax] = true;
            if (shape[ax] > 0) {
                off += (shape[ax] - 1) * st[ax];
            }
            st[ax] = -st[ax];
        }
        return view(shape.clone(), st, off);
    }

    /** Rotates by 90 degrees {@code k} times in the plane of the first two axes (counter-clockwise, as NumPy); a view. */
    public NdArray rot90(int k) {
        return rot90(k, 0, 1);
    }

    public NdArray rot90(int k, int axis1, int axis2) {
        if (shape.length < 2) {
            throw new IllegalArgumentException("rot90: needs at least 2 dimensions, shape is "
                    + ShapeMismatchException.shapeString(shape));
        }
        int a1 = normalizeAxis(axis1, "rot90");
        int a2 = normalizeAxis(axis2, "rot90");
        if (a1 == a2) {
            throw new IllegalArgumentException("rot90: axes must differ");
        }
        int kk = Math.floorMod(k, 4);
        if (kk == 0) {
            return view(shape.clone(), strides.clone(), offset);
        }
        if (kk == 2) {
            return flip(a1, a2);
        }
        int[] perm = identityPerm();
        perm[a1] = a2;
        perm[a2] = a1;
        return kk == 1 ? flip(a2).transpose(perm) : transpose(perm).flip(a2);
    }

    // ------------------------------------------------------------------ 2-D conveniences (Owl's Dense.Matrix)

    /** Row {@code i} of a 2-D array, as a 1-D view. */
    public NdArray row(int i) {
        requireNdim(2, "row");
        return get(Index.at(i), Index.all());
    }

    /** Column {@code j} of a 2-D array, as a 1-D view. */
    public NdArray col(int j) {
        requireNdim(2, "col");
        return get(Index.all(), Index.at(j));
    }

    /** The given rows of a 2-D array, as a copy. */
    public NdArray rows(int... indices) {
        requireNdim(2, "rows");
        return take(indices, 0);
    }

    /** The given columns of a 2-D array, as a copy. */
    public NdArray cols(int... indices) {
        requireNdim(2, "cols");
        return take(indices, 1);
    }

    /** Row {@code i} as a (1, n) view. */
    public NdArray rowVector(int i) {
        return row(i).expandDims(0);
    }

    /** Column {@code j} as an (m, 1) view. */
    public NdArray colVector(int j) {
        return col(j).expandDims(1);
    }

    /** Sum of the main diagonal of a 2-D array. */
    public double trace() {
        requireNdim(2, "trace");
        return diagonal().sum().item();
    }

    /** Upper triangle: elements below the {@code k}-th diagonal zeroed (a copy). */
    public NdArray triu(int k) {
        return Shapes.tri(this, k, true);
    }

    /** Lower triangle: elements above the {@code k}-th diagonal zeroed (a copy). */
    public NdArray tril(int k) {
        return Shapes.tri(this, k, false);
    }

    public NdArray triu() {
        return triu(0);
    }

    public NdArray tril() {
        return tril(0);
    }

    /** For a 1-D array, the square matrix with it on the diagonal; for a 2-D array, a copy of its diagonal. */
    public NdArray diag() {
        return diag(0);
    }

    public NdArray diag(int k) {
        if (shape.length == 1) {
            int n = shape[0] + Math.abs(k);
            NdArray m = allocate(dtype, new int[] {n, n});
            m.diagonal(k, 0, 1).assign(this);
            return m;
        }
        if (shape.length == 2) {
            return diagonal(k, 0, 1).copy();
        }
        throw new IllegalArgumentException("diag: expects a 1-d or 2-d array, got shape "
                + ShapeMismatchException.shapeString(shape));
    }

    /**
     * NumPy's {@code dot}: inner product of 1-D arrays, matrix product of 2-D arrays, matrix-vector
     * for (2-D, 1-D); for higher dimensions use {@link #matmul}.
     */
    public NdArray dot(NdArray other) {
        return MatMul.dot(this, other);
    }

    /**
     * NumPy's {@code matmul} ({@code @}): matrix product over the last two axes, batch axes broadcast;
     * a 1-D operand is promoted to a matrix and the added axis removed afterwards.
     */
    public NdArray matmul(NdArray other) {
        return MatMul.matmul(this, other);
    }

    /** Outer product of the flattened arrays: shape (this.size, other.size). */
    public NdArray outer(NdArray other) {
        return ravel().expandDims(1).mul(other.ravel().expandDims(0));
    }

    // ------------------------------------------------------------------ element-wise: arithmetic

    public NdArray add(NdArray o) { return Elementwise.binary(Binary.ADD, this, o); }
    public NdArray add(double s) { return Elementwise.binary(Binary.ADD, this, s); }
    public NdArray add(long s) { return Elementwise.binary(Binary.ADD, this, s); }
    public NdArray sub(NdArray o) { return Elementwise.binary(Binary.SUB, this, o); }
    public NdArray sub(double s) { return Elementwise.binary(Binary.SUB, this, s); }
    public NdArray sub(long s) { return Elementwise.binary(Binary.SUB, this, s); }
    public NdArray mul(NdArray o) { return Elementwise.binary(Binary.MUL, this, o); }
    public NdArray mul(double s) { return Elementwise.binary(Binary.MUL, this, s); }
    public NdArray mul(long s) { return Elementwise.binary(Binary.MUL, this, s); }
    /** True division: integer operands give float64. */
    public NdArray div(NdArray o) { return Elementwise.binary(Binary.DIV, this, o); }
    public NdArray div(double s) { return Elementwise.binary(Binary.DIV, this, s); }
    /** Floor division ({@code //}); integer division by zero gives 0, as NumPy. */
    public NdArray floorDiv(NdArray o) { return Elementwise.binary(Binary.FLOOR_DIV, this, o); }
    public NdArray floorDiv(double s) { return Elementwise.binary(Binary.FLOOR_DIV, this, s); }
    public NdArray floorDiv(long s) { return Elementwise.binary(Binary.FLOOR_DIV, this, s); }
    /** Remainder with the sign of the divisor ({@code %}, NumPy's {@code mod}). */
    public NdArray mod(NdArray o) { return Elementwise.binary(Binary.MOD, this, o); }
    public NdArray mod(double s) { return Elementwise.binary(Binary.MOD, this, s); }
    public NdArray mod(long s) { return Elementwise.binary(Binary.MOD, this, s); }
    /** Power; an integer base with a negative integer exponent is an error, as NumPy. */
    public NdArray pow(NdArray o) { return Elementwise.binary(Binary.POW, this, o); }
    /**
     * Element-wise power; for float arrays the exponents 2, 1, -1 and 0.5 take {@link #square()},
     * a copy, {@link #reciprocal()} and {@link #sqrt()} (correctly rounded, where pow is within 1
     * ulp; with pow's -0.0^0.5 = 0.0 and -inf^0.5 = inf).
     */
    public NdArray pow(double s) {
        if (dtype.isFloating()) {
            if (s == 2.0) {
                return square();
            }
            if (s == 0.5) {
                NdArray r = add(0.0); // -0.0 + 0.0 = 0.0
                r.sqrt(r);
                // -inf, if any, is the minimum (or hides behind a NaN): only then the mask pass
                double lo = size() == 0 ? 0 : min().item();
                if (lo == Double.NEGATIVE_INFINITY || lo != lo) {
                    r.set(eq(Double.NEGATIVE_INFINITY), Double.POSITIVE_INFINITY);
                }
                return r;
            }
            if (s == 1.0) {
                return copy();
            }
            if (s == -1.0) {
                return reciprocal();
            }
        }
        return Elementwise.binary(Binary.POW, this, s);
    }
    public NdArray pow(long s) { return Elementwise.binary(Binary.POW, this, s); }
    /** Pairwise minimum; NaN propagates (NumPy's {@code minimum}). */
    public NdArray minimum(NdArray o) { return Elementwise.binary(Binary.MINIMUM, this, o); }
    public NdArray minimum(double s) { return Elementwise.binary(Binary.MINIMUM, this, s); }
    /** Pairwise maximum; NaN propagates (NumPy's {@code maximum}). */
    public NdArray maximum(NdArray o) { return Elementwise.binary(Binary.MAXIMUM, this, o); }
    public NdArray maximum(double s) { return Elementwise.binary(Binary.MAXIMUM, this, s); }
    public NdArray atan2(NdArray o) { return Elementwise.binary(Binary.ATAN2, this, o); }
    public NdArray hypot(NdArray o) { return Elementwise.binary(Binary.HYPOT, this, o); }

    /** Limits every element to {@code [lo, hi]}; NaN stays NaN. */
    public NdArray clip(double lo, double hi) {
        if (lo > hi) {
            throw new IllegalArgumentException("clip: lower bound " + lo + " is above upper bound " + hi);
        }
        // the minimum goes into the maximum's fresh result: one allocation, not two
        NdArray m = maximum(lo).astypeIfNeeded(dtype.isFloating() ? dtype : DType.FLOAT64);
        Elementwise.binaryInto(Binary.MINIMUM, m, Nd.scalar(hi), m);
        return m;
    }

    /** Limits every element to {@code [lo, hi]} keeping integer types (NumPy's clip with int bounds). */
    public NdArray clip(long lo, long hi) {
        if (lo > hi) {
            throw new IllegalArgumentException("clip: lower bound " + lo + " is above upper bound " + hi);
        }
        return Elementwise.binary(Binary.MINIMUM, Elementwise.binary(Binary.MAXIMUM, this, lo), hi);
    }

    private NdArray astypeIfNeeded(DType t) {
        return dtype == t ? this : astype(t);
    }

    // ------------------------------------------------------------------ element-wise: out= variants

    /**
     * {@code out = this + o}, written into {@code out} and returned, so that a loop of operations
     * can reuse buffers. {@code out} must have the broadcast shape of the operands
     * ({@link ShapeMismatchException} otherwise) and exactly the dtype {@link #add(NdArray)} would
     * return ({@link IllegalArgumentException} otherwise); it may be one of the operands.
     */
    public NdArray add(NdArray o, NdArray out) { return Elementwise.binaryOut(Binary.ADD, this, o, out); }
    /** {@code out = this - o}; see {@link #add(NdArray, NdArray)}. */
    public NdArray sub(NdArray o, NdArray out) { return Elementwise.binaryOut(Binary.SUB, this, o, out); }
    /** {@code out = this * o}; see {@link #add(NdArray, NdArray)}. */
    public NdArray mul(NdArray o, NdArray out) { return Elementwise.binaryOut(Binary.MUL, this, o, out); }
    /** {@code out = this / o}; see {@link #add(NdArray, NdArray)} (integer operands give float64). */
    public NdArray div(NdArray o, NdArray out) { return Elementwise.binaryOut(Binary.DIV, this, o, out); }
    /** {@code out = exp(this)}; {@code out} must have this shape and the dtype {@link #exp()} returns. */
    public NdArray exp(NdArray out) { return Elementwise.unaryOut(Unary.EXP, this, out); }
    /** {@code out = log(this)}; see {@link #exp(NdArray)}. */
    public NdArray log(NdArray out) { return Elementwise.unaryOut(Unary.LOG, this, out); }
    /** {@code out = exp(this) - 1}; see {@link #exp(NdArray)}. */
    public NdArray expm1(NdArray out) { return Elementwise.unaryOut(Unary.EXPM1, this, out); }
    /** {@code out = log(1 + this)}; see {@link #exp(NdArray)}. */
    public NdArray log1p(NdArray out) { return Elementwise.unaryOut(Unary.LOG1P, this, out); }
    /** {@code out = tanh(this)}; see {@link #exp(NdArray)}. */
    public NdArray tanh(NdArray out) { return Elementwise.unaryOut(Unary.TANH, this, out); }
    /** {@code out = sqrt(this)}; see {@link #exp(NdArray)}. */
    public NdArray sqrt(NdArray out) { return Elementwise.unaryOut(Unary.SQRT, this, out); }
    /** {@code out = |this|}; see {@link #exp(NdArray)}. */
    public NdArray abs(NdArray out) { return Elementwise.unaryOut(Unary.ABS, this, out); }
    /** {@code out = -this}; see {@link #exp(NdArray)}. */
    public NdArray neg(NdArray out) { return Elementwise.unaryOut(Unary.NEG, this, out); }

    /** {@code this += o} (o broadcast to this shape, result cast to this type); returns this. */
    public NdArray addInPlace(NdArray o) { Elementwise.binaryInto(Binary.ADD, this, o, this); return this; }
    public NdArray addInPlace(double s) { Elementwise.binaryInto(Binary.ADD, this, Nd.scalar(s), this); return this; }
    public NdArray subInPlace(NdArray o) { Elementwise.binaryInto(Binary.SUB, this, o, this); return this; }
    public NdArray subInPlace(double s) { Elementwise.binaryInto(Binary.SUB, this, Nd.scalar(s), this); return this; }
    public NdArray mulInPlace(NdArray o) { Elementwise.binaryInto(Binary.MUL, this, o, this); return this; }
    public NdArray mulInPlace(double s) { Elementwise.binaryInto(Binary.MUL, this, Nd.scalar(s), this); return this; }
    public NdArray divInPlace(NdArray o) { Elementwise.binaryInto(Binary.DIV, this, o, this); return this; }
    public NdArray divInPlace(double s) { Elementwise.binaryInto(Binary.DIV, this, Nd.scalar(s), this); return this; }

    // ------------------------------------------------------------------ element-wise: unary

    public NdArray neg() { return Elementwise.unary(Unary.NEG, this); }
    public NdArray abs() { return Elementwise.unary(Unary.ABS, this); }
    /** -1, 0 or 1 (NaN stays NaN). */
    public NdArray sign() { return Elementwise.unary(Unary.SIGN, this); }
    public NdArray square() { return Elementwise.unary(Unary.SQUARE, this); }
    /** 1/x; integer input gives float64. */
    public NdArray reciprocal() { return Elementwise.unary(Unary.RECIPROCAL, this); }
    public NdArray exp() { return Elementwise.unary(Unary.EXP, this); }
    public NdArray exp2() { return Elementwise.unary(Unary.EXP2, this); }
    public NdArray expm1() { return Elementwise.unary(Unary.EXPM1, this); }
    public NdArray log() { return Elementwise.unary(Unary.LOG, this); }
    public NdArray log1p() { return Elementwise.unary(Unary.LOG1P, this); }
    public NdArray log2() { return Elementwise.unary(Unary.LOG2, this); }
    public NdArray log10() { return Elementwise.unary(Unary.LOG10, this); }
    public NdArray sqrt() { return Elementwise.unary(Unary.SQRT, this); }
    public NdArray cbrt() { return Elementwise.unary(Unary.CBRT, this); }
    public NdArray sin() { return Elementwise.unary(Unary.SIN, this); }
    public NdArray cos() { return Elementwise.unary(Unary.COS, this); }
    public NdArray tan() { return Elementwise.unary(Unary.TAN, this); }
    public NdArray asin() { return Elementwise.unary(Unary.ASIN, this); }
    public NdArray acos() { return Elementwise.unary(Unary.ACOS, this); }
    public NdArray atan() { return Elementwise.unary(Unary.ATAN, this); }
    public NdArray sinh() { return Elementwise.unary(Unary.SINH, this); }
    public NdArray cosh() { return Elementwise.unary(Unary.COSH, this); }
    public NdArray tanh() { return Elementwise.unary(Unary.TANH, this); }
    public NdArray asinh() { return Elementwise.unary(Unary.ASINH, this); }
    public NdArray acosh() { return Elementwise.unary(Unary.ACOSH, this); }
    public NdArray atanh() { return Elementwise.unary(Unary.ATANH, this); }
    /** Integer input is returned unchanged (as a copy) by floor, ceil, round and trunc. */
    public NdArray floor() { return Elementwise.unary(Unary.FLOOR, this); }
    public NdArray ceil() { return Elementwise.unary(Unary.CEIL, this); }
    /** Rounds half to even, as NumPy's {@code round}/{@code rint}. */
    public NdArray round() { return Elementwise.unary(Unary.ROUND, this); }
    /** Rounds to {@code decimals} places (half to even on the scaled value, as NumPy). */
    public NdArray round(int decimals) {
        if (decimals == 0 || (!dtype.isFloating() && (decimals > 0 || !dtype.isInteger()))) {
            return round();
        }
        double f = Math.pow(10, Math.abs(decimals));
        if (dtype.isInteger()) {
            // NumPy rounds integers to tens, hundreds... (half to even) and keeps the integer type.
            return astype(DType.FLOAT64).div(f).round().mul(f).astype(dtype);
        }
        return decimals > 0 ? mul(f).round().div(f) : div(f).round().mul(f);
    }
    public NdArray trunc() { return Elementwise.unary(Unary.TRUNC, this); }
    /** The logistic function 1 / (1 + e^-x), computed without overflow. */
    public NdArray sigmoid() { return Elementwise.unary(Unary.SIGMOID, this); }
    /** max(x, 0); integer types stay integer. */
    public NdArray relu() { return Elementwise.unary(Unary.RELU, this); }
    public NdArray erf() { return Elementwise.unary(Unary.ERF, this); }
    public NdArray erfc() { return Elementwise.unary(Unary.ERFC, this); }

    // ------------------------------------------------------------------ comparisons and logic (bool results)

    public NdArray eq(NdArray o) { return Elementwise.compare(Compare.EQ, this, o); }
    public NdArray eq(double s) { return Elementwise.compare(Compare.EQ, this, Nd.scalar(s)); }
    public NdArray ne(NdArray o) { return Elementwise.compare(Compare.NE, this, o); }
    public NdArray ne(double s) { return Elementwise.compare(Compare.NE, this, Nd.scalar(s)); }
    public NdArray lt(NdArray o) { return Elementwise.compare(Compare.LT, this, o); }
    public NdArray lt(double s) { return Elementwise.compare(Compare.LT, this, Nd.scalar(s)); }
    public NdArray le(NdArray o) { return Elementwise.compare(Compare.LE, this, o); }
    public NdArray le(double s) { return Elementwise.compare(Compare.LE, this, Nd.scalar(s)); }
    public NdArray gt(NdArray o) { return Elementwise.compare(Compare.GT, this, o); }
    public NdArray gt(double s) { return Elementwise.compare(Compare.GT, this, Nd.scalar(s)); }
    public NdArray ge(NdArray o) { return Elementwise.compare(Compare.GE, this, o); }
    public NdArray ge(double s) { return Elementwise.compare(Compare.GE, this, Nd.scalar(s)); }
    /** Element-wise logical and of truth values (non-zero is true). */
    public NdArray and(NdArray o) { return Elementwise.compare(Compare.AND, this, o); }
    public NdArray or(NdArray o) { return Elementwise.compare(Compare.OR, this, o); }
    public NdArray xor(NdArray o) { return Elementwise.compare(Compare.XOR, this, o); }
    public NdArray not() { return Elementwise.unary(Unary.NOT, this); }
    public NdArray isNaN() { return Elementwise.unary(Unary.IS_NAN, this); }
    public NdArray isInf() { return Elementwise.unary(Unary.IS_INF, this); }
    public NdArray isFinite() { return Elementwise.unary(Unary.IS_FINITE, this); }

    /** NumPy's {@code allclose} with rtol 1e-5 and atol 1e-8. */
    public boolean allClose(NdArray other) {
        return allClose(other, 1e-5, 1e-8);
    }

    /**
     * True when shapes broadcast and {@code |this - other| <= atol + rtol * |other|} everywhere;
     * NaNs are equal to NaNs here, infinities must match exactly.
     */
    public boolean allClose(NdArray other, double rtol, double atol) {
        return Elementwise.allClose(this, other, rtol, atol);
    }

    // ------------------------------------------------------------------ reductions

    /** Sum over the given axes (all when none): pairwise summation for floats; ints and bools sum to int64. */
    public NdArray sum(int... axes) { return Reductions.reduce(Reductions.Op.SUM, this, axes, false); }
    public NdArray sum(int axis, boolean keepDims) { return sum(new int[] {axis}, keepDims); }
    public NdArray sum(int[] axes, boolean keepDims) { return Reductions.reduce(Reductions.Op.SUM, this, axes, keepDims); }
    public NdArray prod(int... axes) { return Reductions.reduce(Reductions.Op.PROD, this, axes, false); }
    public NdArray prod(int[] axes, boolean keepDims) { return Reductions.reduce(Reductions.Op.PROD, this, axes, keepDims); }
    /** Arithmetic mean; empty input gives NaN. */
    public NdArray mean(int... axes) { return Reductions.reduce(Reductions.Op.MEAN, this, axes, false); }
    public NdArray mean(int axis, boolean keepDims) { return mean(new int[] {axis}, keepDims); }
    public NdArray mean(int[] axes, boolean keepDims) { return Reductions.reduce(Reductions.Op.MEAN, this, axes, keepDims); }
    /** Population variance (ddof 0), two-pass so a large mean does not cost accuracy. */
    public NdArray var(int... axes) { return Reductions.variance(this, axes, 0, false, false, false); }
    /** Variance with {@code ddof} delta degrees of freedom; {@code axes == null} means all axes. */
    public NdArray var(int[] axes, int ddof, boolean keepDims) { return Reductions.variance(this, axes, ddof, keepDims, false, false); }
    public NdArray std(int... axes) { return Reductions.variance(this, axes, 0, false, true, false); }
    public NdArray std(int[] axes, int ddof, boolean keepDims) { return Reductions.variance(this, axes, ddof, keepDims, true, false); }
    /** Minimum; NaN propagates; an empty reduction is an error. */
    public NdArray min(int... axes) { return Reductions.reduce(Reductions.Op.MIN, this, axes, false); }
    public NdArray min(int[] axes, boolean keepDims) { return Reductions.reduce(Reductions.Op.MIN, this, axes, keepDims); }
    public NdArray max(int... axes) { return Reductions.reduce(Reductions.Op.MAX, this, axes, false); }
    public NdArray max(int[] axes, boolean keepDims) { return Reductions.reduce(Reductions.Op.MAX, this, axes, keepDims); }
    /** Row-major flat index of the first minimum (first NaN if any), as a 0-d int64 array. */
    public NdArray argmin() { return Reductions.arg(this, null, false, true, false); }
    public NdArray argmin(int axis) { return Reductions.arg(this, axis, false, true, false); }
    public NdArray argmin(int axis, boolean keepDims) { return Reductions.arg(this, axis, keepDims, true, false); }
    public NdArray argmax() { return Reductions.arg(this, null, false, false, false); }
    public NdArray argmax(int axis) { return Reductions.arg(this, axis, false, false, false); }
    public NdArray argmax(int axis, boolean keepDims) { return Reductions.arg(this, axis, keepDims, false, false); }
    /** True where every element (of the reduced axes) is non-zero. */
    public NdArray all(int... axes) { return Reductions.reduce(Reductions.Op.ALL, this, axes, false); }
    public NdArray any(int... axes) { return Reductions.reduce(Reductions.Op.ANY, this, axes, false); }
    /** Number of non-zero elements, int64. */
    public NdArray countNonzero(int... axes) { return Reductions.reduce(Reductions.Op.COUNT_NONZERO, this, axes, false); }
    /** Sum of absolute values. */
    public NdArray normL1(int... axes) { return Reductions.reduce(Reductions.Op.NORM_L1, this, axes, false); }
    /** Euclidean (Frobenius) norm, scaled so that it neither overflows nor underflows needlessly. */
    public NdArray normL2(int... axes) { return Reductions.reduce(Reductions.Op.NORM_L2, this, axes, false); }
    /** Largest absolute value. */
    public NdArray normLinf(int... axes) { return Reductions.reduce(Reductions.Op.NORM_LINF, this, axes, false); }
    public NdArray all(int[] axes, boolean keepDims) { return Reductions.reduce(Reductions.Op.ALL, this, axes, keepDims); }
    public NdArray any(int[] axes, boolean keepDims) { return Reductions.reduce(Reductions.Op.ANY, this, axes, keepDims); }
    public NdArray countNonzero(int[] axes, boolean keepDims) { return Reductions.reduce(Reductions.Op.COUNT_NONZERO, this, axes, keepDims); }
    public NdArray normL1(int[] axes, boolean keepDims) { return Reductions.reduce(Reductions.Op.NORM_L1, this, axes, keepDims); }
    public NdArray normL2(int[] axes, boolean keepDims) { return Reductions.reduce(Reductions.Op.NORM_L2, this, axes, keepDims); }
    public NdArray normLinf(int[] axes, boolean keepDims) { return Reductions.reduce(Reductions.Op.NORM_LINF, this, axes, keepDims); }
    /** Cumulative sum over the flattened array. */
    public NdArray cumsum() { return Reductions.cumulative(this, null, false); }
    public NdArray cumsum(int axis) { return Reductions.cumulative(this, axis, false); }
    public NdArray cumprod() { return Reductions.cumulative(this, null, true); }
    public NdArray cumprod(int axis) { return Reductions.cumulative(this, axis, true); }

    /** Sum ignoring NaN (all-NaN gives 0). */
    public NdArray nanSum(int... axes) { return Reductions.reduce(Reductions.Op.NAN_SUM, this, axes, false); }
    public NdArray nanProd(int... axes) { return Reductions.reduce(Reductions.Op.NAN_PROD, this, axes, false); }
    /** Mean ignoring NaN (all-NaN gives NaN). */
    public NdArray nanMean(int... axes) { return Reductions.reduce(Reductions.Op.NAN_MEAN, this, axes, false); }
    public NdArray nanVar(int[] axes, int ddof, boolean keepDims) { return Reductions.variance(this, axes, ddof, keepDims, false, true); }
    public NdArray nanVar(int... axes) { return Reductions.variance(this, axes, 0, false, false, true); }
    public NdArray nanStd(int... axes) { return Reductions.variance(this, axes, 0, false, true, true); }
    public NdArray nanStd(int[] axes, int ddof, boolean keepDims) { return Reductions.variance(this, axes, ddof, keepDims, true, true); }
    /** Minimum ignoring NaN (all-NaN gives NaN). */
    public NdArray nanMin(int... axes) { return Reductions.reduce(Reductions.Op.NAN_MIN, this, axes, false); }
    public NdArray nanMax(int... axes) { return Reductions.reduce(Reductions.Op.NAN_MAX, this, axes, false); }
    public NdArray nanSum(int[] axes, boolean keepDims) { return Reductions.reduce(Reductions.Op.NAN_SUM, this, axes, keepDims); }
    public NdArray nanProd(int[] axes, boolean keepDims) { return Reductions.reduce(Reductions.Op.NAN_PROD, this, axes, keepDims); }
    public NdArray nanMean(int[] axes, boolean keepDims) { return Reductions.reduce(Reductions.Op.NAN_MEAN, this, axes, keepDims); }
    public NdArray nanMin(int[] axes, boolean keepDims) { return Reductions.reduce(Reductions.Op.NAN_MIN, this, axes, keepDims); }
    public NdArray nanMax(int[] axes, boolean keepDims) { return Reductions.reduce(Reductions.Op.NAN_MAX, this, axes, keepDims); }
    /** Index of the minimum ignoring NaN; all-NaN is an error, as NumPy. */
    public NdArray nanArgmin() { return Reductions.arg(this, null, false, true, true); }
    public NdArray nanArgmin(int axis) { return Reductions.arg(this, axis, false, true, true); }
    public NdArray nanArgmax() { return Reductions.arg(this, null, false, false, true); }
    public NdArray nanArgmax(int axis) { return Reductions.arg(this, axis, false, false, true); }

    // ------------------------------------------------------------------ sorting and searching

    /** Sorted copy along the last axis (stable; NaN last). */
    public NdArray sort() { return Sorting.sort(this, -1); }
    public NdArray sort(int axis) { return Sorting.sort(this, axis); }
    /** Indices that sort along the last axis (stable: ties keep input order; NaN last), int64. */
    public NdArray argsort() { return Sorting.argsort(this, -1); }
    public NdArray argsort(int axis) { return Sorting.argsort(this, axis); }
    /** Sorted distinct values of the flattened array with their counts. */
    public Unique unique() { return Sorting.unique(this); }
    /** For a sorted 1-D array: where to insert each of {@code values} to keep order (left side). */
    public NdArray searchSorted(NdArray values) { return Sorting.searchSorted(this, values, false); }
    /** As {@link #searchSorted(NdArray)}; {@code right} picks the position after equal elements. */
    public NdArray searchSorted(NdArray values, boolean right) { return Sorting.searchSorted(this, values, right); }
    /** The {@code k} largest along the last axis, largest first (ties: lower index first). */
    public TopK topK(int k) { return Sorting.topK(this, k, -1, true); }
    public TopK topK(int k, int axis) { return Sorting.topK(this, k, axis, true); }
    /** The {@code k} smallest along the last axis, smallest first. */
    public TopK bottomK(int k) { return Sorting.topK(this, k, -1, false); }
    public TopK bottomK(int k, int axis) { return Sorting.topK(this, k, axis, false); }

    /** Sorted distinct values and how often each occurs. */
    public record Unique(NdArray values, NdArray counts) {
    }

    /** The selected values and their indices along the axis. */
    public record TopK(NdArray values, NdArray indices) {
    }

    // ------------------------------------------------------------------ shape work

    /** Splits into {@code sections} equal parts along {@code axis} (views). */
    public List<NdArray> split(int sections, int axis) { return Shapes.split(this, sections, axis); }
    /** Splits before each of {@code indices} along {@code axis} (views). */
    public List<NdArray> split(int[] indices, int axis) { return Shapes.split(this, indices, axis); }
    /** Repeats the whole array {@code reps} times along each axis ({@code np.tile}). */
    public NdArray tile(int... reps) { return Shapes.tile(this, reps); }
    /** Repeats each element {@code repeats} times along {@code axis}. */
    public NdArray repeat(int repeats, int axis) { return Shapes.repeat(this, new int[] {repeats}, axis); }
    /** Repeats element {@code i} along {@code axis} {@code repeats[i]} times. */
    public NdArray repeat(int[] repeats, int axis) { return Shapes.repeat(this, repeats, axis); }
    /** Repeats each element of the flattened array. */
    public NdArray repeat(int repeats) { return Shapes.repeat(ravel(), new int[] {repeats}, 0); }
    /** Pads every axis by {@code width} on both sides. */
    public NdArray pad(int width, PadMode mode) { return Shapes.pad(this, uniformWidths(width), mode, 0.0); }
    /** Pads axis {@code d} by {@code widths[d][0]} before and {@code widths[d][1]} after. */
    public NdArray pad(int[][] widths, PadMode mode) { return Shapes.pad(this, widths, mode, 0.0); }
    /** Constant padding with {@code value}. */
    public NdArray pad(int[][] widths, double value) { return Shapes.pad(this, widths, PadMode.CONSTANT, value); }
    /** Shifts elements along {@code axis} by {@code shift}, wrapping around. */
    public NdArray roll(int shift, int axis) { return Shapes.roll(this, shift, axis); }
    /** Shifts the flattened array, then restores the shape. */
    public NdArray roll(int shift) { return Shapes.roll(ravel(), shift, 0).reshape(shape); }

    private int[][] uniformWidths(int w) {
        int[][] ws = new int[shape.length][];
        for (int d = 0; d < ws.length; d++) {
            ws[d] = new int[] {w, w};
        }
        return ws;
    }

    /** How {@link #pad} fills the border. */
    public enum PadMode {
        /** A constant value (0 unless given). */
        CONSTANT,
        /** Repeats the edge element. */
        EDGE,
        /** Mirrors without repeating the edge ({@code [1,2,3]} padded by 2 gives {@code [3,2,1,2,3,2,1]}). */
        REFLECT
    }

    // ------------------------------------------------------------------ functional

    /** Applies {@code f} to every element; float32 stays float32, other types give float64. */
    public NdArray map(DoubleUnaryOperator f) {
        return Functional.map(this, f);
    }

    /** Applies {@code f} to every element of an integer or bool array; keeps int types, bool gives int64. */
    public NdArray mapLong(LongUnaryOperator f) {
        return Functional.mapLong(this, f);
    }

    /** Applies {@code f(flatIndex, value)}, the flat index being the row-major position. */
    public NdArray mapIndexed(IndexedDoubleOperator f) {
        return Functional.mapIndexed(this, f);
    }

    /** Folds every element, in row-major order, starting from {@code init}. */
    public double fold(double init, DoubleBinaryOperator f) {
        return Functional.fold(this, init, f);
    }

    /** Folds along {@code axis}; the result drops that axis. */
    public NdArray fold(int axis, double init, DoubleBinaryOperator f) {
        return Functional.fold(this, axis, init, f);
    }

    /** Running fold along {@code axis} (the first element is kept), like cumsum for {@code +}. */
    public NdArray scan(int axis, DoubleBinaryOperator f) {
        return Functional.scan(this, axis, f);
    }

    /** The elements (row-major) for which {@code p} holds, as a 1-D array of this type. */
    public NdArray filter(DoublePredicate p) {
        return Functional.filter(this, p);
    }

    /** Calls {@code f} with each index (a reused array: copy it to keep it) and value, row-major. */
    public void forEachIndexed(IndexConsumer f) {
        Functional.forEachIndexed(this, f);
    }

    /** {@code (flatIndex, value) -> newValue}. */
    @FunctionalInterface
    public interface IndexedDoubleOperator {
        double apply(int flatIndex, double value);
    }

    /** {@code (index, value) -> void}; the index array is reused between calls. */
    @FunctionalInterface
    public interface IndexConsumer {
        void accept(int[] index, double value);
    }

    // ------------------------------------------------------------------ printing and equality

    /**
     * NumPy-style text: aligned columns, the middle elided with {@code ...} past 1000 elements,
     * followed by the dtype and shape.
     */
    @Override
    public String toString() {
        return Format.format(this);
    }

    /** Value equality: same dtype, shape and elements (NaN equals NaN, -0.0 equals 0.0). */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof NdArray)) {
            return false;
        }
        NdArray b = (NdArray) o;
        return dtype == b.dtype && Arrays.equals(shape, b.shape) && Elementwise.sameValues(this, b);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * dtype.hashCode() + Arrays.hashCode(shape)) + Elementwise.valueHash(this);
    }

    // ------------------------------------------------------------------ files

    /**
     * Saves this array as a NumPy {@code .npy} file (atomically; see
     * {@link Npy#write(Path, NdArray)}).
     *
     * @throws IOException if the file cannot be written
     */
    public void save(Path file) throws IOException {
        Npy.write(file, this);
    }
}
