package dev.strix.ndarray;

import static dev.strix.ndarray.TestSupport.assertShape;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Seeded random streams: reproducibility, ranges and loose statistical checks (bounds at 5+ sigma). */
class NdRandomTest {
    private static final int N = 100_000;

    @Test
    void sameSeedSameArraysDifferentSeedsDiffer() {
        NdRandom a = Nd.random(42);
        NdRandom b = Nd.random(42);
        assertEquals(42, a.seed());
        assertNotNull(a.provider());
        assertEquals(a.uniform(5, 3), b.uniform(5, 3));
        assertEquals(a.gaussian(7), b.gaussian(7));
        assertEquals(a.integers(0, 100, 9), b.integers(0, 100, 9));
        assertEquals(a.permutation(20), b.permutation(20));
        assertEquals(a.choice(Nd.arange(50), 10, false), b.choice(Nd.arange(50), 10, false));
        assertNotEquals(Nd.random(1).uniform(10), Nd.random(2).uniform(10));
        NdRandom c = Nd.random(42);
        assertNotEquals(c.uniform(10), c.uniform(10), "a stream moves on");
    }

    @Test
    void uniformIsInTheHalfOpenUnitInterval() {
        double[] u = Nd.random(3).uniform(N).toDoubleArray();
        double sum = 0;
        for (double x : u) {
            assertTrue(x >= 0 && x < 1, "uniform value " + x);
            sum += x;
        }
        assertEquals(0.5, sum / N, 0.005); // sigma of the mean is 0.0009
        double[] r = Nd.random(4).uniformRange(-2, 3, 1000).toDoubleArray();
        for (double x : r) {
            assertTrue(x >= -2 && x < 3);
        }
        assertArrayEquals(new double[] {7, 7}, Nd.random(5).uniformRange(7, 7, 2).toDoubleArray());
        assertEquals(DType.FLOAT64, Nd.random(5).uniform(2).dtype());
        assertShape(Nd.random(5).uniform(2, 0, 3), 2, 0, 3);
    }

    @Test
    void gaussianMomentsAreStandard() {
        NdArray g = Nd.random(5).gaussian(N);
        double mean = g.mean().item();
        double std = g.std().item();
        assertEquals(0, mean, 0.02); // sigma 0.0032
        assertEquals(1, std, 0.02); // sigma 0.0022
        NdArray n = Nd.random(6).normal(5, 2, N);
        assertEquals(5, n.mean().item(), 0.04);
        assertEquals(2, n.std().item(), 0.04);
        double[] v = g.toDoubleArray();
        int within1 = 0;
        for (double x : v) {
            if (Math.abs(x) < 1) {
                within1++;
            }
        }
        assertEquals(0.6827, within1 / (double) N, 0.01);
        assertTrue(Arrays.stream(Nd.random(7).normal(3, 0, 5).toDoubleArray()).allMatch(x -> x == 3));
    }

    @Test
    void integersCoverTheirRangeUniformly() {
        long[] v = Nd.random(8).integers(-3, 7, N).toLongArray();
        int[] counts = new int[10];
        for (long x : v) {
            assertTrue(x >= -3 && x < 7, "integer " + x);
            counts[(int) (x + 3)]++;
        }
        for (int c : counts) {
            assertEquals(N / 10.0, c, 600); // sigma ~95
        }
        assertEquals(DType.INT64, Nd.random(8).integers(0, 1, 1).dtype());
        assertArrayEquals(new long[] {5, 5, 5}, Nd.random(8).integers(5, 6, 3).toLongArray());
    }

    @Test
    void bernoulliRate() {
        NdArray b = Nd.random(9).bernoulli(0.3, N);
        assertEquals(DType.BOOL, b.dtype());
        assertEquals(0.3, b.countNonzero().itemLong() / (double) N, 0.01); // sigma 0.0015
        assertEquals(0, Nd.random(9).bernoulli(0, 100).countNonzero().itemLong());
        assertEquals(100, Nd.random(9).bernoulli(1, 100).countNonzero().itemLong());
    }

    @Test
    void permutationsAndShuffle() {
        long[] p = Nd.random(10).permutation(50).toLongArray();
        long[] sorted = p.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < 50; i++) {
            assertEquals(i, sorted[i]);
        }
        assertEquals(0, Nd.random(10).permutation(0).size());
        NdArray rows = TestSupport.seq(6, 2);
        NdArray pr = Nd.random(11).permutation(rows);
        assertShape(pr, 6, 2);
        Set<Double> firsts = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            double first = pr.getDouble(i, 0);
            assertEquals(first + 1, pr.getDouble(i, 1), "rows stay intact");
            firsts.add(first);
        }
        assertEquals(Set.of(0.0, 2.0, 4.0, 6.0, 8.0, 10.0), firsts);
        assertEquals(TestSupport.seq(6, 2), rows, "permutation(NdArray) returns a copy");
        NdArray s = TestSupport.seq(20);
        Object buf = s.buffer();
        Nd.random(12).shuffle(s);
        assertTrue(buf == s.buffer());
        assertNotEquals(TestSupport.seq(20), s);
        assertEquals(TestSupport.seq(20), s.sort());
        NdArray view = TestSupport.seq(4, 3);
        Nd.random(13).shuffle(view.get(":, 0"));
        assertEquals(TestSupport.seq(4, 3).get(":, 1:"), view.get(":, 1:"), "shuffling a view leaves the rest alone");
        assertEquals(Nd.of(0, 3, 6, 9), view.get(":, 0").sort());
    }

    @Test
    void choiceWithAndWithoutReplacement() {
        NdArray pool = Nd.arange(100).reshape(10, 10);
        long[] c = Nd.random(14).choice(pool, 100, false).toLongArray();
        Set<Long> seen = new HashSet<>();
        for (long x : c) {
            assertTrue(seen.add(x), "duplicate " + x + " without replacement");
        }
        assertEquals(100, seen.size());
        long[] w = Nd.random(15).choice(Nd.ofLongs(7, 8), 1000, true).toLongArray();
        boolean sevens = false;
        boolean eights = false;
        for (long x : w) {
            assertTrue(x == 7 || x == 8);
            sevens |= x == 7;
            eights |= x == 8;
        }
        assertTrue(sevens && eights);
        assertEquals(DType.INT32, Nd.random(1).choice(Nd.ofInts(1, 2), 3, true).dtype());
        assertEquals(0, Nd.random(1).choice(Nd.zeros(0), 0, false).size());
    }

    @Test
    void choiceWithProbabilitiesHonoursZeros() {
        NdArray items = Nd.of(10, 11, 12, 13);
        double[] picks = Nd.random(16).choice(items, 20_000, Nd.of(0, 0.5, 0, 0.5)).toDoubleArray();
        int elevens = 0;
        for (double x : picks) {
            assertTrue(x == 11 || x == 13, "zero-probability item picked: " + x);
            if (x == 11) {
                elevens++;
            }
        }
        assertEquals(0.5, elevens / 20_000.0, 0.02);
        for (double x : Nd.random(17).choice(items, 1000, Nd.of(0, 0, 0, 1)).toDoubleArray()) {
            assertEquals(13, x);
        }
        for (double x : Nd.random(18).choice(items, 1000, Nd.of(1, 0, 0, 0)).toDoubleArray()) {
            assertEquals(10, x);
        }
        int[] counts = new int[4];
        for (double x : Nd.random(19).choice(items, 40_000, Nd.of(0.1, 0.2, 0.3, 0.4)).toDoubleArray()) {
            counts[(int) x - 10]++;
        }
        for (int i = 0; i < 4; i++) {
            assertEquals(0.1 * (i + 1), counts[i] / 40_000.0, 0.015);
        }
    }
}
