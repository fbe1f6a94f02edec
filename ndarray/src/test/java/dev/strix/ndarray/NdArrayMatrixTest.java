package dev.strix.ndarray;

import static dev.strix.ndarray.TestSupport.assertShape;
import static dev.strix.ndarray.TestSupport.assertValues;
import static dev.strix.ndarray.TestSupport.seq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** 2-D conveniences and matrix products, checked against plain loops. */
class NdArrayMatrixTest {

    static double[][] rand(Random r, int m, int n) {
        double[][] a = new double[m][n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = r.nextDouble() * 2 - 1;
            }
        }
        return a;
    }

    static double[][] naive(double[][] a, double[][] b) {
        int m = a.length;
        int k = b.length;
        int n = b[0].length;
        double[][] c = new double[m][n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += a[i][p] * b[p][j];
                }
                c[i][j] = s;
            }
        }
        return c;
    }

    static void assertMatrix(double[][] expected, NdArray actual, double tol) {
        assertShape(actual, expected.length, expected[0].length);
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[0].length; j++) {
                double e = expected[i][j];
                double g = actual.getDouble(i, j);
                int ii = i;
                int jj = j;
                assertTrue(Math.abs(e - g) <= tol, () -> "[" + ii + ", " + jj + "]: " + e + " vs " + g);
            }
        }
    }

    static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    @Test
    void matmulMatchesTripleLoop() {
        Random r = new Random(7);
        int[][] sizes = {{1, 1, 1}, {3, 4, 5}, {17, 33, 9}, {64, 300, 40}, {5, 1030, 3}, {2, 3, 1100}};
        for (int[] s : sizes) {
            double[][] a = rand(r, s[0], s[1]);
            double[][] b = rand(r, s[1], s[2]);
            double[][] c = naive(a, b);
            assertMatrix(c, Nd.of(a).matmul(Nd.of(b)), 1e-12);
            assertMatrix(c, Nd.of(a).dot(Nd.of(b)), 1e-12);
            // transposed (F-ordered) and strided operands
            NdArray at = Nd.of(transpose(a)).transpose();
            NdArray bt = Nd.of(transpose(b)).transpose();
            assertMatrix(c, at.matmul(bt), 1e-12);
            NdArray wide = Nd.zeros(s[1], 2 * s[2]);
            wide.get(":, ::2").assign(Nd.of(b));
            assertMatrix(c, Nd.of(a).matmul(wide.get(":, ::2")), 1e-12);
        }
    }

    @Test
    void batchedMatmulBroadcasts() {
        Random r = new Random(11);
        double[][][] a = new double[3][][];
        NdArray a3 = Nd.zeros(3, 2, 4);
        for (int i = 0; i < 3; i++) {
            a[i] = rand(r, 2, 4);
            a3.get(Integer.toString(i)).assign(Nd.of(a[i]));
        }
        double[][] b = rand(r, 4, 5);
        NdArray c = a3.matmul(Nd.of(b));
        assertShape(c, 3, 2, 5);
        for (int i = 0; i < 3; i++) {
            assertMatrix(naive(a[i], b), c.get(Integer.toString(i)), 1e-12);
        }
        NdArray d = Nd.of(b).transpose().expandDims(0).matmul(a3.transpose(0, 2, 1));
        assertShape(d, 3, 5, 2);
        NdArray e = a3.expandDims(1).matmul(Nd.zeros(2, 4, 1));
        assertShape(e, 3, 2, 2, 1);
    }

    @Test
    void oneDimensionalOperandsArePromotedAndRemoved() {
        NdArray m = seq(2, 3);
        NdArray v = Nd.of(1, 2, 3);
        NdArray mv = m.matmul(v);
        assertShape(mv, 2);
        assertValues(mv, 8, 26);
        NdArray vm = Nd.of(1, 1).matmul(m);
        assertShape(vm, 3);
        assertValues(vm, 3, 5, 7);
        NdArray vv = v.matmul(v);
        assertEquals(0, vv.ndim());
        assertEquals(14.0, vv.item());
        assertEquals(14.0, v.dot(v).item());
        assertValues(m.dot(v), 8, 26);
        assertShape(seq(4, 2, 3).matmul(v), 4, 2);
        assertValues(Nd.scalar(2.0).dot(v), 2, 4, 6);
    }

    @Test
    void emptyInnerDimensionGivesZeros() {
        NdArray z = Nd.zeros(2, 0).matmul(Nd.zeros(0, 3));
        assertShape(z, 2, 3);
        assertValues(z, 0, 0, 0, 0, 0, 0);
        assertShape(Nd.zeros(0, 2).matmul(Nd.zeros(2, 3)), 0, 3);
    }

    @Test
    void integerMatmulStaysInteger() {
        NdArray a = Nd.ofInts(1, 2, 3, 4).reshape(2, 2);
        NdArray c = a.matmul(a);
        assertEquals(DType.INT32, c.dtype());
        assertValues(c, 7, 10, 15, 22);
        NdArray b = Nd.ofBools(true, true).matmul(Nd.ofBools(true, true));
        assertEquals(DType.INT64, b.dtype());
        assertEquals(2, b.itemLong());
        assertEquals(DType.FLOAT32, Nd.ofFloats(1f, 2f).matmul(Nd.ofFloats(3f, 4f)).dtype());
        assertEquals(DType.FLOAT64, Nd.ofInts(1).matmul(Nd.of(2)).dtype());
        // batched int32: every batch element, and fast enough that per-batch widening would show
        NdArray x = Nd.random(3).integers(-9, 10, 20000, 3, 2).astype(DType.INT32);
        NdArray y = Nd.random(4).integers(-9, 10, 20000, 2, 3).astype(DType.INT32);
        long t0 = System.nanoTime();
        NdArray z = x.matmul(y);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(DType.INT32, z.dtype());
        assertEquals(x.astype(DType.FLOAT64).matmul(y.astype(DType.FLOAT64)), z.astype(DType.FLOAT64));
        assertTrue(ms < 5000, "batched int32 matmul took " + ms + " ms");
    }

    @Test
    void nDimensionalDot() {
        NdArray a = seq(2, 3, 4);
        NdArray b = seq(4, 5);
        NdArray d = a.dot(b);
        assertShape(d, 2, 3, 5);
        double s = 0;
        for (int k = 0; k < 4; k++) {
            s += (12 + 4 * 2 + k) * (5 * k + 3);
        }
        assertEquals(s, d.getDouble(1, 2, 3));
        NdArray e = seq(3, 4).dot(seq(2, 4, 5));
        assertShape(e, 3, 2, 5);
        double t = 0;
        for (int k = 0; k < 4; k++) {
            t += (4 * 2 + k) * (20 + 5 * k + 4);
        }
        assertEquals(t, e.getDouble(2, 1, 4));
    }

    @Test
    void traceTriangleDiagOuter() {
        NdArray s = seq(3, 3);
        assertEquals(12.0, s.trace());
        assertEquals(4.0, seq(2, 3).trace());
        assertValues(s.triu(), 0, 1, 2, 0, 4, 5, 0, 0, 8);
        assertValues(s.tril(), 0, 0, 0, 3, 4, 0, 6, 7, 8);
        assertValues(s.triu(1), 0, 1, 2, 0, 0, 5, 0, 0, 0);
        assertValues(s.tril(-1), 0, 0, 0, 3, 0, 0, 6, 7, 0);
        assertValues(seq(2, 3).triu(-1), 0, 1, 2, 3, 4, 5);
        assertShape(seq(2, 3, 3).tril(), 2, 3, 3);
        assertValues(seq(2, 2, 2).tril(), 0, 0, 2, 3, 4, 0, 6, 7);
        assertEquals(DType.INT32, Nd.ofInts(1, 2, 3, 4).reshape(2, 2).triu().dtype());
        NdArray d = Nd.of(1, 2).diag();
        assertShape(d, 2, 2);
        assertValues(d, 1, 0, 0, 2);
        NdArray d1 = Nd.of(1, 2).diag(1);
        assertShape(d1, 3, 3);
        assertValues(d1, 0, 1, 0, 0, 0, 2, 0, 0, 0);
        assertValues(Nd.of(1, 2).diag(-1), 0, 0, 0, 1, 0, 0, 0, 2, 0);
        assertValues(s.diag(), 0, 4, 8);
        assertValues(s.diag(1), 1, 5);
        NdArray copy = s.diag();
        copy.fill(-1);
        assertEquals(4.0, s.getDouble(1, 1), "diag of a matrix is a copy");
        assertEquals(Nd.of(3, 4).diag(), Nd.diag(Nd.of(3, 4)));
        NdArray o = Nd.of(1, 2).outer(Nd.of(3, 4, 5));
        assertShape(o, 2, 3);
        assertValues(o, 3, 4, 5, 6, 8, 10);
        assertShape(seq(2, 2).outer(seq(3)), 4, 3);
    }
}
