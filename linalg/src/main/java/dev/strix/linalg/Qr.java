package dev.strix.linalg;

import dev.strix.ndarray.NdArray;

/** QR factorisation A = Q R: Q has orthonormal columns, R is upper triangular (trapezoidal). */
public record Qr(NdArray q, NdArray r) {
}
