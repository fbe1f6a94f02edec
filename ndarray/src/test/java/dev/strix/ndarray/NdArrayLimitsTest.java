package dev.strix.ndarray;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Shapes at the edge of what one Java array holds: rejected with a clear message, never an OutOfMemoryError. */
class NdArrayLimitsTest {

    @Test
    void emptyArrayMayHaveHugeOtherDimensions() {
        NdArray z = Nd.zeros(100000, 100000, 0);
        assertEquals(0, z.size());
        assertArrayEquals(new int[] {100000, 100000, 0}, z.shape());
        assertEquals(0.0, z.sum().item());
    }

    @Test
    void tooManyElementsIsAnArgumentErrorNamingTheShape() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Nd.zeros(100000, 100000));
        assertTrue(e.getMessage().contains("(100000, 100000)"), e.getMessage());
    }

    @Test
    void reductionWhoseResultIsTooLargeIsRejectedBeforeAllocating() {
        NdArray z = Nd.zeros(100000, 100000, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> z.sum(2));
        assertTrue(e.getMessage().contains("(100000, 100000)"), e.getMessage());
    }
}
