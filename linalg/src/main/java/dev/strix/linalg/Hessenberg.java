package dev.strix.linalg;

import dev.strix.ndarray.NdArray;

/** Hessenberg form A = Q H Q^T: Q orthogonal, H zero below the first subdiagonal. */
public record Hessenberg(NdArray h, NdArray q) {
}
