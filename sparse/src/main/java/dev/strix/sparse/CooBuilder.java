package dev.strix.sparse;

import dev.strix.ndarray.DType;
import java.util.Arrays;

/**
 * Collects (row, column, value) triplets in any order and builds a canonical {@link CsrMatrix} or
 * {@link CscMatrix}: duplicate positions are <b>summed</b> (SciPy's {@code coo_matrix.tocsr()}),
 * indices sorted. Building is O(nnz + rows + cols) (two counting sorts), and the builder can be
 * reused (more entries may be added after a build).
 *
 * <pre>{@code
 * CooBuilder b = new CooBuilder(3, 3);
 * b.add(0, 0, 4).add(2, 1, -1).add(0, 0, 1);   // (0,0) becomes 5
 * CsrMatrix a = b.toCsr();
 * }</pre>
 */
public final class CooBuilder {
    private final int rows;
    private final int cols;
    private int[] r;
    private int[] c;
    private double[] v;
    private int n;
    private final DType dtype;

    /** A float64 builder. */
    public CooBuilder(int rows, int cols) {
        this(rows, cols, 16);
    }

    /** A float64 builder with room for {@code capacity} entries before growing. */
    public CooBuilder(int rows, int cols, int capacity) {
        this(rows, cols, capacity, DType.FLOAT64);
    }

    /**
     * A builder of matrices of the given dtype (float64 or float32). The triplets are staged in
     * float64 whatever the dtype, so duplicates are summed in float64 and a float32 result is
     * rounded once per stored entry.
     */
    public CooBuilder(int rows, int cols, DType dtype) {
        this(rows, cols, 16, dtype);
    }

    /** A builder of the given dtype with room for {@code capacity} entries before growing. */
    public CooBuilder(int rows, int cols, int capacity, DType dtype) {
        CsrMatrix.checkShape("CooBuilder", rows, cols);
        if (dtype != DType.FLOAT64 && dtype != DType.FLOAT32) {
            throw new IllegalArgumentException("CooBuilder: sparse matrices hold float64 or float32, not " + dtype);
        }
        this.dtype = dtype;
        int cap = Math.max(4, capacity);
        r = new int[cap];
        c = new int[cap];
        v = new double[cap];
        this.rows = rows;
        this.cols = cols;
    }

    /**
     * Adds value at (i, j) (negative indices count from the end). Zeros are kept as entries
     * until {@link CsrMatrix#eliminateZeros()}.
     *
     * @throws IndexOutOfBoundsException naming the index and the shape
     */
    public CooBuilder add(int i, int j, double value) {
        if (i < 0) {
            i += rows;
        }
        if (j < 0) {
            j += cols;
        }
        if (i < 0 || i >= rows || j < 0 || j >= cols) {
            throw new IndexOutOfBoundsException("CooBuilder.add: index (" + i + ", " + j + ") out of range for shape "
                    + CsrMatrix.shapeString(rows, cols));
        }
        if (n == r.length) {
            int cap = (int) Math.min(Integer.MAX_VALUE - 8L, 2L * n);
            if (cap == n) {
                throw new IllegalStateException("CooBuilder: more than " + n + " entries");
            }
            r = Arrays.copyOf(r, cap);
            c = Arrays.copyOf(c, cap);
            v = Arrays.copyOf(v, cap);
        }
        r[n] = i;
        c[n] = j;
        v[n++] = value;
        return this;
    }

    /** Adds many triplets (arrays of equal length). */
    public CooBuilder addAll(int[] rowIdx, int[] colIdx, double[] values) {
        if (rowIdx.length != colIdx.length || rowIdx.length != values.length) {
            throw new IllegalArgumentException("CooBuilder.addAll: lengths " + rowIdx.length + ", " + colIdx.length + ", " + values.length + " differ");
        }
        for (int k = 0; k < rowIdx.length; k++) {
            add(rowIdx[k], colIdx[k], values[k]);
        }
        return this;
    }

    /** The dtype of the matrices this builder makes. */
    public DType dtype() {
        return dtype;
    }

    /** Entries added so far (duplicates counted separately). */
    public int size() {
        return n;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** Canonical CSR: rows by counting sort on columns then on rows (stable, so columns end up sorted), duplicates summed. */
    public CsrMatrix toCsr() {
        return build(r, c, rows, cols);
    }

    /** Canonical CSC (duplicates summed). */
    public CscMatrix toCsc() {
        return new CscMatrix(build(c, r, cols, rows));
    }

    private CsrMatrix build(int[] major, int[] minor, int nMajor, int nMinor) {
        // pass 1: order by minor index
        int[] cnt = new int[nMinor + 1];
        for (int k = 0; k < n; k++) {
            cnt[minor[k] + 1]++;
        }
        for (int j = 0; j < nMinor; j++) {
            cnt[j + 1] += cnt[j];
        }
        int[] byMinor = new int[n];
        for (int k = 0; k < n; k++) {
            byMinor[cnt[minor[k]]++] = k;
        }
        // pass 2: stable order by major index
        int[] ip = new int[nMajor + 1];
        for (int k = 0; k < n; k++) {
            ip[major[k] + 1]++;
        }
        for (int i = 0; i < nMajor; i++) {
            ip[i + 1] += ip[i];
        }
        int[] next = Arrays.copyOf(ip, nMajor);
        int[] ix = new int[n];
        double[] vx = new double[n];
        for (int t = 0; t < n; t++) {
            int k = byMinor[t];
            int p = next[major[k]]++;
            ix[p] = minor[k];
            vx[p] = v[k];
        }
        // sum duplicates (adjacent now), compacting in place
        int p = 0;
        int[] out = new int[nMajor + 1];
        for (int i = 0; i < nMajor; i++) {
            int start = p;
            for (int k = ip[i]; k < ip[i + 1]; k++) {
                if (p > start && ix[p - 1] == ix[k]) {
                    vx[p - 1] += vx[k];
                } else {
                    ix[p] = ix[k];
                    vx[p++] = vx[k];
                }
            }
            out[i + 1] = p;
        }
        if (p < n) {
            ix = Arrays.copyOf(ix, p);
            vx = Arrays.copyOf(vx, p);
        }
        return CsrMatrix.result(nMajor, nMinor, out, ix, vx, dtype == DType.FLOAT32);
    }
}
