package dev.strix.sparse;

import dev.strix.ndarray.NdArray;
import dev.strix.ndarray.ShapeMismatchException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * A float64 sparse array of any rank (Owl's {@code Sparse.Ndarray}): the stored entries are kept
 * as strictly increasing row-major (C order) linear indices with their values, so that the
 * entries of {@code a[i]} (a leading index) are one contiguous run found by binary search, and
 * reshape does not move anything.
 *
 * <p>Every operation returns a new array except {@link #set}, the one mutating method (an O(nnz)
 * insertion when the position is new, O(log nnz) when it is stored). Explicit zeros may be stored
 * (by {@code set(0, ...)} or {@link #mul(double) mul(0)}); {@link #eliminateZeros()} drops them,
 * {@link #nnz()} counts them. Sparse-sparse operations need equal shapes (no broadcasting
 * between sparse arrays) and drop entries that come out exactly 0. Index arguments may be
 * negative (counting from the end). Wrong shapes throw {@link ShapeMismatchException} naming the
 * operation and both shapes. Not thread-safe while {@link #set} is in use.
 */
public final class SparseNdArray implements Iterable<SparseNdArray.Entry> {
    private final int[] shape;
    private final long[] strides;
    private final long size;
    private long[] keys;
    private double[] values;
    private int nnz;

    /** A stored entry: its index (a fresh array) and value. */
    public record Entry(int[] index, double value) {
        @Override
        public String toString() {
            return Arrays.toString(index) + "=" + value;
        }
    }

    /** Receives the stored entries in index order; {@code index} is reused between calls (copy it to keep it). */
    @FunctionalInterface
    public interface EntryVisitor {
        void accept(int[] index, double value);
    }

    private SparseNdArray(int[] shape, long[] keys, double[] values, int nnz) {
        this.shape = shape;
        this.strides = new long[shape.length];
        long s = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            strides[d] = s;
            s *= shape[d];
        }
        this.size = s;
        this.keys = keys;
        this.values = values;
        this.nnz = nnz;
    }

    // ------------------------------------------------------------------ construction

    /** An array of the given shape with no stored entries (rank 0 is allowed: one element). */
    public static SparseNdArray zeros(int... shape) {
        return new SparseNdArray(checkedShape("zeros", shape), new long[0], new double[0], 0);
    }

    /** The non-zero elements of a dense array of any dtype (converted to float64; NaN is stored). */
    public static SparseNdArray fromDense(NdArray a) {
        int[] sh = a.shape().clone();
        double[] d = a.toDoubleArray();
        int n = 0;
        for (double x : d) {
            if (x != 0) {
                n++;
            }
        }
        long[] k = new long[n];
        double[] v = new double[n];
        int p = 0;
        for (int i = 0; i < d.length; i++) {
            if (d[i] != 0) {
                k[p] = i;
                v[p++] = d[i];
            }
        }
        return new SparseNdArray(sh, k, v, n);
    }

    /**
     * An array from coordinates: {@code index[k]} is the position of {@code values[k]}.
     * Duplicate positions are summed, as {@link CooBuilder} does.
     *
     * @throws IllegalArgumentException if the counts differ, an index has the wrong rank or is
     *     out of range (the entry is named)
     */
    public static SparseNdArray of(int[] shape, int[][] index, double[] values) {
        int[] sh = checkedShape("SparseNdArray.of", shape);
        if (index.length != values.length) {
            throw new IllegalArgumentException("SparseNdArray.of: " + index.length + " indices but " + values.length + " values");
        }
        SparseNdArray z = new SparseNdArray(sh, new long[0], new double[0], 0);
        long[] k = new long[index.length];
        for (int e = 0; e < index.length; e++) {
            k[e] = z.linear("SparseNdArray.of (entry " + e + ")", index[e]);
        }
        return fromKeys(sh, k, values.clone(), index.length);
    }

    /**
     * An array from row-major linear indices (any order, duplicates summed).
     *
     * @throws IllegalArgumentException if the counts differ or an index is outside [0, size)
     */
    public static SparseNdArray ofLinear(int[] shape, long[] linearIndices, double[] values) {
        int[] sh = checkedShape("SparseNdArray.ofLinear", shape);
        if (linearIndices.length != values.length) {
            throw new IllegalArgumentException("SparseNdArray.ofLinear: " + linearIndices.length + " indices but "
                    + values.length + " values");
        }
        long size = new SparseNdArray(sh, new long[0], new double[0], 0).size;
        for (int e = 0; e < linearIndices.length; e++) {
            if (linearIndices[e] < 0 || linearIndices[e] >= size) {
                throw new IllegalArgumentException("SparseNdArray.ofLinear: linear index " + linearIndices[e] + " (entry " + e
                        + ") out of range for shape " + ShapeMismatchException.shapeString(sh) + " of size " + size);
            }
        }
        return fromKeys(sh, linearIndices.clone(), values.clone(), values.length);
    }

    /** The 2-D float64 array of a sparse matrix's stored entries (explicit zeros kept; float32 values widened). */
    public static SparseNdArray fromCsr(CsrMatrix m) {
        long[] k = new long[m.nnz()];
        for (int i = 0; i < m.rows; i++) {
            for (int p = m.indptr[i]; p < m.indptr[i + 1]; p++) {
                k[p] = (long) i * m.cols + m.indices[p];
            }
        }
        return new SparseNdArray(new int[] {m.rows, m.cols}, k, m.data(), k.length);
    }

    /** Sorts (keys, values) by key and sums duplicates; takes ownership of the arrays. */
    private static SparseNdArray fromKeys(int[] shape, long[] k, double[] v, int n) {
        sortByKey(k, v, n);
        int w = 0;
        for (int r = 0; r < n; r++) {
            if (w > 0 && k[w - 1] == k[r]) {
                v[w - 1] += v[r];
            } else {
                k[w] = k[r];
                v[w++] = v[r];
            }
        }
        return new SparseNdArray(shape, k, v, w);
    }

    // ------------------------------------------------------------------ structure

    /** A copy of the shape. */
    public int[] shape() {
        return shape.clone();
    }

    public int ndim() {
        return shape.length;
    }

    /** The number of elements, zeros included (a long: an n-d sparse array may exceed 2^31). */
    public long size() {
        return size;
    }

    /** Stored entries (explicit zeros included). */
    public int nnz() {
        return nnz;
    }

    /** nnz / size; 0 for an empty shape. */
    public double density() {
        return size == 0 ? 0 : nnz / (double) size;
    }

    /** A copy of the stored entries' row-major linear indices, strictly increasing. */
    public long[] linearIndices() {
        return Arrays.copyOf(keys, nnz);
    }

    /** A copy of the stored values, in the order of {@link #linearIndices()}. */
    public double[] values() {
        return Arrays.copyOf(values, nnz);
    }

    /** The element at an index (negative entries count from the end); O(log nnz). */
    public double get(int... index) {
        int p = Arrays.binarySearch(keys, 0, nnz, linear("get", index));
        return p >= 0 ? values[p] : 0.0;
    }

    /**
     * Stores value at an index, in place (the only mutating method); storing 0 at a stored
     * position keeps an explicit zero. Returns this array.
     */
    public SparseNdArray set(double value, int... index) {
        long key = linear("set", index);
        int p = Arrays.binarySearch(keys, 0, nnz, key);
        if (p >= 0) {
            values[p] = value;
            return this;
        }
        if (value == 0) {
            return this;
        }
        p = -p - 1;
        if (nnz == keys.length) {
            int cap = Math.max(8, nnz + (nnz >> 1));
            keys = Arrays.copyOf(keys, cap);
            values = Arrays.copyOf(values, cap);
        }
        System.arraycopy(keys, p, keys, p + 1, nnz - p);
        System.arraycopy(values, p, values, p + 1, nnz - p);
        keys[p] = key;
        values[p] = value;
        nnz++;
        return this;
    }

    /** The dense float64 array (the size must fit one Java array). */
    public NdArray toDense() {
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("toDense: shape " + ShapeMismatchException.shapeString(shape) + " has " + size
                    + " elements, more than one Java array holds");
        }
        double[] d = new double[(int) size];
        for (int p = 0; p < nnz; p++) {
            d[(int) keys[p]] = values[p];
        }
        return NdArray.wrap(d, shape.clone());
    }

    /** The CSR matrix of a 2-D array (explicit zeros kept). */
    public CsrMatrix toCsr() {
        if (shape.length != 2) {
            throw new ShapeMismatchException("toCsr: expected a 2-D array, got shape " + ShapeMismatchException.shapeString(shape));
        }
        int rows = shape[0], cols = shape[1];
        int[] ip = new int[rows + 1];
        int[] ix = new int[nnz];
        for (int p = 0; p < nnz; p++) {
            ip[(int) (keys[p] / cols) + 1]++;
            ix[p] = (int) (keys[p] % cols);
        }
        for (int i = 0; i < rows; i++) {
            ip[i + 1] += ip[i];
        }
        return new CsrMatrix(rows, cols, ip, ix, Arrays.copyOf(values, nnz));
    }

    /** The same array without stored zeros. */
    public SparseNdArray eliminateZeros() {
        long[] k = new long[nnz];
        double[] v = new double[nnz];
        int w = 0;
        for (int p = 0; p < nnz; p++) {
            if (values[p] != 0) {
                k[w] = keys[p];
                v[w++] = values[p];
            }
        }
        return new SparseNdArray(shape.clone(), k, v, w);
    }

    // ------------------------------------------------------------------ iteration

    /** Calls the visitor on every stored entry in index order, without allocating per entry. */
    public void forEachNonzero(EntryVisitor visitor) {
        int[] idx = new int[shape.length];
        for (int p = 0; p < nnz; p++) {
            unravel(keys[p], idx);
            visitor.accept(idx, values[p]);
        }
    }

    /** The stored entries in index order (each {@link Entry} has its own index array). */
    @Override
    public Iterator<Entry> iterator() {
        long[] k = keys;
        double[] v = values;
        int n = nnz;
        return new Iterator<>() {
            private int p;

            @Override
            public boolean hasNext() {
                return p < n;
            }

            @Override
            public Entry next() {
                if (p >= n) {
                    throw new NoSuchElementException();
                }
                int[] idx = new int[shape.length];
                unravel(k[p], idx);
                return new Entry(idx, v[p++]);
            }
        };
    }

    // ------------------------------------------------------------------ element-wise

    /** Applies f to the stored values only; f(0) must be 0 so that sparsity is kept. */
    public SparseNdArray map(DoubleUnaryOperator f) {
        double f0 = f.applyAsDouble(0.0);
        if (f0 != 0.0) {
            throw new IllegalArgumentException("map: f(0) = " + f0 + " is not 0, so the result would be dense; use toDense() first");
        }
        double[] v = new double[nnz];
        for (int p = 0; p < nnz; p++) {
            v[p] = f.applyAsDouble(values[p]);
        }
        return new SparseNdArray(shape.clone(), Arrays.copyOf(keys, nnz), v, nnz);
    }

    /** Every element times s (s = 0 keeps the structure with explicit zeros, as SciPy). */
    public SparseNdArray mul(double s) {
        return map(x -> x * s);
    }

    /** Every stored element divided by s; implicit zeros stay 0 even for s = 0 (dense NumPy gives NaN there). */
    public SparseNdArray div(double s) {
        double[] v = new double[nnz];
        for (int p = 0; p < nnz; p++) {
            v[p] = values[p] / s;
        }
        return new SparseNdArray(shape.clone(), Arrays.copyOf(keys, nnz), v, nnz);
    }

    public SparseNdArray neg() {
        return map(x -> -x);
    }

    public SparseNdArray abs() {
        return map(Math::abs);
    }

    public SparseNdArray square() {
        return map(x -> x * x);
    }

    public SparseNdArray sqrt() {
        return map(Math::sqrt);
    }

    /** Element-wise power; p must be positive (0^p = 0 keeps sparsity). */
    public SparseNdArray pow(double p) {
        if (!(p > 0)) {
            throw new IllegalArgumentException("pow: exponent must be > 0 to keep sparsity, got " + p);
        }
        return map(x -> Math.pow(x, p));
    }

    /** a + b for equal shapes (union of the stored positions; exact zeros dropped). */
    public SparseNdArray add(SparseNdArray o) {
        return merge("add", o, Double::sum, true);
    }

    /** a - b for equal shapes. */
    public SparseNdArray sub(SparseNdArray o) {
        return merge("sub", o, (x, y) -> x - y, true);
    }

    /** The element-wise (Hadamard) product for equal shapes (intersection of the stored positions). */
    public SparseNdArray multiply(SparseNdArray o) {
        return merge("multiply", o, (x, y) -> x * y, false);
    }

    /**
     * The element-wise product with a dense array that broadcasts to this shape (NumPy's rules;
     * this array never broadcasts): sparse, on this array's positions. An implicit zero stays 0
     * even where the dense value is NaN or infinite.
     */
    public SparseNdArray multiply(NdArray dense) {
        double[] d = broadcastDense("multiply", dense);
        long[] k = new long[nnz];
        double[] v = new double[nnz];
        int w = 0;
        for (int p = 0; p < nnz; p++) {
            double x = values[p] * d[(int) keys[p]];
            if (x != 0) {
                k[w] = keys[p];
                v[w++] = x;
            }
        }
        return new SparseNdArray(shape.clone(), k, v, w);
    }

    /** This array plus a dense array that broadcasts to this shape: a dense result of this shape. */
    public NdArray add(NdArray dense) {
        double[] d = broadcastDense("add", dense);
        for (int p = 0; p < nnz; p++) {
            d[(int) keys[p]] += values[p];
        }
        return NdArray.wrap(d, shape.clone());
    }

    private double[] broadcastDense(String op, NdArray dense) {
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(op + ": shape " + ShapeMismatchException.shapeString(shape) + " is too large for a dense operand");
        }
        int[] ds = dense.shape();
        boolean ok = ds.length <= shape.length;
        for (int d = 0; ok && d < ds.length; d++) {
            int mine = shape[shape.length - ds.length + d];
            ok = ds[d] == mine || ds[d] == 1;
        }
        if (!ok) {
            throw new ShapeMismatchException(op + ": dense shape " + ShapeMismatchException.shapeString(ds)
                    + " does not broadcast to the sparse shape " + ShapeMismatchException.shapeString(shape));
        }
        return dense.broadcastTo(shape.clone()).toDoubleArray();
    }

    private SparseNdArray merge(String op, SparseNdArray o, DoubleBinaryOperator f, boolean union) {
        if (!Arrays.equals(shape, o.shape)) {
            throw new ShapeMismatchException(op + ": shapes " + ShapeMismatchException.shapeString(shape) + " and "
                    + ShapeMismatchException.shapeString(o.shape) + " differ (sparse arrays do not broadcast)");
        }
        int cap = union ? nnz + o.nnz : Math.min(nnz, o.nnz);
        long[] k = new long[cap];
        double[] v = new double[cap];
        int i = 0, j = 0, w = 0;
        while (i < nnz || j < o.nnz) {
            long a = i < nnz ? keys[i] : Long.MAX_VALUE;
            long b = j < o.nnz ? o.keys[j] : Long.MAX_VALUE;
            double x;
            long key;
            if (a == b) {
                key = a;
                x = f.applyAsDouble(values[i++], o.values[j++]);
            } else if (a < b) {
                key = a;
                x = f.applyAsDouble(values[i++], 0.0);
                if (!union) {
                    continue;
                }
            } else {
                key = b;
                x = f.applyAsDouble(0.0, o.values[j++]);
                if (!union) {
                    continue;
                }
            }
            if (x != 0) {
                k[w] = key;
                v[w++] = x;
            }
        }
        return new SparseNdArray(shape.clone(), k, v, w);
    }

    // ------------------------------------------------------------------ reductions

    /** The sum of all elements. */
    public double sum() {
        double s = 0;
        for (int p = 0; p < nnz; p++) {
            s += values[p];
        }
        return s;
    }

    /**
     * The sum along an axis (negative counts from the end): a sparse array of rank ndim - 1, the
     * axis removed (NumPy's {@code a.sum(axis)}); sums that come out exactly 0 are not stored.
     */
    public SparseNdArray sum(int axis) {
        int ax = axis("sum", axis);
        int[] out = new int[shape.length - 1];
        for (int d = 0, q = 0; d < shape.length; d++) {
            if (d != ax) {
                out[q++] = shape[d];
            }
        }
        long inner = strides[ax];
        long outer = inner * shape[ax];
        long[] k = new long[nnz];
        double[] v = new double[nnz];
        for (int p = 0; p < nnz; p++) {
            long key = keys[p];
            k[p] = (key / outer) * inner + key % inner;
            v[p] = values[p];
        }
        return fromKeys(out, k, v, nnz).dropZeros();
    }

    /**
     * The sum over several axes at once (NumPy's {@code a.sum(axis=(0, 2))}): the listed axes
     * removed; each axis at most once, negative axes count from the end.
     */
    public SparseNdArray sum(int... axes) {
        int[] ax = new int[axes.length];
        boolean[] seen = new boolean[shape.length];
        for (int d = 0; d < axes.length; d++) {
            ax[d] = axis("sum", axes[d]);
            if (seen[ax[d]]) {
                throw new IllegalArgumentException("sum: axis " + axes[d] + " repeated in " + Arrays.toString(axes));
            }
            seen[ax[d]] = true;
        }
        Arrays.sort(ax);
        SparseNdArray r = this;
        for (int d = ax.length - 1; d >= 0; d--) { // from the last axis, so the others keep their numbers
            r = r.sum(ax[d]);
        }
        return r == this ? eliminateZeros() : r;
    }

    private SparseNdArray dropZeros() {
        for (int p = 0; p < nnz; p++) {
            if (values[p] == 0) {
                return eliminateZeros();
            }
        }
        return this;
    }

    // ------------------------------------------------------------------ slicing and axes

    /** {@code a[i]}: the sub-array at a leading index, of rank ndim - 1 (a copy; O(log nnz + its entries)). */
    public SparseNdArray slice(int i) {
        if (shape.length == 0) {
            throw new IllegalArgumentException("slice: a 0-d array has no leading axis");
        }
        int r = CsrMatrix.index("slice", i, shape[0], "leading");
        long lo = r * strides[0];
        long hi = lo + strides[0];
        return run(Arrays.copyOfRange(shape, 1, shape.length), lo, hi);
    }

    /** {@code a[from:to]}: leading indices [from, to) (stop exclusive, negative from the end), rank kept. */
    public SparseNdArray sliceRange(int from, int to) {
        if (shape.length == 0) {
            throw new IllegalArgumentException("sliceRange: a 0-d array has no leading axis");
        }
        int lo = bound(from, shape[0]);
        int hi = Math.max(lo, bound(to, shape[0]));
        int[] out = shape.clone();
        out[0] = hi - lo;
        return run(out, lo * strides[0], hi * strides[0]);
    }

    /** The entries with keys in [lo, hi), shifted by lo, as an array of the given shape. */
    private SparseNdArray run(int[] out, long lo, long hi) {
        int a = lowerBound(lo);
        int b = lowerBound(hi);
        long[] k = new long[b - a];
        for (int p = a; p < b; p++) {
            k[p - a] = keys[p] - lo;
        }
        return new SparseNdArray(out, k, Arrays.copyOfRange(values, a, b), b - a);
    }

    /** The axes reversed (NumPy's {@code a.T}). */
    public SparseNdArray transpose() {
        int[] axes = new int[shape.length];
        for (int d = 0; d < axes.length; d++) {
            axes[d] = shape.length - 1 - d;
        }
        return permute(axes);
    }

    /**
     * The axes permuted: axis d of the result is axis {@code axes[d]} of this array (NumPy's
     * {@code np.transpose(a, axes)}). O(nnz log nnz).
     */
    public SparseNdArray permute(int... axes) {
        if (axes.length != shape.length) {
            throw new IllegalArgumentException("permute: " + axes.length + " axes for an array of rank " + shape.length);
        }
        int[] ax = new int[axes.length];
        boolean[] seen = new boolean[axes.length];
        for (int d = 0; d < axes.length; d++) {
            ax[d] = axis("permute", axes[d]);
            if (seen[ax[d]]) {
                throw new IllegalArgumentException("permute: axis " + axes[d] + " repeated in " + Arrays.toString(axes));
            }
            seen[ax[d]] = true;
        }
        int[] out = new int[shape.length];
        for (int d = 0; d < out.length; d++) {
            out[d] = shape[ax[d]];
        }
        SparseNdArray z = new SparseNdArray(out, new long[0], new double[0], 0);
        long[] k = new long[nnz];
        int[] idx = new int[shape.length];
        for (int p = 0; p < nnz; p++) {
            unravel(keys[p], idx);
            long key = 0;
            for (int d = 0; d < out.length; d++) {
                key += idx[ax[d]] * z.strides[d];
            }
            k[p] = key;
        }
        return fromKeys(out, k, Arrays.copyOf(values, nnz), nnz);
    }

    /** The same elements in a new shape of the same size (one entry may be -1: inferred). O(nnz), indices unchanged. */
    public SparseNdArray reshape(int... newShape) {
        int[] out = newShape.clone();
        int infer = -1;
        long known = 1;
        for (int d = 0; d < out.length; d++) {
            if (out[d] == -1 && infer < 0) {
                infer = d;
            } else if (out[d] < 0) {
                throw new IllegalArgumentException("reshape: bad shape " + Arrays.toString(newShape));
            } else {
                known *= out[d];
            }
        }
        if (infer >= 0 && known > 0 && size % known == 0) {
            out[infer] = Math.toIntExact(size / known);
            known = size;
        }
        if (known != size || infer >= 0 && out[infer] == -1) {
            throw new ShapeMismatchException("reshape: cannot reshape " + ShapeMismatchException.shapeString(shape) + " (size "
                    + size + ") to " + Arrays.toString(newShape));
        }
        return new SparseNdArray(out, Arrays.copyOf(keys, nnz), Arrays.copyOf(values, nnz), nnz);
    }

    // ------------------------------------------------------------------ object

    /** Same shape and the same stored positions and values (explicit zeros count). */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SparseNdArray)) {
            return false;
        }
        SparseNdArray m = (SparseNdArray) o;
        return Arrays.equals(shape, m.shape) && Arrays.equals(keys, 0, nnz, m.keys, 0, m.nnz)
                && Arrays.equals(values, 0, nnz, m.values, 0, m.nnz);
    }

    @Override
    public int hashCode() {
        int h = Arrays.hashCode(shape);
        for (int p = 0; p < nnz; p++) {
            h = 31 * h + Long.hashCode(keys[p]) + 17 * Double.hashCode(values[p]);
        }
        return h;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("SparseNdArray" + ShapeMismatchException.shapeString(shape) + " nnz=" + nnz);
        int[] idx = new int[shape.length];
        for (int p = 0; p < Math.min(nnz, 20); p++) {
            unravel(keys[p], idx);
            s.append("\n  ").append(Arrays.toString(idx)).append('\t').append(values[p]);
        }
        if (nnz > 20) {
            s.append("\n  ...");
        }
        return s.toString();
    }

    // ------------------------------------------------------------------ helpers

    private static int[] checkedShape(String op, int[] shape) {
        long s = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException(op + ": negative dimension in shape " + Arrays.toString(shape));
            }
            if (d > 0 && s > (1L << 62) / d) {
                throw new IllegalArgumentException(op + ": shape " + Arrays.toString(shape) + " has more than 2^62 elements");
            }
            s *= d;
        }
        return shape.clone();
    }

    private long linear(String op, int[] index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException(op + ": index " + Arrays.toString(index) + " has " + index.length
                    + " entries for an array of shape " + ShapeMismatchException.shapeString(shape));
        }
        long k = 0;
        for (int d = 0; d < index.length; d++) {
            int i = index[d] < 0 ? index[d] + shape[d] : index[d];
            if (i < 0 || i >= shape[d]) {
                throw new IndexOutOfBoundsException(op + ": index " + Arrays.toString(index) + " out of range for shape "
                        + ShapeMismatchException.shapeString(shape) + " (axis " + d + ")");
            }
            k += i * strides[d];
        }
        return k;
    }

    private void unravel(long key, int[] idx) {
        for (int d = 0; d < idx.length; d++) {
            idx[d] = (int) (key / strides[d]);
            key -= idx[d] * strides[d];
        }
    }

    private int axis(String op, int axis) {
        int a = axis < 0 ? axis + shape.length : axis;
        if (a < 0 || a >= shape.length) {
            throw new IllegalArgumentException(op + ": axis " + axis + " out of range for an array of rank " + shape.length);
        }
        return a;
    }

    private static int bound(int i, int n) {
        int r = i < 0 ? i + n : i;
        return Math.max(0, Math.min(n, r));
    }

    private int lowerBound(long key) {
        int lo = 0, hi = nnz;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (keys[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Sorts k[0, n) ascending carrying v along: a bottom-up merge sort (stable, no boxing), skipped when sorted. */
    static void sortByKey(long[] k, double[] v, int n) {
        boolean sorted = true;
        for (int i = 1; i < n && sorted; i++) {
            sorted = k[i - 1] <= k[i];
        }
        if (sorted) {
            return;
        }
        long[] k2 = new long[n];
        double[] v2 = new double[n];
        long[] ks = k, kd = k2;
        double[] vs = v, vd = v2;
        for (int width = 1; width < n; width <<= 1) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n), hi = Math.min(lo + 2 * width, n);
                int a = lo, b = mid, w = lo;
                while (a < mid && b < hi) {
                    if (ks[b] < ks[a]) {
                        kd[w] = ks[b];
                        vd[w++] = vs[b++];
                    } else {
                        kd[w] = ks[a];
                        vd[w++] = vs[a++];
                    }
                }
                while (a < mid) {
                    kd[w] = ks[a];
                    vd[w++] = vs[a++];
                }
                while (b < hi) {
                    kd[w] = ks[b];
                    vd[w++] = vs[b++];
                }
            }
            long[] tk = ks;
            ks = kd;
            kd = tk;
            double[] tv = vs;
            vs = vd;
            vd = tv;
        }
        if (ks != k) {
            System.arraycopy(ks, 0, k, 0, n);
            System.arraycopy(vs, 0, v, 0, n);
        }
    }
}
