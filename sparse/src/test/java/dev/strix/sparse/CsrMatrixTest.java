package dev.strix.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strix.ndarray.Kernels;
import dev.strix.ndarray.Nd;
import dev.strix.ndarray.NdArray;
import dev.strix.ndarray.ShapeMismatchException;
import org.junit.jupiter.api.Test;

/** Unit tests of CsrMatrix, CscMatrix, CooBuilder and Sparse; exact arithmetic unless stated. */
class CsrMatrixTest {
    static final NdArray D = Nd.of(new double[][] {{1, 0, 2}, {0, 0, 3}, {4, 5, 0}});

    /**
     * SpMM and SpMV read a contiguous float64 operand in place and copy any other layout: views
     * with an offset, transposed (strided) and broadcast operands, and float32, must give the
     * dense product (the ndarray module's GEMM) within rounding.
     */
    @Test
    void productsReadViewsAndStridedOperandsCorrectly() {
        CsrMatrix a = Sparse.random(30, 20, 0.2, 7);
        NdArray big = Nd.random(8).gaussian(25, 20);
        NdArray[] operands = {big.get("5:, :").transpose().copy(), big.get("5:, :").transpose(), big.get(":20, 3:7"),
            big.get("0, :").reshape(20, 1).broadcastTo(20, 3), Nd.random(9).gaussian(20, 4)};
        for (NdArray x : operands) {
            NdArray expected = a.toDense().matmul(x);
            NdArray actual = a.matmul(x);
            assertArrayEquals(expected.shape(), actual.shape());
            assertArrayEquals(expected.toDoubleArray(), actual.toDoubleArray(), 1e-12);
        }
        NdArray v = big.get("2, :");
        assertArrayEquals(a.toDense().matmul(v).toDoubleArray(), a.matmul(v).toDoubleArray(), 1e-12);
        NdArray col = big.get(":20, 1");
        assertArrayEquals(a.toDense().transpose().matmul(Nd.random(3).gaussian(30)).shape(),
                a.rmatvec(Nd.random(3).gaussian(30)).shape());
        assertArrayEquals(a.toDense().matmul(col).toDoubleArray(), a.matmul(col).toDoubleArray(), 1e-12);
    }

    @Test
    void denseRoundTripAndStructure() {
        CsrMatrix a = CsrMatrix.fromDense(D);
        assertEquals(5, a.nnz());
        assertEquals(5 / 9.0, a.density(), 0);
        assertArrayEquals(new int[] {0, 2, 3, 5}, a.indptr());
        assertEquals(D, a.toDense());
        assertEquals(D, a.toCsc().toDense());
        assertEquals(a, a.toCsc().toCsr());
        assertEquals(3.0, a.get(1, 2));
        assertEquals(0.0, a.get(1, 1));
        assertEquals(5.0, a.get(-1, -2));
        assertEquals(D.transpose(), a.transpose().toDense());
        assertSame(a, a.transpose().transpose());
    }

    @Test
    void cooSumsDuplicatesAndValidates() {
        CooBuilder b = new CooBuilder(2, 3).add(1, 2, 1).add(0, 1, 2).add(1, 2, 3).add(1, 0, 0);
        CsrMatrix a = b.toCsr();
        assertArrayEquals(new int[] {1, 0, 2}, a.indices());
        assertEquals(4.0, a.get(1, 2));
        assertEquals(3, a.nnz());
        assertEquals(2, a.eliminateZeros().nnz());
        assertEquals(a.toDense(), b.toCsc().toDense());
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> b.add(2, 0, 1));
        assertTrue(e.getMessage().contains("(2, 3)"), e.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> CsrMatrix.of(2, 2, new int[] {0, 1, 2}, new int[] {0, 5}, new double[] {1, 2}));
        assertTrue(bad.getMessage().contains("column index 5"), bad.getMessage());
    }

    @Test
    void slicingAndSelection() {
        CsrMatrix a = CsrMatrix.fromDense(D);
        assertEquals(D.get("1:3"), a.rowRange(1, 3).toDense());
        assertEquals(D.get(":, 1:"), a.colRange(1, 3).toDense());
        assertEquals(D.get("0:2, 1:3"), a.slice(0, 2, 1, 3).toDense());
        assertEquals(D.get("[2, 0, 2]"), a.selectRows(2, 0, -1).toDense());
        assertEquals(D.get(":, [2, 0]"), a.selectCols(2, 0).toDense());
        assertEquals(Nd.of(1, 0, 0), a.diagonal());
        assertEquals(Nd.of(0, 3), a.diagonal(1));
        assertEquals(Nd.of(4), a.diagonal(-2));
        assertThrows(IndexOutOfBoundsException.class, () -> a.selectRows(3));
    }

    @Test
    void elementwiseAndBroadcasting() {
        CsrMatrix a = CsrMatrix.fromDense(D);
        assertEquals(D.mul(2), a.mul(2).toDense());
        assertEquals(D.neg(), a.neg().toDense());
        assertEquals(D.square(), a.pow(2).toDense());
        assertEquals(5, a.mul(0).nnz(), "scalar 0 keeps the structure, as SciPy");
        assertThrows(IllegalArgumentException.class, () -> a.map(x -> x + 1));
        CsrMatrix b = CsrMatrix.fromDense(D.transpose().copy());
        assertEquals(D.add(D.transpose()), a.add(b).toDense());
        assertEquals(D.mul(D.transpose()), a.multiply(b).toDense());
        assertEquals(0, a.sub(a).nnz(), "cancelled entries are dropped");
        NdArray row = Nd.of(1, 10, 100);
        assertEquals(D.add(row), a.add(row));
        assertEquals(D.sub(Nd.of(new double[][] {{1}, {2}, {3}})), a.sub(Nd.of(new double[][] {{1}, {2}, {3}})));
        assertEquals(D.mul(row), a.multiply(row).toDense());
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class, () -> a.add(Nd.ones(2, 3)));
        assertTrue(e.getMessage().contains("(2, 3)") && e.getMessage().contains("(3, 3)"), e.getMessage());
        assertThrows(ShapeMismatchException.class, () -> a.add(CsrMatrix.zeros(3, 2)));
    }

    @Test
    void reductions() {
        CsrMatrix a = CsrMatrix.fromDense(D);
        assertEquals(15.0, a.sum());
        assertEquals(D.sum(0), a.sum(0));
        assertEquals(D.sum(1), a.sum(-1));
        assertEquals(D.mean(0), a.mean(0));
        assertEquals(D.max(1), a.max(1));
        assertEquals(D.min(0), a.min(0));
        assertEquals(5.0, a.max());
        assertEquals(0.0, a.min());
        assertEquals(D.sum(0), a.toCsc().sum(0));
    }

    @Test
    void productsMatchDense() {
        CsrMatrix a = Sparse.random(40, 30, 0.2, 1);
        NdArray ad = a.toDense();
        NdArray x = Nd.random(2).gaussian(30);
        NdArray y = Nd.random(3).gaussian(40);
        NdArray xm = Nd.random(4).gaussian(30, 5);
        assertTrue(ad.matmul(x).allClose(a.matmul(x), 1e-13, 1e-13));
        assertTrue(ad.transpose().matmul(y).allClose(a.rmatvec(y), 1e-13, 1e-13));
        assertTrue(ad.matmul(xm).allClose(a.matmul(xm), 1e-13, 1e-13));
        CsrMatrix b = Sparse.random(30, 20, 0.3, 5);
        assertTrue(ad.matmul(b.toDense()).allClose(a.matmul(b).toDense(), 1e-13, 1e-13));
        assertTrue(ad.matmul(b.toDense()).allClose(a.toCsc().matmul(b.toCsc()).toDense(), 1e-13, 1e-13));
        assertTrue(ad.matmul(x).allClose(a.toCsc().matmul(x), 1e-13, 1e-13));
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class, () -> a.matmul(Nd.ones(7)));
        assertTrue(e.getMessage().contains("(40, 30)") && e.getMessage().contains("(7,)"), e.getMessage());
    }

    @Test
    void parallelKernelsEqualSerial() {
        // 300k entries: above the parallel threshold; row blocks balanced by nnz
        CsrMatrix a = Sparse.random(20000, 20000, 300000 / 4e8, 7);
        double[] x = Nd.random(8).gaussian(20000).toDoubleArray();
        int saved = Kernels.parallelism();
        try {
            Kernels.setParallelism(1);
            double[] y1 = a.matvec(x);
            double[] t1 = a.rmatvec(x);
            NdArray xm = Nd.random(9).gaussian(20000, 3);
            NdArray m1 = a.matmul(xm);
            CsrMatrix s1 = a.matmul(a);
            Kernels.setParallelism(4);
            assertArrayEquals(y1, a.matvec(x), "SpMV: the same bits on any thread count (rows are summed alike)");
            assertArrayEquals(t1, a.rmatvec(x), 1e-12);
            assertEquals(m1, a.matmul(xm), "SpMM: the same bits on any thread count");
            assertEquals(s1, a.matmul(a), "Gustavson: the same result on any thread count");
        } finally {
            Kernels.setParallelism(saved);
        }
    }

    @Test
    void rowBlocksAreBalancedByNnz() {
        int[] ip = {0, 100, 100, 100, 100, 200};
        int[] b = dev.strix.sparse.internal.SpKernels.balancedRows(ip, 5, 2);
        assertArrayEquals(new int[] {0, 2, 5}, b, "100 entries before and after the split");
    }

    @Test
    void stacksKronAndConstructors() {
        CsrMatrix a = CsrMatrix.fromDense(D);
        assertEquals(Nd.concat(0, D, D), Sparse.vstack(a, a).toDense());
        assertEquals(Nd.concat(1, D, D), Sparse.hstack(a, a).toDense());
        CsrMatrix i2 = Sparse.eye(2);
        assertEquals(6, Sparse.kron(i2, a).rows());
        assertEquals(D, Sparse.kron(i2, a).toDense().get("3:, 3:"));
        assertEquals(Nd.of(new double[][] {{0, 1, 0}, {0, 0, 2}, {0, 0, 0}}), Sparse.diags(Nd.of(1, 2), 1).toDense());
        CsrMatrix p = Sparse.poisson2d(3);
        assertEquals(9, p.rows());
        assertEquals(p, p.transpose().toCsr());
        assertEquals(33, p.nnz());
        CsrMatrix r = Sparse.random(100, 50, 0.1, 3);
        assertEquals(500, r.nnz());
        assertEquals(r, CsrMatrix.of(100, 50, r.indptr(), r.indices(), r.data()), "random() is canonical");
        assertThrows(ShapeMismatchException.class, () -> Sparse.vstack(a, CsrMatrix.zeros(1, 2)));
    }
}
