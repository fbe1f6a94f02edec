package dev.strix.sparse;

import dev.strix.ndarray.NdArray;
import dev.strix.ndarray.ShapeMismatchException;
import java.util.Arrays;
import java.util.SplittableRandom;

/** Static constructors and functions of several sparse matrices (SciPy's {@code scipy.sparse} module functions). */
public final class Sparse {
    private Sparse() {
    }

    /** The n x n identity (SciPy's {@code eye}). */
    public static CsrMatrix eye(int n) {
        return CsrMatrix.identity(n);
    }

    /**
     * A matrix with {@code values} on diagonal k (SciPy's {@code diags(values, k)}); the shape is
     * square with side len + |k|.
     */
    public static CsrMatrix diags(NdArray values, int k) {
        if (values.ndim() != 1) {
            throw new ShapeMismatchException("diags: expected a 1-D array, got shape " + ShapeMismatchException.shapeString(values.shape()));
        }
        double[] d = values.toDoubleArray();
        int n = d.length + Math.abs(k);
        CooBuilder b = new CooBuilder(n, n, d.length);
        for (int t = 0; t < d.length; t++) {
            b.add(k >= 0 ? t : t - k, k >= 0 ? t + k : t, d[t]);
        }
        return b.toCsr();
    }

    /**
     * The 5-point finite-difference Laplacian on an n x n grid (Dirichlet boundary), the n^2 x n^2
     * symmetric positive definite matrix with 4 on the diagonal and -1 for each grid neighbour.
     */
    public static CsrMatrix poisson2d(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("poisson2d: grid side must be >= 1, got " + n);
        }
        int size = Math.multiplyExact(n, n);
        CooBuilder b = new CooBuilder(size, size, 5 * size);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int p = i * n + j;
                if (i > 0) {
                    b.add(p, p - n, -1);
                }
                if (j > 0) {
                    b.add(p, p - 1, -1);
                }
                b.add(p, p, 4);
                if (j < n - 1) {
                    b.add(p, p + 1, -1);
                }
                if (i < n - 1) {
                    b.add(p, p + n, -1);
                }
            }
        }
        return b.toCsr();
    }

    /**
     * A random rows x cols matrix with exactly round(density * rows * cols) stored entries at
     * distinct uniformly random positions, values uniform in [0, 1) (SciPy's {@code random}; the
     * numbers differ from SciPy's). Deterministic for a seed. Positions are drawn per row
     * (a binomial-like split of the count, then distinct columns), so 1M x 1M with 10M entries
     * needs no dense work.
     */
    public static CsrMatrix random(int rows, int cols, double density, long seed) {
        CsrMatrix.checkShape("random", rows, cols);
        if (!(density >= 0 && density <= 1)) {
            throw new IllegalArgumentException("random: density must be in [0, 1], got " + density);
        }
        long total = Math.round(density * rows * (double) cols);
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("random: " + total + " entries exceed the 2^31 limit of one CSR array");
        }
        SplittableRandom rng = new SplittableRandom(seed);
        int[] ip = new int[rows + 1];
        // spread the count over rows: each entry picks a row, capped at cols per row
        int[] perRow = new int[rows];
        long placed = 0;
        while (placed < total) {
            int i = rng.nextInt(rows);
            if (perRow[i] < cols) {
                perRow[i]++;
                placed++;
            }
        }
        for (int i = 0; i < rows; i++) {
            ip[i + 1] = ip[i] + perRow[i];
        }
        int nnz = (int) total;
        int[] ix = new int[nnz];
        double[] v = new double[nnz];
        for (int i = 0; i < rows; i++) {
            int k = perRow[i];
            int start = ip[i];
            if (k == 0) {
                continue;
            }
            if (k * 4L > cols) {
                // dense-ish row: selection sampling over all columns (Knuth's algorithm S)
                int need = k, p = start;
                for (int j = 0; j < cols && need > 0; j++) {
                    if (rng.nextInt(cols - j) < need) {
                        ix[p++] = j;
                        need--;
                    }
                }
            } else {
                int p = start;
                while (p < start + k) {
                    ix[p++] = rng.nextInt(cols);
                    if (p == start + k) {
                        Arrays.sort(ix, start, p);
                        int q = start;
                        for (int t = start; t < p; t++) {
                            if (t == start || ix[t] != ix[q - 1]) {
                                ix[q++] = ix[t];
                            }
                        }
                        p = q;
                    }
                }
            }
            for (int t = start; t < start + k; t++) {
                v[t] = rng.nextDouble();
            }
        }
        return new CsrMatrix(rows, cols, ip, ix, v);
    }

    /** Stacks matrices with equal column counts on top of each other (SciPy's {@code vstack}). */
    public static CsrMatrix vstack(CsrMatrix... ms) {
        if (ms.length == 0) {
            throw new IllegalArgumentException("vstack: no matrices");
        }
        int cols = ms[0].cols;
        long rows = 0, nnz = 0;
        for (CsrMatrix m : ms) {
            if (m.cols != cols) {
                throw new ShapeMismatchException("vstack: column counts differ: " + CsrMatrix.shapeString(ms[0].rows, cols) + " and "
                        + CsrMatrix.shapeString(m.rows, m.cols));
            }
            rows += m.rows;
            nnz += m.nnz();
        }
        if (nnz > Integer.MAX_VALUE - 8 || rows > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("vstack: result too large (" + rows + " rows, " + nnz + " entries)");
        }
        int[] ip = new int[(int) rows + 1];
        int[] ix = new int[(int) nnz];
        double[] v = new double[(int) nnz];
        boolean f32 = true;
        int r = 0, p = 0;
        for (CsrMatrix m : ms) {
            f32 &= m.isF32();
            for (int i = 0; i < m.rows; i++) {
                ip[r + i + 1] = p + m.indptr[i + 1];
            }
            System.arraycopy(m.indices, 0, ix, p, m.nnz());
            for (int k = 0; k < m.nnz(); k++) {
                v[p + k] = m.value(k);
            }
            r += m.rows;
            p += m.nnz();
        }
        // all float32 stays float32 (values copied exactly); any float64 operand promotes
        return CsrMatrix.result((int) rows, cols, ip, ix, v, f32);
    }

    /** Places matrices with equal row counts side by side (SciPy's {@code hstack}). */
    public static CsrMatrix hstack(CsrMatrix... ms) {
        if (ms.length == 0) {
            throw new IllegalArgumentException("hstack: no matrices");
        }
        CsrMatrix[] ts = new CsrMatrix[ms.length];
        int rows = ms[0].rows;
        for (int t = 0; t < ms.length; t++) {
            if (ms[t].rows != rows) {
                throw new ShapeMismatchException("hstack: row counts differ: " + CsrMatrix.shapeString(rows, ms[0].cols) + " and "
                        + CsrMatrix.shapeString(ms[t].rows, ms[t].cols));
            }
            ts[t] = ms[t].toCsc().t;
        }
        return new CscMatrix(vstack(ts)).toCsr();
    }

    /** Kronecker product A (x) B (SciPy's {@code kron}): block (i, k) is a[i, k] * B. */
    public static CsrMatrix kron(CsrMatrix a, CsrMatrix b) {
        long rows = (long) a.rows * b.rows, cols = (long) a.cols * b.cols, nnz = (long) a.nnz() * b.nnz();
        if (rows > Integer.MAX_VALUE - 8 || cols > Integer.MAX_VALUE - 8 || nnz > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("kron: result of shape (" + rows + ", " + cols + ") with " + nnz
                    + " entries exceeds the int index range; operands " + CsrMatrix.shapeString(a.rows, a.cols) + " and "
                    + CsrMatrix.shapeString(b.rows, b.cols));
        }
        int[] ip = new int[(int) rows + 1];
        int[] ix = new int[(int) nnz];
        double[] v = new double[(int) nnz];
        int p = 0, r = 0;
        for (int i = 0; i < a.rows; i++) {
            for (int j = 0; j < b.rows; j++) {
                for (int k = a.indptr[i]; k < a.indptr[i + 1]; k++) {
                    int cBase = a.indices[k] * b.cols;
                    double av = a.value(k);
                    for (int q = b.indptr[j]; q < b.indptr[j + 1]; q++) {
                        ix[p] = cBase + b.indices[q];
                        v[p++] = av * b.value(q);
                    }
                }
                ip[++r] = p;
            }
        }
        return CsrMatrix.result((int) rows, (int) cols, ip, ix, v, a.isF32() && b.isF32());
    }
}
