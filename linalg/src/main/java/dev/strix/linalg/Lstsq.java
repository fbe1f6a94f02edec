package dev.strix.linalg;

import dev.strix.ndarray.NdArray;

/**
 * Least-squares solution as NumPy's {@code lstsq}: the minimum-norm {@code x}; {@code residuals},
 * the squared 2-norm of each column of b - A x, shape (k,) (or (1,) for a vector b), and empty
 * (shape (0,)) when rank &lt; n or m &lt;= n; the effective {@code rank}; the singular values of A.
 */
public record Lstsq(NdArray x, NdArray residuals, int rank, NdArray singularValues) {
}
