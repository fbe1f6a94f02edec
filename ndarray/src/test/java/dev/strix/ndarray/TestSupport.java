package dev.strix.ndarray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.function.Executable;

/** Small helpers shared by the ndarray tests; expected values never come from the code under test. */
final class TestSupport {
    private TestSupport() {
    }

    /** float64 0, 1, 2, ... in the given shape, built with a plain loop. */
    static NdArray seq(int... shape) {
        int n = 1;
        for (int s : shape) {
            n *= s;
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = i;
        }
        return NdArray.wrap(v, shape);
    }

    /** int64 0, 1, 2, ... in the given shape. */
    static NdArray seqLong(int... shape) {
        int n = 1;
        for (int s : shape) {
            n *= s;
        }
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = i;
        }
        return NdArray.wrap(v, shape);
    }

    static NdArray m(double[][] rows) {
        return Nd.of(rows);
    }

    static void assertShape(NdArray a, int... shape) {
        assertEquals(Arrays.toString(shape), Arrays.toString(a.shape()), "shape of " + a);
    }

    static void assertValues(NdArray a, double... expected) {
        double[] got = a.toDoubleArray();
        assertEquals(expected.length, got.length, () -> "size of " + a);
        for (int i = 0; i < got.length; i++) {
            double e = expected[i];
            double g = got[i];
            boolean same = (Double.isNaN(e) && Double.isNaN(g)) || e == g;
            int k = i;
            assertTrue(same, () -> "element " + k + ": expected " + e + " but got " + g + " in " + a);
        }
    }

    static void assertClose(double expected, double actual, double tol) {
        assertTrue(Math.abs(expected - actual) <= tol,
                () -> "expected " + expected + " +- " + tol + " but got " + actual);
    }

    /** Asserts the exception type and that its message contains every fragment. */
    static <T extends Throwable> T assertThrowsWith(Class<T> type, Executable body, String... fragments) {
        T e = assertThrows(type, body);
        String msg = e.getMessage();
        for (String f : fragments) {
            assertTrue(msg != null && msg.contains(f), () -> "message \"" + msg + "\" should contain \"" + f + "\"");
        }
        return e;
    }

    /** Row-major enumeration of every index of a shape. */
    static List<int[]> indices(int[] shape) {
        List<int[]> out = new ArrayList<>();
        long n = 1;
        for (int s : shape) {
            n *= s;
        }
        if (n == 0) {
            return out;
        }
        int[] idx = new int[shape.length];
        for (long f = 0; f < n; f++) {
            out.add(idx.clone());
            for (int d = shape.length - 1; d >= 0; d--) {
                if (++idx[d] < shape[d]) {
                    break;
                }
                idx[d] = 0;
            }
        }
        return out;
    }

    /** Python's slice semantics, written out independently: the positions a[start:stop:step] visits. */
    static List<Integer> sliceIndices(Integer start, Integer stop, int step, int n) {
        List<Integer> out = new ArrayList<>();
        if (step > 0) {
            int s = start == null ? 0 : start < 0 ? Math.max(0, start + n) : Math.min(start, n);
            int e = stop == null ? n : stop < 0 ? Math.max(0, stop + n) : Math.min(stop, n);
            for (int i = s; i < e; i += step) {
                out.add(i);
            }
        } else {
            int s = start == null ? n - 1 : start < 0 ? Math.max(start + n, -1) : Math.min(start, n - 1);
            int e = stop == null ? -1 : stop < 0 ? Math.max(stop + n, -1) : Math.min(stop, n - 1);
            for (int i = s; i > e; i += step) {
                out.add(i);
            }
        }
        return out;
    }

    static int product(int[] shape) {
        int n = 1;
        for (int s : shape) {
            n *= s;
        }
        return n;
    }
}
