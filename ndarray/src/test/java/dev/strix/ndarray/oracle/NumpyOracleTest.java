package dev.strix.ndarray.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strix.ndarray.DType;
import dev.strix.ndarray.Nd;
import dev.strix.ndarray.NdArray;
import dev.strix.ndarray.ShapeMismatchException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Differential tests against NumPy: one dynamic test per committed oracle case, named by the case
 * id. {@code oracle/index.json} lists the cases from the shared generator (make_cases.py) and
 * {@code oracle/extra/index.json} our own extra cases; see {@code oracle/README.md}.
 */
class NumpyOracleTest {

    @TestFactory
    Stream<DynamicTest> generatorCases() {
        return cases("index.json");
    }

    @TestFactory
    Stream<DynamicTest> extraCases() {
        return cases("extra/index.json");
    }

    private static Stream<DynamicTest> cases(String index) {
        List<OracleCases.Entry> entries = OracleCases.index(index);
        return entries.stream()
                .filter(e -> !e.category().equals("npy"))
                .map(e -> DynamicTest.dynamicTest(e.id(), () -> check(OracleCases.read(e.file()))));
    }

    /**
     * Cases where Strix deliberately differs from NumPy: the case stays, and the test asserts the
     * documented Strix behaviour instead. Each entry says why.
     */
    private static final Map<String, Consumer<JsonNode>> DEVIATIONS = Map.of(
            // NumPy raises IndexError when index arrays do not broadcast together; Strix reports every
            // broadcast failure as ShapeMismatchException (an IllegalArgumentException naming both shapes).
            "extra/getitem_019", c -> assertThrows(ShapeMismatchException.class, () -> new StrixOps(c).run("getitem")),
            // NumPy accumulates a float32 mean in float32, so 1e38 + 3e38 + ... overflows to inf. Strix
            // accumulates float32 reductions in float64 and rounds the result once to float32: finite.
            "extra/mean_000", c -> {
                NdArray x = new StrixOps(c).in("x");
                NdArray r = x.mean();
                assertEquals(DType.FLOAT32, r.dtype());
                double m = x.astype(DType.FLOAT64).mean().item();
                assertEquals((float) m, (float) r.item(), "float32 mean computed in float64");
                assertTrue(Double.isFinite(r.item()));
            },
            // var/std with ddof >= n: NumPy divides by max(n - ddof, 0) and returns inf (with a "Degrees of
            // freedom <= 0" RuntimeWarning). Strix returns NaN: the estimate is undefined, not infinite.
            "extra/var_011", StrixDeviations::undefinedVariance,
            "extra/var_012", StrixDeviations::undefinedVariance,
            // Arithmetic on bools counts them in Strix (bool + bool is int64, True + True == 2), a
            // documented choice in Elementwise.computeType; NumPy's bool + bool is a logical or.
            "extra/add_017", c -> {
                NdArray r = new StrixOps(c).run("add").get("out");
                assertEquals(Nd.ofLongs(2, 1), r);
            });

    static void check(JsonNode c) {
        String id = c.get("id").asText();
        String op = c.get("op").asText();
        Consumer<JsonNode> deviation = DEVIATIONS.get(id);
        if (deviation != null) {
            deviation.accept(c);
            return;
        }
        JsonNode error = c.get("error");
        StrixOps ops = new StrixOps(c);
        if (error != null && !error.isNull()) {
            OracleErrors.assertThrowsLike(id, error, () -> ops.run(op));
            return;
        }
        Map<String, NdArray> actual;
        try {
            actual = ops.run(op);
        } catch (RuntimeException e) {
            throw new AssertionError(id + ": NumPy returns a result but Strix threw " + e, e);
        }
        JsonNode expected = c.get("expected");
        assertEquals(names(expected), String.join(",", actual.keySet()), id + ": output names");
        JsonNode outDtype = c.get("params").get("out_dtype");
        if (outDtype != null && actual.containsKey("out")) {
            assertEquals(outDtype.asText(), actual.get("out").dtype().numpyName(), id + ": exact result dtype");
        }
        for (Map.Entry<String, NdArray> e : actual.entrySet()) {
            OracleAssert.assertMatches(id + " output '" + e.getKey() + "'", expected.get(e.getKey()), e.getValue(),
                    OracleAssert.toleranceFor(c, e.getKey()));
        }
    }

    private static String names(JsonNode expected) {
        StringBuilder sb = new StringBuilder();
        expected.fieldNames().forEachRemaining(n -> sb.append(sb.length() == 0 ? "" : ",").append(n));
        return sb.toString();
    }

    /** Helpers for {@link #DEVIATIONS}. */
    static final class StrixDeviations {
        private StrixDeviations() {
        }

        static void undefinedVariance(JsonNode c) {
            NdArray r = new StrixOps(c).run("var").get("out");
            NdArray expected = OracleCases.decode(c.get("expected").get("out"));
            assertEquals(DType.FLOAT64, r.dtype());
            assertEquals(Nd.full(Double.NaN, expected.shape()), r, "Strix: var with ddof >= n is NaN");
        }
    }
}
