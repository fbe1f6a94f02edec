package dev.strix.linalg;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strix.linalg.internal.SymmetricEigen;
import dev.strix.ndarray.Nd;
import dev.strix.ndarray.NdArray;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Strix's symmetric eigensolver (blocked tridiagonal reduction, divide and conquer, blocked
 * back-transformation; implicit QL for values only): residual ‖A V − V Λ‖/‖A‖ and ‖VᵀV − I‖ within
 * c·n·eps, values against EJML (the reference), on random, graded, clustered, Wilkinson, zero,
 * identity and tiny matrices at sizes around the panel width (32) and the divide-and-conquer leaf (32).
 */
class SymmetricEigenTest {

    static NdArray symmetric(long seed, int n) {
        NdArray g = BlockedTest.random(seed, n, n);
        return g.add(g.transpose());
    }

    /** Wilkinson's W_n^+: diagonal |i - (n-1)/2|, off-diagonal 1 (pairs of eigenvalues agreeing to many digits). */
    static NdArray wilkinson(int n) {
        double[] d = new double[n * n];
        for (int i = 0; i < n; i++) {
            d[i * n + i] = Math.abs(i - (n - 1) / 2.0);
            if (i + 1 < n) {
                d[i * n + i + 1] = 1;
                d[(i + 1) * n + i] = 1;
            }
        }
        return NdArray.wrap(d, n, n);
    }

    /** Q diag(values) Q^T for a random orthogonal Q (eigenvalues chosen: clusters, multiplicities). */
    static NdArray withSpectrum(long seed, double[] values) {
        int n = values.length;
        NdArray q = Linalg.qr(BlockedTest.random(seed, n, n)).q();
        NdArray a = q.mul(Nd.of(values)).matmul(q.transpose());
        return a.add(a.transpose()).mul(0.5);
    }

    /** Rows and columns scaled by 10^k, k from -75 to 75: entries from about 1e-150 to 1e150. */
    static NdArray graded(long seed, int n) {
        double[] d = symmetric(seed, n).toDoubleArray();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double si = Math.pow(10, -75 + 150.0 * i / Math.max(1, n - 1));
                double sj = Math.pow(10, -75 + 150.0 * j / Math.max(1, n - 1));
                d[i * n + j] *= si * sj;
            }
        }
        return NdArray.wrap(d, n, n);
    }

    static double[] ejmlValues(NdArray a) {
        int n = a.shape(0);
        EigenDecomposition_F64<DMatrixRMaj> e = DecompositionFactory_DDRM.eig(n, false, true);
        assertTrue(e.decompose(DMatrixRMaj.wrap(n, n, a.toDoubleArray())));
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = e.getEigenvalue(i).real;
        }
        java.util.Arrays.sort(w);
        return w;
    }

    static void check(NdArray a, String what) {
        int n = a.shape(0);
        double[] x = a.toDoubleArray();
        double[] vec = new double[n * n];
        double[] w = SymmetricEigen.eigh(x, n, vec, "eigh");
        NdArray v = NdArray.wrap(vec, n, n);
        double anorm = Linalg.norm(a);
        double tol = 50 * Math.max(n, 1) * Checks.EPS;
        double res = Linalg.norm(a.matmul(v).sub(v.mul(Nd.of(w))));
        assertTrue(res <= tol * Math.max(anorm, Double.MIN_NORMAL),
                () -> what + ": ||A V - V L|| / ||A|| = " + res / anorm + " > " + tol);
        Checks.assertOrthonormalColumns(v, what + " V");
        double[] ref = ejmlValues(a);
        double[] vals = SymmetricEigen.eigh(a.toDoubleArray(), n, null, "eigvalsh");
        for (int i = 0; i < n; i++) {
            assertTrue(i == 0 || w[i - 1] <= w[i], what + ": values not ascending at " + i);
            int ii = i;
            assertTrue(Math.abs(w[i] - ref[i]) <= tol * anorm,
                    () -> what + ": value " + ii + " is " + w[ii] + ", EJML " + ref[ii]);
            assertTrue(Math.abs(vals[i] - ref[i]) <= tol * anorm,
                    () -> what + ": values-only " + ii + " is " + vals[ii] + ", EJML " + ref[ii]);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 31, 32, 33, 63, 64, 65, 66, 97, 130, 257})
    void randomAtBlockBoundaries(int n) {
        check(symmetric(n, n), "random " + n);
    }

    @ParameterizedTest
    @ValueSource(ints = {21, 64, 101, 200})
    void structured(int n) {
        check(wilkinson(n), "Wilkinson " + n);
        check(graded(n, n), "graded " + n);
        check(Nd.zeros(n, n), "zero " + n);
        check(Nd.eye(n), "identity " + n);
        check(Nd.eye(n).mul(-3e200), "scaled identity " + n);
        double[] cl = new double[n];
        Random r = new Random(n);
        for (int i = 0; i < n; i++) {
            // three tight clusters and an exact multiple eigenvalue
            cl[i] = i % 4 == 0 ? 1 : (i % 4 == 1 ? 1 + 1e-12 * r.nextDouble() : (i % 4 == 2 ? -2 + 1e-9 * i : 5));
        }
        check(withSpectrum(n, cl), "clustered " + n);
        check(symmetric(n, n).mul(1e-160), "tiny " + n);
        // a matrix that is already tridiagonal, and a diagonal one with unsorted entries
        check(wilkinson(n).add(Nd.eye(n)), "tridiagonal " + n);
        double[] dg = new double[n * n];
        for (int i = 0; i < n; i++) {
            dg[i * n + i] = (i * 7919) % n - n / 2.0;
        }
        check(NdArray.wrap(dg, n, n), "diagonal " + n);
    }

    @Test
    void twoByTwoExact() {
        double[] vec = new double[4];
        double[] w = SymmetricEigen.eigh(new double[] {2, 1, 1, 2}, 2, vec, "eigh");
        assertTrue(Math.abs(w[0] - 1) <= 4 * Checks.EPS && Math.abs(w[1] - 3) <= 4 * Checks.EPS,
                () -> java.util.Arrays.toString(w));
        check(Nd.of(new double[][] {{0, 1e-300}, {1e-300, 0}}), "2x2 tiny off-diagonal");
        check(Nd.of(new double[][] {{1e150, 1}, {1, -1e-150}}), "2x2 graded");
    }

    @Test
    void throughLinalgMatchesLowerOnlyInputAndFloat32() {
        NdArray a = symmetric(3, 200);
        Eigh e = Linalg.eigh(a);
        Checks.assertReconstructs(a, e.vectors().mul(e.values()).matmul(e.vectors().transpose()), "eigh 200");
        List<Double> ref = new ArrayList<>();
        for (double v : ejmlValues(a)) {
            ref.add(v);
        }
        NdArray w = Linalg.eigvalsh(a);
        for (int i = 0; i < 200; i++) {
            assertTrue(Math.abs(w.getDouble(i) - ref.get(i)) <= 1e-12 * Linalg.norm(a));
        }
    }
}
