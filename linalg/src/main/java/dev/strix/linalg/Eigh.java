package dev.strix.linalg;

import dev.strix.ndarray.NdArray;

/** Symmetric eigendecomposition A = V diag(w) V^T, eigenvalues {@code values} ascending, eigenvectors in columns. */
public record Eigh(NdArray values, NdArray vectors) {
}
