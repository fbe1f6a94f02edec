package dev.strix.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strix.ndarray.NdArray;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Reads the NumPy/SciPy cases in src/test/resources/oracle (see its README) and compares within their tolerance. */
final class Golden {
    private Golden() {
    }

    record Case(String id, String op, JsonNode params, JsonNode inputs, JsonNode expected, String error,
                JsonNode tolerance, String note) {
        NdArray in(String name) {
            return array(inputs.get(name));
        }

        NdArray out(String name) {
            return array(expected.get(name));
        }

        double[] outImag(String name) {
            JsonNode im = expected.get(name).get("imag");
            double[] v = new double[im.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = num(im.get(i));
            }
            return v;
        }

        double rtol(String output) {
            JsonNode po = tolerance.get("per_output");
            JsonNode t = po != null && po.has(output) ? po.get(output) : tolerance;
            return t.get("rtol").asDouble();
        }

        double atol(String output) {
            JsonNode po = tolerance.get("per_output");
            JsonNode t = po != null && po.has(output) ? po.get(output) : tolerance;
            return t.get("atol").asDouble();
        }

        String param(String name) {
            JsonNode p = params.get(name);
            return p == null || p.isNull() ? null : p.asText();
        }

        /** Asserts that {@code actual} matches expected output {@code name} within the case's tolerance. */
        void check(String name, NdArray actual) {
            assertClose(out(name), actual, rtol(name), atol(name), id + " output " + name);
        }

        void check(String name, double actual) {
            NdArray e = out(name);
            assertClose(e.reshape(), dev.strix.ndarray.Nd.scalar(actual), rtol(name), atol(name), id + " output " + name);
        }

        @Override
        public String toString() {
            return id + (note == null ? "" : " (" + note + ")");
        }
    }

    static List<Case> load(String resource) {
        try (InputStream in = Golden.class.getResourceAsStream("/oracle/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource oracle/" + resource);
            }
            JsonNode root = new ObjectMapper().readTree(in);
            List<Case> cases = new ArrayList<>();
            for (JsonNode c : root.get("cases")) {
                cases.add(new Case(c.get("id").asText(), c.get("op").asText(), c.get("params"), c.get("inputs"),
                        c.get("expected").isNull() ? null : c.get("expected"),
                        c.get("error").isNull() ? null : c.get("error").get("type").asText(),
                        c.get("tolerance"), c.has("note") ? c.get("note").asText() : null));
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double num(JsonNode v) {
        return v.isTextual() ? Double.parseDouble(v.asText()) : v.asDouble();
    }

    static NdArray array(JsonNode a) {
        JsonNode shapeNode = a.get("shape");
        int[] shape = new int[shapeNode.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = shapeNode.get(i).asInt();
        }
        JsonNode data = a.get("data");
        if (a.get("dtype").asText().equals("int64")) {
            long[] v = new long[data.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = data.get(i).asLong();
            }
            return NdArray.wrap(v, shape);
        }
        double[] v = new double[data.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = num(data.get(i));
        }
        return NdArray.wrap(v, shape);
    }

    /** |actual - expected| <= atol + rtol |expected| element-wise; NaN matches NaN; infinities exactly. */
    static void assertClose(NdArray expected, NdArray actual, double rtol, double atol, Object context) {
        assertArrayEquals(expected.shape(), actual.shape(), () -> "shape of " + context);
        double[] e = expected.toDoubleArray();
        double[] g = actual.toDoubleArray();
        for (int i = 0; i < e.length; i++) {
            if (!close(e[i], g[i], rtol, atol)) {
                int k = i;
                fail("element " + k + " of " + context + ": expected " + e[k] + " got " + g[k]
                        + " (rtol " + rtol + ", atol " + atol + ")");
            }
        }
    }

    static void assertClose(double expected, double actual, double rtol, double atol, Object context) {
        assertTrue(close(expected, actual, rtol, atol),
                () -> context + ": expected " + expected + " got " + actual + " (rtol " + rtol + ", atol " + atol + ")");
    }

    static boolean close(double e, double g, double rtol, double atol) {
        if (Double.isNaN(e) || Double.isNaN(g)) {
            return Double.isNaN(e) && Double.isNaN(g);
        }
        if (Double.isInfinite(e) || Double.isInfinite(g)) {
            return e == g;
        }
        return Math.abs(g - e) <= atol + rtol * Math.abs(e);
    }
}
