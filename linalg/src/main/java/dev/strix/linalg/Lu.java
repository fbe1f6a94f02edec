package dev.strix.linalg;

import dev.strix.ndarray.NdArray;

/**
 * LU factorisation with partial pivoting of an (m, n) matrix A, k = min(m, n): {@code l} is (m, k)
 * unit lower triangular, {@code u} is (k, n) upper triangular and {@code piv} is the row
 * permutation, {@code A[piv[i], :] == (L U)[i, :]}.
 */
public record Lu(NdArray l, NdArray u, int[] piv) {
    /** SciPy's permutation matrix P with {@code A = P L U} (float64, shape (m, m)). */
    public NdArray p() {
        int m = piv.length;
        double[] d = new double[m * m];
        for (int i = 0; i < m; i++) {
            d[piv[i] * m + i] = 1;
        }
        return NdArray.wrap(d, m, m);
    }
}
