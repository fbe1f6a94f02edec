package dev.strix.linalg;

import dev.strix.ndarray.NdArray;

/** Singular value decomposition A = U diag(s) Vt, singular values {@code s} descending. */
public record Svd(NdArray u, NdArray s, NdArray vt) {
}
