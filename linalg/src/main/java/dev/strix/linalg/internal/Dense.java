package dev.strix.linalg.internal;

import dev.strix.ndarray.DType;
import dev.strix.ndarray.NdArray;
import dev.strix.ndarray.ShapeMismatchException;
import org.ejml.data.DMatrixRMaj;

/**
 * Conversions between NdArrays and EJML's row-major {@link DMatrixRMaj}, and the float32 policy.
 *
 * <p>Where a copy is unavoidable, and why:
 * <ul>
 *   <li>{@link #view} wraps the NdArray's own {@code double[]} without copying when the array is
 *       float64, C-contiguous, starts at offset 0 and the buffer holds exactly its elements: EJML's
 *       {@code DMatrixRMaj} has no offset or strides, so any other layout (a slice, a transpose
 *       view, a float32 or integer array) must be copied into a fresh row-major {@code double[]}.
 *   <li>{@link #copy} always copies: EJML's decompositions (and Strix's own LU/Cholesky kernels)
 *       overwrite their input, and a function must never change its argument.
 *   <li>{@link #toNd} wraps EJML's result array without copying when its length is exactly
 *       rows x cols (EJML may keep a larger array after a reshape; then the prefix is copied).
 * </ul>
 * float32 input is promoted to float64, computed in float64 and rounded back to float32 once at
 * the end, so float32 results are at least as accurate as LAPACK's single-precision routines.
 */
public final class Dense {
    private Dense() {
    }

    /** Fails unless {@code a} is 2-D. */
    public static void require2d(String op, NdArray a) {
        if (a.ndim() != 2) {
            throw new IllegalArgumentException(op + ": expected a 2-D array (a matrix), got shape "
                    + ShapeMismatchException.shapeString(a.shape()));
        }
    }

    /** Fails unless {@code a} is at least 2-D and its last two axes are equal. */
    public static void requireSquare(String op, NdArray a) {
        int[] s = a.shape();
        if (s.length < 2 || s[s.length - 1] != s[s.length - 2]) {
            throw new IllegalArgumentException(op + ": expected a square matrix (or a stack of them), got shape "
                    + ShapeMismatchException.shapeString(s));
        }
    }

    /** Fails when {@code a} holds a NaN or an infinity. */
    public static void requireFinite(String op, DMatrixRMaj m) {
        int n = m.getNumElements();
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(m.data[i])) {
                throw new IllegalArgumentException(op + ": the input contains NaN or infinity (at row "
                        + (i / Math.max(1, m.numCols)) + ", column " + (i % Math.max(1, m.numCols)) + ")");
            }
        }
    }

    /** The dtype of results computed from {@code a}: float32 stays float32, everything else float64. */
    public static DType resultType(NdArray a) {
        return a.dtype() == DType.FLOAT32 ? DType.FLOAT32 : DType.FLOAT64;
    }

    /** A read-only EJML view of a 2-D array; shares the buffer when the layout allows (see class doc). */
    public static DMatrixRMaj view(NdArray a) {
        int r = a.shape(0);
        int c = a.shape(1);
        if (a.dtype() == DType.FLOAT64 && a.isContiguous() && a.offset() == 0
                && ((double[]) a.buffer()).length == r * c) {
            return DMatrixRMaj.wrap(r, c, (double[]) a.buffer());
        }
        return DMatrixRMaj.wrap(r, c, a.toDoubleArray());
    }

    /** A private float64 copy of a 2-D array that the caller may overwrite. */
    public static DMatrixRMaj copy(NdArray a) {
        return DMatrixRMaj.wrap(a.shape(0), a.shape(1), a.toDoubleArray());
    }

    /** Wraps an EJML matrix as an NdArray of dtype {@code t} (no copy for float64 when sizes agree). */
    public static NdArray toNd(DMatrixRMaj m, DType t) {
        int n = m.numRows * m.numCols;
        double[] d = m.data.length == n ? m.data : java.util.Arrays.copyOf(m.data, n);
        NdArray out = NdArray.wrap(d, m.numRows, m.numCols);
        return t == DType.FLOAT64 ? out : out.astype(t);
    }

    /** A 1-D NdArray of dtype {@code t} over {@code v} (no copy for float64). */
    public static NdArray vec(double[] v, DType t) {
        NdArray out = NdArray.wrap(v, v.length);
        return t == DType.FLOAT64 ? out : out.astype(t);
    }
}
