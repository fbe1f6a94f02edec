package dev.strix.ndarray.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strix.ndarray.DType;
import dev.strix.ndarray.NdArray;
import java.util.Arrays;

/**
 * The oracle's comparison rule, implemented once (see {@code oracle/README.md}):
 * <ul>
 *   <li>shapes must match exactly, and so must the dtype class (float / integer / bool);</li>
 *   <li>{@code exact}: element-wise equality, NaN equal to NaN, the sign of zero not checked;</li>
 *   <li>{@code allclose}: {@code |actual - expected| <= atol + rtol * |expected|}, NaN equal to NaN,
 *       infinities must match exactly (sign included);</li>
 *   <li>{@code per_output} overrides the tolerance for one named output.</li>
 * </ul>
 */
final class OracleAssert {
    private OracleAssert() {
    }

    /** The tolerance to use for output {@code name} of a case. */
    static JsonNode toleranceFor(JsonNode caseNode, String name) {
        JsonNode tol = caseNode.get("tolerance");
        JsonNode per = tol.get("per_output");
        if (per != null && per.has(name)) {
            return per.get(name);
        }
        return tol;
    }

    /** Asserts that {@code actual} matches the encoded {@code expected} array within {@code tol}. */
    static void assertMatches(String what, JsonNode expected, NdArray actual, JsonNode tol) {
        if (actual == null) {
            throw new AssertionError(what + ": Strix returned null");
        }
        NdArray exp = OracleCases.decode(expected);
        if (!Arrays.equals(exp.shape(), actual.shape())) {
            throw new AssertionError(what + ": shape " + Arrays.toString(actual.shape()) + " but NumPy gives "
                    + Arrays.toString(exp.shape()));
        }
        String expType = expected.get("dtype").asText();
        DType t = actual.dtype();
        boolean classOk = switch (expType) {
            case "float64" -> t.isFloating();
            case "int64" -> t.isInteger();
            case "bool" -> t == DType.BOOL;
            default -> false;
        };
        if (!classOk) {
            throw new AssertionError(what + ": dtype " + t + " but NumPy's result is " + expType
                    + " (the dtype class must match)");
        }
        String mode = tol.path("mode").asText("exact");
        double rtol = tol.path("rtol").asDouble(0.0);
        double atol = tol.path("atol").asDouble(0.0);
        int n = exp.size();
        if (t == DType.BOOL) {
            boolean[] a = actual.toBooleanArray();
            boolean[] e = exp.toBooleanArray();
            for (int i = 0; i < n; i++) {
                if (a[i] != e[i]) {
                    throw mismatch(what, i, exp.shape(), String.valueOf(a[i]), String.valueOf(e[i]), actual);
                }
            }
            return;
        }
        if (t.isInteger()) {
            long[] a = actual.toLongArray();
            long[] e = exp.toLongArray();
            for (int i = 0; i < n; i++) {
                if (a[i] != e[i]) {
                    throw mismatch(what, i, exp.shape(), String.valueOf(a[i]), String.valueOf(e[i]), actual);
                }
            }
            return;
        }
        double[] a = actual.toDoubleArray();
        double[] e = exp.toDoubleArray();
        boolean exact = mode.equals("exact");
        for (int i = 0; i < n; i++) {
            if (!close(a[i], e[i], exact, rtol, atol)) {
                throw mismatch(what, i, exp.shape(), repr(a[i]), repr(e[i]) + " (" + mode + " rtol " + rtol
                        + " atol " + atol + ")", actual);
            }
        }
    }

    static boolean close(double a, double e, boolean exact, double rtol, double atol) {
        if (Double.isNaN(e) || Double.isNaN(a)) {
            return Double.isNaN(e) && Double.isNaN(a);
        }
        if (Double.isInfinite(e) || Double.isInfinite(a)) {
            return a == e;
        }
        if (exact) {
            return a == e;
        }
        return Math.abs(a - e) <= atol + rtol * Math.abs(e);
    }

    private static String repr(double v) {
        return Double.toString(v);
    }

    private static AssertionError mismatch(String what, int flat, int[] shape, String got, String want, NdArray actual) {
        int[] idx = new int[shape.length];
        int r = flat;
        for (int d = shape.length - 1; d >= 0; d--) {
            if (shape[d] > 0) {
                idx[d] = r % shape[d];
                r /= shape[d];
            }
        }
        String full = actual.size() <= 64 ? "\nStrix: " + Arrays.toString(actual.toDoubleArray()) : "";
        return new AssertionError(what + ": element " + Arrays.toString(idx) + " is " + got + ", NumPy gives " + want + full);
    }
}
