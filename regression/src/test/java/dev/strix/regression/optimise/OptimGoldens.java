package dev.strix.regression.optimise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strix.ndarray.NdArray;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads golden/optim_goldens.json, written by regression/oracle/optim_goldens.py (SciPy, scikit-learn, statsmodels). */
public final class OptimGoldens {
    private static JsonNode root;

    private OptimGoldens() {}

    public static synchronized JsonNode root() {
        if (root == null) {
            try (InputStream in = OptimGoldens.class.getResourceAsStream("/golden/optim_goldens.json")) {
                root = new ObjectMapper().readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return root;
    }

    public static double[] doubles(JsonNode a) {
        JsonNode d = a.has("data") ? a.get("data") : a;
        double[] v = new double[d.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = d.get(i).asDouble();
        }
        return v;
    }

    public static NdArray array(JsonNode a) {
        if (!a.has("shape")) {
            double[] v = doubles(a);
            return NdArray.wrap(v, v.length);
        }
        JsonNode sh = a.get("shape");
        int[] shape = new int[sh.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = sh.get(i).asInt();
        }
        return NdArray.wrap(doubles(a), shape);
    }

    public static double[][] matrix(JsonNode a) {
        return array(a).toDoubleMatrix();
    }

    /** Asserts |actual - expected| <= atol + rtol |expected| elementwise, naming the element. */
    public static void close(String what, double[] expected, double[] actual, double rtol, double atol) {
        if (expected.length != actual.length) {
            throw new AssertionError(what + ": " + expected.length + " expected values, " + actual.length + " actual");
        }
        for (int i = 0; i < expected.length; i++) {
            close(what + "[" + i + "]", expected[i], actual[i], rtol, atol);
        }
    }

    public static void close(String what, double expected, double actual, double rtol, double atol) {
        if (!(Math.abs(actual - expected) <= atol + rtol * Math.abs(expected))) {
            throw new AssertionError(what + ": expected " + expected + " got " + actual + " (diff "
                    + Math.abs(actual - expected) + ", rtol " + rtol + ", atol " + atol + ")");
        }
    }
}
