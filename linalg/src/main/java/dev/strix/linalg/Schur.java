package dev.strix.linalg;

import dev.strix.ndarray.NdArray;

/**
 * Real Schur form A = Z T Z^T: Z orthogonal, T upper quasi-triangular (1x1 blocks for real
 * eigenvalues, 2x2 blocks for complex conjugate pairs).
 */
public record Schur(NdArray t, NdArray z) {
}
