package dev.strix.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strix.linalg.internal.Bidiagonal;
import dev.strix.ndarray.Nd;
import dev.strix.ndarray.NdArray;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Strix's SVD (blocked bidiagonalisation, Golub-Kahan tridiagonal by divide and conquer, WY
 * back-transformations): ‖A − U S Vᵀ‖/‖A‖ and orthogonality of U and V within c·n·eps, singular
 * values against EJML (the reference), thin and full, tall and wide, on random, rank-deficient,
 * graded, clustered, zero, identity and block-boundary shapes.
 */
class SvdTest {

    static double[] ejmlValues(NdArray a) {
        int m = a.shape(0), n = a.shape(1);
        SingularValueDecomposition_F64<DMatrixRMaj> s = DecompositionFactory_DDRM.svd(m, n, false, false, true);
        assertTrue(s.decompose(DMatrixRMaj.wrap(m, n, a.toDoubleArray())));
        double[] w = java.util.Arrays.copyOf(s.getSingularValues(), Math.min(m, n));
        java.util.Arrays.sort(w);
        for (int i = 0, j = w.length - 1; i < j; i++, j--) {
            double t = w[i];
            w[i] = w[j];
            w[j] = t;
        }
        return w;
    }

    static void check(NdArray a, String what) {
        int m = a.shape(0), n = a.shape(1), k = Math.min(m, n);
        double anorm = Linalg.norm(a);
        double tol = 50 * Math.max(Math.max(m, n), 1) * Checks.EPS;
        double[] ref = ejmlValues(a);
        double[] vals = Bidiagonal.svd(a.toDoubleArray(), m, n, false, false, "svd").s();
        for (boolean full : new boolean[] {false, true}) {
            Bidiagonal.Result r = Bidiagonal.svd(a.toDoubleArray(), m, n, true, full, "svd");
            int uc = full ? m : k;
            int vr = full ? n : k;
            NdArray u = NdArray.wrap(r.u(), m, uc);
            NdArray vt = NdArray.wrap(r.vt(), vr, n);
            NdArray us = u.get(":, :" + k).mul(Nd.of(r.s()));
            double res = Linalg.norm(a.sub(us.matmul(vt.get(":" + k + ", :"))));
            assertTrue(res <= tol * Math.max(anorm, Double.MIN_NORMAL),
                    () -> what + (full ? " full" : " thin") + ": ||A - U S Vt|| / ||A|| = " + res / anorm);
            Checks.assertOrthonormalColumns(u, what + " U");
            Checks.assertOrthonormalColumns(vt.transpose(), what + " V");
            for (int i = 0; i < k; i++) {
                int ii = i;
                assertTrue(i == 0 || r.s()[i - 1] >= r.s()[i], () -> what + ": not descending at " + ii);
                assertTrue(Math.abs(r.s()[i] - ref[i]) <= tol * anorm,
                        () -> what + ": s[" + ii + "] = " + r.s()[ii] + ", EJML " + ref[ii]);
                assertTrue(Math.abs(vals[i] - ref[i]) <= tol * anorm,
                        () -> what + ": values-only s[" + ii + "] = " + vals[ii] + ", EJML " + ref[ii]);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"1,1", "2,2", "1,5", "5,1", "3,2", "31,31", "32,32", "33,33", "64,64", "65,65", "97,40", "40,97",
        "130,129", "200,65", "65,200"})
    void randomShapes(int m, int n) {
        check(BlockedTest.random(17L * m + n, m, n), "random " + m + "x" + n);
    }

    @ParameterizedTest
    @CsvSource({"40,40", "100,70", "70,100", "129,129"})
    void structured(int m, int n) {
        int k = Math.min(m, n);
        NdArray g = BlockedTest.random(m + 3L * n, m, k / 2);
        NdArray h = BlockedTest.random(m + 5L * n, k / 2, n);
        check(g.matmul(h), "rank " + k / 2 + " " + m + "x" + n);
        check(Nd.zeros(m, n), "zero " + m + "x" + n);
        check(Nd.eye(m, n, 0, dev.strix.ndarray.DType.FLOAT64), "identity " + m + "x" + n);
        NdArray a = BlockedTest.random(m * 7L + n, m, n);
        double[] d = a.toDoubleArray();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                d[i * n + j] *= Math.pow(10, -150 + 300.0 * (i + j) / (m + n - 2));
            }
        }
        check(NdArray.wrap(d, m, n), "graded " + m + "x" + n);
        check(a.mul(1e-200), "tiny " + m + "x" + n);
        check(a.mul(1e200), "huge " + m + "x" + n);
        // clustered singular values: U diag(s) V^T with s in tight clusters and repeats
        NdArray q1 = Linalg.qr(BlockedTest.random(m, m, m)).q();
        NdArray q2 = Linalg.qr(BlockedTest.random(n, n, n)).q();
        double[] s = new double[k];
        for (int i = 0; i < k; i++) {
            s[i] = i % 3 == 0 ? 1 : (i % 3 == 1 ? 1 + 1e-13 * i : 1e-8);
        }
        check(q1.get(":, :" + k).mul(Nd.of(s)).matmul(q2.get(":" + k + ", :")), "clustered " + m + "x" + n);
    }

    /** Without the margin around zero the null-space fill-in needs every TGK vector: the fallback path. */
    @Test
    void rankDeficientWithoutMarginFormsAllVectors() {
        NdArray a = BlockedTest.random(3, 90, 20).matmul(BlockedTest.random(4, 20, 70));
        for (boolean full : new boolean[] {false, true}) {
            Bidiagonal.Result r = Bidiagonal.svd(a.toDoubleArray(), 90, 70, true, full, "svd", 0);
            NdArray u = NdArray.wrap(r.u(), 90, full ? 90 : 70);
            NdArray vt = NdArray.wrap(r.vt(), 70, 70);
            Checks.assertReconstructs(a, u.get(":, :70").mul(Nd.of(r.s())).matmul(vt), "no margin");
            Checks.assertOrthonormalColumns(u, "no margin U");
            Checks.assertOrthonormalColumns(vt.transpose(), "no margin V");
        }
    }

    @Test
    void throughLinalg() {
        NdArray a = BlockedTest.random(99, 240, 170);
        Svd s = Linalg.svd(a);
        assertEquals(240, s.u().shape(0));
        Checks.assertReconstructs(a, s.u().mul(s.s()).matmul(s.vt()), "svd 240x170");
        Svd f = Linalg.svd(a.transpose(), true);
        assertEquals(240, f.vt().shape(0));
        Checks.assertOrthonormalColumns(f.vt().transpose(), "full V");
        double[] ref = ejmlValues(a);
        NdArray sv = Linalg.svdvals(a);
        for (int i = 0; i < 170; i++) {
            assertEquals(ref[i], sv.getDouble(i), 1e-12 * ref[0]);
        }
        assertEquals(159, Linalg.matrixRank(BlockedTest.random(1, 200, 159).matmul(BlockedTest.random(2, 159, 230))));
    }
}
