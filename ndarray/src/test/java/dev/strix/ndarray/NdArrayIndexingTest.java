package dev.strix.ndarray;

import static dev.strix.ndarray.Index.all;
import static dev.strix.ndarray.Index.at;
import static dev.strix.ndarray.TestSupport.assertShape;
import static dev.strix.ndarray.TestSupport.assertValues;
import static dev.strix.ndarray.TestSupport.seq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import org.junit.jupiter.api.Test;

/** Advanced (integer-array and mask) indexing, take/put, where and nonzero. */
class NdArrayIndexingTest {
    // a[i, j, k] = 12 i + 4 j + k
    private final NdArray a = seq(2, 3, 4);

    @Test
    void fancyIndexIsACopy() {
        NdArray f = a.get("[1, 0]");
        assertShape(f, 2, 3, 4);
        assertNotSame(a.buffer(), f.buffer());
        f.fill(-1);
        assertEquals(0.0, a.getDouble(0, 0, 0));
        assertEquals(a.get("[1, 0]"), a.get(Index.of(1, 0)));
        assertEquals(a.get("[-1]"), a.get("1").expandDims(0));
    }

    @Test
    void adjacentAdvancedIndicesStayInPlace() {
        NdArray r = a.get(":, [0, 2], 1"); // integer next to an array: both advanced and adjacent
        assertShape(r, 2, 2);
        for (int i = 0; i < 2; i++) {
            assertEquals(12 * i + 1, r.getDouble(i, 0));
            assertEquals(12 * i + 8 + 1, r.getDouble(i, 1));
        }
        NdArray q = a.get("[0, 1], [1, 2]");
        assertShape(q, 2, 4);
        assertValues(q.row(0), 4, 5, 6, 7);
        assertValues(q.row(1), 20, 21, 22, 23);
    }

    @Test
    void separatedAdvancedIndicesGoFirst() {
        NdArray r = a.get("[0, 1], :, [1, 2]");
        assertShape(r, 2, 3);
        for (int j = 0; j < 3; j++) {
            assertEquals(4 * j + 1, r.getDouble(0, j));
            assertEquals(12 + 4 * j + 2, r.getDouble(1, j));
        }
        NdArray s = a.get("1, :, [0, 3]");
        assertShape(s, 2, 3);
        for (int j = 0; j < 3; j++) {
            assertEquals(12 + 4 * j, s.getDouble(0, j));
            assertEquals(12 + 4 * j + 3, s.getDouble(1, j));
        }
    }

    @Test
    void indexArraysBroadcastAndKeepTheirShape() {
        NdArray s = seq(3, 2);
        NdArray idx = Nd.ofInts(0, 2, 2, 1).reshape(2, 2);
        NdArray r = s.get(idx);
        assertShape(r, 2, 2, 2);
        assertValues(r, 0, 1, 4, 5, 4, 5, 2, 3);
        NdArray rows = Nd.ofLongs(0, 2).reshape(2, 1);
        NdArray cols = Nd.ofLongs(1, 0);
        NdArray g = s.get(Index.array(rows), Index.array(cols));
        assertShape(g, 2, 2);
        assertValues(g, 1, 0, 5, 4);
    }

    @Test
    void masksSelectAndAssign() {
        NdArray s = seq(2, 3);
        NdArray m = s.gt(2);
        assertValues(s.get(m), 3, 4, 5);
        assertShape(s.get(Nd.ofBools(false, false, false, false, false, false).reshape(2, 3)), 0);
        assertValues(s.get("[true, false]"), 0, 1, 2);
        assertValues(s.get(at(1), Index.array(Nd.ofBools(true, false, true))), 3, 5);
        NdArray t = s.copy();
        t.set(m, -1.0);
        assertValues(t, 0, 1, 2, -1, -1, -1);
        NdArray u = s.copy();
        u.set(u.lt(2), Nd.of(10, 20));
        assertValues(u, 10, 20, 2, 3, 4, 5);
        NdArray w = s.copy();
        w.set(7.0, Index.array(Nd.ofBools(false, true)));
        w.set(7.5, all(), Index.array(Nd.ofBools(true, false, false)));
        assertValues(w, 7.5, 1, 2, 7.5, 7, 7);
    }

    @Test
    void settingThroughFancyIndices() {
        NdArray s = Nd.zeros(3, 2);
        s.set("[0, 2], :", 5.0);
        assertValues(s, 5, 5, 0, 0, 5, 5);
        s.set("[1], :", Nd.of(1, 2));
        assertValues(s, 5, 5, 1, 2, 5, 5);
        s.set(Nd.of(9, 8), Index.of(0, 1), at(0));
        assertValues(s.col(0), 9, 8, 5);
    }

    @Test
    void takeAndPut() {
        NdArray v = seq(10);
        assertValues(v.take(Nd.ofInts(3, -1, 0)), 3, 9, 0);
        NdArray s = seq(3, 4);
        assertValues(s.take(Nd.ofInts(5, 11)), 5, 11);
        assertShape(s.take(Nd.ofInts(0, 1, 2, 3).reshape(2, 2)), 2, 2);
        assertValues(s.take(new int[] {3, 0}, 1), 3, 0, 7, 4, 11, 8);
        assertValues(s.take(new int[] {2}, 0), 8, 9, 10, 11);
        assertValues(s.take(new int[] {-1}, -1), 3, 7, 11);
        NdArray z = Nd.zeros(5);
        z.put(Nd.ofInts(0, 2, 4), Nd.of(1, 2));
        assertValues(z, 1, 0, 2, 0, 1);
        z.put(Nd.ofInts(-1), Nd.of(7));
        assertValues(z, 1, 0, 2, 0, 7);
        NdArray t = seq(2, 3).transpose();
        t.put(Nd.ofInts(1), Nd.of(-5)); // flat position 1 of the transposed view is base [1, 0]
        assertEquals(-5, t.getDouble(0, 1));
        NdArray ints = Nd.zeros(DType.INT32, 3);
        ints.put(Nd.ofInts(1), Nd.of(2.9));
        assertValues(ints, 0, 2, 0);
    }

    @Test
    void whereBroadcastsAndPromotes() {
        NdArray r = Nd.where(Nd.ofBools(true, false, true), Nd.of(1, 2, 3), Nd.of(10, 20, 30));
        assertValues(r, 1, 20, 3);
        NdArray cond = Nd.ofBools(true, false).reshape(2, 1);
        NdArray w = Nd.where(cond, 1.0, 0.0);
        assertShape(w, 2, 1);
        NdArray b = Nd.where(cond, Nd.ofInts(1, 2, 3), Nd.of(-1.5));
        assertShape(b, 2, 3);
        assertEquals(DType.FLOAT64, b.dtype());
        assertValues(b, 1, 2, 3, -1.5, -1.5, -1.5);
        NdArray i = Nd.where(Nd.ofInts(0, 5), Nd.ofInts(1, 1), Nd.ofInts(2, 2));
        assertEquals(DType.INT32, i.dtype());
        assertValues(i, 2, 1);
    }

    /**
     * where against a written-out loop in every dtype, with operands that are views (a transpose,
     * a reversed slice), broadcast rows, single values and a condition of another dtype, on a
     * random condition long enough for whole vectors and a tail.
     */
    @Test
    void whereMatchesAPlainLoopOnAnyLayout() {
        java.util.Random r = new java.util.Random(4);
        int rows = 37;
        int cols = 29;
        double[] av = new double[rows * cols];
        double[] bv = new double[rows * cols];
        boolean[] cv = new boolean[rows * cols];
        for (int i = 0; i < av.length; i++) {
            av[i] = r.nextInt(7) == 0 ? Double.NaN : Math.rint(r.nextGaussian() * 100);
            bv[i] = i % 5 == 0 ? -0.0 : Math.rint(r.nextGaussian() * 100);
            cv[i] = r.nextBoolean();
        }
        NdArray a = NdArray.wrap(av, rows, cols);
        NdArray b = NdArray.wrap(bv, cols, rows).transpose();
        NdArray cond = NdArray.wrap(cv, rows, cols).get("::-1, :");
        for (DType t : new DType[] {DType.FLOAT64, DType.FLOAT32, DType.INT64, DType.INT32, DType.BOOL}) {
            NdArray at = a.astype(t);
            NdArray bt = b.astype(t);
            NdArray row = bt.get("3, :").reshape(1, cols);
            NdArray one = bt.get("2:3, 4:5");
            NdArray[][] cases = {{cond, at, bt}, {cond, at, row}, {cond, one, at}, {cond.astype(DType.INT32), bt, at}};
            for (NdArray[] c : cases) {
                NdArray w = Nd.where(c[0], c[1], c[2]);
                assertEquals(t, w.dtype());
                assertShape(w, rows, cols);
                NdArray x = c[1].broadcastTo(rows, cols);
                NdArray y = c[2].broadcastTo(rows, cols);
                NdArray k = c[0].broadcastTo(rows, cols);
                for (int i = 0; i < rows; i++) {
                    for (int j = 0; j < cols; j++) {
                        double want = k.getDouble(i, j) != 0 ? x.getDouble(i, j) : y.getDouble(i, j);
                        double got = w.getDouble(i, j);
                        assertEquals(Double.doubleToLongBits(want), Double.doubleToLongBits(got), t + " at " + i + ", " + j);
                    }
                }
            }
        }
    }

    @Test
    void nonzeroGivesOneIndexArrayPerAxis() {
        NdArray m = TestSupport.m(new double[][] {{0, 1}, {2, 0}, {0, 3}});
        NdArray[] nz = m.nonzero();
        assertEquals(2, nz.length);
        assertEquals(DType.INT64, nz[0].dtype());
        assertValues(nz[0], 0, 1, 2);
        assertValues(nz[1], 1, 0, 1);
        assertValues(m.get(Index.array(nz[0]), Index.array(nz[1])), 1, 2, 3);
        NdArray[] none = Nd.zeros(2, 2).nonzero();
        assertEquals(0, none[0].size());
        assertValues(Nd.of(Double.NaN, 0, -0.0, 1).nonzero()[0], 0, 3);
    }

    @Test
    void getSetScalarsAndFlat() {
        NdArray s = seq(2, 3);
        assertEquals(4, s.getLong(1, 1));
        assertEquals(true, s.getBoolean(0, 1));
        assertEquals(false, s.getBoolean(0, 0));
        s.setLong(-3, 0, 0).setBoolean(true, 0, 1).setDouble(2.5, -1, -1);
        assertValues(s, -3, 1, 2, 3, 4, 2.5);
        NdArray t = s.transpose();
        assertEquals(3.0, t.getFlat(1));
        assertEquals(2.5, t.getFlat(5));
        NdArray i = Nd.zeros(DType.INT64, 2);
        i.setDouble(-2.7, 0);
        assertEquals(-2, i.getLong(0), "float to int truncates toward zero");
        assertEquals(7.0, Nd.scalar(7.0).item());
        assertEquals(7, Nd.scalar(7L).itemLong());
        assertEquals(true, Nd.ofBools(true).itemBoolean());
    }
}
