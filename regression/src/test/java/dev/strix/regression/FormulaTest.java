package dev.strix.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strix.ndarray.NdArray;
import dev.strix.ndarray.io.CsvTable;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Design matrices and column names against patsy 0.5.3 (golden/models_goldens.json, data in
 * golden/formula_data.csv): names exactly, values to 1e-12 relative (transcendental functions of
 * java.lang.Math and NumPy differ in the last bit).
 */
class FormulaTest {
    static final CsvTable DATA = ModelsGolden.table("/golden/formula_data.csv");

    static Stream<JsonNode> designs() {
        return StreamSupport.stream(ModelsGolden.root().get("designs").spliterator(), false);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("designs")
    void matchesPatsy(JsonNode c) {
        String f = c.get("formula").asText();
        Formula.Design d = Formula.parse(f).design(DATA);
        assertEquals(Golden.strings(c.get("names")), d.names(), f);
        assertEquals(c.get("yname").asText(), d.yName(), f);
        Golden.close(f + " X", Golden.array(c.get("X")), d.x(), 1e-12, 1e-14);
        Golden.close(f + " y", Golden.array(c.get("y")), d.y(), 1e-12, 1e-14);
    }

    @Test
    void caretIsPowerInsideI() {
        Formula.Design a = Formula.parse("y ~ I(x^2) + I(2^x)").design(DATA);
        Formula.Design b = Formula.parse("y ~ I(x**2) + I(2**x)").design(DATA);
        assertEquals(List.of("Intercept", "I(x ^ 2)", "I(2 ^ x)"), a.names());
        Golden.close("x^2", b.x(), a.x(), 0, 0);
    }

    @Test
    void parseErrorsPointAtTheProblem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Formula.parse("y ~ x + * z"));
        assertEquals("Formula.parse: expected a term but found '*' at position 8 in\n  y ~ x + * z\n          ^",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Formula.parse("y ~ np.log(x"));
        assertTrue(e.getMessage().contains("unbalanced '('"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Formula.parse("y ~ x ~ z"));
        assertTrue(e.getMessage().contains("a second '~' at position 6"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Formula.parse("y ~ x + $"));
        assertTrue(e.getMessage().contains("unexpected character '$' at position 8"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Formula.parse("y ~ foo(x)"));
        assertTrue(e.getMessage().contains("unknown function 'foo'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Formula.parse("y ~ x + 2"));
        assertTrue(e.getMessage().contains("must be 0 or 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Formula.parse("y ~ 1:x"));
        assertTrue(e.getMessage().contains("intercept"), e.getMessage());
    }

    @Test
    void unknownColumnListsTheColumns() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Formula.parse("y ~ x + bmx").design(DATA));
        assertTrue(e.getMessage().contains("no column named 'bmx'; columns are [x, z, w, g, h, k, y, yc, yb, k3]"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Formula.parse("y ~ I(g * 2)").design(DATA));
        assertTrue(e.getMessage().contains("column 'g' is text"), e.getMessage());
        // log of a negative z is NaN: missing, so the row is dropped (patsy), or an error on request
        Formula.Design logs = Formula.parse("y ~ np.log(z)").design(DATA);
        double[] z = DATA.column("z").toDoubleArray();
        for (int i = 0, r = 0; i < z.length; i++) {
            assertEquals(z[i] > 0, r < logs.rows().size() && logs.rows().get(r) == i, "row " + i);
            r += z[i] > 0 ? 1 : 0;
        }
        e = assertThrows(IllegalArgumentException.class,
                () -> Formula.parse("y ~ np.log(z)").design(DATA, Formula.Missing.RAISE));
        assertTrue(e.getMessage().contains("np.log(z) is missing at row"), e.getMessage());
    }

    @Test
    void textColumnAloneIsCategorical() {
        Formula.Design d = Formula.parse("y ~ g").design(DATA);
        assertEquals(List.of("Intercept", "g[T.b]", "g[T.c]"), d.names());
        NdArray c = Formula.parse("y ~ C(g)").design(DATA).x();
        Golden.close("g", c, d.x(), 0, 0);
        Formula f = Formula.parse("y ~ x*z - 1");
        assertEquals("y", f.response());
        assertEquals(List.of("x", "z", "x:z"), f.terms());
        assertTrue(!f.hasIntercept());
    }
}
