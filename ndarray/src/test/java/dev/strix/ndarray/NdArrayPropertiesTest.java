package dev.strix.ndarray;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/** Laws that must hold for every shape, dtype, layout and value, checked with jqwik. */
class NdArrayPropertiesTest {

    // ------------------------------------------------------------------ generators

    @Provide
    Arbitrary<int[]> shapes() {
        return Arbitraries.integers().between(0, 5).array(int[].class).ofMinSize(0).ofMaxSize(4);
    }

    static Arbitrary<Double> values() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.doubles().between(-100, 100)),
                Tuple.of(3, Arbitraries.integers().between(-3, 3).map(i -> (double) i)),
                Tuple.of(1, Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0)));
    }

    /** The values laid out three ways: contiguous, as a transposed view, as a flipped view. */
    static NdArray build(int[] shape, DType t, List<Double> vals, int layout) {
        double[] v = new double[vals.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = vals.get(i);
        }
        NdArray c = NdArray.wrap(v, shape).astype(t);
        if (layout == 1) {
            int[] rev = new int[shape.length];
            for (int d = 0; d < shape.length; d++) {
                rev[d] = shape[shape.length - 1 - d];
            }
            NdArray x = Nd.zeros(t, rev).transpose();
            x.assign(c);
            return x;
        }
        if (layout == 2) {
            NdArray x = Nd.zeros(t, shape).flip();
            x.assign(c);
            return x;
        }
        return c;
    }

    @Provide
    Arbitrary<NdArray> arrays() {
        return Combinators.combine(shapes(), Arbitraries.of(DType.class), Arbitraries.integers().between(0, 2))
                .as(Tuple::of)
                .flatMap(t -> values().list().ofSize(TestSupport.product(t.get1()))
                        .map(vals -> build(t.get1(), t.get2(), vals, t.get3())));
    }

    @Provide
    Arbitrary<NdArray> floatArrays() {
        return Combinators.combine(shapes(), Arbitraries.integers().between(0, 2))
                .as(Tuple::of)
                .flatMap(t -> values().list().ofSize(TestSupport.product(t.get1()))
                        .map(vals -> build(t.get1(), DType.FLOAT64, vals, t.get2())));
    }

    /** A random basic index for {@code shape}, as text and as typed items, plus what each base axis sees. */
    static final class RandomIndex {
        final StringBuilder text = new StringBuilder();
        final List<Index> typed = new ArrayList<>();
        /** For each base axis: null when fixed by an integer, else the visited positions. */
        final List<List<Integer>> perAxis = new ArrayList<>();
        final int[] fixed;
        /** The expected view shape, including new axes. */
        final List<Integer> viewShape = new ArrayList<>();
        /** For each view axis, the base axis it walks, or -1 for a new axis. */
        final List<Integer> viewToBase = new ArrayList<>();

        RandomIndex(int[] shape, Random r) {
            int nd = shape.length;
            fixed = new int[nd];
            int used = r.nextInt(nd + 1);
            boolean ellipsis = r.nextInt(3) == 0;
            int ellipsisAt = ellipsis ? r.nextInt(used + 1) : -1;
            int axis = 0;
            for (int k = 0; k <= used; k++) {
                if (k == ellipsisAt) {
                    item("...", Index.ellipsis());
                    int span = nd - used;
                    for (int j = 0; j < span; j++) {
                        full(shape[axis], axis);
                        axis++;
                    }
                }
                if (r.nextInt(6) == 0) {
                    item("newaxis", Index.newAxis());
                    viewShape.add(1);
                    viewToBase.add(-1);
                }
                if (k == used) {
                    break;
                }
                int n = shape[axis];
                if (n > 0 && r.nextInt(3) == 0) {
                    int i = r.nextInt(2 * n) - n;
                    item(Integer.toString(i), Index.at(i));
                    perAxis.add(null);
                    fixed[axis] = i < 0 ? i + n : i;
                } else {
                    Integer start = r.nextInt(3) == 0 ? null : r.nextInt(15) - 7;
                    Integer stop = r.nextInt(3) == 0 ? null : r.nextInt(15) - 7;
                    int step = (r.nextInt(3) + 1) * (r.nextBoolean() ? 1 : -1);
                    boolean writeStep = step != 1 || r.nextBoolean();
                    item((start == null ? "" : start) + ":" + (stop == null ? "" : stop) + (writeStep ? ":" + step : ""),
                            Index.slice(start, stop, step));
                    List<Integer> pos = TestSupport.sliceIndices(start, stop, step, n);
                    perAxis.add(pos);
                    viewShape.add(pos.size());
                    viewToBase.add(axis);
                }
                axis++;
            }
            if (ellipsisAt < 0) {
                while (axis < nd) {
                    full(shape[axis], axis);
                    axis++;
                }
            }
        }

        private void full(int n, int axis) {
            perAxis.add(TestSupport.sliceIndices(null, null, 1, n));
            viewShape.add(n);
            viewToBase.add(axis);
        }

        private void item(String s, Index ix) {
            text.append(text.length() == 0 ? "" : ", ").append(s);
            typed.add(ix);
        }

        int[] viewShapeArray() {
            return viewShape.stream().mapToInt(Integer::intValue).toArray();
        }

        /** The base index that view index {@code v} reads. */
        int[] baseIndex(int[] v) {
            int[] b = fixed.clone();
            for (int j = 0; j < v.length; j++) {
                int ax = viewToBase.get(j);
                if (ax >= 0) {
                    b[ax] = perAxis.get(ax).get(v[j]);
                }
            }
            return b;
        }
    }

    // ------------------------------------------------------------------ (a) views and copies

    @Property(tries = 200)
    void viewAndCopyAreEqualAndPrintTheSame(@ForAll("arrays") NdArray a, @ForAll long seed) {
        RandomIndex ix = new RandomIndex(a.shape(), new Random(seed));
        NdArray v = a.get(ix.text.toString());
        NdArray c = v.copy();
        assertEquals(v, c);
        assertEquals(v.hashCode(), c.hashCode());
        assertEquals(v.toString(), c.toString());
        assertTrue(c.isContiguous());
        assertEquals(v.dtype(), c.dtype());
    }

    @Property(tries = 200)
    void textAndTypedIndexAgreeAndMatchPlainIndexing(@ForAll("shapes") int[] shape, @ForAll long seed) {
        NdArray a = TestSupport.seq(shape);
        RandomIndex ix = new RandomIndex(shape, new Random(seed));
        NdArray v = a.get(ix.text.toString());
        NdArray w = a.get(ix.typed.toArray(new Index[0]));
        assertArrayEquals(ix.viewShapeArray(), v.shape(), () -> "index " + ix.text + " of shape " + Arrays.toString(shape));
        assertEquals(v, w, () -> "index " + ix.text);
        for (int[] vi : TestSupport.indices(v.shape())) {
            assertEquals(a.getDouble(ix.baseIndex(vi)), v.getDouble(vi), () -> "index " + ix.text + " at " + Arrays.toString(vi));
        }
    }

    // ------------------------------------------------------------------ (b) transposes

    @Property(tries = 200)
    void transposeTwiceIsIdentity(@ForAll("arrays") NdArray a, @ForAll long seed) {
        assertEquals(a, a.transpose().transpose());
        int nd = a.ndim();
        List<Integer> p = new ArrayList<>();
        for (int i = 0; i < nd; i++) {
            p.add(i);
        }
        java.util.Collections.shuffle(p, new Random(seed));
        int[] perm = p.stream().mapToInt(Integer::intValue).toArray();
        int[] inv = new int[nd];
        for (int i = 0; i < nd; i++) {
            inv[perm[i]] = i;
        }
        NdArray t = a.transpose(perm);
        for (int i = 0; i < nd; i++) {
            assertEquals(a.shape(perm[i]), t.shape(i));
        }
        assertEquals(a, t.transpose(inv));
        assertSame(a.buffer(), t.buffer());
    }

    // ------------------------------------------------------------------ (c) split and concat

    @Property(tries = 200)
    void concatOfSplitIsIdentity(@ForAll("arrays") NdArray a, @ForAll long seed) {
        if (a.ndim() == 0) {
            return;
        }
        Random r = new Random(seed);
        int axis = r.nextInt(a.ndim());
        int n = a.shape(axis);
        List<Integer> divisors = new ArrayList<>();
        for (int k = 1; k <= Math.max(n, 3); k++) {
            if (n % k == 0) {
                divisors.add(k);
            }
        }
        int k = divisors.get(r.nextInt(divisors.size()));
        List<NdArray> parts = a.split(k, axis);
        assertEquals(k, parts.size());
        for (NdArray part : parts) {
            assertEquals(n / k, part.shape(axis));
        }
        assertEquals(a, Nd.concat(axis, parts));
        int[] idx = new int[r.nextInt(4)];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = r.nextInt(n + 1);
        }
        Arrays.sort(idx);
        List<NdArray> pieces = a.split(idx, axis - a.ndim());
        assertEquals(idx.length + 1, pieces.size());
        int prev = 0;
        for (int i = 0; i < pieces.size(); i++) {
            int end = i < idx.length ? idx[i] : n;
            assertEquals(end - prev, pieces.get(i).shape(axis));
            prev = end;
        }
        assertEquals(a, Nd.concat(axis, pieces));
    }

    // ------------------------------------------------------------------ (d) broadcasting

    @Provide
    Arbitrary<int[][]> shapePairs() {
        return Combinators.combine(shapes(), Arbitraries.longs()).as((s, seed) -> {
            Random r = new Random(seed);
            int[] a = s.clone();
            int drop = r.nextInt(s.length + 1);
            int[] b = Arrays.copyOfRange(s, drop, s.length);
            for (int d = 0; d < a.length; d++) {
                if (r.nextInt(3) == 0) {
                    a[d] = 1;
                }
            }
            for (int d = 0; d < b.length; d++) {
                if (r.nextInt(3) == 0) {
                    b[d] = 1;
                }
            }
            return r.nextBoolean() ? new int[][] {a, b} : new int[][] {b, a};
        });
    }

    static int[] expectedBroadcast(int[] a, int[] b) {
        int nd = Math.max(a.length, b.length);
        int[] out = new int[nd];
        for (int i = 0; i < nd; i++) {
            int da = i - (nd - a.length) >= 0 ? a[i - (nd - a.length)] : 1;
            int db = i - (nd - b.length) >= 0 ? b[i - (nd - b.length)] : 1;
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    @Property(tries = 200)
    void broadcastingIsSymmetric(@ForAll("shapePairs") int[][] pair, @ForAll DType ta, @ForAll DType tb,
            @ForAll long seed) {
        Random r = new Random(seed);
        NdArray a = Nd.random(r.nextLong()).integers(-5, 6, pair[0]).astype(ta);
        NdArray b = Nd.random(r.nextLong()).integers(-5, 6, pair[1]).astype(tb);
        int[] expected = expectedBroadcast(pair[0], pair[1]);
        NdArray ab = a.add(b);
        assertArrayEquals(expected, ab.shape());
        assertEquals(ab, b.add(a));
        assertEquals(a.mul(b), b.mul(a));
        assertArrayEquals(expected, a.mul(b).shape());
        // element by element against plain index arithmetic
        for (int[] i : TestSupport.indices(expected)) {
            int[] ia = project(i, pair[0]);
            int[] ib = project(i, pair[1]);
            assertEquals(a.getDouble(ia) + b.getDouble(ib), ab.getDouble(i), 0.0);
        }
    }

    private static int[] project(int[] i, int[] shape) {
        int[] out = new int[shape.length];
        int lead = i.length - shape.length;
        for (int d = 0; d < shape.length; d++) {
            out[d] = shape[d] == 1 ? 0 : i[lead + d];
        }
        return out;
    }

    // ------------------------------------------------------------------ (e) writing through views

    @Property(tries = 200)
    void writesThroughViewsLandWherePredicted(@ForAll("shapes") int[] shape, @ForAll long seed) {
        NdArray base = TestSupport.seq(shape);
        RandomIndex ix = new RandomIndex(shape, new Random(seed));
        NdArray v = base.get(ix.text.toString());
        Map<String, Double> written = new HashMap<>();
        int k = 0;
        for (int[] vi : TestSupport.indices(v.shape())) {
            double val = -1 - k++;
            v.setDouble(val, vi);
            written.put(Arrays.toString(ix.baseIndex(vi)), val);
        }
        int flat = 0;
        for (int[] bi : TestSupport.indices(shape)) {
            Double w = written.get(Arrays.toString(bi));
            // a new axis of length 1 maps several view positions to one base position only if repeated; it is not
            double expected = w != null ? w : flat;
            assertEquals(expected, base.getDouble(bi), () -> "index " + ix.text + " base position " + Arrays.toString(bi));
            flat++;
        }
    }

    // ------------------------------------------------------------------ (f) reshape

    @Provide
    Arbitrary<int[]> shapesForReshape() {
        return shapes();
    }

    static int[] randomShapeOfSize(int n, Random r) {
        List<Integer> dims = new ArrayList<>();
        if (n == 0) {
            dims.add(0);
            int extra = r.nextInt(3);
            for (int i = 0; i < extra; i++) {
                dims.add(r.nextInt(4));
            }
        } else {
            int rest = n;
            for (int f = 2; f <= rest; f++) {
                while (rest % f == 0) {
                    dims.add(f);
                    rest /= f;
                }
            }
            // merge random neighbours and sprinkle ones
            while (dims.size() > 1 && r.nextBoolean()) {
                int i = r.nextInt(dims.size() - 1);
                dims.set(i, dims.get(i) * dims.remove(i + 1));
            }
            int ones = r.nextInt(2);
            for (int i = 0; i < ones; i++) {
                dims.add(r.nextInt(dims.size() + 1), 1);
            }
        }
        java.util.Collections.shuffle(dims, r);
        return dims.stream().mapToInt(Integer::intValue).toArray();
    }

    @Property(tries = 200)
    void reshapeThereAndBackIsIdentity(@ForAll("arrays") NdArray a, @ForAll long seed) {
        int[] ns = randomShapeOfSize(a.size(), new Random(seed));
        NdArray r = a.reshape(ns);
        assertArrayEquals(ns, r.shape());
        assertEquals(a.flatten(), r.flatten());
        assertEquals(a, r.reshape(a.shape()));
        NdArray c = a.copy();
        assertSame(c.buffer(), c.reshape(ns).buffer(), "reshape of a contiguous array is a view");
    }

    // ------------------------------------------------------------------ (g) sorting

    @Provide
    Arbitrary<double[]> sortables() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.integers().between(-3, 3).map(i -> (double) i)),
                Tuple.of(3, Arbitraries.doubles().between(-10, 10)),
                Tuple.of(1, Arbitraries.of(Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, -0.0)))
                .list().ofMaxSize(40).map(l -> l.stream().mapToDouble(Double::doubleValue).toArray());
    }

    static Map<Double, Integer> multiset(double[] v) {
        Map<Double, Integer> m = new HashMap<>();
        for (double x : v) {
            m.merge(x, 1, Integer::sum);
        }
        return m;
    }

    @Property(tries = 200)
    void sortIsOrderedPermutationAndArgsortIsStable(@ForAll("sortables") double[] v, @ForAll DType t) {
        NdArray a = Nd.of(v).astype(t);
        double[] in = a.toDoubleArray();
        NdArray s = a.sort();
        double[] out = s.toDoubleArray();
        assertEquals(a.dtype(), s.dtype());
        assertEquals(multiset(in), multiset(out));
        for (int i = 1; i < out.length; i++) {
            boolean ok = Double.isNaN(out[i]) || (!Double.isNaN(out[i - 1]) && out[i - 1] <= out[i]);
            int k = i;
            assertTrue(ok, () -> "sorted output out of order at " + k + ": " + Arrays.toString(out));
        }
        long[] idx = a.argsort().toLongArray();
        for (int i = 1; i < idx.length; i++) {
            double x = in[(int) idx[i - 1]];
            double y = in[(int) idx[i]];
            boolean bothNaN = Double.isNaN(x) && Double.isNaN(y);
            if (bothNaN || x == y) {
                assertTrue(idx[i - 1] < idx[i], "argsort must keep equal keys in input order: " + Arrays.toString(idx));
            } else {
                assertTrue(Double.isNaN(y) || x < y, "argsort order: " + Arrays.toString(idx));
            }
        }
        assertEquals(s, a.take(a.argsort()));
    }

    // ------------------------------------------------------------------ (h) accurate sums

    @Property(tries = 100)
    void sumIsAccurate(@ForAll("sumInputs") double[] v) {
        BigDecimal exact = BigDecimal.ZERO;
        double absSum = 0;
        for (double x : v) {
            exact = exact.add(new BigDecimal(x));
            absSum += Math.abs(x);
        }
        double got = Nd.of(v).sum().item();
        double ref = exact.doubleValue();
        double eps = Math.ulp(1.0) / 2;
        // pairwise summation: |error| <= (block work + log2 n) * eps * sum|x|; realistic errors are far smaller
        double bound = 1e-15 * Math.abs(ref) + (20 + 64 - Long.numberOfLeadingZeros(Math.max(1, v.length))) * eps * absSum;
        assertTrue(Math.abs(got - ref) <= bound, () -> "sum " + got + " vs exact " + ref + " (n = " + v.length + ")");
        // and views sum like their copies
        NdArray rev = Nd.of(v).flip();
        assertTrue(Math.abs(rev.sum().item() - ref) <= bound);
    }

    @Provide
    Arbitrary<double[]> sumInputs() {
        Arbitrary<Double> mixed = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.doubles().between(0, 1)),
                Tuple.of(2, Arbitraries.doubles().between(-1e6, 1e6)),
                Tuple.of(1, Arbitraries.doubles().between(-1e-6, 1e-6).ofScale(12)));
        return mixed.list().ofMaxSize(3000).map(l -> l.stream().mapToDouble(Double::doubleValue).toArray());
    }

    @Property(tries = 30)
    void varianceWithLargeMeanIsAccurate(@ForAll @IntRange(min = 2, max = 5000) int n, @ForAll long seed) {
        double[] v = Nd.random(seed).uniform(n).add(1e9).toDoubleArray();
        MathContext mc = MathContext.DECIMAL128;
        BigDecimal sum = BigDecimal.ZERO;
        for (double x : v) {
            sum = sum.add(new BigDecimal(x));
        }
        BigDecimal mean = sum.divide(BigDecimal.valueOf(n), mc);
        BigDecimal ss = BigDecimal.ZERO;
        for (double x : v) {
            BigDecimal d = new BigDecimal(x).subtract(mean);
            ss = ss.add(d.multiply(d));
        }
        double ref = ss.divide(BigDecimal.valueOf(n), mc).doubleValue();
        double got = Nd.of(v).var().item();
        assertTrue(Math.abs(got - ref) <= 1e-6 * ref, () -> "var " + got + " vs " + ref);
    }

    // ------------------------------------------------------------------ (i) equals and hashCode

    @Property(tries = 200)
    void equalArraysHaveEqualHashes(@ForAll("floatArrays") NdArray a, @ForAll int layout) {
        double[] v = a.toDoubleArray();
        List<Double> twisted = new ArrayList<>();
        for (double x : v) {
            if (x == 0) {
                twisted.add(1 / x > 0 ? -0.0 : 0.0); // flip the sign of zero
            } else if (Double.isNaN(x)) {
                twisted.add(Double.longBitsToDouble(0x7ff8000000000abcL)); // another NaN payload
            } else {
                twisted.add(x);
            }
        }
        NdArray b = build(a.shape(), DType.FLOAT64, twisted, Math.floorMod(layout, 3));
        assertEquals(a, b);
        assertEquals(b, a);
        assertEquals(a.hashCode(), b.hashCode());
        NdArray f = a.astype(DType.FLOAT32);
        assertEquals(f, b.astype(DType.FLOAT32));
        assertEquals(f.hashCode(), b.astype(DType.FLOAT32).hashCode());
        if (a.size() > 0) {
            assertNotEquals(a, a.astype(DType.FLOAT32), "different dtypes are never equal");
        }
    }

    // ------------------------------------------------------------------ axis reductions against plain loops

    /** Calls {@code f} with each index of {@code shape} with {@code axis} removed, and the lane along it. */
    interface LaneConsumer {
        void accept(int[] outIndex, double[] lane);
    }

    static void forEachLane(NdArray a, int axis, LaneConsumer f) {
        int[] shape = a.shape();
        int[] outShape = new int[shape.length - 1];
        for (int d = 0, k = 0; d < shape.length; d++) {
            if (d != axis) {
                outShape[k++] = shape[d];
            }
        }
        for (int[] o : TestSupport.indices(outShape)) {
            double[] lane = new double[shape[axis]];
            int[] full = new int[shape.length];
            for (int d = 0, k = 0; d < shape.length; d++) {
                if (d != axis) {
                    full[d] = o[k++];
                }
            }
            for (int i = 0; i < lane.length; i++) {
                full[axis] = i;
                lane[i] = a.getDouble(full);
            }
            f.accept(o, lane);
        }
    }

    @Property(tries = 200)
    void axisReductionsMatchPlainLoops(@ForAll("floatArrays") NdArray base, @ForAll long seed) {
        Random r = new Random(seed);
        NdArray a = r.nextBoolean() ? base : base.get(new RandomIndex(base.shape(), r).text.toString());
        if (a.ndim() == 0) {
            return;
        }
        int axis = r.nextInt(a.ndim());
        NdArray sum = a.sum(axis);
        NdArray max = a.shape(axis) > 0 ? a.max(axis) : null;
        NdArray nanMin = a.shape(axis) > 0 ? a.nanMin(axis) : null;
        NdArray argmax = a.shape(axis) > 0 ? a.argmax(axis) : null;
        NdArray cum = a.cumsum(axis);
        NdArray sorted = a.sort(axis);
        NdArray keep = a.sum(axis, true);
        assertEquals(a.ndim(), keep.ndim());
        assertEquals(1, keep.shape(axis));
        forEachLane(a, axis, (o, lane) -> {
            double s = 0;
            boolean inf = false;
            for (double x : lane) {
                s += x;
                inf |= Double.isInfinite(x) || Double.isNaN(x);
            }
            double got = sum.getDouble(o);
            if (inf) {
                assertEquals(Double.isNaN(s), Double.isNaN(got), "sum " + Arrays.toString(lane));
            } else {
                assertTrue(Math.abs(s - got) <= 1e-9, () -> "sum of " + Arrays.toString(lane) + " gave " + got);
            }
            if (max != null) {
                double mx = Double.NEGATIVE_INFINITY;
                double nmin = Double.NaN;
                int am = -1;
                for (int i = 0; i < lane.length; i++) {
                    double x = lane[i];
                    if (Double.isNaN(x)) {
                        mx = Double.NaN;
                        if (am < 0 || !Double.isNaN(lane[am])) {
                            am = i;
                        }
                    } else {
                        if (!Double.isNaN(mx) && x > mx) {
                            mx = x;
                        }
                        if (Double.isNaN(nmin) || x < nmin) {
                            nmin = x;
                        }
                        if (am < 0 || (!Double.isNaN(lane[am]) && x > lane[am])) {
                            am = i;
                        }
                    }
                }
                if (Double.isNaN(mx)) {
                    assertTrue(Double.isNaN(max.getDouble(o)));
                } else {
                    assertEquals(mx, max.getDouble(o), 0.0);
                }
                assertEquals(nmin, nanMin.getDouble(o), 0.0);
                assertEquals(am, argmax.getLong(o), () -> "argmax of " + Arrays.toString(lane));
            }
            double[] sortedLane = lane.clone();
            Arrays.sort(sortedLane);
            double run = 0;
            int[] full = new int[a.ndim()];
            for (int d = 0, k = 0; d < a.ndim(); d++) {
                if (d != axis) {
                    full[d] = o[k++];
                }
            }
            for (int i = 0; i < lane.length; i++) {
                full[axis] = i;
                run += lane[i];
                double c = cum.getDouble(full);
                assertTrue(c == run || (Double.isNaN(c) && Double.isNaN(run)) || Math.abs(c - run) <= 1e-9);
                double so = sorted.getDouble(full);
                assertTrue(so == sortedLane[i] || (Double.isNaN(so) && Double.isNaN(sortedLane[i])));
            }
        });
    }

    @Property(tries = 200)
    void elementwiseOnAnyLayoutMatchesPlainLoops(@ForAll("floatArrays") NdArray a) {
        NdArray e = a.exp();
        NdArray t = a.tanh();
        NdArray m = a.mul(a.flip()).add(1.5);
        NdArray f = a.flip();
        NdArray g = a.gt(0.5);
        NdArray mapped = a.map(x -> 2 * x - 1);
        for (int[] i : TestSupport.indices(a.shape())) {
            double x = a.getDouble(i);
            int[] j = i.clone();
            for (int d = 0; d < j.length; d++) {
                j[d] = a.shape(d) - 1 - i[d];
            }
            // exp is within 1 ulp, not bit-equal to Math.exp (the vector provider has its own)
            double ex = StrictMath.exp(x);
            assertEquals(ex, e.getDouble(i), Double.isFinite(ex) ? Math.ulp(ex) : 0.0);
            // so is tanh, and StrictMath.tanh may be 2.5 ulp off (VectorMathTest holds the exact values)
            double th = StrictMath.tanh(x);
            assertEquals(th, t.getDouble(i), Math.abs(th) == 1 || th == 0 || Double.isNaN(th) ? 0.0 : 3 * Math.ulp(th));
            assertEquals(x * a.getDouble(j) + 1.5, m.getDouble(i), 0.0);
            assertEquals(a.getDouble(j), f.getDouble(i), 0.0);
            assertEquals(x > 0.5, g.getBoolean(i));
            assertEquals(2 * x - 1, mapped.getDouble(i), 0.0);
        }
    }

    @Property(tries = 200)
    void takeAlongAnAxisMatchesPlainLoops(@ForAll("arrays") NdArray a, @ForAll long seed) {
        if (a.ndim() == 0 || a.size() == 0) {
            return;
        }
        Random r = new Random(seed);
        int axis = r.nextInt(a.ndim());
        int n = a.shape(axis);
        int[] idx = new int[r.nextInt(5)];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = r.nextInt(2 * n) - n;
        }
        NdArray t = a.take(idx, axis);
        assertEquals(a.dtype(), t.dtype());
        for (int[] i : TestSupport.indices(t.shape())) {
            int[] src = i.clone();
            int k = idx[i[axis]];
            src[axis] = k < 0 ? k + n : k;
            assertEquals(a.getDouble(src), t.getDouble(i), 0.0);
        }
    }

    @Property(tries = 100)
    void batchedMatmulMatchesPlainLoops(@ForAll @IntRange(max = 3) int m, @ForAll @IntRange(max = 3) int k,
            @ForAll @IntRange(max = 3) int n, @ForAll("shapePairs") int[][] batch, @ForAll long seed) {
        if (batch[0].length > 2 || batch[1].length > 2) {
            return;
        }
        Random r = new Random(seed);
        int[] sa = Arrays.copyOf(batch[0], batch[0].length + 2);
        sa[sa.length - 2] = m;
        sa[sa.length - 1] = k;
        int[] sb = Arrays.copyOf(batch[1], batch[1].length + 2);
        sb[sb.length - 2] = k;
        sb[sb.length - 1] = n;
        NdArray a = Nd.random(r.nextLong()).integers(-4, 5, sa).astype(DType.FLOAT64);
        NdArray b = Nd.random(r.nextLong()).integers(-4, 5, sb).astype(DType.FLOAT64);
        if (r.nextBoolean()) {
            a = a.swapAxes(-1, -2).copy().swapAxes(-1, -2); // same values, transposed layout
        }
        NdArray c = a.matmul(b);
        int[] bs = expectedBroadcast(batch[0], batch[1]);
        int[] expectedShape = Arrays.copyOf(bs, bs.length + 2);
        expectedShape[bs.length] = m;
        expectedShape[bs.length + 1] = n;
        assertArrayEquals(expectedShape, c.shape());
        for (int[] i : TestSupport.indices(expectedShape)) {
            int[] bi = Arrays.copyOf(i, bs.length);
            int[] ia = project(bi, batch[0]);
            int[] ib = project(bi, batch[1]);
            double s = 0;
            for (int p = 0; p < k; p++) {
                int[] ai = Arrays.copyOf(ia, ia.length + 2);
                ai[ia.length] = i[bs.length];
                ai[ia.length + 1] = p;
                int[] bj = Arrays.copyOf(ib, ib.length + 2);
                bj[ib.length] = p;
                bj[ib.length + 1] = i[bs.length + 1];
                s += a.getDouble(ai) * b.getDouble(bj);
            }
            assertEquals(s, c.getDouble(i), 0.0);
        }
    }

    // ------------------------------------------------------------------ more view laws

    @Property(tries = 200)
    void reshapeOfAnySlicedViewKeepsRowMajorOrder(@ForAll("arrays") NdArray a, @ForAll long seed) {
        Random r = new Random(seed);
        NdArray v = a.get(new RandomIndex(a.shape(), r).text.toString());
        int[] ns = randomShapeOfSize(v.size(), r);
        NdArray re = v.reshape(ns);
        assertArrayEquals(ns, re.shape());
        assertEquals(v.flatten(), re.flatten());
        assertEquals(v.copy(), re.reshape(v.shape()));
        if (re.buffer() == v.buffer() && re.size() > 0 && v.dtype() != DType.BOOL) {
            // a reshape that shares the buffer must be a true view: writes show through
            double before = v.getFlat(0);
            re.setDouble(-12345, new int[ns.length]);
            assertEquals(-12345, v.getFlat(0), 0.0);
            re.setDouble(before, new int[ns.length]);
        }
    }

    @Property(tries = 200)
    void reductionsOverAxisSetsIgnoreLayout(@ForAll("floatArrays") NdArray a, @ForAll long seed) {
        Random r = new Random(seed);
        NdArray v = a.get(new RandomIndex(a.shape(), r).text.toString());
        NdArray c = v.copy();
        List<Integer> axes = new ArrayList<>();
        for (int d = 0; d < v.ndim(); d++) {
            if (r.nextBoolean()) {
                axes.add(d - (r.nextBoolean() ? v.ndim() : 0));
            }
        }
        int[] ax = axes.stream().mapToInt(Integer::intValue).toArray();
        boolean keep = r.nextBoolean();
        assertEquals(c.sum(ax, keep), v.sum(ax, keep));
        assertEquals(c.mean(ax, keep), v.mean(ax, keep));
        assertEquals(c.prod(ax, keep), v.prod(ax, keep));
        assertEquals(c.var(ax, 0, keep), v.var(ax, 0, keep));
        assertEquals(c.nanVar(ax, 1, keep), v.nanVar(ax, 1, keep));
        assertEquals(c.normL2(ax), v.normL2(ax));
        assertEquals(c.any(ax), v.any(ax));
        assertEquals(c.countNonzero(ax), v.countNonzero(ax));
        boolean empty = false;
        for (int d : ax) {
            empty |= v.shape(d) == 0;
        }
        if (ax.length == 0) {
            empty = v.size() == 0;
        }
        if (!empty) {
            assertEquals(c.min(ax, keep), v.min(ax, keep));
            assertEquals(c.max(ax, keep), v.max(ax, keep));
        }
    }

    @Property(tries = 200)
    void printingNeverFailsAndMatricesAlign(@ForAll("arrays") NdArray a) {
        String s = a.toString();
        assertTrue(s.contains(a.dtype().numpyName()));
        assertTrue(s.contains(ShapeMismatchException.shapeString(a.shape())));
        if (a.ndim() == 2 && a.size() > 0) {
            String[] lines = s.split("\n");
            for (int i = 2; i < lines.length; i++) {
                assertEquals(lines[1].length(), lines[i].length(), s);
            }
        }
    }

    // ------------------------------------------------------------------ masks

    @Property(tries = 200)
    void masksSelectAndAssignInRowMajorOrder(@ForAll("arrays") NdArray base, @ForAll long seed) {
        Random r = new Random(seed);
        NdArray a = base.copy();
        int k = a.ndim() == 0 ? 0 : 1 + r.nextInt(a.ndim());
        int[] maskShape = Arrays.copyOf(a.shape(), k);
        boolean[] m = new boolean[TestSupport.product(maskShape)];
        int count = 0;
        for (int i = 0; i < m.length; i++) {
            m[i] = r.nextBoolean();
            count += m[i] ? 1 : 0;
        }
        NdArray mask = NdArray.wrap(m, maskShape);
        if (k == 0) {
            return;
        }
        NdArray sel = a.get(mask);
        int[] rest = Arrays.copyOfRange(a.shape(), k, a.ndim());
        int[] expectedShape = new int[rest.length + 1];
        expectedShape[0] = count;
        System.arraycopy(rest, 0, expectedShape, 1, rest.length);
        assertArrayEquals(expectedShape, sel.shape());
        int restSize = TestSupport.product(rest);
        double[] flat = a.toDoubleArray();
        double[] got = sel.toDoubleArray();
        int j = 0;
        for (int i = 0; i < m.length; i++) {
            if (m[i]) {
                for (int q = 0; q < restSize; q++) {
                    double e = flat[i * restSize + q];
                    double g = got[j++];
                    assertTrue(e == g || (Double.isNaN(e) && Double.isNaN(g)));
                }
            }
        }
        NdArray b = a.copy();
        b.set(mask, 1.0);
        double[] after = b.toDoubleArray();
        for (int i = 0; i < m.length; i++) {
            for (int q = 0; q < restSize; q++) {
                double e = m[i] ? Nd.scalar(1.0).astype(a.dtype()).item() : flat[i * restSize + q];
                double g = after[i * restSize + q];
                assertTrue(e == g || (Double.isNaN(e) && Double.isNaN(g)), "mask assignment at " + i);
            }
        }
    }
}
