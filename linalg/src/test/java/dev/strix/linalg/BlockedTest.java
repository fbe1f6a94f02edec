package dev.strix.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strix.linalg.internal.Blocked;
import dev.strix.linalg.internal.Kernels;
import dev.strix.ndarray.Nd;
import dev.strix.ndarray.NdArray;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The blocked LU, Cholesky and triangular-solve kernels against the unblocked ones and EJML
 * (the reference), at sizes around the block boundaries, with pivoting-heavy matrices and exact
 * singularity / indefiniteness at known indices.
 */
class BlockedTest {

    static NdArray random(long seed, int m, int n) {
        Random r = new Random(seed);
        double[] d = new double[m * n];
        for (int i = 0; i < d.length; i++) {
            d[i] = r.nextDouble() * 2 - 1;
        }
        return NdArray.wrap(d, m, n);
    }

    /** Pivoting-heavy inputs: plain random, a tiny diagonal (a swap at every step), reversed rows of a triangular matrix. */
    static NdArray[] pivotingHeavy(int n) {
        NdArray rnd = random(n, n, n);
        NdArray tinyDiag = random(n + 1, n, n).sub(Nd.eye(n).mul(random(n + 1, n, n))).add(Nd.eye(n).mul(1e-13));
        double[] t = random(n + 2, n, n).toDoubleArray();
        double[] rev = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double v = j <= i ? t[i * n + j] + (i == j ? 2 : 0) : 0;
                rev[(n - 1 - i) * n + j] = v;
            }
        }
        return new NdArray[] {rnd, tinyDiag, NdArray.wrap(rev, n, n)};
    }

    static DMatrixRMaj ejml(NdArray a) {
        return DMatrixRMaj.wrap(a.shape(0), a.shape(1), a.toDoubleArray());
    }

    static NdArray nd(DMatrixRMaj m) {
        return NdArray.wrap(m.data.clone(), m.numRows, m.numCols);
    }

    /** A[perm] = L U from a packed in-place factorisation. */
    static void assertLuReconstructs(NdArray a, double[] f, int[] perm, String what) {
        int m = a.shape(0), n = a.shape(1), k = Math.min(m, n);
        double[] l = new double[m * k];
        double[] u = new double[k * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < Math.min(i, k); j++) {
                l[i * k + j] = f[i * n + j];
            }
            if (i < k) {
                l[i * k + i] = 1;
                System.arraycopy(f, i * n + i, u, i * n + i, n - i);
            }
        }
        double[] ad = a.toDoubleArray();
        double[] pa = new double[m * n];
        for (int i = 0; i < m; i++) {
            System.arraycopy(ad, perm[i] * n, pa, i * n, n);
        }
        Checks.assertReconstructs(NdArray.wrap(pa, m, n), NdArray.wrap(l, m, k).matmul(NdArray.wrap(u, k, n)), what);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < Math.min(i, k); j++) {
                assertTrue(Math.abs(l[i * k + j]) <= 1, what + ": |L| > 1 at " + i + "," + j);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 63, 64, 65, 200, 513})
    void luBlockedAndUnblockedReconstructAndAgreeWithEjml(int n) {
        for (NdArray a : pivotingHeavy(n)) {
            double[] fb = a.toDoubleArray();
            int[] pb = new int[n];
            assertEquals(-1, Blocked.lu(fb, n, n, pb));
            assertLuReconstructs(a, fb, pb, "blocked lu n=" + n);
            double[] fu = a.toDoubleArray();
            int[] pu = new int[n];
            assertEquals(-1, Kernels.luUnblocked(fu, n, n, pu));
            assertLuReconstructs(a, fu, pu, "unblocked lu n=" + n);

            // public API (blocked above the threshold) against EJML
            NdArray b = random(7, n, 3);
            DMatrixRMaj ea = ejml(a);
            DMatrixRMaj x = new DMatrixRMaj(n, 3);
            assertTrue(CommonOps_DDRM.solve(ea.copy(), ejml(b), x));
            double cond = Linalg.cond(a, "1");
            double tol = Math.max(1e-12, cond * n * Checks.EPS * 10);
            assertTrue(Checks.relErr(nd(x), Linalg.solve(a, b)) <= tol, "solve n=" + n);
            DMatrixRMaj inv = new DMatrixRMaj(n, n);
            assertTrue(CommonOps_DDRM.invert(ea.copy(), inv));
            assertTrue(Checks.relErr(nd(inv), Linalg.inv(a)) <= tol, "inv n=" + n);
            double det = CommonOps_DDRM.det(ea.copy());
            double ours = Linalg.detValue(a);
            if (det != 0 && Double.isFinite(det)) {
                assertTrue(Math.abs(ours - det) <= Math.abs(det) * tol, "det n=" + n + ": " + ours + " vs " + det);
            }
            var s = Linalg.slogdet(a);
            assertTrue(s.sign().item() == Math.signum(det) || det == 0 || !Double.isFinite(det), "slogdet sign n=" + n);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {130, 200, 513})
    void rectangularLu(int m) {
        for (int n : new int[] {m / 2 + 1, m + 37}) {
            NdArray a = random(m * 31L + n, m, n);
            double[] f = a.toDoubleArray();
            int[] p = new int[m];
            assertEquals(-1, Blocked.lu(f, m, n, p));
            assertLuReconstructs(a, f, p, "blocked lu " + m + "x" + n);
            Lu lu = Linalg.lu(a);
            Checks.assertReconstructs(a.get(NdArray.wrap(lu.piv(), m)), lu.l().matmul(lu.u()), "Linalg.lu " + m + "x" + n);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {65, 200, 513})
    void singularReportsTheFirstZeroPivot(int n) {
        for (int zeroCol : new int[] {0, 63, 64, n / 2, n - 1}) {
            double[] d = random(zeroCol, n, n).toDoubleArray();
            for (int i = 0; i < n; i++) {
                d[i * n + zeroCol] = 0;
            }
            NdArray a = NdArray.wrap(d, n, n);
            assertEquals(zeroCol, Blocked.lu(a.toDoubleArray(), n, n, new int[n]), "blocked n=" + n);
            assertEquals(zeroCol, Kernels.luUnblocked(a.toDoubleArray(), n, n, new int[n]), "unblocked n=" + n);
            SingularMatrixException e = assertThrows(SingularMatrixException.class, () -> Linalg.inv(a));
            assertEquals(zeroCol, e.pivot());
            e = assertThrows(SingularMatrixException.class, () -> Linalg.solve(a, Nd.ones(n)));
            assertEquals(zeroCol, e.pivot());
            assertEquals(0.0, Linalg.detValue(a));
            assertEquals(0.0, Linalg.slogdet(a).sign().item());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 63, 64, 65, 200, 513})
    void choleskyAgreesWithEjml(int n) {
        NdArray g = random(n * 3L, n, n);
        NdArray spd = g.matmul(g.transpose()).add(Nd.eye(n).mul(0.1 * n));
        double[] bad = new double[1];
        double[] lb = spd.toDoubleArray();
        assertEquals(-1, Blocked.cholesky(lb, n, bad));
        double[] lu = spd.toDoubleArray();
        assertEquals(-1, Kernels.choleskyUnblocked(lu, n, bad));
        CholeskyDecomposition_F64<DMatrixRMaj> c = DecompositionFactory_DDRM.chol(n, true);
        assertTrue(c.decompose(ejml(spd)));
        NdArray ref = nd(c.getT(null));
        double tol = Math.max(1e-13, Linalg.cond(spd) * n * Checks.EPS);
        assertTrue(Checks.relErr(ref, NdArray.wrap(lb, n, n)) <= tol, "blocked vs ejml n=" + n);
        assertTrue(Checks.relErr(ref, NdArray.wrap(lu, n, n)) <= tol, "unblocked vs ejml n=" + n);
        NdArray l = Linalg.cholesky(spd);
        assertTrue(Checks.relErr(ref, l) <= tol, "Linalg.cholesky vs ejml n=" + n);
        Checks.assertReconstructs(spd, l.matmul(l.transpose()), "L L^T n=" + n);
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                assertEquals(0.0, lb[i * n + j]);
            }
        }
        NdArray b = random(5, n, 4);
        NdArray x = Linalg.solveSpd(spd, b);
        DMatrixRMaj ex = new DMatrixRMaj(n, 4);
        assertTrue(CommonOps_DDRM.solve(ejml(spd), ejml(b), ex));
        assertTrue(Checks.relErr(nd(ex), x) <= tol * 10, "solveSpd n=" + n);
        assertTrue(Checks.relErr(Linalg.inv(spd), Linalg.solveSpd(spd, Nd.eye(n))) <= tol * 10, "solveSpd(I) n=" + n);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 63, 64, 65, 200, 513})
    void notPositiveDefiniteReportsThePivot(int n) {
        NdArray g = random(n * 5L, n, n);
        double[] d = g.matmul(g.transpose()).add(Nd.eye(n).mul(n)).toDoubleArray();
        int j = n == 1 ? 0 : n == 2 ? 1 : Math.min(n - 1, 64);
        d[j * n + j] = -1;
        double[] bad = new double[1];
        double[] bad2 = new double[1];
        assertEquals(j, Blocked.cholesky(d.clone(), n, bad));
        assertEquals(j, Kernels.choleskyUnblocked(d.clone(), n, bad2));
        assertEquals(bad2[0], bad[0], 1e-9 * Math.abs(bad2[0]) + 1e-9);
        NotPositiveDefiniteException e = assertThrows(NotPositiveDefiniteException.class,
                () -> Linalg.cholesky(NdArray.wrap(d, n, n)));
        assertEquals(j, e.pivot());
        e = assertThrows(NotPositiveDefiniteException.class, () -> Linalg.solveSpd(NdArray.wrap(d, n, n), Nd.ones(n)));
        assertEquals(j, e.pivot());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 63, 64, 65, 200, 513})
    void triangularSolveBlockedMatchesUnblocked(int n) {
        NdArray r = random(n * 11L, n, n).add(Nd.eye(n).mul(n));
        for (boolean lower : new boolean[] {true, false}) {
            for (boolean unit : new boolean[] {true, false}) {
                NdArray t = lower ? r.tril() : r.triu();
                double[] tb = t.toDoubleArray();
                NdArray b = random(3, n, 37);
                double[] xb = b.toDoubleArray();
                double[] xu = b.toDoubleArray();
                assertEquals(-1, Blocked.triangularSolve(tb, n, xb, 37, lower, unit));
                assertEquals(-1, Kernels.triangularSolveUnblocked(tb, n, xu, 37, lower, unit));
                assertTrue(Checks.relErr(NdArray.wrap(xu, n, 37), NdArray.wrap(xb, n, 37)) <= 1e-12,
                        "lower=" + lower + " unit=" + unit + " n=" + n);
            }
        }
        if (n > 1) {
            double[] t = r.triu().toDoubleArray();
            t[(n / 2) * n + n / 2] = 0;
            int zb = Blocked.triangularSolve(t, n, random(1, n, 20).toDoubleArray(), 20, false, false);
            int zu = Kernels.triangularSolveUnblocked(t, n, random(1, n, 20).toDoubleArray(), 20, false, false);
            assertEquals(n / 2, zb);
            assertEquals(zu, zb);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {200})
    void nanPropagatesThroughBlockedLu(int n) {
        double[] d = random(9, n, n).toDoubleArray();
        d[150 * n + 100] = Double.NaN;
        assertTrue(Double.isNaN(Linalg.detValue(NdArray.wrap(d, n, n))));
        int[] p = new int[n];
        int[] q = new int[n];
        Blocked.lu(d.clone(), n, n, p);
        Kernels.luUnblocked(d.clone(), n, n, q);
        assertArrayEquals(q, p, "the same pivots (NaN wins the pivot search in both)");
    }
}
