package dev.strix.linalg;

import dev.strix.ndarray.NdArray;

/**
 * Sign and natural log of |det| ({@code det = sign * exp(logAbsDet)}); over a stack both have the
 * stack's shape, for one matrix they are 0-d. A singular matrix gives sign 0 and log -infinity.
 */
public record SlogDet(NdArray sign, NdArray logAbsDet) {
}
