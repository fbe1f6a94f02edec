package dev.strix.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strix.ndarray.NdArray;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Reads the golden JSON written by make_goldens.py and compares within tolerances. */
final class Golden {
    private static JsonNode root;

    static synchronized JsonNode root() {
        if (root == null) {
            try (InputStream in = Golden.class.getResourceAsStream("/golden/statsmodels_goldens.json")) {
                root = new ObjectMapper().readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return root;
    }

    static NdArray array(JsonNode a) {
        JsonNode sh = a.get("shape");
        int[] shape = new int[sh.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = sh.get(i).asInt();
        }
        JsonNode d = a.get("data");
        double[] v = new double[d.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = num(d.get(i));
        }
        return NdArray.wrap(v, shape);
    }

    /** A number, or Python's text for a non-finite one ({@code nan}, {@code inf}, {@code -inf}). */
    static double num(JsonNode n) {
        if (!n.isTextual()) {
            return n.asDouble();
        }
        return switch (n.asText()) {
            case "nan" -> Double.NaN;
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(n.asText());
        };
    }

    static List<String> strings(JsonNode a) {
        List<String> s = new ArrayList<>();
        a.forEach(e -> s.add(e.asText()));
        return s;
    }

    static void close(String what, double expected, double actual, double rtol, double atol) {
        if (Double.isNaN(expected) && Double.isNaN(actual)) {
            return;
        }
        if (!(Math.abs(actual - expected) <= atol + rtol * Math.abs(expected))) {
            fail(what + ": expected " + expected + " got " + actual + " (rtol " + rtol + ", atol " + atol + ")");
        }
    }

    static void close(String what, NdArray expected, NdArray actual, double rtol, double atol) {
        double[] e = expected.toDoubleArray();
        double[] a = actual.toDoubleArray();
        assertEquals(e.length, a.length, what + ": size");
        for (int i = 0; i < e.length; i++) {
            close(what + "[" + i + "]", e[i], a[i], rtol, atol);
        }
    }
}
