package dev.strix.ndarray.internal;

import jdk.incubator.vector.DoubleVector;

/**
 * The vector width every Vector API kernel uses, fixed when the vector classes load: the CPU's
 * preferred width ({@code SPECIES_PREFERRED}: 512 bits with AVX-512, 256 with AVX2), or the width
 * forced by {@code -Dstrix.vector.bits} (read and validated by {@link KernelSelector}). A forced
 * width wider than the CPU's is not applied here; {@link KernelSelector} sees the difference and
 * refuses it, so a class initialiser never throws.
 */
final class VectorWidth {
    private VectorWidth() {
    }

    /** The CPU's preferred width, in bits. */
    static final int PREFERRED = DoubleVector.SPECIES_PREFERRED.vectorBitSize();

    /** The width the kernels use, in bits. */
    static final int BITS = choose(KernelSelector.requestedVectorBits(), PREFERRED);

    static int choose(int requested, int preferred) {
        return requested > 0 && requested <= preferred ? requested : preferred;
    }
}
