package dev.strix.linalg;

import dev.strix.ndarray.NdArray;

/**
 * Column-pivoted QR: {@code A[:, perm] = Q R} with |R[i, i]| non-increasing (SciPy's
 * {@code qr(a, pivoting=True, mode="economic")}).
 */
public record QrPivoted(NdArray q, NdArray r, int[] perm) {
}
