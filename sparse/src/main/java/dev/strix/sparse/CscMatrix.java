package dev.strix.sparse;

import dev.strix.ndarray.DType;
import dev.strix.ndarray.NdArray;
import dev.strix.ndarray.ShapeMismatchException;
import java.util.function.DoubleUnaryOperator;

/**
 * A float64 sparse matrix in compressed sparse column (CSC) form: {@code colptr} (cols + 1
 * offsets), {@code rowIndices} and {@code data}. Within a column the row indices are strictly
 * increasing (the same canonical invariant as {@link CsrMatrix}).
 *
 * <p>The CSC arrays of a matrix are exactly the CSR arrays of its transpose, so a
 * {@code CscMatrix} holds the {@link CsrMatrix} of its transpose and {@link #transpose()} (and
 * {@link CsrMatrix#transpose()}) cost O(1), sharing the arrays. Immutable.
 */
public final class CscMatrix {
    /** The transpose, in CSR form (its arrays are this matrix's CSC arrays). */
    final CsrMatrix t;

    CscMatrix(CsrMatrix transposeCsr) {
        this.t = transposeCsr;
    }

    /**
     * A CSC matrix from its arrays (copied, validated; unsorted columns are sorted and duplicates
     * summed).
     */
    public static CscMatrix of(int rows, int cols, int[] colptr, int[] rowIndices, double[] data) {
        CsrMatrix.checkShape("CscMatrix.of", rows, cols);
        try {
            return new CscMatrix(CsrMatrix.of(cols, rows, colptr, rowIndices, data));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().replace("CsrMatrix.of", "CscMatrix.of").replace("indptr", "colptr")
                    .replace("column index", "row index").replace("(row ", "(column ")
                    .replace(CsrMatrix.shapeString(cols, rows), "the transposed shape " + CsrMatrix.shapeString(cols, rows)), e);
        }
    }

    /** A float32 CSC matrix from its arrays (copied, validated, canonicalised). */
    public static CscMatrix of(int rows, int cols, int[] colptr, int[] rowIndices, float[] data) {
        return of(rows, cols, colptr, rowIndices, CsrMatrix.toDoubles(data)).astype(DType.FLOAT32);
    }

    /** The non-zero elements of a 2-D dense array (float32 stays float32, other dtypes become float64). */
    public static CscMatrix fromDense(NdArray a) {
        return CsrMatrix.fromDense(a).toCsc();
    }

    /** The non-zero elements of a 2-D dense array as a matrix of the given dtype (float32 or float64). */
    public static CscMatrix fromDense(NdArray a, DType dtype) {
        return CsrMatrix.fromDense(a, dtype).toCsc();
    }

    /** The dtype of the stored values: float64 or float32. */
    public DType dtype() {
        return t.dtype();
    }

    /** The same matrix with float32 or float64 values (this matrix if the dtype is already t). */
    public CscMatrix astype(DType dt) {
        CsrMatrix c = t.astype(dt);
        return c == t ? this : new CscMatrix(c);
    }

    /** A copy of the stored values as floats (float64 values rounded to nearest). */
    public float[] floatData() {
        return t.floatData();
    }

    CsrMatrix csrOfTranspose() {
        return t;
    }

    public int rows() {
        return t.cols;
    }

    public int cols() {
        return t.rows;
    }

    public int[] shape() {
        return new int[] {t.cols, t.rows};
    }

    public int nnz() {
        return t.nnz();
    }

    public double density() {
        return t.density();
    }

    /** A copy of the column offsets (length cols + 1). */
    public int[] colptr() {
        return t.indptr();
    }

    /** A copy of the row index of each stored entry. */
    public int[] rowIndices() {
        return t.indices();
    }

    /** A copy of the stored values, column by column. */
    public double[] data() {
        return t.data();
    }

    public double get(int i, int j) {
        return t.get(j, i);
    }

    public NdArray toDense() {
        return t.toDense().transpose().copy();
    }

    /** The same matrix in CSR form (a counting sort). */
    public CsrMatrix toCsr() {
        return t.toCsc().t;
    }

    /** The transpose in O(1): the CSR matrix over the same arrays. */
    public CsrMatrix transpose() {
        return t;
    }

    public CscMatrix eliminateZeros() {
        CsrMatrix e = t.eliminateZeros();
        return e == t ? this : new CscMatrix(e);
    }

    /** Columns [from, to), a copy (cheap in CSC). */
    public CscMatrix colRange(int from, int to) {
        return new CscMatrix(t.rowRange(from, to));
    }

    /** Rows [from, to), a copy. */
    public CscMatrix rowRange(int from, int to) {
        return new CscMatrix(t.colRange(from, to));
    }

    /** Fancy column selection {@code A[:, idx]}. */
    public CscMatrix selectCols(int... idx) {
        return new CscMatrix(t.selectRows(idx));
    }

    public NdArray diagonal(int k) {
        return t.diagonal(-k);
    }

    public NdArray diagonal() {
        return t.diagonal(0);
    }

    public CscMatrix map(DoubleUnaryOperator f) {
        return new CscMatrix(t.map(f));
    }

    public CscMatrix mul(double s) {
        return new CscMatrix(t.mul(s));
    }

    public CscMatrix div(double s) {
        return new CscMatrix(t.div(s));
    }

    public CscMatrix neg() {
        return new CscMatrix(t.neg());
    }

    public CscMatrix abs() {
        return new CscMatrix(t.abs());
    }

    public CscMatrix add(CscMatrix o) {
        return new CscMatrix(t.add(o.t));
    }

    public CscMatrix sub(CscMatrix o) {
        return new CscMatrix(t.sub(o.t));
    }

    public CscMatrix multiply(CscMatrix o) {
        return new CscMatrix(t.multiply(o.t));
    }

    public double sum() {
        return t.sum();
    }

    /** Axis 0 gives column sums (cols,), axis 1 row sums (rows,). */
    public NdArray sum(int axis) {
        return t.sum(flip(axis));
    }

    public NdArray mean(int axis) {
        return t.mean(flip(axis));
    }

    public NdArray max(int axis) {
        return t.max(flip(axis));
    }

    public NdArray min(int axis) {
        return t.min(flip(axis));
    }

    private static int flip(int axis) {
        if (axis == 0 || axis == -2) {
            return 1;
        }
        if (axis == 1 || axis == -1) {
            return 0;
        }
        throw new IllegalArgumentException("axis " + axis + " out of range for a 2-D sparse matrix");
    }

    /** y = A x: a transpose-SpMV over the CSC arrays (parallel with per-block partial sums when large). */
    public double[] matvec(double[] x) {
        if (x.length != cols()) {
            throw new ShapeMismatchException("matvec: matrix " + CsrMatrix.shapeString(rows(), cols()) + ", x (" + x.length + ",)");
        }
        return t.rmatvec(x);
    }

    public void matvec(double[] x, double[] y) {
        if (x.length != cols() || y.length != rows()) {
            throw new ShapeMismatchException("matvec: matrix " + CsrMatrix.shapeString(rows(), cols()) + ", x (" + x.length + ",), y ("
                    + y.length + ",)");
        }
        t.rmatvec(x, y);
    }

    /** y = A x in float32 for a float32 matrix (a float32 transpose-SpMV over the CSC arrays). */
    public float[] matvec(float[] x) {
        if (x.length != cols()) {
            throw new ShapeMismatchException("matvec: matrix " + CsrMatrix.shapeString(rows(), cols()) + ", x (" + x.length + ",)");
        }
        return t.rmatvec(x);
    }

    /** y = A^T x: a plain SpMV over the CSC arrays. */
    public double[] rmatvec(double[] x) {
        if (x.length != rows()) {
            throw new ShapeMismatchException("rmatvec: matrix " + CsrMatrix.shapeString(rows(), cols()) + " transposed, x (" + x.length + ",)");
        }
        return t.matvec(x);
    }

    /** A x (1-D) or A X (2-D, dense result). */
    public NdArray matmul(NdArray x) {
        if (x.ndim() == 1) {
            if (x.shape()[0] != cols()) {
                throw new ShapeMismatchException("matmul: " + CsrMatrix.shapeString(rows(), cols()) + " @ "
                        + ShapeMismatchException.shapeString(x.shape()));
            }
            return t.rmatvec(x); // float32 when both are float32
        }
        return toCsr().matmul(x);
    }

    /** A B, computed as (B^T A^T)^T with Gustavson on the shared arrays (no conversion). */
    public CscMatrix matmul(CscMatrix b) {
        if (cols() != b.rows()) {
            throw new ShapeMismatchException("matmul: " + CsrMatrix.shapeString(rows(), cols()) + " @ " + CsrMatrix.shapeString(b.rows(), b.cols()));
        }
        return new CscMatrix(b.t.matmul(t));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CscMatrix && ((CscMatrix) o).t.equals(t);
    }

    @Override
    public int hashCode() {
        return ~t.hashCode();
    }

    @Override
    public String toString() {
        return "CscMatrix" + CsrMatrix.shapeString(rows(), cols()) + " nnz=" + nnz() + (t.isF32() ? " float32" : "");
    }
}
