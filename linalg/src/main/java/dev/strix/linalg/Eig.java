package dev.strix.linalg;

import dev.strix.ndarray.NdArray;

/**
 * Eigenvalues and right eigenvectors of a general real matrix, as real and imaginary parts:
 * eigenvalue j is {@code real[j] + i imag[j]} and its eigenvector is column j of
 * {@code vectorsReal + i vectorsImag}, scaled to unit 2-norm. Complex eigenvalues come in
 * conjugate pairs, positive imaginary part first (LAPACK's order). The vectors are null when
 * only the eigenvalues were asked for ({@link Linalg#eigvals}).
 */
public record Eig(NdArray real, NdArray imag, NdArray vectorsReal, NdArray vectorsImag) {
}
