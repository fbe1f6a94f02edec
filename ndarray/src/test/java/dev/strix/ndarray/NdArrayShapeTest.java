package dev.strix.ndarray;

import static dev.strix.ndarray.TestSupport.assertShape;
import static dev.strix.ndarray.TestSupport.assertValues;
import static dev.strix.ndarray.TestSupport.seq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

/** tile, repeat, pad, roll, split, concat, stack, hstack and vstack. */
class NdArrayShapeTest {

    @Test
    void tile() {
        assertValues(Nd.of(1, 2).tile(2), 1, 2, 1, 2);
        NdArray t = Nd.of(1, 2).tile(2, 1);
        assertShape(t, 2, 2);
        assertValues(t, 1, 2, 1, 2);
        NdArray u = seq(2, 2).tile(1, 2);
        assertShape(u, 2, 4);
        assertValues(u, 0, 1, 0, 1, 2, 3, 2, 3);
        NdArray w = seq(2, 2).tile(2);
        assertShape(w, 2, 4);
        assertShape(seq(2, 2).tile(2, 1, 1), 2, 2, 2);
        assertShape(Nd.of(1, 2).tile(0), 0);
        assertValues(seq(2, 3).transpose().tile(1, 2), 0, 3, 0, 3, 1, 4, 1, 4, 2, 5, 2, 5);
        assertEquals(DType.INT32, Nd.ofInts(1).tile(3).dtype());
    }

    @Test
    void repeat() {
        assertValues(Nd.of(1, 2).repeat(2), 1, 1, 2, 2);
        assertValues(Nd.of(1, 2).repeat(new int[] {1, 3}, 0), 1, 2, 2, 2);
        NdArray r = seq(2, 2).repeat(2, 1);
        assertShape(r, 2, 4);
        assertValues(r, 0, 0, 1, 1, 2, 2, 3, 3);
        assertValues(seq(2, 2).repeat(2, 0), 0, 1, 0, 1, 2, 3, 2, 3);
        assertValues(seq(2, 2).repeat(2), 0, 0, 1, 1, 2, 2, 3, 3);
        assertShape(seq(2, 2).repeat(new int[] {0, 0}, 0), 0, 2);
    }

    @Test
    void pad() {
        assertValues(Nd.of(1, 2, 3).pad(1, NdArray.PadMode.CONSTANT), 0, 1, 2, 3, 0);
        assertValues(Nd.of(1, 2, 3).pad(2, NdArray.PadMode.EDGE), 1, 1, 1, 2, 3, 3, 3);
        assertValues(Nd.of(1, 2, 3).pad(2, NdArray.PadMode.REFLECT), 3, 2, 1, 2, 3, 2, 1);
        assertValues(Nd.of(1, 2, 3).pad(5, NdArray.PadMode.REFLECT), 2, 1, 2, 3, 2, 1, 2, 3, 2, 1, 2, 3, 2);
        assertValues(Nd.of(1, 2, 3).pad(new int[][] {{0, 2}}, 9.0), 1, 2, 3, 9, 9);
        NdArray m = seq(2, 2).pad(new int[][] {{1, 0}, {0, 1}}, -1.0);
        assertShape(m, 3, 3);
        assertValues(m, -1, -1, -1, 0, 1, -1, 2, 3, -1);
        NdArray e = seq(2, 2).pad(1, NdArray.PadMode.EDGE);
        assertShape(e, 4, 4);
        assertValues(e, 0, 0, 1, 1, 0, 0, 1, 1, 2, 2, 3, 3, 2, 2, 3, 3);
        NdArray same = seq(2).pad(0, NdArray.PadMode.CONSTANT);
        assertEquals(seq(2), same);
        same.fill(5);
        assertValues(seq(2), 0, 1);
        assertEquals(DType.INT64, Nd.ofLongs(1).pad(1, NdArray.PadMode.CONSTANT).dtype());
        assertValues(Nd.of(7).pad(2, NdArray.PadMode.REFLECT), 7, 7, 7, 7, 7);
    }

    @Test
    void roll() {
        assertValues(seq(5).roll(2), 3, 4, 0, 1, 2);
        assertValues(seq(5).roll(-1), 1, 2, 3, 4, 0);
        assertValues(seq(5).roll(12), 3, 4, 0, 1, 2);
        NdArray s = seq(2, 3);
        assertValues(s.roll(1, 1), 2, 0, 1, 5, 3, 4);
        assertValues(s.roll(1, 0), 3, 4, 5, 0, 1, 2);
        NdArray f = s.roll(1);
        assertShape(f, 2, 3);
        assertValues(f, 5, 0, 1, 2, 3, 4);
        assertShape(Nd.zeros(0, 2).roll(3, 0), 0, 2);
    }

    @Test
    void split() {
        List<NdArray> p = seq(6).split(3, 0);
        assertEquals(3, p.size());
        assertValues(p.get(0), 0, 1);
        assertValues(p.get(2), 4, 5);
        NdArray base = seq(6);
        assertSame(base.buffer(), base.split(2, 0).get(1).buffer());
        List<NdArray> q = seq(6).split(new int[] {2, 5}, 0);
        assertValues(q.get(0), 0, 1);
        assertValues(q.get(1), 2, 3, 4);
        assertValues(q.get(2), 5);
        List<NdArray> r = seq(4, 2).split(2, 1);
        assertShape(r.get(0), 4, 1);
        assertValues(r.get(1), 1, 3, 5, 7);
        List<NdArray> beyond = seq(3).split(new int[] {1, 10}, 0);
        assertValues(beyond.get(0), 0);
        assertValues(beyond.get(1), 1, 2);
        assertValues(beyond.get(2));
        List<NdArray> neg = seq(5).split(new int[] {-2}, 0);
        assertValues(neg.get(0), 0, 1, 2);
        assertValues(neg.get(1), 3, 4);
    }

    @Test
    void splitAtDecreasingIndicesFollowsNumPy() {
        // np.split(np.arange(6), [3, 1]) -> [0 1 2], [], [1 2 3 4 5]
        List<NdArray> r = seq(6).split(new int[] {3, 1}, 0);
        assertEquals(3, r.size());
        assertValues(r.get(0), 0, 1, 2);
        assertValues(r.get(1));
        assertValues(r.get(2), 1, 2, 3, 4, 5);
    }

    @Test
    void concatAndStack() {
        NdArray c = Nd.concat(0, seq(1, 2), seq(2, 2));
        assertShape(c, 3, 2);
        assertValues(c, 0, 1, 0, 1, 2, 3);
        NdArray d = Nd.concat(-1, seq(2, 1), seq(2, 2));
        assertValues(d, 0, 0, 1, 1, 2, 3);
        NdArray promoted = Nd.concat(0, Nd.ofInts(1), Nd.ofFloats(2f));
        assertEquals(DType.FLOAT64, promoted.dtype());
        assertEquals(DType.INT64, Nd.concat(0, Nd.ofInts(1), Nd.ofLongs(2)).dtype());
        assertValues(Nd.concat(0, Nd.zeros(0), Nd.of(1)), 1);
        assertValues(Nd.concat(0, List.of(Nd.of(1), Nd.of(2, 3))), 1, 2, 3);
        assertValues(Nd.concat(1, seq(2, 2).transpose(), seq(2, 1)), 0, 2, 0, 1, 3, 1);
        NdArray s0 = Nd.stack(0, Nd.of(1, 2), Nd.of(3, 4));
        assertShape(s0, 2, 2);
        assertValues(s0, 1, 2, 3, 4);
        NdArray s1 = Nd.stack(1, Nd.of(1, 2), Nd.of(3, 4));
        assertValues(s1, 1, 3, 2, 4);
        assertShape(Nd.stack(-1, seq(2, 3), seq(2, 3)), 2, 3, 2);
        assertShape(Nd.stack(0, List.of(Nd.scalar(1.0), Nd.scalar(2.0))), 2);
        assertValues(Nd.hstack(Nd.of(1), Nd.of(2, 3)), 1, 2, 3);
        NdArray h = Nd.hstack(seq(2, 1), seq(2, 2));
        assertShape(h, 2, 3);
        NdArray v = Nd.vstack(Nd.of(1, 2), Nd.of(3, 4));
        assertShape(v, 2, 2);
        assertValues(v, 1, 2, 3, 4);
        assertShape(Nd.vstack(seq(2, 2), Nd.of(9, 9)), 3, 2);
    }
}
