package dev.strix.ndarray;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Element-wise operations on strided layouts (transposed views, negative strides, broadcast
 * operands, 3-D views) give exactly the bits of the same operation on contiguous copies. The
 * layouts are large enough (at least 2 x 64 in the last two dimensions, inner stride of 16 or
 * more) to take the cache-blocked (tiled) traversal, and the parallel split of it.
 */
class StridedLayoutTest {

    private static final List<DType> TYPES = List.of(DType.FLOAT64, DType.FLOAT32, DType.INT64, DType.INT32);

    private static final List<BinaryOperator<NdArray>> BINARY = List.of(NdArray::add, NdArray::sub, NdArray::mul,
            NdArray::div, NdArray::minimum, NdArray::maximum, NdArray::pow);

    private static final List<UnaryOperator<NdArray>> UNARY = List.of(NdArray::neg, NdArray::abs, NdArray::square,
            NdArray::sqrt, NdArray::exp, NdArray::log, NdArray::sin);

    private static NdArray random(long seed, DType t, int... shape) {
        Random r = new Random(seed);
        int n = 1;
        for (int s : shape) {
            n *= s;
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = t.isFloating() ? r.nextDouble() * 4 - 1 : r.nextInt(7) - 2;
        }
        if (t.isFloating()) {
            v[0] = Double.NaN;
            v[n / 2] = -0.0;
        }
        return NdArray.wrap(v, shape).astype(t);
    }

    /** The buffer of a row-major contiguous copy, for bitwise comparison. */
    private static Object values(NdArray a) {
        return a.copy().buffer();
    }

    private static void assertSame(NdArray expected, NdArray actual, String what) {
        assertArrayEquals(expected.shape(), actual.shape(), what);
        assertTrue(java.util.Objects.deepEquals(values(expected), values(actual)), what);
    }

    private static void checkBinary(String layout, NdArray x, NdArray y) {
        for (int i = 0; i < BINARY.size(); i++) {
            BinaryOperator<NdArray> f = BINARY.get(i);
            if (i == 6 && !x.dtype().isFloating()) {
                continue; // integer pow of negative exponents throws
            }
            assertSame(f.apply(x.copy(), y.copy()), f.apply(x, y), layout + " binary op " + i + " " + x.dtype());
        }
    }

    @Test
    void transposedOperands() {
        for (DType t : TYPES) {
            NdArray a = random(1, t, 300, 200);
            NdArray b = random(2, t, 200, 300);
            checkBinary("transposed + contiguous", a.transpose(), b);
            checkBinary("contiguous + transposed", b, a.transpose());
            checkBinary("transposed + transposed", a.transpose(), b.transpose().transpose().copy().transpose().transpose());
        }
    }

    @Test
    void negativeStrides() {
        for (DType t : TYPES) {
            NdArray a = random(3, t, 260, 270);
            NdArray b = random(4, t, 270, 260);
            checkBinary("flipped transposed", a.flip(0).transpose(), b.flip(1));
            checkBinary("flipped both", a.transpose().flip(0, 1), b);
        }
    }

    @Test
    void broadcastOperands() {
        for (DType t : TYPES) {
            NdArray a = random(5, t, 300, 200).transpose(); // (200, 300), inner stride 200
            NdArray row = random(6, t, 300);
            NdArray col = random(7, t, 200, 1);
            checkBinary("transposed + row", a, row);
            checkBinary("column + transposed", col, a);
            checkBinary("row strided + column", random(8, t, 600).get(Index.step(2)), col);
        }
    }

    @Test
    void threeDimensionalViews() {
        for (DType t : TYPES) {
            NdArray a = random(9, t, 3, 150, 140);
            NdArray b = random(10, t, 3, 140, 150);
            checkBinary("3-D swapped axes", a.transpose(0, 2, 1), b);
            checkBinary("3-D axes moved", random(11, t, 140, 3, 150).transpose(1, 0, 2), b.flip(2));
            checkBinary("3-D all axes reversed", random(12, t, 150, 140, 3).transpose(), b);
        }
    }

    @Test
    void unaryOnStridedViews() {
        for (DType t : List.of(DType.FLOAT64, DType.FLOAT32)) {
            NdArray a = random(13, t, 300, 200);
            List<NdArray> views = List.of(a.transpose(), a.transpose().flip(1), random(14, t, 3, 150, 140).transpose(0, 2, 1),
                    random(15, t, 600, 300).get(Index.step(2), Index.step(-1)));
            for (NdArray v : views) {
                for (int i = 0; i < UNARY.size(); i++) {
                    assertSame(UNARY.get(i).apply(v.copy()), UNARY.get(i).apply(v), "unary op " + i + " " + t);
                }
            }
        }
    }

    @Test
    void outputIntoStridedView() {
        NdArray a = random(16, DType.FLOAT64, 300, 200);
        NdArray b = random(17, DType.FLOAT64, 200, 300);
        NdArray out = NdArray.wrap(new double[300 * 200], 300, 200).transpose();
        a.transpose().add(b, out);
        assertSame(a.transpose().copy().add(b), out, "out= transposed");
    }

    /** A view with the same values but not contiguous, so it takes the general path. */
    private static NdArray strided(NdArray x) {
        int[] shape = x.shape();
        int[] wide = shape.clone();
        wide[wide.length - 1] *= 2;
        NdArray w = NdArray.wrap(java.lang.reflect.Array.newInstance(x.buffer().getClass().getComponentType(), x.size() * 2), wide);
        Index[] idx = new Index[shape.length];
        java.util.Arrays.fill(idx, Index.all());
        idx[idx.length - 1] = Index.step(2);
        NdArray v = w.get(idx);
        v.assign(x);
        return v;
    }

    @Test
    void smallContiguousFastPathMatchesGeneralPath() {
        for (DType t : TYPES) {
            for (int[] shape : new int[][] {{10}, {1}, {3, 4}, {2, 3, 5}, {1000}}) {
                NdArray x = random(20, t, shape);
                NdArray y = random(21, t, shape);
                assertTrue(strided(x).equals(x) && (x.size() == 1 || !strided(x).isContiguous()));
                for (int i = 0; i < BINARY.size(); i++) {
                    if (i == 6 && !t.isFloating()) {
                        continue;
                    }
                    assertSame(BINARY.get(i).apply(strided(x), strided(y)), BINARY.get(i).apply(x, y), "small op " + i + " " + t);
                }
                assertSame(strided(x).add(2.5), x.add(2.5), "small + scalar " + t);
                assertSame(strided(x).div(3.0), x.div(3.0), "small / scalar " + t);
                assertSame(strided(x).minimum(strided(y)), x.minimum(y), "small minimum " + t);
                if (t.isFloating()) {
                    for (int i = 0; i < UNARY.size(); i++) {
                        assertSame(UNARY.get(i).apply(strided(x)), UNARY.get(i).apply(x), "small unary " + i + " " + t);
                    }
                }
            }
        }
        // contiguous views with an offset
        NdArray big = random(22, DType.FLOAT64, 40);
        NdArray v = big.get(Index.range(7, 17));
        assertSame(v.copy().add(v.copy()), v.add(v), "offset view");
        assertSame(v.copy().exp(), v.exp(), "offset view exp");
    }
}
