package dev.strix.ndarray;

import static dev.strix.ndarray.ShapeMismatchException.shapeString;

import dev.strix.ndarray.internal.Cast;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Shape arithmetic and the shape-changing operations (reshape, broadcast, join, split, tile, pad...). */
final class Shapes {
    private Shapes() {
    }

    static int[] resolveReshape(int[] shape, int size, int[] newShape) {
        int[] sh = newShape.clone();
        int unknown = -1;
        long known = 1;
        for (int d = 0; d < sh.length; d++) {
            if (sh[d] == -1) {
                if (unknown >= 0) {
                    throw new IllegalArgumentException("reshape: can only specify one unknown dimension (-1) in "
                            + Arrays.toString(newShape));
                }
                unknown = d;
            } else if (sh[d] < 0) {
                throw new IllegalArgumentException("reshape: negative dimension in " + Arrays.toString(newShape));
            } else {
                known *= sh[d];
            }
        }
        if (unknown >= 0) {
            if (known == 0 || size % known != 0) {
                throw new ShapeMismatchException("reshape: cannot reshape array of size " + size + " (shape "
                        + shapeString(shape) + ") into shape " + Arrays.toString(newShape));
            }
            sh[unknown] = (int) (size / known);
            known *= sh[unknown];
        }
        if (known != size) {
            throw new ShapeMismatchException("reshape: cannot reshape array of size " + size + " (shape "
                    + shapeString(shape) + ") into shape " + shapeString(sh));
        }
        return sh;
    }

    /** Strides that view the old layout with the new shape, or null when a copy is needed (NumPy's nocopy reshape). */
    static int[] reshapeStrides(int[] oldShape, int[] oldStrides, int[] newShape) {
        int size = 1;
        for (int s : oldShape) {
            size *= s;
        }
        if (size == 0) {
            return NdArray.rowMajorStrides(newShape);
        }
        int[] od = new int[oldShape.length];
        int[] os = new int[oldShape.length];
        int oldNd = 0;
        for (int i = 0; i < oldShape.length; i++) {
            if (oldShape[i] != 1) {
                od[oldNd] = oldShape[i];
                os[oldNd++] = oldStrides[i];
            }
        }
        int newNd = newShape.length;
        int[] ns = new int[newNd];
        int oi = 0;
        int oj = 1;
        int ni = 0;
        int nj = 1;
        while (ni < newNd && oi < oldNd) {
            long np = newShape[ni];
            long op = od[oi];
            while (np != op) {
                if (np < op) {
                    np *= newShape[nj++];
                } else {
                    op *= od[oj++];
                }
            }
            for (int ok = oi; ok < oj - 1; ok++) {
                if (os[ok] != od[ok + 1] * os[ok + 1]) {
                    return null;
                }
            }
            ns[nj - 1] = os[oj - 1];
            for (int nk = nj - 1; nk > ni; nk--) {
                ns[nk - 1] = ns[nk] * newShape[nk];
            }
            ni = nj++;
            oi = oj++;
        }
        int last = ni >= 1 ? ns[ni - 1] : 1;
        for (int nk = ni; nk < newNd; nk++) {
            ns[nk] = last;
        }
        return ns;
    }

    static int[] broadcastStrides(String op, int[] shape, int[] strides, int[] target) {
        if (target.length < shape.length) {
            throw new ShapeMismatchException(op + ": cannot broadcast shape " + shapeString(shape) + " to the smaller rank "
                    + shapeString(target));
        }
        int lead = target.length - shape.length;
        int[] st = new int[target.length];
        for (int i = 0; i < shape.length; i++) {
            int t = target[lead + i];
            if (shape[i] == t) {
                st[lead + i] = strides[i];
            } else if (shape[i] == 1 && t >= 0) {
                st[lead + i] = 0;
            } else {
                throw new ShapeMismatchException(op + ": cannot broadcast shape " + shapeString(shape) + " to shape "
                        + shapeString(target));
            }
        }
        for (int t : target) {
            if (t < 0) {
                throw new IllegalArgumentException(op + ": negative dimension in target " + shapeString(target));
            }
        }
        return st;
    }

    static NdArray tri(NdArray a, int k, boolean upper) {
        if (a.ndim() < 2) {
            throw new IllegalArgumentException((upper ? "triu" : "tril") + ": needs at least 2 dimensions, shape is "
                    + shapeString(a.shape()));
        }
        int rows = a.shape(-2);
        int cols = a.shape(-1);
        NdArray diagonalOffset = Nd.arange(cols).reshape(1, cols).sub(Nd.arange(rows).reshape(rows, 1));
        NdArray keep = upper ? diagonalOffset.ge(k) : diagonalOffset.le(k);
        return Nd.where(keep, a, Nd.zeros(a.dtype()));
    }

    static List<NdArray> split(NdArray a, int sections, int axis) {
        int ax = a.normalizeAxis(axis, "split");
        int n = a.shape(ax);
        if (sections <= 0) {
            throw new IllegalArgumentException("split: number of sections must be positive, got " + sections);
        }
        if (n % sections != 0) {
            throw new IllegalArgumentException("split: array split does not result in an equal division: axis " + axis
                    + " of shape " + shapeString(a.shape()) + " has length " + n + ", not divisible by " + sections);
        }
        int[] idx = new int[sections - 1];
        for (int i = 1; i < sections; i++) {
            idx[i - 1] = i * (n / sections);
        }
        return split(a, idx, ax);
    }

    static List<NdArray> split(NdArray a, int[] indices, int axis) {
        int ax = a.normalizeAxis(axis, "split");
        int n = a.shape(ax);
        List<NdArray> out = new ArrayList<>();
        int prev = 0;
        for (int i = 0; i <= indices.length; i++) {
            int end = i < indices.length ? Math.min(Math.max(indices[i] < 0 ? indices[i] + n : indices[i], 0), n) : n;
            int start = Math.min(prev, n);
            Index[] ix = new Index[ax + 1];
            Arrays.fill(ix, Index.all());
            ix[ax] = Index.range(start, Math.max(start, end));
            out.add(a.get(ix));
            prev = end; // NumPy: the next piece starts at this index even when it is below the last one
        }
        return out;
    }

    static NdArray concat(int axis, NdArray... arrays) {
        if (arrays.length == 0) {
            throw new IllegalArgumentException("concat: need at least one array to concatenate");
        }
        NdArray first = arrays[0];
        if (first.ndim() == 0) {
            throw new IllegalArgumentException("concat: zero-dimensional arrays cannot be concatenated");
        }
        int ax = first.normalizeAxis(axis, "concat");
        int nd = first.ndim();
        DType t = first.dtype();
        int total = 0;
        for (NdArray x : arrays) {
            if (x.ndim() != nd) {
                throw new ShapeMismatchException("concat: all arrays must have the same number of dimensions; got shapes "
                        + shapes(arrays));
            }
            for (int d = 0; d < nd; d++) {
                if (d != ax && x.shape(d) != first.shape(d)) {
                    throw new ShapeMismatchException("concat: along axis " + axis + " all other dimensions must match; got shapes "
                            + shapes(arrays));
                }
            }
            total += x.shape(ax);
            t = DType.promote(t, x.dtype());
        }
        int[] shape = first.shape();
        shape[ax] = total;
        NdArray out = NdArray.allocate(t, shape);
        int pos = 0;
        for (NdArray x : arrays) {
            Index[] ix = new Index[ax + 1];
            Arrays.fill(ix, Index.all());
            ix[ax] = Index.range(pos, pos + x.shape(ax));
            Cast.assign(out.get(ix), x);
            pos += x.shape(ax);
        }
        return out;
    }

    static NdArray stack(int axis, NdArray... arrays) {
        if (arrays.length == 0) {
            throw new IllegalArgumentException("stack: need at least one array to stack");
        }
        for (NdArray x : arrays) {
            if (!Arrays.equals(x.shape(), arrays[0].shape())) {
                throw new ShapeMismatchException("stack: all input arrays must have the same shape; got " + shapes(arrays));
            }
        }
        int nd = arrays[0].ndim() + 1;
        int ax = axis < 0 ? axis + nd : axis;
        if (ax < 0 || ax >= nd) {
            throw new IllegalArgumentException("stack: axis " + axis + " is out of bounds for the result of dimension " + nd);
        }
        NdArray[] ex = new NdArray[arrays.length];
        for (int i = 0; i < ex.length; i++) {
            ex[i] = arrays[i].expandDims(ax);
        }
        return concat(ax, ex);
    }

    static String shapes(NdArray[] arrays) {
        StringBuilder sb = new StringBuilder();
        for (NdArray x : arrays) {
            sb.append(sb.length() == 0 ? "" : ", ").append(shapeString(x.shape()));
        }
        return sb.toString();
    }

    static NdArray tile(NdArray a, int[] reps) {
        for (int r : reps) {
            if (r < 0) {
                throw new IllegalArgumentException("tile: negative repetition in " + Arrays.toString(reps));
            }
        }
        int nd = Math.max(a.ndim(), reps.length);
        int[] sh = new int[nd];
        int[] rp = new int[nd];
        Arrays.fill(sh, 1);
        Arrays.fill(rp, 1);
        System.arraycopy(a.shape(), 0, sh, nd - a.ndim(), a.ndim());
        System.arraycopy(reps, 0, rp, nd - reps.length, reps.length);
        NdArray x = a.reshape(sh);
        // View x as (1, s0, 1, s1, ...) broadcast to (r0, s0, r1, s1, ...), then copy and merge pairs.
        int[] inter = new int[2 * nd];
        int[] interSt = new int[2 * nd];
        int[] target = new int[2 * nd];
        int[] xs = x.strides();
        int[] result = new int[nd];
        for (int d = 0; d < nd; d++) {
            inter[2 * d] = 1;
            inter[2 * d + 1] = sh[d];
            interSt[2 * d + 1] = xs[d];
            target[2 * d] = rp[d];
            target[2 * d + 1] = sh[d];
            result[d] = rp[d] * sh[d];
        }
        NdArray v = x.view(inter, interSt, x.offset()).broadcastTo(target);
        return v.copy().reshape(result);
    }

    static NdArray repeat(NdArray a, int[] repeats, int axis) {
        int ax = a.normalizeAxis(axis, "repeat");
        int n = a.shape(ax);
        if (repeats.length != 1 && repeats.length != n) {
            throw new ShapeMismatchException("repeat: " + repeats.length + " repeat counts given for axis " + axis
                    + " of length " + n + " (shape " + shapeString(a.shape()) + ")");
        }
        long total = 0;
        for (int i = 0; i < n; i++) {
            int r = repeats.length == 1 ? repeats[0] : repeats[i];
            if (r < 0) {
                throw new IllegalArgumentException("repeat: negative repeat count " + r);
            }
            total += r;
        }
        int[] idx = new int[(int) total];
        int k = 0;
        for (int i = 0; i < n; i++) {
            int r = repeats.length == 1 ? repeats[0] : repeats[i];
            for (int j = 0; j < r; j++) {
                idx[k++] = i;
            }
        }
        return a.take(idx, ax);
    }

    static NdArray roll(NdArray a, int shift, int axis) {
        int ax = a.normalizeAxis(axis, "roll");
        int n = a.shape(ax);
        if (n == 0) {
            return a.copy();
        }
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = Math.floorMod(i - shift, n);
        }
        return a.take(idx, ax);
    }

    static NdArray pad(NdArray a, int[][] widths, NdArray.PadMode mode, double value) {
        int nd = a.ndim();
        if (widths.length != nd && widths.length != 1) {
            throw new IllegalArgumentException("pad: " + widths.length + " pad widths given for an array of shape "
                    + shapeString(a.shape()));
        }
        NdArray cur = a;
        for (int d = 0; d < nd; d++) {
            int[] w = widths.length == 1 ? widths[0] : widths[d];
            if (w.length != 2 || w[0] < 0 || w[1] < 0) {
                throw new IllegalArgumentException("pad: widths for axis " + d + " must be two non-negative numbers, got "
                        + Arrays.toString(w));
            }
            cur = padAxis(cur, d, w[0], w[1], mode, value);
        }
        return cur == a ? a.copy() : cur;
    }

    private static NdArray padAxis(NdArray a, int ax, int before, int after, NdArray.PadMode mode, double value) {
        if (before == 0 && after == 0) {
            return a;
        }
        int n = a.shape(ax);
        if (mode == NdArray.PadMode.CONSTANT) {
            int[] sb = a.shape();
            sb[ax] = before;
            int[] sa = a.shape();
            sa[ax] = after;
            NdArray b = Nd.full(a.dtype(), value, sb);
            NdArray c = Nd.full(a.dtype(), value, sa);
            return concat(ax, b, a, c);
        }
        if (n == 0) {
            throw new IllegalArgumentException("pad: can't extend the empty axis " + ax + " of shape "
                    + shapeString(a.shape()) + " with mode " + mode);
        }
        int[] idx = new int[before + n + after];
        for (int i = 0; i < idx.length; i++) {
            int p = i - before;
            if (mode == NdArray.PadMode.EDGE) {
                idx[i] = Math.min(Math.max(p, 0), n - 1);
            } else if (n == 1) {
                idx[i] = 0;
            } else {
                int period = 2 * (n - 1);
                int m = Math.floorMod(p, period);
                idx[i] = m >= n ? period - m : m;
            }
        }
        return a.take(idx, ax);
    }
}
