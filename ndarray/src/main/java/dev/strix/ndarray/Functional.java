package dev.strix.ndarray;

import dev.strix.ndarray.internal.Buffers;
import dev.strix.ndarray.internal.StridedLoop;
import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoublePredicate;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongUnaryOperator;

/** map, fold, scan, filter and indexed iteration with primitive lambdas (no boxing). */
final class Functional {
    private Functional() {
    }

    static NdArray map(NdArray a, DoubleUnaryOperator f) {
        DType t = a.dtype().toFloating();
        NdArray x = a.dtype() == t ? a : a.astype(t);
        NdArray out = NdArray.allocate(t, a.shape());
        if (t == DType.FLOAT64) {
            double[] src = (double[]) x.buffer();
            double[] dst = (double[]) out.buffer();
            StridedLoop.run2(a.shape(), out.strides(), 0, x.strides(), x.offset(), (o0, s0, o1, s1, n) -> {
                for (int i = 0; i < n; i++, o0 += s0, o1 += s1) {
                    dst[o0] = f.applyAsDouble(src[o1]);
                }
            });
        } else {
            float[] src = (float[]) x.buffer();
            float[] dst = (float[]) out.buffer();
            StridedLoop.run2(a.shape(), out.strides(), 0, x.strides(), x.offset(), (o0, s0, o1, s1, n) -> {
                for (int i = 0; i < n; i++, o0 += s0, o1 += s1) {
                    dst[o0] = (float) f.applyAsDouble(src[o1]);
                }
            });
        }
        return out;
    }

    static NdArray mapLong(NdArray a, LongUnaryOperator f) {
        if (a.dtype().isFloating()) {
            throw new IllegalArgumentException("mapLong: needs an integer or bool array, got " + a.dtype()
                    + "; use map for floats");
        }
        DType t = a.dtype() == DType.BOOL ? DType.INT64 : a.dtype();
        NdArray x = a.astype(DType.INT64);
        long[] src = (long[]) x.buffer();
        NdArray out = NdArray.allocate(t, a.shape());
        Object dst = out.buffer();
        for (int i = 0; i < src.length; i++) {
            Buffers.setLong(dst, t, i, f.applyAsLong(src[i]));
        }
        return out;
    }

    static NdArray mapIndexed(NdArray a, NdArray.IndexedDoubleOperator f) {
        DType t = a.dtype().toFloating();
        NdArray x = a.astype(t);
        Object buf = x.buffer();
        int n = x.size();
        for (int i = 0; i < n; i++) {
            Buffers.setDouble(buf, t, i, f.apply(i, Buffers.getDouble(buf, t, i)));
        }
        return x;
    }

    static double fold(NdArray a, double init, DoubleBinaryOperator f) {
        double[] x = a.toDoubleArray();
        double acc = init;
        for (double v : x) {
            acc = f.applyAsDouble(acc, v);
        }
        return acc;
    }

    static NdArray fold(NdArray a, int axis, double init, DoubleBinaryOperator f) {
        int ax = a.normalizeAxis(axis, "fold");
        NdArray m = a.moveAxis(ax, -1).astype(DType.FLOAT64);
        int n = m.shape(-1);
        int[] outShape = Arrays.copyOf(m.shape(), m.ndim() - 1);
        double[] src = (double[]) m.buffer();
        int outer = src.length / Math.max(n, 1);
        if (n == 0) {
            outer = (int) NdArray.checkedSize("fold", outShape);
        }
        double[] out = new double[outer];
        for (int o = 0; o < outer; o++) {
            double acc = init;
            for (int i = 0; i < n; i++) {
                acc = f.applyAsDouble(acc, src[o * n + i]);
            }
            out[o] = acc;
        }
        return NdArray.wrap(out, outShape);
    }

    static NdArray scan(NdArray a, int axis, DoubleBinaryOperator f) {
        int ax = a.normalizeAxis(axis, "scan");
        NdArray m = a.moveAxis(ax, -1).astype(DType.FLOAT64);
        int n = m.shape(-1);
        double[] buf = (double[]) m.buffer();
        if (n > 0) {
            for (int o = 0; o < buf.length / n; o++) {
                for (int i = 1; i < n; i++) {
                    buf[o * n + i] = f.applyAsDouble(buf[o * n + i - 1], buf[o * n + i]);
                }
            }
        }
        return m.moveAxis(-1, ax).copy();
    }

    static NdArray filter(NdArray a, DoublePredicate p) {
        NdArray x = a.copy();
        Object buf = x.buffer();
        DType t = x.dtype();
        int n = x.size();
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (p.test(Buffers.getDouble(buf, t, i))) {
                if (t.isFloating()) {
                    Buffers.setDouble(buf, t, k++, Buffers.getDouble(buf, t, i));
                } else {
                    Buffers.setLong(buf, t, k++, Buffers.getLong(buf, t, i));
                }
            }
        }
        return x.reshape(n).get(Index.upTo(k)).copy();
    }

    static void forEachIndexed(NdArray a, NdArray.IndexConsumer f) {
        int nd = a.ndim();
        int[] shape = a.shape();
        int[] idx = new int[nd];
        int[] shown = new int[nd]; // the caller may keep or change it; iteration uses idx
        int n = a.size();
        double[] x = a.toDoubleArray();
        for (int i = 0; i < n; i++) {
            System.arraycopy(idx, 0, shown, 0, nd);
            f.accept(shown, x[i]);
            for (int d = nd - 1; d >= 0; d--) {
                if (++idx[d] < shape[d]) {
                    break;
                }
                idx[d] = 0;
            }
        }
    }
}
