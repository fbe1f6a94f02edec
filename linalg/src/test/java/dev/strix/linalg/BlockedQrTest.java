package dev.strix.linalg;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strix.linalg.internal.BlockedQr;
import dev.strix.linalg.internal.Kernels;
import dev.strix.ndarray.Nd;
import dev.strix.ndarray.NdArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The blocked Householder QR ({@code geqrf} + {@code orgqr} with compact WY block reflectors)
 * against the unblocked kernel (the same reflectors in exact arithmetic, so R and Q agree to
 * rounding, signs included) at sizes around the panel width, plus reconstruction and
 * orthogonality through {@link Linalg#qr} above the crossover.
 */
class BlockedQrTest {

    static void assertClose(double[] expected, double[] actual, double scale, double tol, String what) {
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
        }
        double w = worst;
        assertTrue(w <= tol * scale, () -> what + ": max difference " + w + " > " + tol * scale);
    }

    @ParameterizedTest
    @CsvSource({"1,1", "2,2", "31,31", "32,32", "33,33", "64,64", "65,65", "97,97", "130,40", "40,130",
        "200,65", "65,200", "129,129"})
    void blockedMatchesUnblocked(int m, int n) {
        NdArray a = BlockedTest.random(31L * m + n, m, n);
        int k = Math.min(m, n);
        double[] fu = a.toDoubleArray();
        double[] tu = new double[k];
        Kernels.householderQr(fu, m, n, tu);
        double[] fb = a.toDoubleArray();
        double[] tb = new double[k];
        BlockedQr.geqrf(fb, m, n, tb);
        double tol = 100 * Math.max(m, n) * Checks.EPS;
        double anorm = Linalg.norm(a);
        assertClose(fu, fb, anorm, tol, "factored form " + m + "x" + n);
        assertClose(tu, tb, 1, tol, "tau " + m + "x" + n);
        for (int qc : new int[] {k, m}) {
            double[] qu = Kernels.formQ(fu, m, n, tu, qc);
            double[] qb = BlockedQr.orgqr(fb, m, n, tb, qc);
            assertClose(qu, qb, 1, tol, "Q (" + m + ", " + qc + ")");
            Checks.assertOrthonormalColumns(NdArray.wrap(qb, m, qc), "orgqr Q");
        }
    }

    @ParameterizedTest
    @CsvSource({"64,64", "65,64", "300,97", "97,300", "257,256"})
    void qrAboveCrossoverReconstructs(int m, int n) {
        NdArray a = BlockedTest.random(7L * m + n, m, n);
        for (NdArray x : new NdArray[] {a, a.mul(1e-150), a.mul(1e150)}) {
            Qr r = Linalg.qr(x);
            Checks.assertReconstructs(x, r.q().matmul(r.r()), "qr " + m + "x" + n);
            Checks.assertOrthonormalColumns(r.q(), "qr Q");
            Checks.assertUpperTriangular(r.r(), 1, "qr R");
            Qr full = Linalg.qr(x, true);
            Checks.assertReconstructs(x, full.q().matmul(full.r()), "complete qr " + m + "x" + n);
            Checks.assertOrthonormalColumns(full.q(), "complete qr Q");
        }
    }

    @Test
    void zeroColumnsAndGradedRows() {
        int m = 150, n = 120;
        double[] d = BlockedTest.random(5, m, n).toDoubleArray();
        for (int c : new int[] {0, 31, 32, 64, 119}) {
            for (int i = 0; i < m; i++) {
                d[i * n + c] = 0;
            }
        }
        NdArray z = NdArray.wrap(d.clone(), m, n);
        Qr r = Linalg.qr(z);
        Checks.assertReconstructs(z, r.q().matmul(r.r()), "zero columns");
        Checks.assertOrthonormalColumns(r.q(), "zero columns Q");
        // rows graded from 1e-150 to 1e150: the reflector norms must neither overflow nor underflow
        for (int i = 0; i < m; i++) {
            double s = Math.pow(10, -150 + 300.0 * i / (m - 1));
            for (int j = 0; j < n; j++) {
                d[i * n + j] = (d[i * n + j] + (j == i ? 2 : 0)) * s;
            }
        }
        NdArray g = NdArray.wrap(d, m, n);
        Qr gq = Linalg.qr(g);
        Checks.assertReconstructs(g, gq.q().matmul(gq.r()), "graded");
        Checks.assertOrthonormalColumns(gq.q(), "graded Q");
        Qr zero = Linalg.qr(Nd.zeros(130, 100));
        Checks.assertOrthonormalColumns(zero.q(), "zero matrix Q");
        assertTrue(Linalg.norm(zero.r()) == 0, "zero matrix R");
    }
}
