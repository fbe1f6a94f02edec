package dev.strix.ndarray;

import static dev.strix.ndarray.TestSupport.assertClose;
import static dev.strix.ndarray.TestSupport.assertShape;
import static dev.strix.ndarray.TestSupport.assertValues;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The factories of {@link Nd}. */
class NdTest {

    @Test
    void integerArange() {
        NdArray a = Nd.arange(5);
        assertEquals(DType.INT64, a.dtype());
        assertValues(a, 0, 1, 2, 3, 4);
        assertValues(Nd.arange(2, 10, 3), 2, 5, 8);
        assertValues(Nd.arange(1, 10, 3), 1, 4, 7);
        assertValues(Nd.arange(5, 0, -2), 5, 3, 1);
        assertValues(Nd.arange(10, 1, -3), 10, 7, 4);
        assertValues(Nd.arange(-3, 3, 2), -3, -1, 1);
        assertShape(Nd.arange(0), 0);
        assertShape(Nd.arange(3, 1, 1), 0);
        assertShape(Nd.arange(1, 3, -1), 0);
        assertShape(Nd.arange(-4), 0);
        // stop - start overflows a long here; the range is far too long, not empty
        TestSupport.assertThrowsWith(IllegalArgumentException.class, () -> Nd.arange(-(1L << 62), 1L << 62, 1), "arange");
        assertValues(Nd.arange(0, Long.MAX_VALUE, Long.MAX_VALUE), 0);
        NdArray extremes = Nd.arange(Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE);
        assertEquals(2, extremes.size());
        assertEquals(Long.MAX_VALUE, extremes.getLong(0));
        assertEquals(-1, extremes.getLong(1));
    }

    @Test
    void doubleArange() {
        NdArray a = Nd.arange(0.0, 1.0, 0.25);
        assertEquals(DType.FLOAT64, a.dtype());
        assertValues(a, 0, 0.25, 0.5, 0.75);
        assertValues(Nd.arange(1.0, 0.0, -0.5), 1, 0.5);
        assertShape(Nd.arange(0.0, 1.0, -0.1), 0);
        assertShape(Nd.arange(0.0, 0.3, 0.1), 3);
        assertShape(Nd.arange(0.5, 0.5, 1.0), 0);
        assertValues(Nd.arange(-1.0, 1.0, 0.5), -1, -0.5, 0, 0.5);
    }

    @Test
    void linspaceAndLogspace() {
        assertValues(Nd.linspace(0, 1, 5), 0, 0.25, 0.5, 0.75, 1);
        assertValues(Nd.linspace(0, 1, 4, false), 0, 0.25, 0.5, 0.75);
        assertValues(Nd.linspace(1, 0, 3), 1, 0.5, 0);
        assertShape(Nd.linspace(0, 1, 0), 0);
        assertValues(Nd.linspace(3, 7, 1), 3);
        assertValues(Nd.linspace(3, 7, 1, false), 3);
        NdArray l = Nd.linspace(0, 0.3, 4);
        assertEquals(0.3, l.getDouble(3), "the endpoint is exact");
        assertClose(0.1, l.getDouble(1), 2e-17);
        assertValues(Nd.logspace(0, 2, 3), 1, 10, 100);
        assertValues(Nd.logspace(0, 3, 4, 2), 1, 2, 4, 8);
        assertEquals(DType.FLOAT64, Nd.logspace(0, 1, 2).dtype());
    }

    @Test
    void eyeAndIdentity() {
        assertValues(Nd.eye(3), 1, 0, 0, 0, 1, 0, 0, 0, 1);
        assertEquals(Nd.eye(3), Nd.identity(3));
        NdArray e = Nd.eye(2, 3, 1, DType.INT32);
        assertEquals(DType.INT32, e.dtype());
        assertShape(e, 2, 3);
        assertValues(e, 0, 1, 0, 0, 0, 1);
        NdArray f = Nd.eye(3, 2, -1, DType.FLOAT32);
        assertValues(f, 0, 0, 1, 0, 0, 1);
        assertValues(Nd.eye(2, 2, 5, DType.FLOAT64), 0, 0, 0, 0);
        assertEquals(DType.BOOL, Nd.eye(2, 2, 0, DType.BOOL).dtype());
        assertShape(Nd.eye(0), 0, 0);
    }

    @Test
    void meshgridShapes() {
        NdArray x = Nd.of(1, 2, 3);
        NdArray y = Nd.of(10, 20);
        List<NdArray> xy = Nd.meshgrid(x, y);
        assertShape(xy.get(0), 2, 3);
        assertShape(xy.get(1), 2, 3);
        assertValues(xy.get(0), 1, 2, 3, 1, 2, 3);
        assertValues(xy.get(1), 10, 10, 10, 20, 20, 20);
        List<NdArray> ij = Nd.meshgrid(false, x, y);
        assertShape(ij.get(0), 3, 2);
        assertValues(ij.get(0), 1, 1, 2, 2, 3, 3);
        assertValues(ij.get(1), 10, 20, 10, 20, 10, 20);
        List<NdArray> three = Nd.meshgrid(x, y, Nd.of(5, 6, 7, 8));
        for (NdArray g : three) {
            assertShape(g, 2, 3, 4);
        }
        assertEquals(3.0, three.get(0).getDouble(1, 2, 3));
        assertEquals(20.0, three.get(1).getDouble(1, 2, 3));
        assertEquals(8.0, three.get(2).getDouble(1, 2, 3));
        assertShape(Nd.meshgrid(false, x, y, Nd.of(5, 6, 7, 8)).get(2), 3, 2, 4);
        assertShape(Nd.meshgrid(x).get(0), 3);
    }

    @Test
    void fromArrayOfEveryPrimitiveType() {
        NdArray d3 = Nd.fromArray(new double[][][] {{{1, 2, 3}, {4, 5, 6}}, {{7, 8, 9}, {10, 11, 12}}});
        assertEquals(DType.FLOAT64, d3.dtype());
        assertShape(d3, 2, 2, 3);
        assertEquals(11.0, d3.getDouble(1, 1, 1));
        NdArray f = Nd.fromArray(new float[][] {{1.5f, 2f}, {3f, 4f}});
        assertEquals(DType.FLOAT32, f.dtype());
        assertValues(f, 1.5, 2, 3, 4);
        NdArray l = Nd.fromArray(new long[] {Long.MAX_VALUE, -1});
        assertEquals(DType.INT64, l.dtype());
        assertEquals(Long.MAX_VALUE, l.getLong(0));
        NdArray i = Nd.fromArray(new int[][][] {{{1}, {2}}});
        assertEquals(DType.INT32, i.dtype());
        assertShape(i, 1, 2, 1);
        NdArray b = Nd.fromArray(new boolean[][] {{true, false}});
        assertEquals(DType.BOOL, b.dtype());
        assertValues(b, 1, 0);
        assertShape(Nd.fromArray(new double[0]), 0);
        assertShape(Nd.fromArray(new double[2][0]), 2, 0);
        assertEquals(Nd.of(new double[][] {{1, 2}, {3, 4}}), Nd.fromArray(new double[][] {{1, 2}, {3, 4}}));
        double[][] src = {{1, 2}};
        NdArray copy = Nd.fromArray(src);
        src[0][0] = 99;
        assertEquals(1.0, copy.getDouble(0, 0), "fromArray copies");
    }

    @Test
    void filledArraysPerDtype() {
        for (DType t : DType.values()) {
            NdArray z = Nd.zeros(t, 2, 2);
            assertEquals(t, z.dtype());
            assertValues(z, 0, 0, 0, 0);
            NdArray o = Nd.ones(t, 3);
            assertEquals(t, o.dtype());
            assertValues(o, 1, 1, 1);
            assertEquals(t, Nd.empty(t, 1).dtype());
        }
        assertValues(Nd.full(DType.INT32, 2.9, 2), 2, 2);
        assertValues(Nd.full(DType.INT64, -2.9, 1), -2);
        assertValues(Nd.full(DType.BOOL, 0.5, 1), 1);
        assertValues(Nd.full(DType.FLOAT32, 0.1, 1), (float) 0.1);
        assertValues(Nd.full(Double.NaN, 2), Double.NaN, Double.NaN);
        assertEquals(DType.FLOAT64, Nd.ones(2).dtype());
        assertEquals(DType.FLOAT64, Nd.zeros(2).dtype());
        NdArray zeroD = Nd.zeros();
        assertEquals(0, zeroD.ndim());
        assertEquals(1, zeroD.size());
        assertShape(Nd.ones(0, 4), 0, 4);
    }

    @Test
    void scalarsAndOfCopies() {
        NdArray s = Nd.scalar(2.5);
        assertEquals(DType.FLOAT64, s.dtype());
        assertEquals(0, s.ndim());
        assertEquals(DType.INT64, Nd.scalar(3L).dtype());
        double[] v = {1, 2};
        NdArray a = Nd.of(v);
        v[0] = 9;
        assertEquals(1.0, a.getDouble(0));
        int[] iv = {1};
        NdArray ia = Nd.ofInts(iv);
        iv[0] = 5;
        assertEquals(1, ia.getLong(0));
        assertEquals(DType.FLOAT32, Nd.ofFloats(1f).dtype());
        assertEquals(DType.INT64, Nd.ofLongs(1).dtype());
        assertEquals(DType.BOOL, Nd.ofBools(true).dtype());
    }

    @Test
    void wrapSharesTheBuffer() {
        double[] buf = {0, 1, 2, 3, 4, 5};
        NdArray a = NdArray.wrap(buf, 2, 3);
        assertSame(buf, a.buffer());
        buf[4] = 40;
        assertEquals(40.0, a.getDouble(1, 1));
        NdArray colMajor = NdArray.wrap(buf, new int[] {3, 2}, new int[] {1, 3}, 0);
        assertValues(colMajor, 0, 3, 1, 40, 2, 5);
        NdArray reversed = NdArray.wrap(buf, new int[] {3}, new int[] {-2}, 5);
        assertValues(reversed, 5, 3, 1);
        NdArray stride0 = NdArray.wrap(buf, new int[] {4}, new int[] {0}, 2);
        assertValues(stride0, 2, 2, 2, 2);
        assertArrayEquals(new int[] {1, 3}, colMajor.strides());
        assertEquals(5, reversed.offset());
        assertShape(NdArray.wrap(new double[0], new int[] {0, 5}, new int[] {7, 7}, 3), 0, 5);
        assertEquals(2, Nd.random(1).uniform(2, 3).ndim());
    }

    @Test
    void conversions() {
        NdArray a = Nd.of(-1.7, 0, 2.5, Double.NaN);
        assertArrayEquals(new long[] {-1, 0, 2, 0}, a.astype(DType.INT64).toLongArray());
        assertArrayEquals(new int[] {-1, 0, 2, 0}, a.toIntArray());
        assertArrayEquals(new boolean[] {true, false, true, true}, a.toBooleanArray());
        assertArrayEquals(new float[] {-1.7f, 0f, 2.5f, Float.NaN}, a.toFloatArray());
        assertEquals(-1, Nd.ofLongs(0xFFFFFFFFL).astype(DType.INT32).getLong(0), "int64 to int32 wraps");
        double[][] m = TestSupport.seq(2, 3).transpose().toDoubleMatrix();
        assertEquals(3, m.length);
        assertArrayEquals(new double[] {1, 4}, m[1]);
        assertArrayEquals(new double[] {0, 3, 1, 4, 2, 5}, TestSupport.seq(2, 3).transpose().toDoubleArray());
    }
}
