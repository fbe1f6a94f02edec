package dev.strix.ndarray;

import static dev.strix.ndarray.TestSupport.assertShape;
import static dev.strix.ndarray.TestSupport.assertThrowsWith;
import static dev.strix.ndarray.TestSupport.assertValues;
import static dev.strix.ndarray.TestSupport.seq;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** map, mapLong, mapIndexed, fold, scan, filter and forEachIndexed. */
class NdArrayFunctionalTest {

    @Test
    void mapKeepsFloat32AndWidensOthers() {
        NdArray d = seq(2, 2).map(x -> x * x + 1);
        assertEquals(DType.FLOAT64, d.dtype());
        assertValues(d, 1, 2, 5, 10);
        assertEquals(DType.FLOAT32, Nd.ofFloats(1f).map(x -> x / 3).dtype());
        assertEquals((float) (1.0 / 3), (float) Nd.ofFloats(1f).map(x -> x / 3).item());
        assertEquals(DType.FLOAT64, Nd.ofInts(1).map(x -> x).dtype());
        assertValues(seq(2, 3).transpose().map(x -> -x), 0, -3, -1, -4, -2, -5);
        assertShape(Nd.zeros(0, 3).map(x -> 1), 0, 3);
    }

    @Test
    void mapLongKeepsIntegerTypes() {
        NdArray i = Nd.ofInts(1, 2, 3).mapLong(x -> x * 10);
        assertEquals(DType.INT32, i.dtype());
        assertValues(i, 10, 20, 30);
        NdArray b = Nd.ofBools(true, false).mapLong(x -> x + 5);
        assertEquals(DType.INT64, b.dtype());
        assertValues(b, 6, 5);
        assertValues(Nd.ofLongs(1, 2, 3, 4).reshape(2, 2).transpose().mapLong(x -> x), 1, 3, 2, 4);
        assertThrowsWith(IllegalArgumentException.class, () -> Nd.of(1).mapLong(x -> x), "mapLong", "float64");
    }

    @Test
    void mapIndexedSeesRowMajorPositions() {
        NdArray r = seq(2, 2).transpose().mapIndexed((i, v) -> 10 * i + v);
        assertValues(r, 0, 12, 21, 33);
        assertEquals(DType.FLOAT32, Nd.ofFloats(1f, 2f).mapIndexed((i, v) -> v).dtype());
        NdArray src = seq(3);
        NdArray out = src.mapIndexed((i, v) -> -1);
        assertValues(src, 0, 1, 2);
        assertValues(out, -1, -1, -1);
    }

    @Test
    void foldAndScan() {
        assertEquals(15.0, seq(2, 3).fold(0, Double::sum));
        assertEquals(-15.0, seq(2, 3).fold(0, (acc, v) -> acc - v));
        List<Double> order = new ArrayList<>();
        seq(2, 2).transpose().fold(0, (acc, v) -> {
            order.add(v);
            return acc;
        });
        assertEquals(List.of(0.0, 2.0, 1.0, 3.0), order);
        NdArray f0 = seq(2, 3).fold(0, 0, Double::sum);
        assertValues(f0, 3, 5, 7);
        NdArray f1 = seq(2, 3).fold(1, 1, (a, b) -> a * (b + 1));
        assertValues(f1, 6, 120);
        assertValues(Nd.zeros(2, 0).fold(1, 7, Double::sum), 7, 7);
        assertShape(Nd.zeros(0, 2).fold(1, 7, Double::sum), 0);
        NdArray s = seq(2, 3).scan(1, Double::sum);
        assertValues(s, 0, 1, 3, 3, 7, 12);
        assertValues(seq(2, 3).scan(0, Math::max), 0, 1, 2, 3, 4, 5);
        assertValues(Nd.of(3, 1, 2).scan(0, Math::min), 3, 1, 1);
        assertShape(seq(2, 3, 4).scan(1, Double::sum), 2, 3, 4);
        assertEquals(seq(2, 3, 4).cumsum(1), seq(2, 3, 4).scan(1, Double::sum));
    }

    @Test
    void filterKeepsTypeAndOrder() {
        NdArray f = seq(3, 3).transpose().filter(v -> v % 2 == 0);
        assertValues(f, 0, 6, 4, 2, 8);
        assertShape(f, 5);
        NdArray i = Nd.ofInts(5, -1, 3).filter(v -> v > 0);
        assertEquals(DType.INT32, i.dtype());
        assertValues(i, 5, 3);
        assertShape(seq(3).filter(v -> false), 0);
        assertValues(Nd.of(1, Double.NaN).filter(v -> v != v), Double.NaN);
    }

    @Test
    void forEachIndexedVisitsRowMajor() {
        List<int[]> idx = new ArrayList<>();
        List<Double> vals = new ArrayList<>();
        seq(2, 3).transpose().forEachIndexed((ix, v) -> {
            idx.add(ix.clone());
            vals.add(v);
        });
        assertEquals(6, idx.size());
        assertArrayEquals(new int[] {0, 0}, idx.get(0));
        assertArrayEquals(new int[] {0, 1}, idx.get(1));
        assertArrayEquals(new int[] {2, 1}, idx.get(5));
        assertEquals(List.of(0.0, 3.0, 1.0, 4.0, 2.0, 5.0), vals);
        // scribbling on the index array does not disturb the iteration
        int[] count = {0};
        seq(2, 2).forEachIndexed((ix, v) -> {
            ix[0] = 99;
            count[0]++;
        });
        assertEquals(4, count[0]);
        int[] zeroD = {0};
        Nd.scalar(3.0).forEachIndexed((ix, v) -> {
            assertEquals(0, ix.length);
            zeroD[0]++;
        });
        assertEquals(1, zeroD[0]);
    }
}
