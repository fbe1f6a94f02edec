package dev.strix.ndarray.internal;

import dev.strix.ndarray.DType;
import dev.strix.ndarray.NdArray;
import dev.strix.ndarray.ShapeMismatchException;
import java.util.Arrays;

/**
 * Matrix products with NumPy's {@code dot}/{@code matmul} semantics. Float products run on the
 * packed, register-tiled GEMM ({@link GemmF64}, {@link GemmF32}) of the active provider, reading
 * transposed and broadcast operands through their strides; integer products use a plain loop.
 */
public final class MatMul {
    private MatMul() {
    }

    public static NdArray dot(NdArray a, NdArray b) {
        if (a.ndim() == 0 || b.ndim() == 0) {
            return a.mul(b);
        }
        if (a.ndim() <= 2 && b.ndim() <= 2) {
            return matmul(a, b);
        }
        // N-d dot: sum over the last axis of a and the second-to-last of b.
        int k = a.shape(-1);
        int kb = b.ndim() == 1 ? b.shape(0) : b.shape(-2);
        if (k != kb) {
            throw new ShapeMismatchException("dot: shapes " + ShapeMismatchException.shapeString(a.shape()) + " and "
                    + ShapeMismatchException.shapeString(b.shape()) + " not aligned: " + k + " (last dim of the first) != "
                    + kb + " (second-to-last dim of the second)");
        }
        NdArray a2 = a.reshape(-1, k);
        NdArray bm = b.ndim() == 1 ? b.reshape(k, 1) : b.moveAxis(-2, 0);
        int[] bRest = Arrays.copyOfRange(bm.shape(), 1, bm.ndim());
        NdArray b2 = bm.reshape(k, -1);
        NdArray c = matmul(a2, b2);
        int[] aLead = Arrays.copyOf(a.shape(), a.ndim() - 1);
        int[] bShapeOut = b.ndim() == 1 ? new int[0] : bRest;
        int[] out = new int[aLead.length + bShapeOut.length];
        System.arraycopy(aLead, 0, out, 0, aLead.length);
        System.arraycopy(bShapeOut, 0, out, aLead.length, bShapeOut.length);
        return c.reshape(out);
    }

    public static NdArray matmul(NdArray a, NdArray b) {
        if (a.ndim() == 0 || b.ndim() == 0) {
            throw new IllegalArgumentException("matmul: operands must have at least 1 dimension; got shapes "
                    + ShapeMismatchException.shapeString(a.shape()) + " and " + ShapeMismatchException.shapeString(b.shape())
                    + " (use mul for scalars)");
        }
        boolean aVec = a.ndim() == 1;
        boolean bVec = b.ndim() == 1;
        NdArray x = aVec ? a.expandDims(0) : a;
        NdArray y = bVec ? b.expandDims(1) : b;
        int m = x.shape(-2);
        int k = x.shape(-1);
        int k2 = y.shape(-2);
        int n = y.shape(-1);
        if (k != k2) {
            throw new ShapeMismatchException("matmul: shapes " + ShapeMismatchException.shapeString(a.shape()) + " and "
                    + ShapeMismatchException.shapeString(b.shape()) + " are not aligned: " + k
                    + " (last dim of the first) != " + k2 + " (" + (bVec ? "only" : "second-to-last") + " dim of the second)");
        }
        int[] xb = Arrays.copyOf(x.shape(), x.ndim() - 2);
        int[] yb = Arrays.copyOf(y.shape(), y.ndim() - 2);
        int[] batch;
        try {
            batch = Elementwise.broadcastShapes("matmul", xb, yb);
        } catch (ShapeMismatchException e) {
            throw new ShapeMismatchException("matmul: batch dimensions of shapes " + ShapeMismatchException.shapeString(a.shape())
                    + " and " + ShapeMismatchException.shapeString(b.shape()) + " do not broadcast");
        }
        DType t = DType.promote(a.dtype(), b.dtype());
        if (t == DType.BOOL) {
            t = DType.INT64;
        }
        int[] xs = concat(batch, new int[] {m, k});
        int[] ys = concat(batch, new int[] {k, n});
        int nb = 1;
        for (int s : batch) {
            nb *= s;
        }
        int[] outShape = concat(batch, new int[] {m, n});
        NdArray out = NdArray.wrap(Buffers.allocate(t, nb * m * n), outShape);
        if (t == DType.FLOAT64 || t == DType.FLOAT32) {
            floatProduct(t, x.broadcastTo(xs), y.broadcastTo(ys), out, batch, m, n, k);
        } else {
            integerProduct(t, x.broadcastTo(xs).astype(t), y.broadcastTo(ys).astype(t), out, nb, m, n, k);
        }
        if (aVec && bVec) {
            return out.reshape(Arrays.copyOf(outShape, outShape.length - 2));
        }
        if (aVec) {
            return out.squeeze(-2);
        }
        if (bVec) {
            return out.squeeze(-1);
        }
        return out;
    }

    /** {@code C += A B} or {@code C -= A B} on raw float64 arrays (see {@code dev.strix.ndarray.Kernels#gemm}). */
    public static void gemm(boolean subtract, int m, int n, int k, double[] a, int ao, int ars, int acs,
            double[] b, int bo, int brs, int bcs, double[] c, int co, int ldc) {
        GemmF64.gemm(KernelSelector.get(), m, n, k, a, ao, ars, acs, b, bo, brs, bcs, c, co, ldc, subtract);
    }

    /** The float32 twin of {@link #gemm(boolean, int, int, int, double[], int, int, int, double[], int, int, int, double[], int, int)}. */
    public static void gemm(boolean subtract, int m, int n, int k, float[] a, int ao, int ars, int acs,
            float[] b, int bo, int brs, int bcs, float[] c, int co, int ldc) {
        GemmF32.gemm(KernelSelector.get(), m, n, k, a, ao, ars, acs, b, bo, brs, bcs, c, co, ldc, subtract);
    }

    /**
     * Float products on the packed GEMM, reading the operands through their strides (transposed
     * and broadcast views are not copied; only an operand of another dtype is converted).
     */
    private static void floatProduct(DType t, NdArray xa, NdArray ya, NdArray out, int[] batch, int m, int n, int k) {
        NdArray xv = xa.dtype() == t ? xa : xa.astype(t);
        NdArray yv = ya.dtype() == t ? ya : ya.astype(t);
        int nd = xv.ndim();
        int[] xst = xv.strides();
        int[] yst = yv.strides();
        int ars = xst[nd - 2];
        int acs = xst[nd - 1];
        int brs = yst[nd - 2];
        int bcs = yst[nd - 1];
        KernelProvider kp = KernelSelector.get();
        int[] xb = Arrays.copyOf(xst, nd - 2);
        int[] yb = Arrays.copyOf(yst, nd - 2);
        int[] ob = Arrays.copyOf(out.strides(), nd - 2);
        StridedLoop.run3(batch, xb, xv.offset(), yb, yv.offset(), ob, 0, (i0, s0, i1, s1, i2, s2, count) -> {
            for (int q = 0; q < count; q++, i0 += s0, i1 += s1, i2 += s2) {
                if (t == DType.FLOAT64) {
                    GemmF64.gemm(kp, m, n, k, (double[]) xv.buffer(), i0, ars, acs, (double[]) yv.buffer(), i1, brs, bcs,
                            (double[]) out.buffer(), i2, n);
                } else {
                    GemmF32.gemm(kp, m, n, k, (float[]) xv.buffer(), i0, ars, acs, (float[]) yv.buffer(), i1, brs, bcs,
                            (float[]) out.buffer(), i2, n);
                }
            }
        });
    }

    private static void integerProduct(DType t, NdArray xa, NdArray ya, NdArray out, int nb, int m, int n, int k) {
        // int32 multiplies in int64; widen each operand once, not once per batch element
        long[] xl = t == DType.INT32 ? (long[]) xa.astype(DType.INT64).buffer() : null;
        long[] yl = t == DType.INT32 ? (long[]) ya.astype(DType.INT64).buffer() : null;
        for (int bi = 0; bi < nb; bi++) {
            int ao = bi * m * k;
            int bo = bi * k * n;
            int co = bi * m * n;
            if (t == DType.INT64) {
                gemm((long[]) xa.buffer(), ao, (long[]) ya.buffer(), bo, (long[]) out.buffer(), co, m, n, k);
            } else {
                long[] c = new long[m * n];
                gemm(xl, ao, yl, bo, c, 0, m, n, k);
                int[] o = (int[]) out.buffer();
                for (int i = 0; i < c.length; i++) {
                    o[co + i] = (int) c[i];
                }
            }
        }
    }

    private static int[] concat(int[] a, int[] b) {
        int[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    /** C[m,n] += A[m,k] B[k,n] for int64, all row-major contiguous at the given offsets. */
    static void gemm(long[] a, int ao, long[] b, int bo, long[] c, int co, int m, int n, int k) {
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                long av = a[ao + i * k + p];
                int bp = bo + p * n;
                int ci = co + i * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += av * b[bp + j];
                }
            }
        }
    }
}
