package dev.strix.ndarray;

import static dev.strix.ndarray.TestSupport.assertThrowsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The kernel layer seen through the public API: which provider runs, accuracy of exp/log/sum,
 * matrix products against exact arithmetic, out= variants, and parallel against serial results.
 * These tests run under both providers (CI runs the suite once per provider).
 */
class KernelsTest {

    /** The provider the build asked for is the one running: a broken vector path cannot hide behind a fallback. */
    @Test
    void activeProviderIsTheRequestedOne() throws Exception {
        String requested = System.getProperty("strix.vectorization", "auto");
        String expected;
        if (requested.equals("scalar")) {
            expected = "scalar";
        } else if (requested.equals("vector")) {
            expected = "vector";
        } else {
            boolean module = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
            expected = module && preferredVectorBits() >= 256 ? "vector" : "scalar";
        }
        assertEquals(expected, Kernels.provider(), "strix.vectorization=" + requested);
        assertTrue(Kernels.vectorBitSize() >= (expected.equals("vector") ? 256 : 64));
        if (expected.equals("vector")) {
            // the width asked for (CI runs the suite at 256 bits too), else the CPU's widest
            String bits = System.getProperty("strix.vector.bits", "auto");
            int expectedBits = bits.equals("auto") ? preferredVectorBits() : Integer.parseInt(bits);
            assertEquals(expectedBits, Kernels.vectorBitSize(), "strix.vector.bits=" + bits);
        }
    }

    /** A bad width is refused with the property's name and the value; a good one is read. */
    @Test
    void vectorWidthPropertyIsValidated() {
        String before = System.getProperty("strix.vector.bits");
        try {
            for (String bad : new String[] {"128", "300", "wide", "-512", ""}) {
                System.setProperty("strix.vector.bits", bad);
                assertThrowsWith(IllegalStateException.class,
                        dev.strix.ndarray.internal.KernelSelector::requestedVectorBits, "strix.vector.bits", "'" + bad + "'");
            }
            System.setProperty("strix.vector.bits", "512");
            assertEquals(512, dev.strix.ndarray.internal.KernelSelector.requestedVectorBits());
            System.setProperty("strix.vector.bits", " Auto ");
            assertEquals(0, dev.strix.ndarray.internal.KernelSelector.requestedVectorBits());
        } finally {
            if (before == null) {
                System.clearProperty("strix.vector.bits");
            } else {
                System.setProperty("strix.vector.bits", before);
            }
        }
    }

    private static int preferredVectorBits() throws Exception {
        Class<?> dv = Class.forName("jdk.incubator.vector.DoubleVector");
        Object species = dv.getField("SPECIES_PREFERRED").get(null);
        return (Integer) Class.forName("jdk.incubator.vector.VectorSpecies").getMethod("vectorBitSize").invoke(species);
    }

    @Test
    void parallelismIsBoundedAndValidated() {
        int before = Kernels.parallelism();
        try {
            assertTrue(before >= 1 && before <= Runtime.getRuntime().availableProcessors());
            Kernels.setParallelism(1);
            assertEquals(1, Kernels.parallelism());
            Kernels.setParallelism(1000);
            assertEquals(Runtime.getRuntime().availableProcessors(), Kernels.parallelism());
            assertThrowsWith(IllegalArgumentException.class, () -> Kernels.setParallelism(0), "at least 1", "0");
        } finally {
            Kernels.setParallelism(before);
        }
    }

    // ------------------------------------------------------------------ exp / log accuracy

    /** Arguments covering subnormals, ±0, the overflow/underflow edges, NaN, infinities and random values. */
    private static double[] specialAndRandom(boolean forLog) {
        double[] fixed = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, 0x1p-1060, Double.MIN_NORMAL,
            Double.MIN_NORMAL * 0.5, 1e-300, 1e-20, 1e-8, 0.5, 1.0, -1.0, 2.0, Math.E, 10.0, 100.0, 700.0, 709.78,
            709.79, 710.0, -700.0, -708.39, -745.13, -745.14, -746.0, -1000.0, 1e300, Double.MAX_VALUE,
            -Double.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1 + 0x1p-52,
            1 - 0x1p-53, 0.9999999, 1.0000001};
        Random r = new Random(42);
        int n = 20000;
        double[] x = new double[fixed.length + n];
        System.arraycopy(fixed, 0, x, 0, fixed.length);
        for (int i = 0; i < n; i++) {
            double v;
            if (forLog) {
                v = Math.scalb(1 + r.nextDouble(), r.nextInt(2098) - 1074); // all magnitudes, subnormals included
            } else {
                v = (r.nextDouble() * 2 - 1) * (i % 3 == 0 ? 750 : i % 3 == 1 ? 20 : 1e-5);
            }
            x[fixed.length + i] = v;
        }
        return x;
    }

    private static void assertWithinOneUlp(String what, double arg, double expected, double actual) {
        if (Double.isNaN(expected) || Double.isInfinite(expected) || expected == 0) {
            assertEquals(expected, actual, 0.0, what + "(" + arg + ")");
            return;
        }
        double ulp = Math.ulp(expected);
        assertTrue(Math.abs(actual - expected) <= ulp, what + "(" + arg + ") = " + actual + ", StrictMath gives "
                + expected + ": more than 1 ulp apart");
    }

    @Test
    void expAndLogAreWithinOneUlpOfStrictMath() {
        double[] xe = specialAndRandom(false);
        NdArray e = NdArray.wrap(xe.clone(), xe.length).exp();
        double[] xl = specialAndRandom(true);
        NdArray l = NdArray.wrap(xl.clone(), xl.length).log();
        for (int i = 0; i < xe.length; i++) {
            assertWithinOneUlp("exp", xe[i], StrictMath.exp(xe[i]), e.getFlat(i));
        }
        for (int i = 0; i < xl.length; i++) {
            assertWithinOneUlp("log", xl[i], StrictMath.log(xl[i]), l.getFlat(i));
        }
        // the special arguments of log too: negative, zero, subnormal, NaN, infinity
        double[] sp = {-1.0, -0.0, 0.0, Double.MIN_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        NdArray ls = Nd.of(sp).log();
        for (int i = 0; i < sp.length; i++) {
            assertWithinOneUlp("log", sp[i], StrictMath.log(sp[i]), ls.getFlat(i));
        }
    }

    @Test
    void float32ExpAndLogAreCorrectlyRoundedFromDouble() {
        Random r = new Random(7);
        float[] x = new float[5000];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) ((r.nextDouble() * 2 - 1) * 100);
        }
        x[0] = Float.MIN_VALUE;
        x[1] = -0.0f;
        x[2] = Float.NaN;
        NdArray a = NdArray.wrap(x, x.length);
        NdArray e = a.exp();
        NdArray l = a.abs().log();
        assertEquals(DType.FLOAT32, e.dtype());
        assertTrue(Float.isNaN((float) e.getFlat(2)) && Float.isNaN((float) l.getFlat(2)));
        for (int i = 3; i < x.length; i++) {
            assertEquals((float) StrictMath.exp(x[i]), (float) e.getFlat(i), Math.ulp((float) StrictMath.exp(x[i])));
            float ax = Math.abs(x[i]);
            assertEquals((float) StrictMath.log(ax), (float) l.getFlat(i), Math.ulp((float) StrictMath.log(ax)));
        }
    }

    /**
     * exp, log, expm1, log1p, tanh, sin, cos and pow on strided views (a transpose, a column, a reversed slice,
     * float32 too) give exactly the bits of the same function on the view's contiguous copy: the
     * vector provider's polynomials and Math differ in last bits, so a strided run must take the
     * same kernel as a contiguous one. And a run split across threads gives the same bits.
     */
    @Test
    void elementaryFunctionsOnViewsMatchTheirCopiesBitForBit() {
        Random r = new Random(9);
        double[] v = new double[300 * 257];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextInt(40) == 0 ? Double.NaN : r.nextDouble() * 6 - 1;
        }
        NdArray m = NdArray.wrap(v, 300, 257);
        List<java.util.function.UnaryOperator<NdArray>> fns = List.of(NdArray::exp, NdArray::log, NdArray::expm1,
                NdArray::log1p, NdArray::tanh, NdArray::sin, NdArray::cos, x -> x.pow(2.7), x -> x.pow(x));
        List<NdArray> views = List.of(m.transpose(), m.get(":, 3"), m.get("::-1, 1::2"),
                m.astype(DType.FLOAT32).transpose());
        for (var f : fns) {
            for (NdArray view : views) {
                NdArray viaView = f.apply(view);
                NdArray viaCopy = f.apply(view.copy());
                assertEquals(viaCopy, viaView, "on " + view);
                assertEquals(viaCopy.dtype(), viaView.dtype());
            }
        }
        int before = Kernels.parallelism();
        try {
            NdArray big = NdArray.wrap(java.util.Arrays.copyOf(v, 1 << 20), 1 << 20);
            Kernels.setParallelism(1);
            List<NdArray> one = new ArrayList<>();
            for (var f : fns) {
                one.add(f.apply(big));
            }
            Kernels.setParallelism(2);
            for (int i = 0; i < fns.size(); i++) {
                assertEquals(one.get(i), fns.get(i).apply(big), "split across threads, function " + i);
            }
        } finally {
            Kernels.setParallelism(before);
        }
    }

    // ------------------------------------------------------------------ sum accuracy

    /** Ten million uniform values: the pairwise sum is within 1e-15 relative of a double-double (compensated) sum. */
    @Test
    void sumOfTenMillionUniformValuesIsAccurate() {
        int n = 10_000_000;
        double[] x = new double[n];
        Random r = new Random(2024);
        for (int i = 0; i < n; i++) {
            x[i] = r.nextDouble();
        }
        // double-double accumulation (TwoSum): error ~ n * 2^-106, far below the tolerance
        double hi = 0;
        double lo = 0;
        for (double v : x) {
            double s = hi + v;
            double bp = s - hi;
            double err = (hi - (s - bp)) + (v - bp);
            hi = s;
            lo += err;
        }
        double exact = hi + lo;
        double got = NdArray.wrap(x, n).sum().item();
        assertTrue(Math.abs(got - exact) <= 1e-15 * Math.abs(exact), "sum " + got + " vs compensated " + exact);
        double naive = 0;
        for (double v : x) {
            naive += v;
        }
        assertTrue(Math.abs(got - exact) <= Math.abs(naive - exact), "no worse than the naive loop");
    }

    @Test
    void parallelResultsEqualSerialResults() {
        int before = Kernels.parallelism();
        try {
            int n = (1 << 21) + 37;
            Random r = new Random(3);
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = r.nextGaussian() * Math.exp(r.nextGaussian() * 5);
            }
            v[n / 3] = -0.0;
            NdArray a = NdArray.wrap(v, n);
            NdArray b = a.mul(0.5).add(1.0);
            NdArray m = NdArray.wrap(java.util.Arrays.copyOf(v, 1 << 20), 1024, 1024);
            NdArray mt = Nd.of(java.util.Arrays.copyOf(v, 300 * 280)).reshape(300, 280);
            Kernels.setParallelism(1);
            double sum1 = a.sum().item();
            double max1 = a.max().item();
            long arg1 = (long) a.argmax().item();
            NdArray add1 = a.add(b);
            NdArray exp1 = a.mul(1e-3).exp();
            NdArray col1 = m.sum(0);
            NdArray mm1 = mt.matmul(mt.transpose());
            Kernels.setParallelism(2);
            assertEquals(Double.doubleToRawLongBits(sum1), Double.doubleToRawLongBits(a.sum().item()));
            assertEquals(max1, a.max().item(), 0.0);
            assertEquals(arg1, (long) a.argmax().item());
            assertEquals(add1, a.add(b));
            assertEquals(exp1, a.mul(1e-3).exp());
            assertEquals(col1, m.sum(0));
            assertEquals(mm1, mt.matmul(mt.transpose()));
        } finally {
            Kernels.setParallelism(before);
        }
    }

    // ------------------------------------------------------------------ matrix products

    private static final int[] SIZES = {1, 2, 3, 5, 7, 13, 31, 64, 65, 127, 129, 257};

    /** Small integers: every product and partial sum is exact in float64 (and in float32 below 2^24). */
    private static long[] ints(Random r, int n) {
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextInt(17) - 8;
        }
        return v;
    }

    private static long[] naive(long[] a, long[] b, int m, int k, int n) {
        long[] c = new long[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                long s = 0;
                for (int p = 0; p < k; p++) {
                    s += a[i * k + p] * b[p * n + j];
                }
                c[i * n + j] = s;
            }
        }
        return c;
    }

    private static NdArray asDtype(long[] v, DType t, int... shape) {
        return NdArray.wrap(v, shape).astype(t);
    }

    private static void assertProduct(long[] expected, NdArray c, String what) {
        assertEquals(expected.length, c.size(), what);
        NdArray f = c.flatten();
        for (int i = 0; i < expected.length; i++) {
            if (expected[i] != (long) f.getFlat(i)) {
                assertEquals(expected[i], (long) f.getFlat(i), what + " element " + i);
            }
        }
    }

    @Test
    void leadingAxisSumIsBitIdenticalToEachColumnSummedAlone() {
        // The axis-0 kernel walks strips of columns down the rows; every column must still get
        // exactly Pairwise.sum's tree (leaf blocks of 16 accumulators, halving at multiples of 16).
        Random r = new Random(11);
        int before = Kernels.parallelism();
        try {
            for (int threads : new int[] {1, 2}) {
                Kernels.setParallelism(threads);
                // The last pair is large enough (4.4M values) for the column split across threads.
                int[][] sizes = new int[85][];
                int k = 0;
                for (int rows : new int[] {1, 2, 15, 16, 17, 31, 255, 256, 257, 300, 1000, 4100}) {
                    for (int cols : new int[] {1, 3, 4, 5, 9, 64, 130}) {
                        sizes[k++] = new int[] {rows, cols};
                    }
                }
                sizes[k] = new int[] {1100, 4001};
                for (int[] size : sizes) {
                    int rows = size[0];
                    int cols = size[1];
                    {
                        double[] v = new double[rows * cols];
                        for (int i = 0; i < v.length; i++) {
                            v[i] = r.nextGaussian() * Math.exp(r.nextGaussian() * 8);
                        }
                        v[v.length / 2] = -0.0;
                        if (rows > 20 && cols > 4) {
                            v[7 * cols + 3] = Double.NaN;
                            v[9 * cols + 4] = Double.POSITIVE_INFINITY;
                        }
                        NdArray sums = NdArray.wrap(v, rows, cols).sum(0);
                        for (int j = 0; j < cols; j++) {
                            double[] col = new double[rows];
                            for (int i = 0; i < rows; i++) {
                                col[i] = v[i * cols + j];
                            }
                            double expected = NdArray.wrap(col, rows).sum().item();
                            assertEquals(Double.doubleToRawLongBits(expected),
                                    Double.doubleToRawLongBits(sums.getDouble(j)),
                                    () -> rows + "x" + cols + " on " + Kernels.provider());
                        }
                    }
                }
            }
        } finally {
            Kernels.setParallelism(before);
        }
    }

    @Test
    void matmulMatchesExactArithmeticOnOddSizes() {
        Random r = new Random(11);
        for (DType t : new DType[] {DType.FLOAT64, DType.FLOAT32}) {
            for (int s : SIZES) {
                int m = s;
                int k = SIZES[(java.util.Arrays.binarySearch(SIZES, s) + 3) % SIZES.length];
                int n = SIZES[(java.util.Arrays.binarySearch(SIZES, s) + 7) % SIZES.length];
                for (int[] dims : new int[][] {{s, s, s}, {m, k, n}, {n, m, k}}) {
                    int mm = dims[0];
                    int kk = dims[1];
                    int nn = dims[2];
                    long[] a = ints(r, mm * kk);
                    long[] b = ints(r, kk * nn);
                    long[] want = naive(a, b, mm, kk, nn);
                    String what = t + " " + mm + "x" + kk + " @ " + kk + "x" + nn;
                    NdArray c = asDtype(a, t, mm, kk).matmul(asDtype(b, t, kk, nn));
                    assertEquals(t, c.dtype());
                    assertProduct(want, c, what);
                    // transposed views: A stored as (k, m), B as (n, k); packing reads them through their strides
                    NdArray at = asDtype(a, t, mm, kk).transpose().copy().transpose();
                    NdArray bt = asDtype(b, t, kk, nn).transpose().copy().transpose();
                    assertProduct(want, at.matmul(bt), what + " (transposed views)");
                    assertProduct(want, at.matmul(asDtype(b, t, kk, nn)), what + " (A transposed)");
                }
            }
        }
    }

    @Test
    void matrixVectorAndBatchedProductsMatchExactArithmetic() {
        Random r = new Random(5);
        for (int[] d : new int[][] {{1, 1}, {7, 3}, {65, 129}, {300, 257}, {1, 513}}) {
            int m = d[0];
            int k = d[1];
            long[] a = ints(r, m * k);
            long[] x = ints(r, k);
            long[] want = naive(a, x, m, k, 1);
            NdArray am = asDtype(a, DType.FLOAT64, m, k);
            NdArray xv = asDtype(x, DType.FLOAT64, k);
            assertProduct(want, am.matmul(xv), "matrix-vector " + m + "x" + k);
            assertProduct(want, am.transpose().copy().transpose().matmul(xv), "transposed matrix-vector");
            assertProduct(want, xv.matmul(am.transpose()), "vector-matrix");
            NdArray strided = NdArray.wrap(new double[2 * k], 2 * k).get("::2");
            for (int p = 0; p < k; p++) {
                strided.setDouble(x[p], p);
            }
            assertProduct(want, asDtype(a, DType.FLOAT32, m, k).matmul(strided.astype(DType.FLOAT32)), "float32 gemv");
        }
        long[] a = ints(r, 3 * 40 * 50);
        long[] b = ints(r, 50 * 60);
        NdArray c = asDtype(a, DType.FLOAT64, 3, 40, 50).matmul(asDtype(b, DType.FLOAT64, 50, 60));
        assertArrayEquals(new int[] {3, 40, 60}, c.shape());
        for (int q = 0; q < 3; q++) {
            long[] aq = java.util.Arrays.copyOfRange(a, q * 2000, (q + 1) * 2000);
            assertProduct(naive(aq, b, 40, 50, 60), c.get(q + ", :, :"), "batch " + q);
        }
    }

    // ------------------------------------------------------------------ out= variants

    @Test
    void outVariantsWriteIntoAndReturnOut() {
        NdArray a = Nd.of(1, 2, 3, 4).reshape(2, 2);
        NdArray row = Nd.of(10, 20);
        NdArray out = Nd.zeros(2, 2);
        assertSame(out, a.add(row, out));
        assertEquals(a.add(row), out);
        assertSame(out, a.sub(row, out));
        assertEquals(a.sub(row), out);
        assertSame(out, a.mul(row, out));
        assertEquals(a.mul(row), out);
        assertSame(out, a.div(row, out));
        assertEquals(a.div(row), out);
        assertSame(out, a.exp(out));
        assertEquals(a.exp(), out);
        assertSame(out, a.log(out));
        assertEquals(a.log(), out);
        assertSame(out, a.sqrt(out));
        assertEquals(a.sqrt(), out);
        assertSame(out, a.expm1(out));
        assertEquals(a.expm1(), out);
        assertSame(out, a.log1p(out));
        assertEquals(a.log1p(), out);
        assertSame(out, a.tanh(out));
        assertEquals(a.tanh(), out);
        assertSame(out, a.neg(out));
        assertEquals(a.neg(), out);
        assertSame(out, a.neg().abs(out));
        assertEquals(a, out);
        // out may be an operand, or a strided view
        NdArray x = Nd.of(1, 2, 3);
        x.add(x, x);
        assertEquals(Nd.of(2, 4, 6), x);
        NdArray big = Nd.zeros(3, 2);
        NdArray col = big.get(":, 1");
        Nd.of(1, 4, 9).sqrt(col);
        assertEquals(Nd.of(0, 1, 0, 2, 0, 3).reshape(3, 2), big);
        // an overlapping, shifted operand is read before it is overwritten
        NdArray y = Nd.of(1, 2, 3, 4);
        y.get("1:").add(y.get(":3"), y.get(":3"));
        assertEquals(Nd.of(3, 5, 7, 4), y);
        // int32 stays int32
        NdArray i = Nd.ofInts(1, 2, 3);
        NdArray io = Nd.zeros(DType.INT32, 3);
        i.mul(i, io);
        assertEquals(Nd.ofInts(1, 4, 9), io);
    }

    @Test
    void outVariantsRejectWrongShapesAndDtypes() {
        NdArray a = Nd.zeros(2, 3);
        assertThrowsWith(ShapeMismatchException.class, () -> a.add(Nd.zeros(3), Nd.zeros(3, 2)), "add", "(2, 3)",
                "(3, 2)");
        assertThrowsWith(ShapeMismatchException.class, () -> a.exp(Nd.zeros(6)), "exp", "(2, 3)", "(6,)");
        assertThrowsWith(IllegalArgumentException.class, () -> a.mul(a, Nd.zeros(DType.FLOAT32, 2, 3)), "mul",
                "float64", "float32");
        NdArray ints = Nd.zeros(DType.INT64, 2, 3);
        assertThrowsWith(IllegalArgumentException.class, () -> ints.div(ints, Nd.zeros(DType.INT64, 2, 3)), "div",
                "float64", "int64");
        assertThrowsWith(IllegalArgumentException.class, () -> ints.sqrt(Nd.zeros(DType.INT64, 2, 3)), "sqrt",
                "float64", "int64");
    }

    @Test
    void comparisonsAndExtremaKeepNanAndSignedZeroRules() {
        double nan = Double.NaN;
        double[] v = new double[100];
        for (int i = 0; i < v.length; i++) {
            v[i] = i % 7 - 3;
        }
        v[50] = nan;
        NdArray a = NdArray.wrap(v, 100);
        assertTrue(Double.isNaN(a.max().item()));
        assertTrue(Double.isNaN(a.min().item()));
        assertEquals(50L, (long) a.argmax().item());
        v[50] = 0;
        v[0] = -0.0;
        assertEquals(3.0, a.max().item(), 0.0);
        assertEquals(6L, (long) a.argmax().item()); // the first maximum (index 6, again at 13, 20, ...)
        double[] zeros = new double[64];
        zeros[0] = -0.0;
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(NdArray.wrap(zeros, 64).max().item()));
        NdArray lt = a.lt(Nd.scalar(0.0));
        NdArray big = NdArray.wrap(new double[] {nan, 1, -1, 0}, 4);
        assertEquals(Nd.of(0, 0, 1, 0).astype(DType.BOOL), big.lt(0.0));
        assertEquals(Nd.of(1, 1, 1, 1).astype(DType.BOOL), big.ne(big.mul(1.0)).or(big.eq(big)));
        assertEquals(Nd.of(0, 1, 1, 1).astype(DType.BOOL), big.eq(big));
        long negatives = 0;
        for (double x : v) {
            negatives += x < 0 ? 1 : 0;
        }
        assertEquals(negatives, (long) lt.countNonzero().item());
    }

    /**
     * Kernels.gemm on raw arrays, accumulating and subtracting, through every path (row and
     * column vectors, the unpacked small product, the packed kernel with several depth blocks,
     * edge tiles and a thread split) and with a transposed A: small integers make every product
     * exact in double and float, so the expected C is computed exactly with longs.
     */
    @Test
    void rawGemmAccumulatesOrSubtractsExactly() {
        Random r = new Random(5);
        int[][] sizes = {{1, 5, 7}, {6, 1, 9}, {3, 4, 5}, {70, 53, 300}, {200, 300, 64}};
        for (int[] sz : sizes) {
            int m = sz[0];
            int n = sz[1];
            int k = sz[2];
            for (boolean subtract : new boolean[] {false, true}) {
                for (boolean transposedA : new boolean[] {false, true}) {
                    long[] al = new long[m * k];
                    long[] bl = new long[k * n];
                    long[] cl = new long[m * n];
                    for (int i = 0; i < al.length; i++) {
                        al[i] = r.nextInt(17) - 8;
                    }
                    for (int i = 0; i < bl.length; i++) {
                        bl[i] = r.nextInt(17) - 8;
                    }
                    for (int i = 0; i < cl.length; i++) {
                        cl[i] = r.nextInt(1001) - 500;
                    }
                    // A stored as (m x k) row-major, or as its transpose (k x m) read with swapped strides;
                    // C sits at offset 3 inside a wider buffer (row length n + 2)
                    int ldc = n + 2;
                    double[] a = new double[m * k];
                    float[] af = new float[m * k];
                    for (int i = 0; i < m; i++) {
                        for (int p = 0; p < k; p++) {
                            int at = transposedA ? p * m + i : i * k + p;
                            a[at] = al[i * k + p];
                            af[at] = al[i * k + p];
                        }
                    }
                    double[] b = new double[k * n];
                    float[] bf = new float[k * n];
                    for (int i = 0; i < b.length; i++) {
                        b[i] = bl[i];
                        bf[i] = bl[i];
                    }
                    double[] c = new double[3 + m * ldc];
                    float[] cf = new float[3 + m * ldc];
                    for (int i = 0; i < m; i++) {
                        for (int j = 0; j < n; j++) {
                            c[3 + i * ldc + j] = cl[i * n + j];
                            cf[3 + i * ldc + j] = cl[i * n + j];
                        }
                    }
                    int ars = transposedA ? 1 : k;
                    int acs = transposedA ? m : 1;
                    int threads = Kernels.parallelism();
                    try {
                        Kernels.setParallelism(2);
                        Kernels.gemm(subtract, m, n, k, a, 0, ars, acs, b, 0, n, 1, c, 3, ldc);
                        Kernels.gemm(subtract, m, n, k, af, 0, ars, acs, bf, 0, n, 1, cf, 3, ldc);
                    } finally {
                        Kernels.setParallelism(threads);
                    }
                    String what = m + "x" + n + "x" + k + (subtract ? " -=" : " +=") + (transposedA ? " A^T" : "");
                    for (int i = 0; i < m; i++) {
                        for (int j = 0; j < n; j++) {
                            long dotp = 0;
                            for (int p = 0; p < k; p++) {
                                dotp += al[i * k + p] * bl[p * n + j];
                            }
                            long want = cl[i * n + j] + (subtract ? -dotp : dotp);
                            assertEquals(want, c[3 + i * ldc + j], what + " float64 at " + i + "," + j);
                            assertEquals(want, cf[3 + i * ldc + j], what + " float32 at " + i + "," + j);
                        }
                        // the padding columns are not touched
                        assertEquals(0.0, c[3 + i * ldc + n], what);
                    }
                    assertEquals(0.0, c[0], what);
                }
            }
        }
        assertThrowsWith(IllegalArgumentException.class,
                () -> Kernels.gemm(false, -1, 2, 2, new double[4], 0, 2, 1, new double[4], 0, 2, 1, new double[4], 0, 2),
                "m=-1");
    }
}
