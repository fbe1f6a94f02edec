package dev.strix.sparse;

import dev.strix.ndarray.DType;
import dev.strix.ndarray.Nd;
import dev.strix.ndarray.NdArray;
import dev.strix.ndarray.ShapeMismatchException;
import dev.strix.sparse.internal.SpKernels;
import dev.strix.sparse.internal.SpKernelsF32;
import dev.strix.sparse.internal.SpKernelsF64;
import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * A float64 sparse matrix in compressed sparse row (CSR) form: {@code indptr} (rows + 1
 * offsets), {@code indices} (column of each stored entry) and {@code data} (its value).
 *
 * <p><b>Invariant.</b> Every {@code CsrMatrix} is canonical: within a row the column indices are
 * strictly increasing (sorted, no duplicates). Explicit zeros may be stored (a product can
 * cancel); {@link #eliminateZeros()} drops them. Instances are immutable: every operation returns
 * a new matrix, and the accessors {@link #indptr()}, {@link #indices()}, {@link #data()} return
 * copies. {@link #transpose()} is O(1): it returns the {@link CscMatrix} over the same arrays.
 *
 * <p>Shapes mismatches throw {@link ShapeMismatchException} naming the operation and both shapes.
 */
public final class CsrMatrix {
    final int rows;
    final int cols;
    final int[] indptr;
    final int[] indices;
    /** The float64 values, or null for a float32 matrix. */
    final double[] data;
    /** The float32 values, or null for a float64 matrix. */
    final float[] fdata;

    /** Wraps canonical arrays without checking or copying (callers inside the package only). */
    CsrMatrix(int rows, int cols, int[] indptr, int[] indices, double[] data) {
        this.rows = rows;
        this.cols = cols;
        this.indptr = indptr;
        this.indices = indices;
        this.data = data;
        this.fdata = null;
    }

    /** Wraps canonical arrays of a float32 matrix without checking or copying. */
    CsrMatrix(int rows, int cols, int[] indptr, int[] indices, float[] fdata) {
        this.rows = rows;
        this.cols = cols;
        this.indptr = indptr;
        this.indices = indices;
        this.data = null;
        this.fdata = fdata;
    }

    /** Stored value k, widened for float32 (a float64 matrix's arrays are read as they are). */
    double value(int k) {
        return data != null ? data[k] : fdata[k];
    }

    boolean isF32() {
        return fdata != null;
    }

    /** A matrix of computed float64 values, rounded once to float32 when {@code f32}. */
    static CsrMatrix result(int rows, int cols, int[] ip, int[] ix, double[] v, boolean f32) {
        return f32 ? new CsrMatrix(rows, cols, ip, ix, toFloats(v)) : new CsrMatrix(rows, cols, ip, ix, v);
    }

    static float[] toFloats(double[] v) {
        float[] f = new float[v.length];
        for (int k = 0; k < v.length; k++) {
            f[k] = (float) v[k];
        }
        return f;
    }

    static double[] toDoubles(float[] v) {
        double[] d = new double[v.length];
        for (int k = 0; k < v.length; k++) {
            d[k] = v[k];
        }
        return d;
    }

    /**
     * A CSR matrix from its three arrays, which are copied and validated (lengths, monotone
     * {@code indptr}, indices in range); unsorted rows are sorted and duplicate entries summed.
     *
     * @throws IllegalArgumentException naming the first inconsistency
     */
    public static CsrMatrix of(int rows, int cols, int[] indptr, int[] indices, double[] data) {
        checkShape("CsrMatrix.of", rows, cols);
        if (indptr.length != rows + 1) {
            throw new IllegalArgumentException("CsrMatrix.of: indptr has length " + indptr.length + ", expected rows + 1 = " + (rows + 1));
        }
        if (indptr[0] != 0) {
            throw new IllegalArgumentException("CsrMatrix.of: indptr[0] = " + indptr[0] + ", expected 0");
        }
        for (int i = 0; i < rows; i++) {
            if (indptr[i + 1] < indptr[i]) {
                throw new IllegalArgumentException("CsrMatrix.of: indptr decreases at row " + i + " (" + indptr[i] + " > " + indptr[i + 1] + ")");
            }
        }
        int nnz = indptr[rows];
        if (indices.length != nnz || data.length != nnz) {
            throw new IllegalArgumentException("CsrMatrix.of: indptr[rows] = " + nnz + " but indices has " + indices.length
                    + " and data " + data.length + " elements");
        }
        boolean canonical = true;
        for (int i = 0; i < rows; i++) {
            for (int k = indptr[i]; k < indptr[i + 1]; k++) {
                int j = indices[k];
                if (j < 0 || j >= cols) {
                    throw new IllegalArgumentException("CsrMatrix.of: column index " + j + " at position " + k + " (row " + i
                            + ") out of range for shape " + shapeString(rows, cols));
                }
                if (k > indptr[i] && j <= indices[k - 1]) {
                    canonical = false;
                }
            }
        }
        if (canonical) {
            return new CsrMatrix(rows, cols, indptr.clone(), indices.clone(), data.clone());
        }
        CooBuilder b = new CooBuilder(rows, cols, nnz);
        for (int i = 0; i < rows; i++) {
            for (int k = indptr[i]; k < indptr[i + 1]; k++) {
                b.add(i, indices[k], data[k]);
            }
        }
        return b.toCsr();
    }

    /**
     * A float32 CSR matrix from its three arrays (copied and validated as
     * {@link #of(int, int, int[], int[], double[])}; duplicates are summed in float64 and rounded once).
     */
    public static CsrMatrix of(int rows, int cols, int[] indptr, int[] indices, float[] data) {
        CsrMatrix m = of(rows, cols, indptr, indices, toDoubles(data));
        return m.astype(DType.FLOAT32);
    }

    /**
     * The same matrix with float32 or float64 values (the structure is shared, the values are
     * converted; float64 to float32 rounds to nearest). Returns this matrix when the dtype is
     * already {@code t}.
     *
     * @throws IllegalArgumentException for any other dtype
     */
    public CsrMatrix astype(DType t) {
        if (t != DType.FLOAT32 && t != DType.FLOAT64) {
            throw new IllegalArgumentException("astype: sparse matrices hold float64 or float32, not " + t);
        }
        if (t == dtype()) {
            return this;
        }
        return t == DType.FLOAT32 ? new CsrMatrix(rows, cols, indptr, indices, toFloats(data))
                : new CsrMatrix(rows, cols, indptr, indices, toDoubles(fdata));
    }

    /** The dtype of the stored values: {@link DType#FLOAT64} or {@link DType#FLOAT32}. */
    public DType dtype() {
        return fdata != null ? DType.FLOAT32 : DType.FLOAT64;
    }

    /** The rows x cols matrix of zeros (no stored entries). */
    public static CsrMatrix zeros(int rows, int cols) {
        checkShape("CsrMatrix.zeros", rows, cols);
        return new CsrMatrix(rows, cols, new int[rows + 1], new int[0], new double[0]);
    }

    /** The n x n identity. */
    public static CsrMatrix identity(int n) {
        checkShape("CsrMatrix.identity", n, n);
        int[] ip = new int[n + 1];
        int[] ix = new int[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            ip[i + 1] = i + 1;
            ix[i] = i;
            v[i] = 1;
        }
        return new CsrMatrix(n, n, ip, ix, v);
    }

    /**
     * The non-zero elements of a 2-D dense array: a float32 array gives a float32 matrix (as
     * SciPy's {@code csr_matrix} keeps the dtype), any other dtype (float64, integers, bool) a
     * float64 one. NaN is stored (it is not zero).
     */
    public static CsrMatrix fromDense(NdArray a) {
        if (a.dtype() == DType.FLOAT32) {
            return fromDense64(a).astype(DType.FLOAT32);
        }
        return fromDense64(a);
    }

    /** The non-zero elements of a 2-D dense array as a matrix of the given dtype (float32 or float64). */
    public static CsrMatrix fromDense(NdArray a, DType dtype) {
        return fromDense64(a).astype(dtype);
    }

    private static CsrMatrix fromDense64(NdArray a) {
        if (a.ndim() != 2) {
            throw new ShapeMismatchException("CsrMatrix.fromDense: expected a 2-D array, got shape " + ShapeMismatchException.shapeString(a.shape()));
        }
        int m = a.shape()[0], n = a.shape()[1];
        double[] d = doubles(a);
        int nnz = 0;
        for (double x : d) {
            if (x != 0) {
                nnz++;
            }
        }
        int[] ip = new int[m + 1];
        int[] ix = new int[nnz];
        double[] v = new double[nnz];
        int p = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double x = d[i * n + j];
                if (x != 0) {
                    ix[p] = j;
                    v[p++] = x;
                }
            }
            ip[i + 1] = p;
        }
        return new CsrMatrix(m, n, ip, ix, v);
    }

    // ------------------------------------------------------------------ structure

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** {rows, cols}. */
    public int[] shape() {
        return new int[] {rows, cols};
    }

    /** Number of stored entries (explicit zeros included, as SciPy's {@code nnz}). */
    public int nnz() {
        return indptr[rows];
    }

    /** nnz / (rows * cols); 0 for an empty shape. */
    public double density() {
        long size = (long) rows * cols;
        return size == 0 ? 0 : nnz() / (double) size;
    }

    /** A copy of the row offsets (length rows + 1). */
    public int[] indptr() {
        return indptr.clone();
    }

    /** A copy of the column indices of the stored entries. */
    public int[] indices() {
        return indices.clone();
    }

    /** A copy of the stored values (float32 values widened exactly). */
    public double[] data() {
        return data != null ? data.clone() : toDoubles(fdata);
    }

    /** A copy of the stored values as floats (float64 values rounded to nearest). */
    public float[] floatData() {
        return fdata != null ? fdata.clone() : toFloats(data);
    }

    /** Stored entries in each row (SciPy's {@code getnnz(axis=1)}), int64 of shape (rows,). */
    public NdArray rowCounts() {
        long[] c = new long[rows];
        for (int i = 0; i < rows; i++) {
            c[i] = indptr[i + 1] - indptr[i];
        }
        return NdArray.wrap(c, rows);
    }

    /** Element (i, j); negative indices count from the end. O(log(row length)). */
    public double get(int i, int j) {
        int r = index("get", i, rows, "row");
        int c = index("get", j, cols, "column");
        int k = Arrays.binarySearch(indices, indptr[r], indptr[r + 1], c);
        return k >= 0 ? value(k) : 0.0;
    }

    /** The dense (rows, cols) array, of this matrix's dtype. */
    public NdArray toDense() {
        if (fdata != null) {
            float[] f = new float[Math.multiplyExact(rows, cols)];
            for (int i = 0; i < rows; i++) {
                int base = i * cols;
                for (int k = indptr[i]; k < indptr[i + 1]; k++) {
                    f[base + indices[k]] += fdata[k];
                }
            }
            return NdArray.wrap(f, rows, cols);
        }
        double[] d = new double[Math.multiplyExact(rows, cols)];
        for (int i = 0; i < rows; i++) {
            int base = i * cols;
            for (int k = indptr[i]; k < indptr[i + 1]; k++) {
                d[base + indices[k]] += value(k);
            }
        }
        return NdArray.wrap(d, rows, cols);
    }

    /** The same matrix in CSC form (a counting sort, O(nnz + rows + cols)). */
    public CscMatrix toCsc() {
        if (fdata != null) {
            SpKernelsF32.CsrF32 t = SpKernelsF32.transpose(rows, cols, indptr, indices, fdata);
            return new CscMatrix(new CsrMatrix(cols, rows, t.indptr(), t.indices(), t.data()));
        }
        SpKernelsF64.CsrF64 t = SpKernelsF64.transpose(rows, cols, indptr, indices, data);
        return new CscMatrix(new CsrMatrix(cols, rows, t.indptr(), t.indices(), t.data()));
    }

    /** A builder holding this matrix's entries, to add more (duplicates are summed on build). */
    public CooBuilder toCoo() {
        CooBuilder b = new CooBuilder(rows, cols, nnz(), dtype());
        for (int i = 0; i < rows; i++) {
            for (int k = indptr[i]; k < indptr[i + 1]; k++) {
                b.add(i, indices[k], value(k));
            }
        }
        return b;
    }

    /** The transpose, in O(1): the CSC matrix over the same arrays (SciPy's {@code A.T}). */
    public CscMatrix transpose() {
        return new CscMatrix(this);
    }

    /** The same matrix without stored zeros. */
    public CsrMatrix eliminateZeros() {
        int nz = 0;
        for (int k = 0; k < nnz(); k++) {
            if (value(k) != 0) {
                nz++;
            }
        }
        if (nz == nnz()) {
            return this;
        }
        int[] ip = new int[rows + 1];
        int[] ix = new int[nz];
        double[] v = new double[nz];
        int p = 0;
        for (int i = 0; i < rows; i++) {
            for (int k = indptr[i]; k < indptr[i + 1]; k++) {
                if (value(k) != 0) {
                    ix[p] = indices[k];
                    v[p++] = value(k);
                }
            }
            ip[i + 1] = p;
        }
        return result(rows, cols, ip, ix, v, isF32());
    }

    // ------------------------------------------------------------------ slicing

    /** Rows [from, to) (stop exclusive; negative positions count from the end), a copy. */
    public CsrMatrix rowRange(int from, int to) {
        int lo = bound(from, rows), hi = bound(to, rows);
        if (hi < lo) {
            hi = lo;
        }
        int base = indptr[lo];
        int[] ip = new int[hi - lo + 1];
        for (int i = lo; i <= hi; i++) {
            ip[i - lo] = indptr[i] - base;
        }
        int[] ix = Arrays.copyOfRange(indices, base, indptr[hi]);
        return fdata != null ? new CsrMatrix(hi - lo, cols, ip, ix, Arrays.copyOfRange(fdata, base, indptr[hi]))
                : new CsrMatrix(hi - lo, cols, ip, ix, Arrays.copyOfRange(data, base, indptr[hi]));
    }

    /** Columns [from, to) (stop exclusive; negative positions count from the end), a copy. */
    public CsrMatrix colRange(int from, int to) {
        int lo = bound(from, cols), hi = Math.max(bound(to, cols), bound(from, cols));
        int[] ip = new int[rows + 1];
        int cnt = 0;
        for (int i = 0; i < rows; i++) {
            int a = lowerBound(indices, indptr[i], indptr[i + 1], lo);
            int b = lowerBound(indices, a, indptr[i + 1], hi);
            cnt += b - a;
            ip[i + 1] = cnt;
        }
        int[] ix = new int[cnt];
        double[] v = new double[cnt];
        int p = 0;
        for (int i = 0; i < rows; i++) {
            int a = lowerBound(indices, indptr[i], indptr[i + 1], lo);
            int b = lowerBound(indices, a, indptr[i + 1], hi);
            for (int k = a; k < b; k++) {
                ix[p] = indices[k] - lo;
                v[p++] = value(k);
            }
        }
        return result(rows, hi - lo, ip, ix, v, isF32());
    }

    /** The sub-matrix of rows [r0, r1) and columns [c0, c1), a copy. */
    public CsrMatrix slice(int r0, int r1, int c0, int c1) {
        return rowRange(r0, r1).colRange(c0, c1);
    }

    /** Fancy row selection {@code A[idx, :]}: rows in the given order, repeats allowed, negative indices count from the end. */
    public CsrMatrix selectRows(int... idx) {
        int[] r = new int[idx.length];
        int[] ip = new int[idx.length + 1];
        for (int t = 0; t < idx.length; t++) {
            r[t] = index("selectRows", idx[t], rows, "row");
            ip[t + 1] = ip[t] + indptr[r[t] + 1] - indptr[r[t]];
        }
        int[] ix = new int[ip[idx.length]];
        double[] v = new double[ip[idx.length]];
        for (int t = 0; t < idx.length; t++) {
            int len = indptr[r[t] + 1] - indptr[r[t]];
            System.arraycopy(indices, indptr[r[t]], ix, ip[t], len);
            for (int q = 0; q < len; q++) {
                v[ip[t] + q] = value(indptr[r[t]] + q);
            }
        }
        return result(idx.length, cols, ip, ix, v, isF32());
    }

    /** Fancy column selection {@code A[:, idx]} (through the CSC form). */
    public CsrMatrix selectCols(int... idx) {
        for (int t = 0; t < idx.length; t++) {
            index("selectCols", idx[t], cols, "column");
        }
        return toCsc().csrOfTranspose().selectRows(idx).transpose().toCsr();
    }

    /** Diagonal k (0 main, k > 0 above, k < 0 below) as a 1-D float64 array, as {@code A.diagonal(k)}. */
    public NdArray diagonal(int k) {
        int len = k >= 0 ? Math.max(0, Math.min(rows, cols - k)) : Math.max(0, Math.min(rows + k, cols));
        double[] d = new double[len];
        int i0 = k >= 0 ? 0 : -k;
        for (int t = 0; t < len; t++) {
            int i = i0 + t;
            int j = i + k;
            int p = Arrays.binarySearch(indices, indptr[i], indptr[i + 1], j);
            if (p >= 0) {
                d[t] = value(p);
            }
        }
        return typed(NdArray.wrap(d, len));
    }

    /** The main diagonal. */
    public NdArray diagonal() {
        return diagonal(0);
    }

    // ------------------------------------------------------------------ element-wise

    /** Applies f to the stored values only; f(0) must be 0 so that sparsity is kept. */
    public CsrMatrix map(DoubleUnaryOperator f) {
        if (f.applyAsDouble(0.0) != 0.0) {
            throw new IllegalArgumentException("map: f(0) = " + f.applyAsDouble(0.0)
                    + " is not 0, so the result would be dense; use toDense() first");
        }
        double[] v = new double[nnz()];
        for (int k = 0; k < v.length; k++) {
            v[k] = f.applyAsDouble(value(k));
        }
        return result(rows, cols, indptr, indices, v, isF32());
    }

    /** Multiplies every element by s (sparsity kept; s = 0 keeps the structure with explicit zeros, as SciPy). */
    public CsrMatrix mul(double s) {
        return map(x -> x * s);
    }

    /** Divides every stored element by s. Implicit zeros stay zero even for s = 0 (SciPy gives NaN there). */
    public CsrMatrix div(double s) {
        double[] v = new double[nnz()];
        for (int k = 0; k < v.length; k++) {
            v[k] = value(k) / s;
        }
        return result(rows, cols, indptr, indices, v, isF32());
    }

    public CsrMatrix neg() {
        return map(x -> -x);
    }

    public CsrMatrix abs() {
        return map(Math::abs);
    }

    public CsrMatrix square() {
        return map(x -> x * x);
    }

    public CsrMatrix sqrt() {
        return map(Math::sqrt);
    }

    /** Element-wise power; p must be positive (0^p = 0 keeps sparsity). */
    public CsrMatrix pow(double p) {
        if (!(p > 0)) {
            throw new IllegalArgumentException("pow: exponent must be > 0 to keep sparsity, got " + p);
        }
        return map(x -> Math.pow(x, p));
    }

    /** A + B for the same shape; entries that cancel to 0 are dropped (as SciPy). */
    public CsrMatrix add(CsrMatrix o) {
        return merge("add", o, Double::sum, true);
    }

    /** A - B for the same shape. */
    public CsrMatrix sub(CsrMatrix o) {
        return merge("sub", o, (a, b) -> a - b, true);
    }

    /** Element-wise (Hadamard) product A .* B for the same shape: only common positions survive. */
    public CsrMatrix multiply(CsrMatrix o) {
        return merge("multiply", o, (a, b) -> a * b, false);
    }

    /** Element-wise maximum with implicit zeros taking part (SciPy's {@code maximum}). */
    public CsrMatrix maximum(CsrMatrix o) {
        return merge("maximum", o, Math::max, true);
    }

    /** Element-wise minimum with implicit zeros taking part (SciPy's {@code minimum}). */
    public CsrMatrix minimum(CsrMatrix o) {
        return merge("minimum", o, Math::min, true);
    }

    private CsrMatrix merge(String op, CsrMatrix o, DoubleBinaryOperator f, boolean union) {
        if (rows != o.rows || cols != o.cols) {
            throw new ShapeMismatchException(op + ": shapes " + shapeString(rows, cols) + " and " + shapeString(o.rows, o.cols) + " differ");
        }
        int cap = union ? nnz() + o.nnz() : Math.min(nnz(), o.nnz());
        int[] ip = new int[rows + 1];
        int[] ix = new int[cap];
        double[] v = new double[cap];
        int p = 0;
        for (int i = 0; i < rows; i++) {
            int a = indptr[i], ae = indptr[i + 1], b = o.indptr[i], be = o.indptr[i + 1];
            while (a < ae || b < be) {
                int ja = a < ae ? indices[a] : Integer.MAX_VALUE;
                int jb = b < be ? o.indices[b] : Integer.MAX_VALUE;
                int j;
                double r;
                if (ja == jb) {
                    j = ja;
                    r = f.applyAsDouble(value(a++), o.value(b++));
                } else if (ja < jb) {
                    j = ja;
                    r = union ? f.applyAsDouble(value(a), 0.0) : 0.0;
                    a++;
                } else {
                    j = jb;
                    r = union ? f.applyAsDouble(0.0, o.value(b)) : 0.0;
                    b++;
                }
                if (r != 0) {
                    ix[p] = j;
                    v[p++] = r;
                }
            }
            ip[i + 1] = p;
        }
        // float32 with float32 stays float32 (each value rounded once); any float64 operand promotes
        return result(rows, cols, ip, Arrays.copyOf(ix, p), Arrays.copyOf(v, p), isF32() && o.isF32());
    }

    /**
     * A + D with a dense D, giving a dense array. D broadcasts to (rows, cols) by NumPy's rules
     * (shape (rows, cols), (1, cols), (rows, 1), (cols,) or a scalar); the sparse matrix itself
     * never broadcasts, so the result always has shape (rows, cols).
     */
    public NdArray add(NdArray dense) {
        NdArray out = broadcastDense("add", dense).astype(DType.FLOAT64);
        addInto(out, 1.0);
        return isF32() && dense.dtype() == DType.FLOAT32 ? out.astype(DType.FLOAT32) : out;
    }

    /** A - D with a dense D (broadcast as in {@link #add(NdArray)}), giving a dense array. */
    public NdArray sub(NdArray dense) {
        NdArray out = broadcastDense("sub", dense).astype(DType.FLOAT64).neg();
        addInto(out, 1.0);
        return isF32() && dense.dtype() == DType.FLOAT32 ? out.astype(DType.FLOAT32) : out;
    }

    /**
     * Element-wise A .* D with a dense D broadcast to (rows, cols) as in {@link #add(NdArray)}.
     * The result is sparse with A's structure: implicit zeros stay 0 even where D is NaN or
     * infinite (NumPy's dense 0 * inf would be NaN).
     */
    public CsrMatrix multiply(NdArray dense) {
        NdArray d = broadcastDense("multiply", dense);
        double[] v = new double[nnz()];
        for (int i = 0; i < rows; i++) {
            for (int k = indptr[i]; k < indptr[i + 1]; k++) {
                v[k] = value(k) * d.getDouble(i, indices[k]);
            }
        }
        return result(rows, cols, indptr, indices, v, isF32() && dense.dtype() == DType.FLOAT32);
    }

    private NdArray broadcastDense(String op, NdArray dense) {
        try {
            return dense.broadcastTo(rows, cols);
        } catch (IllegalArgumentException e) {
            throw new ShapeMismatchException(op + ": dense shape " + ShapeMismatchException.shapeString(dense.shape())
                    + " does not broadcast to the sparse shape " + shapeString(rows, cols));
        }
    }

    private void addInto(NdArray out, double scale) {
        double[] o = (double[]) out.buffer();
        for (int i = 0; i < rows; i++) {
            for (int k = indptr[i]; k < indptr[i + 1]; k++) {
                o[i * cols + indices[k]] += scale * value(k);
            }
        }
    }

    // ------------------------------------------------------------------ reductions

    /** Sum of all elements. */
    public double sum() {
        double s = 0;
        for (int k = 0; k < nnz(); k++) {
            s += value(k);
        }
        return s;
    }

    /** Sums along an axis: axis 0 gives shape (cols,), axis 1 (or -1) gives (rows,). 1-D, unlike SciPy's (1, n) np.matrix. */
    public NdArray sum(int axis) {
        int ax = axis(axis);
        double[] out = new double[ax == 0 ? cols : rows];
        for (int i = 0; i < rows; i++) {
            for (int k = indptr[i]; k < indptr[i + 1]; k++) {
                out[ax == 0 ? indices[k] : i] += value(k);
            }
        }
        return typed(NdArray.wrap(out, out.length));
    }

    /** Mean of all elements (implicit zeros included); NaN for an empty shape. */
    public double mean() {
        return sum() / ((double) rows * cols);
    }

    /** Means along an axis, implicit zeros included. */
    public NdArray mean(int axis) {
        int ax = axis(axis);
        return sum(ax).div((double) (ax == 0 ? rows : cols));
    }

    /** Largest element, implicit zeros included; an empty shape is an error. */
    public double max() {
        return extreme("max", true);
    }

    /** Smallest element, implicit zeros included; an empty shape is an error. */
    public double min() {
        return extreme("min", false);
    }

    /** Maxima along an axis, implicit zeros included (SciPy's {@code max(axis)}). */
    public NdArray max(int axis) {
        return extreme("max", axis, true);
    }

    /** Minima along an axis, implicit zeros included. */
    public NdArray min(int axis) {
        return extreme("min", axis, false);
    }

    private double extreme(String op, boolean max) {
        if (rows == 0 || cols == 0) {
            throw new IllegalArgumentException(op + ": empty matrix of shape " + shapeString(rows, cols));
        }
        double r = nnz() < (long) rows * cols ? 0.0 : (max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        for (int k = 0; k < nnz(); k++) {
            r = max ? Math.max(r, value(k)) : Math.min(r, value(k));
        }
        return r;
    }

    private NdArray extreme(String op, int axis, boolean max) {
        int ax = axis(axis);
        int len = ax == 0 ? cols : rows;
        int other = ax == 0 ? rows : cols;
        if (other == 0) {
            throw new IllegalArgumentException(op + ": zero-size axis " + ax + " of shape " + shapeString(rows, cols));
        }
        double[] out = new double[len];
        int[] count = new int[len];
        Arrays.fill(out, max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        for (int i = 0; i < rows; i++) {
            for (int k = indptr[i]; k < indptr[i + 1]; k++) {
                int t = ax == 0 ? indices[k] : i;
                out[t] = max ? Math.max(out[t], value(k)) : Math.min(out[t], value(k));
                count[t]++;
            }
        }
        for (int t = 0; t < len; t++) {
            if (count[t] < other) {
                out[t] = max ? Math.max(out[t], 0.0) : Math.min(out[t], 0.0);
            }
        }
        return typed(NdArray.wrap(out, len));
    }

    // ------------------------------------------------------------------ products

    /** y = A x for x of length cols (SpMV); parallel over nnz-balanced row blocks when large. */
    public double[] matvec(double[] x) {
        double[] y = new double[rows];
        matvec(x, y);
        return y;
    }

    /**
     * y = A x into a caller's buffer of length rows (no allocation: the form solvers use). A
     * float32 matrix is read as it is stored (each value widened in the loop), so solvers in
     * float64 can run on a float32 matrix without a float64 copy.
     */
    public void matvec(double[] x, double[] y) {
        if (x.length != cols || y.length != rows) {
            throw new ShapeMismatchException("matvec: matrix " + shapeString(rows, cols) + ", x (" + x.length + ",), y (" + y.length
                    + ",); expected x (" + cols + ",) and y (" + rows + ",)");
        }
        if (fdata != null) {
            SpKernels.spmvMixed(rows, indptr, indices, fdata, x, y);
        } else {
            SpKernelsF64.spmv(rows, indptr, indices, data, x, y);
        }
    }

    /** y = A x in float32 for a float32 matrix (float accumulation, as SciPy's float32 SpMV). */
    public float[] matvec(float[] x) {
        float[] y = new float[rows];
        matvec(x, y);
        return y;
    }

    /**
     * y = A x in float32 into a caller's buffer.
     *
     * @throws IllegalArgumentException if this matrix is float64 (use the double[] form, or
     *     {@code astype(DType.FLOAT32)} first)
     */
    public void matvec(float[] x, float[] y) {
        if (x.length != cols || y.length != rows) {
            throw new ShapeMismatchException("matvec: matrix " + shapeString(rows, cols) + ", x (" + x.length + ",), y (" + y.length
                    + ",); expected x (" + cols + ",) and y (" + rows + ",)");
        }
        requireF32("matvec(float[])");
        SpKernelsF32.spmv(rows, indptr, indices, fdata, x, y);
    }

    private void requireF32(String op) {
        if (fdata == null) {
            throw new IllegalArgumentException(op + ": the matrix is float64; use the double[] form or astype(DType.FLOAT32)");
        }
    }

    /**
     * A x for a 1-D x of length cols, or A X for a 2-D X of shape (cols, n) (then a dense (rows, n)
     * result). The result is float32 when the matrix and x are both float32 (float32 kernels),
     * float64 otherwise (NumPy's promotion).
     */
    public NdArray matmul(NdArray x) {
        if (x.ndim() == 1) {
            if (x.shape()[0] != cols) {
                throw new ShapeMismatchException("matmul: " + shapeString(rows, cols) + " @ " + ShapeMismatchException.shapeString(x.shape()));
            }
            if (isF32() && x.dtype() == DType.FLOAT32) {
                return NdArray.wrap(matvec(floats(x)), rows);
            }
            return NdArray.wrap(matvec(doubles(x)), rows);
        }
        if (x.ndim() != 2 || x.shape()[0] != cols) {
            throw new ShapeMismatchException("matmul: " + shapeString(rows, cols) + " @ " + ShapeMismatchException.shapeString(x.shape()));
        }
        int n = x.shape()[1];
        if (isF32() && x.dtype() == DType.FLOAT32) {
            float[] c = new float[Math.multiplyExact(rows, n)];
            SpKernelsF32.spmm(rows, indptr, indices, fdata, floats(x), n, c);
            return NdArray.wrap(c, rows, n);
        }
        double[] c = new double[Math.multiplyExact(rows, n)];
        SpKernelsF64.spmm(rows, indptr, indices, astype(DType.FLOAT64).data, doubles(x), n, c);
        return NdArray.wrap(c, rows, n);
    }

    /** y = A^T x for x of length rows, without forming the transpose. */
    public double[] rmatvec(double[] x) {
        double[] y = new double[cols];
        rmatvec(x, y);
        return y;
    }

    /** y = A^T x into a caller's buffer of length cols (a float32 matrix is widened to a temporary first). */
    public void rmatvec(double[] x, double[] y) {
        if (x.length != rows || y.length != cols) {
            throw new ShapeMismatchException("rmatvec: matrix " + shapeString(rows, cols) + " transposed, x (" + x.length + ",), y ("
                    + y.length + ",); expected x (" + rows + ",) and y (" + cols + ",)");
        }
        SpKernelsF64.spmvT(rows, cols, indptr, indices, astype(DType.FLOAT64).data, x, y);
    }

    /** y = A^T x in float32 for a float32 matrix. */
    public float[] rmatvec(float[] x) {
        float[] y = new float[cols];
        rmatvec(x, y);
        return y;
    }

    /** y = A^T x in float32 into a caller's buffer (float32 matrices only). */
    public void rmatvec(float[] x, float[] y) {
        if (x.length != rows || y.length != cols) {
            throw new ShapeMismatchException("rmatvec: matrix " + shapeString(rows, cols) + " transposed, x (" + x.length + ",), y ("
                    + y.length + ",); expected x (" + rows + ",) and y (" + cols + ",)");
        }
        requireF32("rmatvec(float[])");
        SpKernelsF32.spmvT(rows, cols, indptr, indices, fdata, x, y);
    }

    /** A^T x for a 1-D x of length rows (float32 when both are float32). */
    public NdArray rmatvec(NdArray x) {
        if (x.ndim() != 1 || x.shape()[0] != rows) {
            throw new ShapeMismatchException("rmatvec: " + shapeString(rows, cols) + ".T @ " + ShapeMismatchException.shapeString(x.shape()));
        }
        if (isF32() && x.dtype() == DType.FLOAT32) {
            return NdArray.wrap(rmatvec(floats(x)), cols);
        }
        return NdArray.wrap(rmatvec(doubles(x)), cols);
    }

    /** Sparse x sparse product by Gustavson's algorithm; canonical result (cancellations kept as explicit zeros, as SciPy). */
    public CsrMatrix matmul(CsrMatrix b) {
        if (cols != b.rows) {
            throw new ShapeMismatchException("matmul: " + shapeString(rows, cols) + " @ " + shapeString(b.rows, b.cols));
        }
        if (isF32() && b.isF32()) {
            SpKernelsF32.CsrF32 c = SpKernelsF32.spgemm(rows, b.cols, indptr, indices, fdata, b.indptr, b.indices, b.fdata);
            return new CsrMatrix(rows, b.cols, c.indptr(), c.indices(), c.data());
        }
        CsrMatrix a = astype(DType.FLOAT64);
        b = b.astype(DType.FLOAT64);
        SpKernelsF64.CsrF64 c = SpKernelsF64.spgemm(rows, b.cols, indptr, indices, a.data, b.indptr, b.indices, b.data);
        return new CsrMatrix(rows, b.cols, c.indptr(), c.indices(), c.data());
    }

    /** A B for a CSC B (converted to CSR first). */
    public CsrMatrix matmul(CscMatrix b) {
        return matmul(b.toCsr());
    }

    // ------------------------------------------------------------------ object

    /** Same shape and the same stored structure and values (explicit zeros count). */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CsrMatrix)) {
            return false;
        }
        CsrMatrix m = (CsrMatrix) o;
        return rows == m.rows && cols == m.cols && Arrays.equals(indptr, m.indptr) && Arrays.equals(indices, m.indices)
                && Arrays.equals(data, m.data) && Arrays.equals(fdata, m.fdata);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + (data != null ? Arrays.hashCode(data) : ~Arrays.hashCode(fdata));
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("CsrMatrix" + shapeString(rows, cols) + " nnz=" + nnz()
                + (isF32() ? " float32" : ""));
        int shown = 0;
        for (int i = 0; i < rows && shown < 20; i++) {
            for (int k = indptr[i]; k < indptr[i + 1] && shown < 20; k++, shown++) {
                s.append("\n  (").append(i).append(", ").append(indices[k]).append(")\t").append(value(k));
            }
        }
        if (shown < nnz()) {
            s.append("\n  ...");
        }
        return s.toString();
    }

    // ------------------------------------------------------------------ helpers

    static String shapeString(int r, int c) {
        return "(" + r + ", " + c + ")";
    }

    static void checkShape(String op, int r, int c) {
        if (r < 0 || c < 0) {
            throw new IllegalArgumentException(op + ": negative shape " + shapeString(r, c));
        }
    }

    static int index(String op, int i, int n, String what) {
        int r = i < 0 ? i + n : i;
        if (r < 0 || r >= n) {
            throw new IndexOutOfBoundsException(op + ": " + what + " index " + i + " out of range for size " + n);
        }
        return r;
    }

    private static int bound(int i, int n) {
        int r = i < 0 ? i + n : i;
        return Math.max(0, Math.min(n, r));
    }

    private int axis(int axis) {
        if (axis == 0 || axis == -2) {
            return 0;
        }
        if (axis == 1 || axis == -1) {
            return 1;
        }
        throw new IllegalArgumentException("axis " + axis + " out of range for a 2-D sparse matrix");
    }

    static int lowerBound(int[] a, int from, int to, int key) {
        int lo = from, hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * The elements of x in row-major order as doubles, read-only: x's own buffer when it is a
     * contiguous float64 array starting at 0 (no copy: SpMM's dense operand can be large), else a
     * converted copy.
     */
    static double[] doubles(NdArray x) {
        if (x.dtype() == DType.FLOAT64 && x.offset() == 0 && x.isContiguous() && ((double[]) x.buffer()).length == x.size()) {
            return (double[]) x.buffer();
        }
        return x.toDoubleArray();
    }

    /** As {@link #doubles(NdArray)} for float32 (x's own buffer when possible, else a converted copy). */
    static float[] floats(NdArray x) {
        if (x.dtype() == DType.FLOAT32 && x.offset() == 0 && x.isContiguous() && ((float[]) x.buffer()).length == x.size()) {
            return (float[]) x.buffer();
        }
        return x.toFloatArray();
    }

    /** A float64 result array converted to this matrix's dtype (float32 results are rounded once). */
    NdArray typed(NdArray a) {
        return isF32() ? a.astype(DType.FLOAT32) : a;
    }

    static NdArray zerosDense(int r, int c) {
        return Nd.zeros(r, c);
    }
}
