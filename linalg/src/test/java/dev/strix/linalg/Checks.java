package dev.strix.linalg;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strix.ndarray.Nd;
import dev.strix.ndarray.NdArray;

/** Reconstruction and orthogonality checks shared by the tests. */
final class Checks {
    private Checks() {
    }

    static final double EPS = Math.ulp(1.0);

    /** ||a - b||_F / max(||a||_F, tiny). */
    static double relErr(NdArray a, NdArray b) {
        double den = Linalg.norm(a);
        return Linalg.norm(a.sub(b)) / (den == 0 ? 1 : den);
    }

    /**
     * Asserts ||A - B|| / ||A|| <= n eps c: backward-stable factorisations reconstruct to a small
     * multiple of n eps; c = 50 leaves room for the constant of the algorithm.
     */
    static void assertReconstructs(NdArray a, NdArray product, String what) {
        int n = Math.max(1, Math.max(a.shape(0), a.ndim() > 1 ? a.shape(1) : 1));
        double err = relErr(a, product);
        assertTrue(err <= n * EPS * 50, () -> what + ": ||A - product|| / ||A|| = " + err + " > " + (n * EPS * 50));
    }

    /** Asserts ||Q^T Q - I||_F <= n eps c (c = 50). */
    static void assertOrthonormalColumns(NdArray q, String what) {
        int k = q.shape(1);
        double err = Linalg.norm(q.transpose().matmul(q).sub(Nd.eye(k)));
        int n = Math.max(1, q.shape(0));
        assertTrue(err <= n * EPS * 50, () -> what + ": ||Q^T Q - I|| = " + err);
    }

    static void assertUpperTriangular(NdArray r, int below, String what) {
        for (int i = 0; i < r.shape(0); i++) {
            for (int j = 0; j < Math.min(r.shape(1), i - below + 1); j++) {
                if (j < i - below + 1 && i - j >= below && r.getDouble(i, j) != 0) {
                    int ii = i;
                    int jj = j;
                    throw new AssertionError(what + ": element (" + ii + ", " + jj + ") below the allowed band is "
                            + r.getDouble(ii, jj));
                }
            }
        }
    }
}
