package dev.strix.ndarray.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strix.ndarray.internal.KernelProvider.Op1;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The vector provider's own elementary functions ({@link Op1#ownPolynomial}) against exact
 * values: {@code reference/elementary.txt.gz} holds, for 3000 arguments a function, the value to
 * 200 bits as the nearest double and the rest in its ulps (see its README). Runs at the width the JVM was started with;
 * CI runs the kernel modules at 512 and 256 bits.
 */
class VectorMathTest {
    /** The stated bound of every function, in ulps of the exact value. */
    private static final double BOUND_ULPS = 1.0;

    private static final Map<Op1, DoubleUnaryOperator> STRICT = new EnumMap<>(Map.of(
            Op1.EXP, StrictMath::exp, Op1.LOG, StrictMath::log, Op1.EXPM1, StrictMath::expm1,
            Op1.LOG1P, StrictMath::log1p, Op1.TANH, StrictMath::tanh, Op1.SIN, StrictMath::sin, Op1.COS, StrictMath::cos));

    private static KernelProvider vector() {
        Assumptions.assumeTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
                "jdk.incubator.vector is not in this JVM: the vector provider cannot load");
        try {
            return (KernelProvider) Class.forName(KernelSelector.VECTOR_CLASS).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** The reference file's rows by function name: x, hi, rest (pow: x, y, hi, rest). */
    private static Map<String, List<double[]>> referenceRows() throws IOException {
        Map<String, List<double[]>> rows = new java.util.HashMap<>();
        try (InputStream in = VectorMathTest.class.getResourceAsStream("/reference/elementary.txt.gz")) {
            assertTrue(in != null, "the test resource reference/elementary.txt.gz is missing");
            BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.US_ASCII));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(" ");
                double[] values = new double[f.length - 1];
                for (int i = 1; i < f.length; i++) {
                    values[i - 1] = Double.parseDouble(f[i]);
                }
                rows.computeIfAbsent(f[0], k -> new ArrayList<>()).add(values);
            }
        }
        return rows;
    }

    /** The unary functions' rows: x, hi, rest. */
    private static Map<Op1, double[][]> reference() throws IOException {
        Map<Op1, double[][]> out = new EnumMap<>(Op1.class);
        referenceRows().forEach((name, list) -> {
            if (!name.equals("pow")) {
                out.put(Op1.valueOf(name.toUpperCase(java.util.Locale.ROOT)), list.toArray(new double[0][]));
            }
        });
        return out;
    }

    /**
     * |y - exact| in ulps of hi, the exact value being hi + rest * ulp(hi): y - hi is exact when
     * they are close and dividing by a power of two is too, so this is accurate.
     */
    private static double ulpError(double y, double hi, double rest) {
        return Math.abs((y - hi) / Math.ulp(hi) - rest);
    }

    /** The reference file's pow rows: x, y, hi, rest. */
    private static double[][] powReference() throws IOException {
        return referenceRows().getOrDefault("pow", List.of()).toArray(new double[0][]);
    }

    /**
     * pow against exact values (y log x across exp's whole range, x near 1 with large y, small
     * integer exponents, results near the overflow and underflow ends), as contiguous runs, with
     * x or y one value (steps 0), and strided: all within 1 ulp, the strided and one-value forms
     * giving the contiguous bits.
     */
    @Test
    void powIsWithinOneUlpOfTheExactValue() throws IOException {
        KernelProvider v = vector();
        double[][] rows = powReference();
        assertTrue(rows.length >= 1000, "no pow reference values");
        int n = rows.length;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rows[i][0];
            y[i] = rows[i][1];
        }
        double[] z = new double[n];
        v.pow(x, 0, 1, y, 0, 1, z, 0, 1, n);
        double worst = 0;
        int worstAt = 0;
        for (int i = 0; i < n; i++) {
            double e = ulpError(z[i], rows[i][2], rows[i][3]);
            if (!(e <= worst)) {
                worst = e;
                worstAt = i;
            }
        }
        assertTrue(worst <= BOUND_ULPS, "pow(" + x[worstAt] + ", " + y[worstAt] + ") = " + z[worstAt] + " is " + worst
                + " ulp from the exact " + rows[worstAt][2] + " + " + rows[worstAt][3] + " ulp");
        // strided output and inputs (the scalar twin) give the same bits
        double[] xs = new double[2 * n];
        double[] ys = new double[2 * n];
        for (int i = 0; i < n; i++) {
            xs[2 * i] = x[i];
            ys[2 * i] = y[i];
        }
        double[] zs = new double[2 * n];
        v.pow(xs, 0, 2, ys, 0, 2, zs, 0, 2, n);
        for (int i = 0; i < n; i++) {
            assertEquals(Double.doubleToLongBits(z[i]), Double.doubleToLongBits(zs[2 * i]), "strided pow(" + x[i] + ", " + y[i] + ")");
        }
        // one base, many exponents; one exponent, many bases
        for (int at : new int[] {0, 1, n / 2}) {
            double[] one = new double[n];
            double[] want = new double[n];
            double[] xa = new double[n];
            Arrays.fill(xa, x[at]);
            v.pow(x, at, 0, y, 0, 1, one, 0, 1, n);
            v.pow(xa, 0, 1, y, 0, 1, want, 0, 1, n);
            assertArrayEquals(want, one, "x = " + x[at]);
            double[] ya = new double[n];
            Arrays.fill(ya, y[at]);
            v.pow(x, 0, 1, y, at, 0, one, 0, 1, n);
            v.pow(x, 0, 1, ya, 0, 1, want, 0, 1, n);
            assertArrayEquals(want, one, "y = " + y[at]);
        }
    }

    /** pow's special operands give the scalar provider's result (Math.pow, with 1^y = 1): exactly, or within 2 ulp. */
    @Test
    void powSpecialOperandsFollowTheScalarProvider() {
        KernelProvider v = vector();
        KernelProvider s = new ScalarKernels();
        double[] special = {Double.NaN, 0.0, -0.0, 1.0, -1.0, 2.0, -2.0, 0.5, -0.5, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, 3.0, -3.0, 1e-300, 1e300, 1023.5,
            -1074.5, 709.0, 710.0, -745.0};
        int m = special.length;
        double[] x = new double[m * m];
        double[] y = new double[m * m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                x[i * m + j] = special[i];
                y[i * m + j] = special[j];
            }
        }
        double[] zv = new double[x.length];
        double[] zs = new double[x.length];
        v.pow(x, 0, 1, y, 0, 1, zv, 0, 1, x.length);
        s.pow(x, 0, 1, y, 0, 1, zs, 0, 1, x.length);
        for (int i = 0; i < x.length; i++) {
            String what = "pow(" + x[i] + ", " + y[i] + ") = " + zv[i] + ", scalar provider " + zs[i];
            double e = zs[i];
            if (Double.isNaN(e) || Double.isInfinite(e) || e == 0 || Math.abs(e) == 1) {
                assertEquals(Double.doubleToLongBits(e), Double.doubleToLongBits(zv[i]), what);
            } else {
                assertTrue(Math.abs(zv[i] - e) <= 2 * Math.ulp(e), what);
            }
        }
    }

    @Test
    void everyPolynomialIsWithinOneUlpOfTheExactValue() throws IOException {
        KernelProvider v = vector();
        Map<Op1, double[][]> ref = reference();
        for (Op1 op : Op1.values()) {
            if (!op.ownPolynomial()) {
                continue;
            }
            double[][] rows = ref.get(op);
            assertTrue(rows != null && rows.length >= 1000, op + ": no reference values");
            double[] x = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                x[i] = rows[i][0];
            }
            double[] y = new double[x.length];
            v.unary(op, x, 0, y, 0, x.length);
            double worst = 0;
            int worstAt = 0;
            for (int i = 0; i < x.length; i++) {
                double e = ulpError(y[i], rows[i][1], rows[i][2]);
                if (!(e <= worst)) {
                    worst = e;
                    worstAt = i;
                }
            }
            assertTrue(worst <= BOUND_ULPS, op + "(" + x[worstAt] + ") = " + y[worstAt] + " is " + worst
                    + " ulp from the exact " + rows[worstAt][1] + " + " + rows[worstAt][2] + " ulp");
        }
    }

    /**
     * Arguments the polynomials do not take (zeros, subnormals, negatives, infinities, NaN, the
     * range ends) give StrictMath's result: exactly where that is NaN, infinite, zero (its sign
     * too) or +-1, within 1 ulp otherwise.
     */
    @Test
    void specialArgumentsGiveTheLibraryResult() {
        KernelProvider v = vector();
        double[] special = {Double.NaN, -Double.NaN, 0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, Math.nextDown(Double.MIN_NORMAL), 0x1p-1060,
            -1.0, Math.nextUp(-1.0), Math.nextDown(-1.0), 1.0, Math.nextUp(1.0), Math.nextDown(1.0), 708.0,
            Math.nextUp(708.0), -708.0, Math.nextDown(-708.0), 709.78, 709.79, -745.13, -746.0, 22.0,
            Math.nextUp(22.0), -22.0, 0x1p20, Math.nextUp(0x1p20), -0x1p20, Math.nextDown(-0x1p20), 1e300,
            Double.MAX_VALUE, -Double.MAX_VALUE, 1e-300, -1e-300, 0x1p-60};
        for (Op1 op : STRICT.keySet()) {
            // twice over, so that the specials sit in vector lanes as well as in the tail
            double[] x = new double[2 * special.length];
            System.arraycopy(special, 0, x, 0, special.length);
            System.arraycopy(special, 0, x, special.length, special.length);
            double[] y = new double[x.length];
            v.unary(op, x, 0, y, 0, x.length);
            for (int i = 0; i < x.length; i++) {
                double e = STRICT.get(op).applyAsDouble(x[i]);
                String what = op + "(" + x[i] + ") = " + y[i] + ", StrictMath " + e;
                if (Double.isNaN(e) || Double.isInfinite(e) || e == 0 || Math.abs(e) == 1) {
                    assertEquals(Double.doubleToLongBits(e), Double.doubleToLongBits(y[i]), what);
                } else {
                    assertTrue(Math.abs(y[i] - e) <= Math.ulp(e), what);
                }
            }
        }
    }

    /**
     * A result depends on its argument alone, never on its lane, its neighbours or whether it is
     * in the tail: the same arguments one place later (a NaN in front, so the first vector takes
     * the scalar twin) and one at a time give the same bits, as a view must give its copy's.
     */
    @Test
    void resultsDependOnTheArgumentAlone() {
        KernelProvider v = vector();
        Random r = new Random(5);
        int n = 4099;
        for (Op1 op : STRICT.keySet()) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = r.nextInt(50) == 0 ? Double.NaN : (r.nextDouble() * 2 - 1) * (op == Op1.LOG ? 1e3 : 30);
                if (r.nextInt(50) == 0 && (op == Op1.SIN || op == Op1.COS)) {
                    x[i] = 1e7; // past the reduction's range: Math.sin and Math.cos
                }
                if (op == Op1.LOG || op == Op1.LOG1P) {
                    x[i] = Math.abs(x[i]);
                }
            }
            double[] y = new double[n];
            v.unary(op, x, 0, y, 0, n);
            double[] shifted = new double[n + 1];
            System.arraycopy(x, 0, shifted, 1, n);
            shifted[0] = Double.NaN;
            double[] y2 = new double[n + 1];
            v.unary(op, shifted, 0, y2, 0, n + 1);
            assertArrayEquals(y, Arrays.copyOfRange(y2, 1, n + 1), op + " one place later");
            for (int i = 0; i < 200; i++) {
                double[] one = new double[1];
                v.unary(op, x, i, one, 0, 1);
                assertEquals(Double.doubleToLongBits(y[i]), Double.doubleToLongBits(one[0]), op + "(" + x[i] + ") alone");
            }
            // in place, as the out= forms run it
            double[] inPlace = x.clone();
            v.unary(op, inPlace, 0, inPlace, 0, n);
            assertArrayEquals(y, inPlace, op + " in place");
        }
    }

    /** float32 through the float64 polynomials: within 1 float ulp of StrictMath's result rounded to float. */
    @Test
    void float32IsTheFloat64ResultRounded() {
        KernelProvider v = vector();
        for (Op1 op : STRICT.keySet()) {
            Random rnd = new Random(op.ordinal());
            float[] x = new float[3000];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) ((rnd.nextDouble() * 2 - 1) * (op == Op1.EXP || op == Op1.EXPM1 ? 80 : 20));
                if (op == Op1.LOG || op == Op1.LOG1P) {
                    x[i] = Math.abs(x[i]);
                }
            }
            float[] y = new float[x.length];
            v.unary(op, x, 0, y, 0, x.length);
            for (int i = 0; i < x.length; i++) {
                float e = (float) STRICT.get(op).applyAsDouble(x[i]);
                assertTrue(Math.abs(y[i] - e) <= Math.ulp(e), op + "(" + x[i] + "f) = " + y[i] + ", StrictMath rounded " + e);
            }
        }
    }
}
