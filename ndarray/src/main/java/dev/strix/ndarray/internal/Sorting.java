package dev.strix.ndarray.internal;

import dev.strix.ndarray.DType;
import dev.strix.ndarray.NdArray;
import dev.strix.ndarray.ShapeMismatchException;
import java.util.Arrays;

/**
 * Sorting along an axis (NaN last, as NumPy), stable argsort, unique, searchSorted and top-k.
 * Each works row by row on a contiguous copy with the axis moved last.
 */
public final class Sorting {
    private Sorting() {
    }

    /** Total order used everywhere here: numbers ascending, NaN after everything, NaN equal to NaN. */
    static int compare(double x, double y) {
        if (x < y) {
            return -1;
        }
        if (x > y) {
            return 1;
        }
        boolean nx = x != x;
        boolean ny = y != y;
        if (nx || ny) {
            return nx == ny ? 0 : (nx ? 1 : -1);
        }
        return 0; // equal, including -0.0 == 0.0 (stability keeps their order)
    }

    private static NdArray lastAxis(NdArray a, int axis, String op) {
        if (a.ndim() == 0) {
            throw new IllegalArgumentException(op + ": a 0-d array has no axis to sort along");
        }
        int ax = axis < 0 ? axis + a.ndim() : axis;
        if (ax < 0 || ax >= a.ndim()) {
            throw new IllegalArgumentException(op + ": axis " + axis + " is out of bounds for an array of dimension "
                    + a.ndim() + " with shape " + ShapeMismatchException.shapeString(a.shape()));
        }
        return a.moveAxis(ax, -1);
    }

    private static int norm(NdArray a, int axis) {
        return axis < 0 ? axis + a.ndim() : axis;
    }

    public static NdArray sort(NdArray a, int axis) {
        NdArray m = lastAxis(a, axis, "sort").copy();
        int n = m.shape(-1);
        Object buf = m.buffer();
        int rows = n == 0 ? 0 : m.size() / n;
        for (int r = 0; r < rows; r++) {
            int from = r * n;
            int to = from + n;
            switch (m.dtype()) {
                case FLOAT64: Arrays.sort((double[]) buf, from, to); break; // NaN last
                case FLOAT32: Arrays.sort((float[]) buf, from, to); break;
                case INT64: Arrays.sort((long[]) buf, from, to); break;
                case INT32: Arrays.sort((int[]) buf, from, to); break;
                case BOOL: {
                    boolean[] b = (boolean[]) buf;
                    int trues = 0;
                    for (int i = from; i < to; i++) {
                        trues += b[i] ? 1 : 0;
                    }
                    Arrays.fill(b, from, to - trues, false);
                    Arrays.fill(b, to - trues, to, true);
                    break;
                }
                default: throw new AssertionError(m.dtype());
            }
        }
        return m.moveAxis(-1, norm(a, axis)).copy();
    }

    public static NdArray argsort(NdArray a, int axis) {
        NdArray m = lastAxis(a, axis, "argsort");
        int n = m.shape(-1);
        long[] out = new long[m.size()];
        int rows = n == 0 ? 0 : m.size() / n;
        int[] idx = new int[n];
        int[] tmp = new int[n];
        if (a.dtype().isFloating()) {
            double[] v = m.toDoubleArray();
            for (int r = 0; r < rows; r++) {
                stableArgsort(v, r * n, n, idx, tmp, false);
                for (int i = 0; i < n; i++) {
                    out[r * n + i] = idx[i];
                }
            }
        } else {
            long[] v = m.toLongArray();
            for (int r = 0; r < rows; r++) {
                stableArgsort(v, r * n, n, idx, tmp, false);
                for (int i = 0; i < n; i++) {
                    out[r * n + i] = idx[i];
                }
            }
        }
        return NdArray.wrap(out, m.shape()).moveAxis(-1, norm(a, axis)).copy();
    }

    /** Stable merge sort of positions 0..n-1 by keys v[off + i]; descending keeps ties in index order too. */
    static void stableArgsort(double[] v, int off, int n, int[] idx, int[] tmp, boolean descending) {
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n - width; lo += 2 * width) {
                int mid = lo + width;
                int hi = Math.min(lo + 2 * width, n);
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    int c = compare(v[off + idx[j]], v[off + idx[i]]);
                    boolean takeRight = descending ? c > 0 : c < 0;
                    tmp[k++] = takeRight ? idx[j++] : idx[i++];
                }
                while (i < mid) {
                    tmp[k++] = idx[i++];
                }
                while (j < hi) {
                    tmp[k++] = idx[j++];
                }
                System.arraycopy(tmp, lo, idx, lo, hi - lo);
            }
        }
    }

    static void stableArgsort(long[] v, int off, int n, int[] idx, int[] tmp, boolean descending) {
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n - width; lo += 2 * width) {
                int mid = lo + width;
                int hi = Math.min(lo + 2 * width, n);
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    int c = Long.compare(v[off + idx[j]], v[off + idx[i]]);
                    boolean takeRight = descending ? c > 0 : c < 0;
                    tmp[k++] = takeRight ? idx[j++] : idx[i++];
                }
                while (i < mid) {
                    tmp[k++] = idx[i++];
                }
                while (j < hi) {
                    tmp[k++] = idx[j++];
                }
                System.arraycopy(tmp, lo, idx, lo, hi - lo);
            }
        }
    }

    public static NdArray.Unique unique(NdArray a) {
        NdArray s = sort(a.ravel(), 0);
        int n = s.size();
        int[] starts = new int[n];
        int k = 0;
        if (a.dtype().isFloating()) {
            double[] v = s.toDoubleArray();
            for (int i = 0; i < n; i++) {
                if (i == 0 || compare(v[i], v[i - 1]) != 0) {
                    starts[k++] = i;
                }
            }
        } else {
            long[] v = s.toLongArray();
            for (int i = 0; i < n; i++) {
                if (i == 0 || v[i] != v[i - 1]) {
                    starts[k++] = i;
                }
            }
        }
        long[] counts = new long[k];
        long[] first = new long[k];
        for (int j = 0; j < k; j++) {
            int end = j + 1 < k ? starts[j + 1] : n;
            counts[j] = end - starts[j];
            first[j] = starts[j];
        }
        NdArray values = s.take(NdArray.wrap(first, k));
        return new NdArray.Unique(values, NdArray.wrap(counts, k));
    }

    public static NdArray searchSorted(NdArray sorted, NdArray values, boolean right) {
        if (sorted.ndim() != 1) {
            throw new IllegalArgumentException("searchSorted: the sorted array must be 1-d, got shape "
                    + ShapeMismatchException.shapeString(sorted.shape()));
        }
        double[] s = sorted.toDoubleArray();
        double[] v = values.toDoubleArray();
        long[] out = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            int lo = 0;
            int hi = s.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                int c = compare(s[mid], v[i]);
                if (c < 0 || (right && c == 0)) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            out[i] = lo;
        }
        return NdArray.wrap(out, values.shape());
    }

    public static NdArray.TopK topK(NdArray a, int k, int axis, boolean largest) {
        String op = largest ? "topK" : "bottomK";
        NdArray m = lastAxis(a, axis, op);
        int n = m.shape(-1);
        if (k < 0 || k > n) {
            throw new IllegalArgumentException(op + ": k = " + k + " must be between 0 and the axis length " + n
                    + " (shape " + ShapeMismatchException.shapeString(a.shape()) + ")");
        }
        int rows = n == 0 ? 0 : m.size() / n;
        int[] outShape = m.shape();
        outShape[outShape.length - 1] = k;
        long[] out = new long[rows * k];
        int[] idx = new int[n];
        int[] tmp = new int[n];
        if (a.dtype().isFloating()) {
            double[] v = m.toDoubleArray();
            for (int r = 0; r < rows; r++) {
                stableArgsort(v, r * n, n, idx, tmp, largest);
                for (int i = 0; i < k; i++) {
                    out[r * k + i] = idx[i];
                }
            }
        } else {
            long[] v = m.toLongArray();
            for (int r = 0; r < rows; r++) {
                stableArgsort(v, r * n, n, idx, tmp, largest);
                for (int i = 0; i < k; i++) {
                    out[r * k + i] = idx[i];
                }
            }
        }
        NdArray indicesLast = NdArray.wrap(out, outShape);
        // gather values row by row: value[r, i] = m[r, indices[r, i]]
        NdArray mc = m.reshape(rows, n);
        NdArray values = NdArray.wrap(Buffers.allocate(a.dtype(), rows * k), outShape);
        Object vb = values.buffer();
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < k; i++) {
                int j = (int) out[r * k + i];
                if (a.dtype().isFloating()) {
                    Buffers.setDouble(vb, a.dtype(), r * k + i, mc.getDouble(r, j));
                } else {
                    Buffers.setLong(vb, a.dtype(), r * k + i, mc.getLong(r, j));
                }
            }
        }
        int ax = norm(a, axis);
        return new NdArray.TopK(values.moveAxis(-1, ax).copy(), indicesLast.moveAxis(-1, ax).copy());
    }

    static boolean isFloat(DType t) {
        return t.isFloating();
    }
}
