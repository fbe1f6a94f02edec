package dev.strix.linalg.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strix.ndarray.NdArray;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The in-place trailing update {@link Blocked#gemmSub}: it runs the packed GEMM straight into the
 * matrix only when its operands cannot overlap the block it updates ({@link Blocked#apart});
 * otherwise it must fall back and still give C - X Y computed from the values before the update.
 */
class BlockedOverlapTest {
    private static final int LD = 10;

    @Test
    void rectanglesOfTheSameMatrixAreApartOnlyWhenDisjoint() {
        double[] c = new double[LD * LD];
        // C block: rows 4..7, columns 4..7
        assertTrue(Blocked.apart(Blocked.view(c, LD, 4, 0, 4, 4), c, LD, 4, 4, 4, 4)); // left of it
        assertTrue(Blocked.apart(Blocked.view(c, LD, 0, 4, 4, 4), c, LD, 4, 4, 4, 4)); // above it
        assertFalse(Blocked.apart(Blocked.view(c, LD, 3, 3, 2, 2), c, LD, 4, 4, 4, 4)); // a corner inside
        assertFalse(Blocked.apart(Blocked.view(c, LD, 4, 4, 4, 4), c, LD, 4, 4, 4, 4)); // the block itself
        // transposed views: rows 0..1 x columns 4..7 seen as 4 x 2 (above the block), or rows 4..5 (inside)
        assertTrue(Blocked.apart(Blocked.view(c, LD, 0, 4, 2, 4).transpose(), c, LD, 4, 4, 4, 4));
        assertFalse(Blocked.apart(Blocked.view(c, LD, 4, 4, 2, 4).transpose(), c, LD, 4, 4, 4, 4));
        // another array, and views that are not rectangles of C's layout
        assertTrue(Blocked.apart(NdArray.wrap(new double[16], 4, 4), c, LD, 4, 4, 4, 4));
        assertFalse(Blocked.apart(NdArray.wrap(c, new int[] {4, 4}, new int[] {2 * LD, 1}, 0), c, LD, 4, 4, 4, 4));
        assertFalse(Blocked.apart(NdArray.wrap(c, new int[] {2, 4}, new int[] {LD, 1}, 8), c, LD, 4, 4, 4, 4));
    }

    @Test
    void overlappingOperandsStillGiveTheUpdateOfTheOldValues() {
        Random r = new Random(3);
        for (int trial = 0; trial < 2; trial++) {
            double[] a = new double[LD * LD];
            for (int i = 0; i < a.length; i++) {
                a[i] = r.nextInt(9) - 4;
            }
            double[] before = a.clone();
            // trial 0: X is the block itself (overlap, the fallback); trial 1: X is left of it (in place)
            int xc = trial == 0 ? 4 : 0;
            Blocked.gemmSub(a, LD, 4, 4, Blocked.view(a, LD, 4, xc, 4, 4), Blocked.view(a, LD, 0, 4, 4, 4));
            double[] want = before.clone();
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 4; j++) {
                    double s = 0;
                    for (int p = 0; p < 4; p++) {
                        s += before[(4 + i) * LD + xc + p] * before[p * LD + 4 + j];
                    }
                    want[(4 + i) * LD + 4 + j] -= s;
                }
            }
            assertArrayEquals(want, a, "trial " + trial);
        }
    }
}
