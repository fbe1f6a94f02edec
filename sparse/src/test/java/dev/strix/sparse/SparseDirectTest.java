package dev.strix.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strix.ndarray.Nd;
import dev.strix.ndarray.NdArray;
import org.junit.jupiter.api.Test;

/** Direct solves through EJML DSCC; residuals relative to ||b|| within 1e-12 (well-conditioned systems). */
class SparseDirectTest {
    static double relres(CsrMatrix a, NdArray x, NdArray b) {
        return b.sub(a.matmul(x)).normL2().item() / b.normL2().item();
    }

    @Test
    void choleskyLuQrOnPoisson() {
        CsrMatrix p = Sparse.poisson2d(20);
        NdArray b = Nd.random(1).gaussian(400);
        for (SparseDirect.Ordering o : SparseDirect.Ordering.values()) {
            assertTrue(relres(p, SparseDirect.cholesky(p, o).solve(b), b) < 1e-12, "cholesky " + o);
            assertTrue(relres(p, SparseDirect.lu(p, o).solve(b), b) < 1e-12, "lu " + o);
            assertTrue(relres(p, SparseDirect.qr(p, o).solve(b), b) < 1e-12, "qr " + o);
        }
        NdArray bm = Nd.random(2).gaussian(400, 3);
        NdArray xm = SparseDirect.cholesky(p).solve(bm);
        assertArrayEquals(new int[] {400, 3}, xm.shape());
        assertTrue(p.matmul(xm).allClose(bm, 1e-10, 1e-10));
    }

    @Test
    void rcmReducesFillOnAScrambledGrid() {
        CsrMatrix p = Sparse.poisson2d(25);
        int[] perm = new int[625];
        java.util.List<Integer> l = new java.util.ArrayList<>();
        for (int i = 0; i < 625; i++) {
            l.add(i);
        }
        java.util.Collections.shuffle(l, new java.util.Random(3));
        for (int i = 0; i < 625; i++) {
            perm[i] = l.get(i);
        }
        CsrMatrix s = p.selectRows(perm).selectCols(perm);
        long none = SparseDirect.cholesky(s, SparseDirect.Ordering.NONE).factorNnz();
        long rcm = SparseDirect.cholesky(s, SparseDirect.Ordering.RCM).factorNnz();
        assertTrue(rcm > 0 && rcm < none, "fill with RCM " + rcm + " vs none " + none);
        long md = SparseDirect.cholesky(s, SparseDirect.Ordering.MINIMUM_DEGREE).factorNnz();
        assertTrue(md > 0 && md < rcm, "fill with minimum degree " + md + " vs RCM " + rcm);
        // a 2-D grid is where minimum degree wins clearly: its factor has O(n log n) entries,
        // the banded (RCM) factor O(n^1.5); here at least 2x fewer on a 50 x 50 grid
        CsrMatrix g = Sparse.poisson2d(50);
        long gRcm = SparseDirect.cholesky(g, SparseDirect.Ordering.RCM).factorNnz();
        long gMd = SparseDirect.cholesky(g, SparseDirect.Ordering.MINIMUM_DEGREE).factorNnz();
        assertTrue(2 * gMd < gRcm, "grid 50x50: minimum degree " + gMd + " vs RCM " + gRcm);
        NdArray b = Nd.random(5).gaussian(2500);
        assertTrue(relres(g, SparseDirect.cholesky(g, SparseDirect.Ordering.MINIMUM_DEGREE).solve(b), b) < 1e-12);
        assertTrue(relres(g, SparseDirect.lu(g, SparseDirect.Ordering.MINIMUM_DEGREE).solve(b), b) < 1e-12);
    }

    /** The ordering is a permutation on patterns with isolated nodes, a dense row and several components. */
    @Test
    void minimumDegreeIsAPermutation() {
        CsrMatrix a = Sparse.vstack(Sparse.hstack(Sparse.poisson2d(3), CsrMatrix.zeros(9, 4)),
                Sparse.hstack(CsrMatrix.zeros(4, 9), Sparse.eye(4)));
        CsrMatrix dense = CsrMatrix.fromDense(Nd.ones(13, 13));
        for (CsrMatrix m : new CsrMatrix[] {a, dense, a.add(a.selectRows(12, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11))}) {
            CsrMatrix s = m.abs().add(m.transpose().toCsr().abs());
            int[] perm = dev.strix.sparse.internal.MinimumDegree.order(13, s.indptr(), s.indices());
            int[] sorted = perm.clone();
            java.util.Arrays.sort(sorted);
            for (int i = 0; i < 13; i++) {
                assertEquals(i, sorted[i]);
            }
        }
    }

    @Test
    void nonsymmetricLuAndLeastSquaresQr() {
        CsrMatrix a = Sparse.random(200, 200, 0.03, 9).add(Sparse.eye(200).mul(5));
        NdArray b = Nd.random(3).gaussian(200);
        assertTrue(relres(a, SparseDirect.solve(a, b), b) < 1e-12);
        CsrMatrix tall = Sparse.vstack(a, Sparse.random(50, 200, 0.05, 10));
        NdArray bt = Nd.random(4).gaussian(250);
        NdArray x = SparseDirect.qr(tall).solve(bt);
        // normal equations: A^T (b - A x) = 0 at the least-squares solution
        NdArray g = tall.rmatvec(bt.sub(tall.matmul(x)));
        assertTrue(g.normL2().item() < 1e-10 * bt.normL2().item(), "gradient " + g.normL2().item());
    }

    @Test
    void failures() {
        CsrMatrix indefinite = Sparse.diags(Nd.of(1, -2, 3), 0);
        SingularMatrixException e = assertThrows(SingularMatrixException.class, () -> SparseDirect.cholesky(indefinite));
        assertTrue(e.getMessage().contains("(3, 3)"), e.getMessage());
        CsrMatrix singular = CsrMatrix.fromDense(Nd.of(new double[][] {{1, 2}, {2, 4}}));
        assertThrows(SingularMatrixException.class, () -> SparseDirect.lu(singular).solve(Nd.of(1, 1)));
        assertThrows(IllegalArgumentException.class, () -> SparseDirect.lu(CsrMatrix.zeros(2, 3)));
        assertThrows(IllegalArgumentException.class, () -> SparseDirect.qr(CsrMatrix.zeros(2, 3)));
    }
}
