package dev.strix.ndarray.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strix.ndarray.NdArray;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the NumPy oracle cases committed under {@code src/test/resources/oracle/} (see the README
 * there) from the classpath, and decodes their array objects into {@link NdArray}s.
 */
final class OracleCases {
    static final String ROOT = "oracle/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private OracleCases() {
    }

    /** One line of an index.json: the case id, its op, and the file relative to {@link #ROOT}. */
    record Entry(String id, String category, String op, String file) {
    }

    /** The entries of {@code oracle/<indexPath>}. */
    static List<Entry> index(String indexPath) {
        JsonNode idx = read(indexPath);
        List<Entry> out = new ArrayList<>();
        for (JsonNode e : idx) {
            out.add(new Entry(e.get("id").asText(), e.get("category").asText(), e.get("op").asText(),
                    e.get("file").asText()));
        }
        return out;
    }

    /** Parses a JSON resource below {@link #ROOT}. */
    static JsonNode read(String relPath) {
        try (InputStream in = stream(relPath)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read oracle resource " + relPath, e);
        }
    }

    static InputStream stream(String relPath) {
        InputStream in = OracleCases.class.getClassLoader().getResourceAsStream(ROOT + relPath);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + ROOT + relPath);
        }
        return in;
    }

    /** Decodes {@code {"dtype", "shape", "data"}} into a contiguous array of that dtype. */
    static NdArray decode(JsonNode arr) {
        String dtype = arr.get("dtype").asText();
        JsonNode shapeNode = arr.get("shape");
        int[] shape = new int[shapeNode.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = shapeNode.get(i).asInt();
        }
        JsonNode data = arr.get("data");
        int n = data.size();
        switch (dtype) {
            case "float64": {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = toDouble(data.get(i));
                }
                return NdArray.wrap(v, shape);
            }
            case "int64": {
                long[] v = new long[n];
                for (int i = 0; i < n; i++) {
                    JsonNode x = data.get(i);
                    if (!x.canConvertToLong()) {
                        throw new IllegalArgumentException("int64 value out of range: " + x);
                    }
                    v[i] = x.longValue();
                }
                return NdArray.wrap(v, shape);
            }
            case "bool": {
                boolean[] v = new boolean[n];
                for (int i = 0; i < n; i++) {
                    v[i] = data.get(i).booleanValue();
                }
                return NdArray.wrap(v, shape);
            }
            default:
                throw new IllegalArgumentException("unsupported oracle dtype " + dtype);
        }
    }

    /** A JSON number, or one of the strings NaN, Infinity, -Infinity. */
    static double toDouble(JsonNode x) {
        return x.isTextual() ? Double.parseDouble(x.asText()) : x.doubleValue();
    }
}
