package dev.strix.ndarray.internal;

import dev.strix.ndarray.DType;
import dev.strix.ndarray.NdArray;
import dev.strix.ndarray.ShapeMismatchException;
import java.util.Arrays;

/** Strided copies with type conversion: the kernel behind copy, astype, assign and fill. */
public final class Cast {
    private Cast() {
    }

    /** Copies {@code src} (same shape) into {@code dst}, converting element types. Safe if they overlap. */
    public static void assign(NdArray dst, NdArray src) {
        if (!Arrays.equals(dst.shape(), src.shape())) {
            throw new ShapeMismatchException("assign: cannot copy shape " + ShapeMismatchException.shapeString(src.shape())
                    + " into shape " + ShapeMismatchException.shapeString(dst.shape()));
        }
        if (src.buffer() == dst.buffer() && src.size() > 1) {
            src = src.copy(); // the regions may overlap (e.g. a.assign(a.flip()))
        }
        final Object d = dst.buffer();
        final Object s = src.buffer();
        final DType dt = dst.dtype();
        final DType stp = src.dtype();
        int[] shape = dst.shape();
        if (dt == stp) {
            StridedLoop.run2(shape, dst.strides(), dst.offset(), src.strides(), src.offset(),
                    (o0, s0, o1, s1, n) -> copySame(dt, d, o0, s0, s, o1, s1, n));
            return;
        }
        if (stp.isFloating()) {
            StridedLoop.run2(shape, dst.strides(), dst.offset(), src.strides(), src.offset(), (o0, s0, o1, s1, n) -> {
                if (s0 == 1 && s1 == 1 && convertRun(dt, d, o0, stp, s, o1, n)) {
                    return;
                }
                for (int i = 0; i < n; i++, o0 += s0, o1 += s1) {
                    Buffers.setDouble(d, dt, o0, Buffers.getDouble(s, stp, o1));
                }
            });
        } else {
            StridedLoop.run2(shape, dst.strides(), dst.offset(), src.strides(), src.offset(), (o0, s0, o1, s1, n) -> {
                if (s0 == 1 && s1 == 1 && convertRun(dt, d, o0, stp, s, o1, n)) {
                    return;
                }
                for (int i = 0; i < n; i++, o0 += s0, o1 += s1) {
                    Buffers.setLong(d, dt, o0, Buffers.getLong(s, stp, o1));
                }
            });
        }
    }

    /**
     * A contiguous run converted by a loop typed for its pair of dtypes (C2 vectorises these; the
     * general loop's per-element dtype switches made astype 13x slower than NumPy at 1M), with
     * the general loop's semantics: Java's casts, as Buffers' getters and setters. False for the
     * pairs it does not cover (bool ones), which take the general loop.
     */
    private static boolean convertRun(DType dt, Object d, int o0, DType st, Object s, int o1, int n) {
        switch (st) {
            case FLOAT64: {
                double[] b = (double[]) s;
                switch (dt) {
                    case FLOAT32: { float[] a = (float[]) d; for (int i = 0; i < n; i++) { a[o0 + i] = (float) b[o1 + i]; } return true; }
                    case INT64: { long[] a = (long[]) d; for (int i = 0; i < n; i++) { a[o0 + i] = (long) b[o1 + i]; } return true; }
                    case INT32: { int[] a = (int[]) d; for (int i = 0; i < n; i++) { a[o0 + i] = (int) (long) b[o1 + i]; } return true; }
                    default: return false;
                }
            }
            case FLOAT32: {
                float[] b = (float[]) s;
                switch (dt) {
                    case FLOAT64: { double[] a = (double[]) d; for (int i = 0; i < n; i++) { a[o0 + i] = b[o1 + i]; } return true; }
                    case INT64: { long[] a = (long[]) d; for (int i = 0; i < n; i++) { a[o0 + i] = (long) b[o1 + i]; } return true; }
                    case INT32: { int[] a = (int[]) d; for (int i = 0; i < n; i++) { a[o0 + i] = (int) (long) b[o1 + i]; } return true; }
                    default: return false;
                }
            }
            case INT64: {
                long[] b = (long[]) s;
                switch (dt) {
                    case FLOAT64: { double[] a = (double[]) d; for (int i = 0; i < n; i++) { a[o0 + i] = b[o1 + i]; } return true; }
                    case FLOAT32: { float[] a = (float[]) d; for (int i = 0; i < n; i++) { a[o0 + i] = b[o1 + i]; } return true; }
                    case INT32: { int[] a = (int[]) d; for (int i = 0; i < n; i++) { a[o0 + i] = (int) b[o1 + i]; } return true; }
                    default: return false;
                }
            }
            case INT32: {
                int[] b = (int[]) s;
                switch (dt) {
                    case FLOAT64: { double[] a = (double[]) d; for (int i = 0; i < n; i++) { a[o0 + i] = b[o1 + i]; } return true; }
                    case FLOAT32: { float[] a = (float[]) d; for (int i = 0; i < n; i++) { a[o0 + i] = b[o1 + i]; } return true; }
                    case INT64: { long[] a = (long[]) d; for (int i = 0; i < n; i++) { a[o0 + i] = b[o1 + i]; } return true; }
                    default: return false;
                }
            }
            default:
                return false;
        }
    }

    private static void copySame(DType t, Object d, int o0, int s0, Object s, int o1, int s1, int n) {
        if (s0 == 1 && s1 == 1) {
            System.arraycopy(s, o1, d, o0, n);
            return;
        }
        switch (t) {
            case FLOAT64: {
                double[] a = (double[]) d;
                double[] b = (double[]) s;
                for (int i = 0; i < n; i++, o0 += s0, o1 += s1) {
                    a[o0] = b[o1];
                }
                break;
            }
            case FLOAT32: {
                float[] a = (float[]) d;
                float[] b = (float[]) s;
                for (int i = 0; i < n; i++, o0 += s0, o1 += s1) {
                    a[o0] = b[o1];
                }
                break;
            }
            case INT64: {
                long[] a = (long[]) d;
                long[] b = (long[]) s;
                for (int i = 0; i < n; i++, o0 += s0, o1 += s1) {
                    a[o0] = b[o1];
                }
                break;
            }
            case INT32: {
                int[] a = (int[]) d;
                int[] b = (int[]) s;
                for (int i = 0; i < n; i++, o0 += s0, o1 += s1) {
                    a[o0] = b[o1];
                }
                break;
            }
            case BOOL: {
                boolean[] a = (boolean[]) d;
                boolean[] b = (boolean[]) s;
                for (int i = 0; i < n; i++, o0 += s0, o1 += s1) {
                    a[o0] = b[o1];
                }
                break;
            }
            default:
                throw new AssertionError(t);
        }
    }
}
