package dev.strix.ndarray.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strix.ndarray.internal.KernelProvider.Cmp;
import dev.strix.ndarray.internal.KernelProvider.Op1;
import dev.strix.ndarray.internal.KernelProvider.Op2;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The two providers against each other, bit for bit, on runs of every length up to a few
 * vectors, at odd offsets, with NaN, signed zeros and infinities mixed in. Runs only where the
 * vector provider can be loaded (the JVM has jdk.incubator.vector).
 */
class KernelProviderTest {
    private static final double[] SPECIAL = {Double.NaN, 0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Double.MIN_VALUE, -Double.MAX_VALUE, 1.0, -1.0};

    private static KernelProvider vector() {
        Assumptions.assumeTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent());
        try {
            return (KernelProvider) Class.forName(KernelSelector.VECTOR_CLASS).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static double[] data(Random r, int n, boolean specials) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = specials && r.nextInt(8) == 0 ? SPECIAL[r.nextInt(SPECIAL.length)] : r.nextGaussian() * 100;
        }
        return x;
    }

    private static float[] floats(double[] x) {
        float[] f = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            f[i] = (float) x[i];
        }
        return f;
    }

    @Test
    void vectorAndScalarProvidersAgreeBitForBit() {
        KernelProvider v = vector();
        KernelProvider s = new ScalarKernels();
        Random r = new Random(1);
        for (int n = 0; n < 300; n += (n < 40 ? 1 : 37)) {
            for (boolean specials : new boolean[] {false, true}) {
                int off = r.nextInt(3);
                double[] a = data(r, n + off, specials);
                double[] b = data(r, n + off, specials);
                float[] af = floats(a);
                float[] bf = floats(b);
                double sc = SPECIAL[r.nextInt(SPECIAL.length)];
                for (Op2 op : Op2.values()) {
                    double[] c1 = new double[n];
                    double[] c2 = new double[n];
                    v.binary(op, a, off, b, off, c1, 0, n);
                    s.binary(op, a, off, b, off, c2, 0, n);
                    assertArrayEquals(c2, c1, op + " n=" + n);
                    v.binaryScalar(op, a, off, sc, true, c1, 0, n);
                    s.binaryScalar(op, a, off, sc, true, c2, 0, n);
                    assertArrayEquals(c2, c1, op + " scalar n=" + n);
                    float[] f1 = new float[n];
                    float[] f2 = new float[n];
                    v.binary(op, af, off, bf, off, f1, 0, n);
                    s.binary(op, af, off, bf, off, f2, 0, n);
                    assertArrayEquals(f2, f1, op + " float n=" + n);
                }
                for (Op1 op : Op1.values()) {
                    double[] c1 = new double[n];
                    double[] c2 = new double[n];
                    v.unary(op, a, off, c1, 0, n);
                    s.unary(op, a, off, c2, 0, n);
                    if (op.ownPolynomial()) {
                        assertCloseToTheScalarProvider(op, a, off, c2, c1, n); // its own polynomial
                    } else {
                        assertArrayEquals(c2, c1, op + " n=" + n);
                    }
                    float[] f1 = new float[n];
                    float[] f2 = new float[n];
                    v.unary(op, af, off, f1, 0, n);
                    s.unary(op, af, off, f2, 0, n);
                    for (int i = 0; i < n; i++) {
                        // float32 rounds the float64 result: equal but where that sits at a rounding tie's edge
                        boolean same = Float.floatToIntBits(f1[i]) == Float.floatToIntBits(f2[i]);
                        assertTrue(same || op.ownPolynomial() && Math.abs(f1[i] - f2[i]) <= Math.ulp(f2[i]),
                                op + " float(" + af[off + i] + ") = " + f1[i] + ", scalar provider " + f2[i]);
                    }
                }
                for (Cmp op : Cmp.values()) {
                    boolean[] m1 = new boolean[n];
                    boolean[] m2 = new boolean[n];
                    v.compare(op, a, off, b, off, m1, 0, n);
                    s.compare(op, a, off, b, off, m2, 0, n);
                    assertArrayEquals(m2, m1, op + " n=" + n);
                    v.compareScalar(op, a, off, sc, m1, 0, n);
                    s.compareScalar(op, a, off, sc, m2, 0, n);
                    assertArrayEquals(m2, m1, op + " scalar " + sc + " n=" + n);
                    v.compare(op, af, off, bf, off, m1, 0, n);
                    s.compare(op, af, off, bf, off, m2, 0, n);
                    assertArrayEquals(m2, m1, op + " float n=" + n);
                }
                boolean[] cond = new boolean[n + off];
                for (int i = 0; i < cond.length; i++) {
                    cond[i] = r.nextBoolean();
                }
                for (int steps = 0; steps < 4; steps++) {
                    int as = steps & 1;
                    int bs = steps >> 1;
                    double[] c1 = new double[n];
                    double[] c2 = new double[n];
                    v.select(cond, off, a, off, as, b, off, bs, c1, 0, n);
                    s.select(cond, off, a, off, as, b, off, bs, c2, 0, n);
                    double[] want = new double[n];
                    for (int i = 0; i < n; i++) {
                        want[i] = cond[off + i] ? a[off + i * as] : b[off + i * bs];
                    }
                    assertArrayEquals(want, c1, "select steps " + as + "," + bs + " n=" + n);
                    assertArrayEquals(want, c2, "scalar select steps " + as + "," + bs + " n=" + n);
                    float[] f1 = new float[n];
                    float[] f2 = new float[n];
                    v.select(cond, off, af, off, as, bf, off, bs, f1, 0, n);
                    s.select(cond, off, af, off, as, bf, off, bs, f2, 0, n);
                    assertArrayEquals(f2, f1, "float select n=" + n);
                }
                if (n <= Pairwise.BLOCK) {
                    assertEquals(Double.doubleToLongBits(s.sumBlock(a, off, n)), Double.doubleToLongBits(v.sumBlock(a, off, n)),
                            "sumBlock n=" + n);
                }
                if (n > 0) {
                    for (boolean max : new boolean[] {false, true}) {
                        assertEquals(Double.doubleToLongBits(s.extremum(a, off, n, max)),
                                Double.doubleToLongBits(v.extremum(a, off, n, max)), "extremum n=" + n);
                    }
                }
                assertEquals(s.dot(a, off, b, off, n), v.dot(a, off, b, off, n), 1e-9 * (1 + n) * 1e4, "dot n=" + n);
            }
        }
    }

    /**
     * The vector provider's own polynomial against Math's result: the same bits where that is NaN,
     * infinite, zero or +-1, else within 4 ulp (Math.tanh may be 2.5 ulp off, the polynomials 1;
     * their accuracy against exact values is VectorMathTest's).
     */
    private static void assertCloseToTheScalarProvider(Op1 op, double[] x, int off, double[] expected, double[] y, int n) {
        for (int i = 0; i < n; i++) {
            double e = expected[i];
            String what = op + "(" + x[off + i] + ") = " + y[i] + ", scalar provider " + e;
            if (Double.isNaN(e) || Double.isInfinite(e) || e == 0 || Math.abs(e) == 1) {
                assertEquals(Double.doubleToLongBits(e), Double.doubleToLongBits(y[i]), what);
            } else {
                assertTrue(Math.abs(y[i] - e) <= 4 * Math.ulp(e), what);
            }
        }
    }

    private static void assertWithinOneUlpOfStrictMath(double[] x, int off, double[] y, int n) {
        for (int i = 0; i < n; i++) {
            double e = StrictMath.exp(x[off + i]);
            if (Double.isNaN(e) || Double.isInfinite(e) || e == 0) {
                assertEquals(e, y[i], 0.0, "exp(" + x[off + i] + ")");
            } else {
                assertTrue(Math.abs(y[i] - e) <= Math.ulp(e), "exp(" + x[off + i] + ") = " + y[i] + ", StrictMath "
                        + e + ": more than 1 ulp apart");
            }
        }
    }

    /**
     * The vector exp on runs whose every lane takes the polynomial path (|x| <= 708: no lane
     * falls back to Math.exp): dense arguments across the whole range, its two ends, near the
     * rounding points of k = x / ln 2 (half-integers times ln 2) and tiny ones.
     */
    @Test
    void vectorExpIsWithinOneUlpOnItsPolynomialPath() {
        KernelProvider v = vector();
        Random r = new Random(11);
        int n = 200_000;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            switch (i % 5) {
                case 0: x[i] = (r.nextDouble() * 2 - 1) * 708; break;
                case 1: x[i] = (r.nextDouble() * 2 - 1) * 2; break;
                case 2: x[i] = (Math.floor(r.nextDouble() * 2000 - 1000) + 0.5) * Math.log(2) * (1 + (r.nextDouble() - 0.5) * 1e-12); break;
                case 3: x[i] = (r.nextDouble() * 2 - 1) * 1e-9; break;
                default: x[i] = r.nextBoolean() ? 708.0 - r.nextDouble() * 1e-3 : -708.0 + r.nextDouble() * 1e-3;
            }
            x[i] = Math.max(-708, Math.min(708, x[i]));
        }
        x[0] = 708;
        x[1] = -708;
        x[2] = 0.0;
        x[3] = -0.0;
        double[] y = new double[n];
        v.unary(Op1.EXP, x, 0, y, 0, n);
        assertWithinOneUlpOfStrictMath(x, 0, y, n);
        assertEquals(1.0, y[2], 0.0);
        assertEquals(1.0, y[3], 0.0);
        // each element's bits depend on its argument alone: the same values one place later
        // (other lanes, other tail) and one by one give the same results
        double[] shifted = new double[n + 1];
        System.arraycopy(x, 0, shifted, 1, n);
        shifted[0] = Double.NaN;
        double[] y2 = new double[n + 1];
        v.unary(Op1.EXP, shifted, 0, y2, 0, n + 1);
        assertArrayEquals(y, java.util.Arrays.copyOfRange(y2, 1, n + 1));
        for (int i = 0; i < 100; i++) {
            double[] one = new double[1];
            v.unary(Op1.EXP, x, i, one, 0, 1);
            assertEquals(Double.doubleToLongBits(y[i]), Double.doubleToLongBits(one[0]), "x=" + x[i]);
        }
    }

    /** NumPy's argmax/argmin, written out: the first NaN, else the first extreme by {@code >}/{@code <}. */
    private static int referenceArg(double[] x, int off, int n, boolean max) {
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(x[off + i])) {
                return i;
            }
        }
        int best = 0;
        for (int i = 1; i < n; i++) {
            if (max ? x[off + i] > x[off + best] : x[off + i] < x[off + best]) {
                best = i;
            }
        }
        return best;
    }

    /**
     * argmax/argmin in both providers and precisions against the written-out rule, on data full
     * of ties (small integers, 0.0 beside -0.0) and with NaNs at chosen places, for every length
     * up to several vectors at both ends of a run.
     */
    @Test
    void argExtremumIsTheFirstExtremeOrFirstNaN() {
        List<KernelProvider> providers = new ArrayList<>(List.of(new ScalarKernels()));
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            providers.add(vector());
        }
        Random r = new Random(3);
        for (int n = 1; n < 200; n++) {
            for (int kind = 0; kind < 4; kind++) {
                int off = r.nextInt(3);
                double[] a = new double[off + n];
                for (int i = 0; i < a.length; i++) {
                    a[i] = kind == 0 ? r.nextGaussian() : kind == 1 ? r.nextInt(5) - 2 : (r.nextBoolean() ? 0.0 : -0.0);
                }
                if (kind == 3) {
                    a[off + r.nextInt(n)] = Double.NaN;
                    a[off + r.nextInt(n)] = Double.NaN;
                }
                float[] f = floats(a);
                for (boolean max : new boolean[] {false, true}) {
                    int expected = referenceArg(a, off, n, max);
                    for (KernelProvider p : providers) {
                        String what = p.name() + " max=" + max + " kind=" + kind + " n=" + n;
                        assertEquals(expected, p.argExtremum(a, off, n, max), what);
                        assertEquals(expected, p.argExtremum(f, off, n, max), what + " float");
                    }
                }
            }
        }
    }

    /**
     * Across the vector kernel's 2048-element blocks: the first block with the strictly best
     * value wins, ties in later blocks (and 0.0 against -0.0) lose, a NaN in a later block wins,
     * and offsets shift the blocks, in both precisions.
     */
    @Test
    void argExtremumAcrossBlocks() {
        KernelProvider v = vector();
        int n = 2048 * 5 + 100;
        double[] d = new double[n];
        java.util.Arrays.fill(d, 1.0);
        d[2048 + 5] = 3; // first maximum, in the second block
        d[2048 * 3 + 7] = 3; // a tie, later
        d[17] = -2;
        d[n - 1] = -2;
        for (float[] f : new float[][] {floats(d)}) {
            assertEquals(2048 + 5, v.argExtremum(f, 0, n, true));
            assertEquals(17, v.argExtremum(f, 0, n, false));
            assertEquals(2048 + 4, v.argExtremum(f, 1, n - 1, true));
        }
        assertEquals(2048 + 5, v.argExtremum(d, 0, n, true));
        assertEquals(17, v.argExtremum(d, 0, n, false));
        assertEquals(2048 + 4, v.argExtremum(d, 1, n - 1, true));
        assertEquals(n - 19, v.argExtremum(d, 18, n - 18, false)); // the later -2 once the first is cut off
        double[] z = new double[n];
        java.util.Arrays.fill(z, -0.0);
        z[2048 * 2 + 3] = 0.0; // equal to -0.0: the first element stays the maximum
        assertEquals(0, v.argExtremum(z, 0, n, true));
        assertEquals(0, v.argExtremum(z, 0, n, false));
        d[2048 * 4 + 50] = Double.NaN;
        d[2048 * 4 + 60] = Double.NaN;
        assertEquals(2048 * 4 + 50, v.argExtremum(d, 0, n, true));
        assertEquals(2048 * 4 + 50, v.argExtremum(floats(d), 0, n, false));
    }

    /** Axis-0 strips: the vector provider's L-column blocks give the scalar tree's bits per column. */
    @Test
    void sumColumnsBlockMatchesScalarBitForBit() {
        KernelProvider v = vector();
        KernelProvider s = new ScalarKernels();
        Random r = new Random(5);
        for (int rows : new int[] {1, 15, 16, 17, 31, 32, 100, Pairwise.BLOCK}) {
            for (int cols : new int[] {1, 3, 4, 7, 8, 9, 17, 33}) {
                int stride = cols + r.nextInt(3);
                double[] x = data(r, 2 + rows * stride, true);
                double[] d1 = new double[cols];
                double[] d2 = new double[cols];
                v.sumColumnsBlock(x, 2, stride, rows, cols, d1, 0);
                s.sumColumnsBlock(x, 2, stride, rows, cols, d2, 0);
                assertArrayEquals(d2, d1, "rows=" + rows + " cols=" + cols);
            }
        }
    }

    /**
     * CSR SpMV rows of every length from 0 to a few vectors (so both the gather loop and the
     * scalar remainder run), over a sub-range of rows, in both providers and both precisions,
     * against a plain sum in long arithmetic on small integers, which is exact in float and double.
     */
    @Test
    void spmvCsrRowsAreExactOnIntegersInBothProviders() {
        List<KernelProvider> providers = new ArrayList<>(List.of(new ScalarKernels()));
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            providers.add(vector());
            System.setProperty("strix.spmv.gather", "true"); // the opt-in gather kernel, read at construction
            try {
                providers.add(vector());
            } finally {
                System.clearProperty("strix.spmv.gather");
            }
        }
        Random r = new Random(7);
        int rows = 40;
        int cols = 50;
        int[] ip = new int[rows + 1];
        for (int i = 0; i < rows; i++) {
            ip[i + 1] = ip[i] + i % 20;
        }
        int nnz = ip[rows];
        int[] ix = new int[nnz];
        double[] v = new double[nnz];
        for (int k = 0; k < nnz; k++) {
            ix[k] = r.nextInt(cols);
            v[k] = r.nextInt(21) - 10;
        }
        double[] x = new double[cols];
        for (int j = 0; j < cols; j++) {
            x[j] = r.nextInt(21) - 10;
        }
        double[] expected = new double[rows];
        java.util.Arrays.fill(expected, -99);
        for (int i = 3; i < rows - 2; i++) {
            long sum = 0;
            for (int k = ip[i]; k < ip[i + 1]; k++) {
                sum += (long) v[k] * (long) x[ix[k]];
            }
            expected[i] = sum;
        }
        float[] expectedF = floats(expected);
        for (KernelProvider p : providers) {
            double[] y = new double[rows];
            java.util.Arrays.fill(y, -99);
            p.spmvCsr(ip, ix, v, x, y, 3, rows - 2);
            assertArrayEquals(expected, y, p.name());
            float[] yf = new float[rows];
            java.util.Arrays.fill(yf, -99);
            p.spmvCsr(ip, ix, floats(v), floats(x), yf, 3, rows - 2);
            assertArrayEquals(expectedF, yf, p.name() + " float");
        }
    }

    @Test
    void parallelismLimitMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> Parallel.setParallelism(-1));
    }
}
