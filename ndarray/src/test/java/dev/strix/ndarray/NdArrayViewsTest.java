package dev.strix.ndarray;

import static dev.strix.ndarray.Index.all;
import static dev.strix.ndarray.Index.at;
import static dev.strix.ndarray.Index.ellipsis;
import static dev.strix.ndarray.Index.from;
import static dev.strix.ndarray.Index.newAxis;
import static dev.strix.ndarray.Index.range;
import static dev.strix.ndarray.Index.step;
import static dev.strix.ndarray.Index.upTo;
import static dev.strix.ndarray.TestSupport.assertShape;
import static dev.strix.ndarray.TestSupport.assertValues;
import static dev.strix.ndarray.TestSupport.seq;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Basic slicing, the view-returning operations, and writing through views. */
class NdArrayViewsTest {
    // a[i, j, k] = 12 i + 3 j + k
    private final NdArray a = seq(6, 4, 3);

    @Test
    void textAndTypedSlicingAgree() {
        NdArray t = a.get("1:5, ::2, -1");
        NdArray u = a.get(range(1, 5), step(2), at(-1));
        assertShape(t, 4, 2);
        assertEquals(t, u);
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 2; c++) {
                assertEquals(12 * (1 + r) + 3 * (2 * c) + 2, t.getDouble(r, c));
            }
        }
        assertSame(a.buffer(), t.buffer());
        assertEquals(a.get("2:, :3"), a.get(from(2), upTo(3)));
        assertEquals(a.get(":, ::-1"), a.get(all(), step(-1)));
    }

    @Test
    void negativeIndicesCountFromTheEnd() {
        assertEquals(a.get("5"), a.get("-1"));
        assertEquals(a.getDouble(5, 3, 2), a.getDouble(-1, -1, -1));
        assertEquals(12 * 4 + 3 * 1 + 0, a.get("-2, -3, -3").item());
    }

    @Test
    void ellipsisAndNewAxis() {
        NdArray e = a.get("..., 0");
        assertShape(e, 6, 4);
        assertEquals(12 * 2 + 3 * 3, e.getDouble(2, 3));
        assertEquals(a.get("..., 0"), a.get(ellipsis(), at(0)));
        assertEquals(a, a.get("..."));
        assertShape(a.get("1, ..."), 4, 3);
        assertShape(a.get("1, ..., 2"), 4);
        assertShape(a.get(":, newaxis, 0"), 6, 1, 3);
        assertShape(a.get("newaxis, ..., newaxis"), 1, 6, 4, 3, 1);
        assertEquals(a.get("None, 1"), a.get(newAxis(), at(1)));
        assertEquals(12 * 3 + 3 * 2 + 1, a.get(":, newaxis, 2").getDouble(3, 0, 1));
    }

    @Test
    void emptyAndOutOfRangeSlicesClampLikeNumPy() {
        assertShape(a.get("3:1"), 0, 4, 3);
        assertShape(a.get("10:"), 0, 4, 3);
        assertShape(a.get(":, 4:"), 6, 0, 3);
        assertEquals(a, a.get("-100:100"));
        assertEquals(a.flip(0), a.get("100::-1"));
        assertShape(a.get("-100::-1"), 0, 4, 3);
        assertValues(seq(5).get("1:-1:2"), 1, 3);
        assertValues(seq(5).get("::-2"), 4, 2, 0);
        assertValues(seq(5).get("3:0:-1"), 3, 2, 1);
        assertValues(seq(5).get("-2:-6:-1"), 3, 2, 1, 0);
        assertValues(seq(5).get(":-7"));
        NdArray empty = a.get("2:2");
        assertEquals(0, empty.size());
        assertTrue(empty.isContiguous());
        assertEquals(0.0, empty.sum().item());
    }

    @Test
    void settingThroughIndexText() {
        NdArray z = Nd.zeros(3, 4);
        z.set("0, :", 1.0);
        z.set(":, 1", Nd.of(7, 8, 9));
        z.set("1:, 3", Nd.of(5));
        assertValues(z, 1, 7, 1, 1, 0, 8, 0, 5, 0, 9, 0, 5);
        z.set(Nd.of(2, 2, 2, 2), at(2));
        assertValues(z.row(2), 2, 2, 2, 2);
        z.set(-1.0, all(), at(0));
        assertValues(z.col(0), -1, -1, -1);
        // as NumPy, leading length-1 axes of the value are dropped: a[0] = np.ones((1, 4))
        z.set("0", Nd.full(3.0, 1, 4));
        assertValues(z.row(0), 3, 3, 3, 3);
        z.set("[2]", Nd.full(4.0, 1, 1, 4));
        assertValues(z.row(2), 4, 4, 4, 4);
    }

    @Test
    void writesThroughAViewReachTheBase() {
        NdArray b = seq(3, 4);
        NdArray v = b.get("1:, ::2");
        v.fill(-1);
        assertValues(b, 0, 1, 2, 3, -1, 5, -1, 7, -1, 9, -1, 11);
        b.transpose().setDouble(42, 3, 0);
        assertEquals(42, b.getDouble(0, 3));
        b.flip(1).setDouble(99, 0, 0);
        assertEquals(99, b.getDouble(0, 3));
    }

    @Test
    void broadcastToIsAStrideZeroView() {
        NdArray v = Nd.of(1, 2, 3);
        NdArray b = v.broadcastTo(4, 3);
        assertShape(b, 4, 3);
        assertArrayEquals(new int[] {0, 1}, b.strides());
        assertSame(v.buffer(), b.buffer());
        assertValues(b, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3);
        NdArray col = Nd.of(1, 2).reshape(2, 1).broadcastTo(3, 2, 4);
        assertArrayEquals(new int[] {0, 1, 0}, col.strides());
        assertEquals(2.0, col.getDouble(2, 1, 3));
        assertShape(Nd.scalar(5.0).broadcastTo(0, 2), 0, 2);
    }

    @Test
    void diagonalOffsets() {
        NdArray s = seq(3, 4);
        assertValues(s.diagonal(), 0, 5, 10);
        assertValues(s.diagonal(1, 0, 1), 1, 6, 11);
        assertValues(s.diagonal(3, 0, 1), 3);
        assertValues(s.diagonal(4, 0, 1));
        assertValues(s.diagonal(-1, 0, 1), 4, 9);
        assertValues(s.diagonal(-2, 0, 1), 8);
        assertValues(s.diagonal(-3, 0, 1));
        assertValues(s.diagonal(0, 1, 0), 0, 5, 10);
        assertValues(s.diagonal(1, 1, 0), 4, 9); // k counts along axis2, here the rows
        s.diagonal(1, 0, 1).fill(0);
        assertValues(s, 0, 0, 2, 3, 4, 5, 0, 7, 8, 9, 10, 0);
        // 3-d: the diagonal axis goes last
        NdArray c = seq(2, 3, 3);
        NdArray d = c.diagonal(0, 1, 2);
        assertShape(d, 2, 3);
        assertValues(d, 0, 4, 8, 9, 13, 17);
    }

    @Test
    void flipReversesAxes() {
        NdArray s = seq(2, 3);
        assertValues(s.flip(1), 2, 1, 0, 5, 4, 3);
        assertValues(s.flip(0), 3, 4, 5, 0, 1, 2);
        assertValues(s.flip(), 5, 4, 3, 2, 1, 0);
        assertValues(s.flip(-1), 2, 1, 0, 5, 4, 3);
        assertSame(s.buffer(), s.flip().buffer());
        assertEquals(s, s.flip(0).flip(0));
        assertShape(Nd.zeros(0, 2).flip(0), 0, 2);
    }

    @Test
    void rot90MatchesHandRotations() {
        NdArray q = TestSupport.m(new double[][] {{1, 2}, {3, 4}});
        assertValues(q.rot90(1), 2, 4, 1, 3);
        assertValues(q.rot90(2), 4, 3, 2, 1);
        assertValues(q.rot90(3), 3, 1, 4, 2);
        assertEquals(q.rot90(3), q.rot90(-1));
        assertEquals(q, q.rot90(4));
        NdArray r = seq(2, 3); // [[0,1,2],[3,4,5]]
        NdArray r1 = r.rot90(1);
        assertShape(r1, 3, 2);
        assertValues(r1, 2, 5, 1, 4, 0, 3);
        assertValues(r.rot90(-1), 3, 0, 4, 1, 5, 2);
        assertEquals(r.rot90(1).rot90(1), r.rot90(2));
        assertShape(seq(2, 3, 4).rot90(1, 1, 2), 2, 4, 3);
    }

    @Test
    void squeezeAndExpandDims() {
        NdArray z = seq(1, 3, 1);
        assertShape(z.squeeze(), 3);
        assertShape(z.squeeze(0), 3, 1);
        assertShape(z.squeeze(-1), 1, 3);
        assertShape(z.squeeze(0, 2), 3);
        assertShape(seq(1, 1).squeeze(), new int[0]);
        NdArray s = seq(2, 3);
        assertShape(s.expandDims(0), 1, 2, 3);
        assertShape(s.expandDims(1), 2, 1, 3);
        assertShape(s.expandDims(2), 2, 3, 1);
        assertShape(s.expandDims(-1), 2, 3, 1);
        assertShape(s.expandDims(-3), 1, 2, 3);
        assertSame(s.buffer(), s.expandDims(1).buffer());
        assertEquals(5.0, s.expandDims(1).getDouble(1, 0, 2));
    }

    @Test
    void swapAxesAndMoveAxis() {
        NdArray s = seq(2, 3, 4);
        NdArray w = s.swapAxes(0, 2);
        assertShape(w, 4, 3, 2);
        NdArray m = s.moveAxis(0, 2);
        assertShape(m, 3, 4, 2);
        NdArray n = s.moveAxis(-1, 0);
        assertShape(n, 4, 2, 3);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 4; k++) {
                    double x = 12 * i + 4 * j + k;
                    assertEquals(x, w.getDouble(k, j, i));
                    assertEquals(x, m.getDouble(j, k, i));
                    assertEquals(x, n.getDouble(k, i, j));
                }
            }
        }
        assertEquals(s, s.swapAxes(1, 1));
        assertEquals(s.transpose(1, 0, 2), s.permute(1, 0, 2));
    }

    @Test
    void reshapeIsAViewWhenPossibleAndACopyOtherwise() {
        NdArray s = seq(3, 4);
        NdArray r = s.reshape(2, -1);
        assertShape(r, 2, 6);
        assertSame(s.buffer(), r.buffer());
        NdArray t = s.transpose().reshape(-1);
        assertNotSame(s.buffer(), t.buffer());
        assertValues(t, 0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11);
        // a column slice of a contiguous array still reshapes as a view along compatible axes
        NdArray v = seq(4, 6).get(":, 1:3").reshape(2, 2, 2);
        assertValues(v, 1, 2, 7, 8, 13, 14, 19, 20);
        assertSame(s.buffer(), s.ravel().buffer());
        assertNotSame(s.buffer(), s.flatten().buffer());
        assertShape(seq(0, 3).reshape(3, 0, 5), 3, 0, 5);
        assertShape(Nd.scalar(2.0).reshape(1, 1), 1, 1);
        assertShape(seq(1).reshape(), new int[0]);
    }

    @Test
    void copyIsIndependentAndContiguous() {
        NdArray v = seq(4, 4).get("::2, ::-1");
        assertFalse(v.isContiguous());
        NdArray c = v.copy();
        assertTrue(c.isContiguous());
        assertEquals(v, c);
        c.fill(0);
        assertValues(v, 3, 2, 1, 0, 11, 10, 9, 8);
        assertSame(c, c.contiguous());
        assertTrue(v.contiguous().isContiguous());
    }

    @Test
    void rowsColsAndVectors() {
        NdArray s = seq(3, 4);
        assertValues(s.row(1), 4, 5, 6, 7);
        assertValues(s.col(-1), 3, 7, 11);
        assertShape(s.rowVector(2), 1, 4);
        assertShape(s.colVector(0), 3, 1);
        assertValues(s.rows(2, 0), 8, 9, 10, 11, 0, 1, 2, 3);
        assertValues(s.cols(1, 1), 1, 1, 5, 5, 9, 9);
        s.row(0).fill(-1);
        assertEquals(-1, s.getDouble(0, 2));
        NdArray rs = s.rows(1);
        rs.fill(100);
        assertEquals(5.0, s.getDouble(1, 1), "rows() is a copy");
    }
}
