package dev.strix.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strix.ndarray.Nd;
import dev.strix.ndarray.NdArray;
import org.junit.jupiter.api.Test;

/** General eigenproblem and Schur form: eigenpair residuals, conjugate pairs, structured matrices. */
class EigTest {

    /** ||A v - lambda v|| <= n eps ||A|| c for every pair, v of unit norm (complex arithmetic on real/imag parts). */
    static void assertEigenpairs(NdArray a, Eig e, String what) {
        int n = a.shape(0);
        NdArray vr = e.vectorsReal();
        NdArray vi = e.vectorsImag();
        double anorm = Math.max(Linalg.norm(a), 1e-300);
        for (int j = 0; j < n; j++) {
            double lr = e.real().getDouble(j);
            double li = e.imag().getDouble(j);
            NdArray xr = vr.col(j);
            NdArray xi = vi.col(j);
            NdArray rr = a.matmul(xr).sub(xr.mul(lr)).add(xi.mul(li));
            NdArray ri = a.matmul(xi).sub(xi.mul(lr)).sub(xr.mul(li));
            double res = Math.hypot(Linalg.norm(rr), Linalg.norm(ri));
            double vnorm = Math.hypot(Linalg.norm(xr), Linalg.norm(xi));
            int jj = j;
            assertEquals(1.0, vnorm, 1e-12, () -> what + ": eigenvector " + jj + " is not of unit norm");
            assertTrue(res <= Math.max(n, 1) * Checks.EPS * anorm * 1000,
                    () -> what + ": residual of eigenpair " + jj + " is " + res);
        }
    }

    @Test
    void rotationHasConjugatePairPositiveImaginaryFirst() {
        NdArray a = Nd.of(new double[][] {{0, -1}, {1, 0}});
        Eig e = Linalg.eig(a);
        assertEquals(0, e.real().getDouble(0), 1e-15);
        assertEquals(1, e.imag().getDouble(0), 1e-15);
        assertEquals(-1, e.imag().getDouble(1), 1e-15);
        assertEigenpairs(a, e, "rotation");
    }

    @Test
    void randomMatricesGiveAccurateEigenpairsAndSchurForms() {
        var rng = Nd.random(7);
        for (int n : new int[] {1, 2, 3, 6, 10, 25, 40}) {
            NdArray a = rng.gaussian(n, n);
            assertEigenpairs(a, Linalg.eig(a), "random " + n);
            Schur s = Linalg.schur(a);
            Checks.assertReconstructs(a, s.z().matmul(s.t()).matmul(s.z().transpose()), "schur " + n);
            Checks.assertOrthonormalColumns(s.z(), "schur Z " + n);
            Checks.assertUpperTriangular(s.t(), 2, "schur T " + n);
            for (int i = 2; i < n; i++) {   // quasi-triangular: no two consecutive non-zero subdiagonals
                assertTrue(s.t().getDouble(i, i - 1) == 0 || s.t().getDouble(i - 1, i - 2) == 0, "2x2 blocks only");
            }
            Hessenberg h = Linalg.hessenberg(a);
            Checks.assertReconstructs(a, h.q().matmul(h.h()).matmul(h.q().transpose()), "hessenberg " + n);
            Checks.assertUpperTriangular(h.h(), 2, "hessenberg H " + n);
        }
    }

    @Test
    void defectiveAndStructuredMatrices() {
        NdArray jordan = Nd.of(new double[][] {{2, 1, 0}, {0, 2, 1}, {0, 0, 2}});
        Eig e = Linalg.eigvals(jordan);
        for (int i = 0; i < 3; i++) {
            assertEquals(2, e.real().getDouble(i), 1e-12);
        }
        NdArray companion = Nd.of(new double[][] {{0, 0, 6}, {1, 0, -11}, {0, 1, 6}});   // roots 1, 2, 3
        Eig c = Linalg.eig(companion);
        double[] w = c.real().toDoubleArray();
        java.util.Arrays.sort(w);
        assertEquals(1, w[0], 1e-10);
        assertEquals(2, w[1], 1e-10);
        assertEquals(3, w[2], 1e-10);
        assertEigenpairs(companion, c, "companion");
    }
}
