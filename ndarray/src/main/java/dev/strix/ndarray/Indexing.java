package dev.strix.ndarray;

import dev.strix.ndarray.internal.Buffers;
import dev.strix.ndarray.internal.Cast;
import dev.strix.ndarray.internal.Elementwise;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * NumPy indexing: basic items (integers, slices, newaxis, ellipsis) make a view; integer arrays and
 * boolean masks ("advanced" indexing) select by position into a copy, with NumPy's rules for where
 * the broadcast index dimensions go (in place when the array indices are adjacent, else first).
 */
final class Indexing {
    private Indexing() {
    }

    /** The outcome of resolving an index: a basic view plus, if any, the advanced selection over it. */
    private static final class Resolved {
        NdArray view;
        final List<Integer> advAxes = new ArrayList<>();
        final List<NdArray> advArrays = new ArrayList<>();
    }

    static NdArray get(NdArray a, Index[] index) {
        return get(a, index, "get");
    }

    /** As {@link #get(NdArray, Index[])}; {@code op} names the public operation in error messages. */
    static NdArray get(NdArray a, Index[] index, String op) {
        Resolved r = resolve(a, index, op);
        if (r.advAxes.isEmpty()) {
            return r.view;
        }
        Selection s = select(r, op);
        NdArray out = NdArray.allocate(a.dtype(), s.shape);
        Object src = a.buffer();
        Object dst = out.buffer();
        DType t = a.dtype();
        int[] off = s.offsets;
        switch (t) {
            case FLOAT64: {
                double[] x = (double[]) src;
                double[] y = (double[]) dst;
                for (int i = 0; i < off.length; i++) {
                    y[i] = x[off[i]];
                }
                break;
            }
            case FLOAT32: {
                float[] x = (float[]) src;
                float[] y = (float[]) dst;
                for (int i = 0; i < off.length; i++) {
                    y[i] = x[off[i]];
                }
                break;
            }
            case INT64: {
                long[] x = (long[]) src;
                long[] y = (long[]) dst;
                for (int i = 0; i < off.length; i++) {
                    y[i] = x[off[i]];
                }
                break;
            }
            case INT32: {
                int[] x = (int[]) src;
                int[] y = (int[]) dst;
                for (int i = 0; i < off.length; i++) {
                    y[i] = x[off[i]];
                }
                break;
            }
            case BOOL: {
                boolean[] x = (boolean[]) src;
                boolean[] y = (boolean[]) dst;
                for (int i = 0; i < off.length; i++) {
                    y[i] = x[off[i]];
                }
                break;
            }
            default:
                throw new AssertionError(t);
        }
        return out;
    }

    static void set(NdArray a, Index[] index, NdArray value) {
        Resolved r = resolve(a, index, "set");
        if (r.advAxes.isEmpty()) {
            int[] target = r.view.shape();
            try {
                Cast.assign(r.view, dropLeadingOnes(value, target.length).broadcastTo(target));
            } catch (ShapeMismatchException e) {
                throw new ShapeMismatchException("set: could not broadcast the value of shape "
                        + ShapeMismatchException.shapeString(value.shape()) + " into the indexed shape "
                        + ShapeMismatchException.shapeString(target));
            }
            return;
        }
        Selection s = select(r, "set");
        NdArray v;
        try {
            v = dropLeadingOnes(value, s.shape.length).broadcastTo(s.shape).astype(a.dtype());
        } catch (ShapeMismatchException e) {
            throw new ShapeMismatchException("set: could not broadcast the value of shape "
                    + ShapeMismatchException.shapeString(value.shape()) + " into the indexed shape "
                    + ShapeMismatchException.shapeString(s.shape));
        }
        Object dst = a.buffer();
        Object src = v.buffer();
        DType t = a.dtype();
        int[] off = s.offsets;
        for (int i = 0; i < off.length; i++) {
            if (t.isFloating()) {
                Buffers.setDouble(dst, t, off[i], Buffers.getDouble(src, t, i));
            } else {
                Buffers.setLong(dst, t, off[i], Buffers.getLong(src, t, i));
            }
        }
    }

    /** NumPy drops leading length-1 axes of an assigned value with more dimensions than the target. */
    private static NdArray dropLeadingOnes(NdArray value, int targetNdim) {
        NdArray v = value;
        while (v.ndim() > targetNdim && v.shape(0) == 1) {
            v = v.squeeze(0);
        }
        return v;
    }

    static void put(NdArray a, NdArray indices, NdArray values) {
        if (!indices.dtype().isInteger()) {
            throw new IllegalArgumentException("put: indices must be an integer array, got " + indices.dtype());
        }
        long[] idx = indices.toLongArray();
        if (idx.length == 0) {
            return;
        }
        if (values.size() == 0) {
            throw new IllegalArgumentException("put: cannot place values from an empty array at " + idx.length + " positions");
        }
        NdArray v = values.astype(a.dtype());
        int n = a.size();
        for (int i = 0; i < idx.length; i++) {
            long k = idx[i] < 0 ? idx[i] + n : idx[i];
            if (k < 0 || k >= n) {
                throw new IndexOutOfBoundsException("put: index " + idx[i] + " is out of bounds for size " + n);
            }
            int off = a.offsetOfFlat((int) k);
            int j = i % v.size();
            if (a.dtype().isFloating()) {
                Buffers.setDouble(a.buffer(), a.dtype(), off, Buffers.getDouble(v.buffer(), v.dtype(), j));
            } else {
                Buffers.setLong(a.buffer(), a.dtype(), off, Buffers.getLong(v.buffer(), v.dtype(), j));
            }
        }
    }

    static NdArray[] nonzero(NdArray a) {
        int nd = Math.max(1, a.ndim());
        NdArray flat = a.ndim() == 0 ? a.reshape(1) : a;
        boolean[] nz = flat.ne(0.0).toBooleanArray();
        int count = 0;
        for (boolean b : nz) {
            if (b) {
                count++;
            }
        }
        long[][] out = new long[nd][count];
        int[] shape = flat.shape();
        int[] idx = new int[nd];
        int k = 0;
        for (int f = 0; f < nz.length; f++) {
            if (nz[f]) {
                for (int d = 0; d < nd; d++) {
                    out[d][k] = idx[d];
                }
                k++;
            }
            for (int d = nd - 1; d >= 0; d--) {
                if (++idx[d] < shape[d]) {
                    break;
                }
                idx[d] = 0;
            }
        }
        NdArray[] res = new NdArray[nd];
        for (int d = 0; d < nd; d++) {
            res[d] = NdArray.wrap(out[d], count);
        }
        return res;
    }

    // ------------------------------------------------------------------ resolution

    private static Resolved resolve(NdArray a, Index[] index, String op) {
        int nd = a.ndim();
        int consumed = 0;
        int ellipses = 0;
        boolean advanced = false;
        for (Index ix : index) {
            if (ix == null) {
                throw new IllegalArgumentException(op + ": null index item");
            }
            if (ix instanceof Index.Ellipsis) {
                ellipses++;
            } else if (ix instanceof Index.Mask) {
                consumed += Math.max(1, ((Index.Mask) ix).mask.ndim());
                advanced = true;
            } else if (!(ix instanceof Index.NewAxis)) {
                consumed++;
                advanced |= ix instanceof Index.Fancy;
            }
        }
        if (ellipses > 1) {
            throw new IllegalArgumentException(op + ": an index can only have a single ellipsis ('...')");
        }
        if (consumed > nd) {
            throw new IndexOutOfBoundsException(op + ": too many indices for array: array is " + nd
                    + "-dimensional (shape " + ShapeMismatchException.shapeString(a.shape()) + "), but " + consumed
                    + " were indexed by " + describe(index));
        }
        List<Index> items = new ArrayList<>();
        for (Index ix : index) {
            if (ix instanceof Index.Ellipsis) {
                for (int i = 0; i < nd - consumed; i++) {
                    items.add(Index.all());
                }
            } else {
                items.add(ix);
            }
        }
        if (ellipses == 0) {
            for (int i = 0; i < nd - consumed; i++) {
                items.add(Index.all());
            }
        }
        int[] shape = a.shape();
        int[] strides = a.strides();
        List<Integer> outShape = new ArrayList<>();
        List<Integer> outStrides = new ArrayList<>();
        int offset = a.offset();
        Resolved r = new Resolved();
        int d = 0;
        for (Index ix : items) {
            if (ix instanceof Index.NewAxis) {
                outShape.add(1);
                outStrides.add(0);
            } else if (ix instanceof Index.At) {
                int i = ((Index.At) ix).i;
                int k = i < 0 ? i + shape[d] : i;
                if (k < 0 || k >= shape[d]) {
                    throw new IndexOutOfBoundsException(op + ": index " + i + " is out of bounds for axis " + d
                            + " with size " + shape[d] + " (shape " + ShapeMismatchException.shapeString(shape) + ")");
                }
                if (advanced) {
                    // NumPy treats an integer next to array indices as a 0-d array index.
                    r.advAxes.add(outShape.size());
                    r.advArrays.add(NdArray.wrap(new long[] {k}));
                    outShape.add(shape[d]);
                    outStrides.add(strides[d]);
                } else {
                    offset += k * strides[d];
                }
                d++;
            } else if (ix instanceof Index.Slice) {
                Index.Slice s = (Index.Slice) ix;
                int[] sl = resolveSlice(s, shape[d]);
                if (sl[2] > 0) {
                    offset += sl[0] * strides[d];
                }
                outShape.add(sl[2]);
                outStrides.add(strides[d] * s.step);
                d++;
            } else if (ix instanceof Index.Fancy) {
                r.advAxes.add(outShape.size());
                r.advArrays.add(((Index.Fancy) ix).indices);
                outShape.add(shape[d]);
                outStrides.add(strides[d]);
                d++;
            } else if (ix instanceof Index.Mask) {
                NdArray m = ((Index.Mask) ix).mask;
                int k = Math.max(1, m.ndim());
                int[] ms = m.ndim() == 0 ? new int[] {1} : m.shape();
                for (int j = 0; j < k; j++) {
                    if (ms[j] != shape[d + j]) {
                        throw new IndexOutOfBoundsException(op + ": boolean index did not match indexed array along axis "
                                + (d + j) + "; the axis has size " + shape[d + j] + " but the mask has size " + ms[j]
                                + " (array shape " + ShapeMismatchException.shapeString(shape) + ", mask shape "
                                + ShapeMismatchException.shapeString(m.shape()) + ")");
                    }
                }
                NdArray[] nz = nonzero(m);
                for (int j = 0; j < k; j++) {
                    r.advAxes.add(outShape.size());
                    r.advArrays.add(nz[j]);
                    outShape.add(shape[d + j]);
                    outStrides.add(strides[d + j]);
                }
                d += k;
            } else {
                throw new IllegalArgumentException(op + ": unsupported index item " + ix);
            }
        }
        r.view = a.view(toArray(outShape), toArray(outStrides), offset);
        return r;
    }

    /** start, step-count and length of a slice over an axis of length n (CPython's PySlice_AdjustIndices). */
    static int[] resolveSlice(Index.Slice s, int n) {
        int step = s.step;
        int start;
        int stop;
        if (s.start == null) {
            start = step < 0 ? n - 1 : 0;
        } else {
            start = s.start;
            if (start < 0) {
                start += n;
                if (start < 0) {
                    start = step < 0 ? -1 : 0;
                }
            } else if (start >= n) {
                start = step < 0 ? n - 1 : n;
            }
        }
        if (s.stop == null) {
            stop = step < 0 ? -1 : n;
        } else {
            stop = s.stop;
            if (stop < 0) {
                stop += n;
                if (stop < 0) {
                    stop = step < 0 ? -1 : 0;
                }
            } else if (stop >= n) {
                stop = step < 0 ? n - 1 : n;
            }
        }
        int len;
        if (step < 0) {
            len = stop < start ? (start - stop - 1) / (-step) + 1 : 0;
        } else {
            len = start < stop ? (stop - start - 1) / step + 1 : 0;
        }
        return new int[] {start, step, len};
    }

    // ------------------------------------------------------------------ advanced selection

    private static final class Selection {
        int[] shape;
        int[] offsets;
    }

    private static Selection select(Resolved r, String op) {
        NdArray view = r.view;
        int[] vShape = view.shape();
        int[] vStrides = view.strides();
        int k = r.advAxes.size();
        int[] bShape = new int[0];
        for (NdArray ia : r.advArrays) {
            if (!ia.dtype().isInteger()) {
                throw new IllegalArgumentException("index arrays must be integer or bool, got " + ia.dtype());
            }
            try {
                bShape = Elementwise.broadcastShapes("index", bShape, ia.shape());
            } catch (ShapeMismatchException e) {
                StringBuilder sb = new StringBuilder();
                for (NdArray x : r.advArrays) {
                    sb.append(sb.length() == 0 ? "" : " ").append(ShapeMismatchException.shapeString(x.shape()));
                }
                throw new ShapeMismatchException(op + ": shape mismatch: indexing arrays could not be broadcast together with shapes "
                        + sb);
            }
        }
        int bSize = (int) NdArray.checkedSize("index", bShape);
        int[] advOffset = new int[bSize];
        for (int j = 0; j < k; j++) {
            int axis = r.advAxes.get(j);
            int len = vShape[axis];
            long[] idx = r.advArrays.get(j).broadcastTo(bShape).toLongArray();
            for (int b = 0; b < bSize; b++) {
                long v = idx[b];
                long w = v < 0 ? v + len : v;
                if (w < 0 || w >= len) {
                    throw new IndexOutOfBoundsException(op + ": index " + v + " is out of bounds for axis " + axis
                            + " with size " + len);
                }
                advOffset[b] += (int) w * vStrides[axis];
            }
        }
        boolean adjacent = true;
        for (int j = 1; j < k; j++) {
            if (r.advAxes.get(j) != r.advAxes.get(j - 1) + 1) {
                adjacent = false;
            }
        }
        List<Integer> restShape = new ArrayList<>();
        List<Integer> restStrides = new ArrayList<>();
        int insertAt = 0;
        for (int d = 0; d < vShape.length; d++) {
            if (r.advAxes.contains(d)) {
                continue;
            }
            if (adjacent && d < r.advAxes.get(0)) {
                insertAt++;
            }
            restShape.add(vShape[d]);
            restStrides.add(vStrides[d]);
        }
        int[] rs = toArray(restShape);
        int[] rst = toArray(restStrides);
        int[] prefixShape = Arrays.copyOfRange(rs, 0, insertAt);
        int[] prefixStrides = Arrays.copyOfRange(rst, 0, insertAt);
        int[] suffixShape = Arrays.copyOfRange(rs, insertAt, rs.length);
        int[] suffixStrides = Arrays.copyOfRange(rst, insertAt, rst.length);
        int[] pre = offsetsOf(prefixShape, prefixStrides);
        int[] suf = offsetsOf(suffixShape, suffixStrides);
        int[] shape = new int[prefixShape.length + bShape.length + suffixShape.length];
        System.arraycopy(prefixShape, 0, shape, 0, prefixShape.length);
        System.arraycopy(bShape, 0, shape, prefixShape.length, bShape.length);
        System.arraycopy(suffixShape, 0, shape, prefixShape.length + bShape.length, suffixShape.length);
        long total = (long) pre.length * bSize * suf.length;
        NdArray.checkedSize("index", shape);
        int[] offsets = new int[(int) total];
        int base = view.offset();
        int i = 0;
        for (int p : pre) {
            for (int b = 0; b < bSize; b++) {
                int o = base + p + advOffset[b];
                for (int s : suf) {
                    offsets[i++] = o + s;
                }
            }
        }
        Selection sel = new Selection();
        sel.shape = shape;
        sel.offsets = offsets;
        return sel;
    }

    /** Offsets of every position of a strided shape, row-major. */
    private static int[] offsetsOf(int[] shape, int[] strides) {
        int n = (int) NdArray.checkedSize("index", shape);
        int[] out = new int[n];
        int[] idx = new int[shape.length];
        int off = 0;
        for (int f = 0; f < n; f++) {
            out[f] = off;
            for (int d = shape.length - 1; d >= 0; d--) {
                if (++idx[d] < shape[d]) {
                    off += strides[d];
                    break;
                }
                off -= strides[d] * (shape[d] - 1);
                idx[d] = 0;
            }
        }
        return out;
    }

    private static int[] toArray(List<Integer> xs) {
        int[] a = new int[xs.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = xs.get(i);
        }
        return a;
    }

    private static String describe(Index[] index) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < index.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(index[i]);
        }
        return sb.append(']').toString();
    }
}
