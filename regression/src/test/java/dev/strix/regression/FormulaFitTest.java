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
 * Formula fits against statsmodels' formula API (smf.ols, smf.logit, smf.glm Poisson,
 * smf.mnlogit) on diabetes and the generated formula data: names, estimates (1e-6 relative,
 * 1e-9 for OLS) and the summary text except Date and Time.
 */
class FormulaFitTest {
    static final CsvTable DIABETES = ModelsGolden.table("/diabetes.csv");
    static final CsvTable DATA = ModelsGolden.table("/golden/formula_data.csv");

    static Stream<JsonNode> cases() {
        return StreamSupport.stream(ModelsGolden.root().get("formula_fits").spliterator(), false);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesStatsmodels(JsonNode c) {
        String kind = c.get("kind").asText();
        String f = c.get("formula").asText();
        CsvTable t = c.get("dataset").asText().equals("diabetes") ? DIABETES : DATA;
        List<String> names;
        NdArray params;
        NdArray bse;
        String summary;
        switch (kind) {
            case "ols" -> {
                LinearFit r = Ols.fit(f, t);
                names = r.names();
                params = r.params();
                bse = r.bse();
                summary = r.summary(0.05, ModelsGolden.WHEN);
            }
            case "logit", "poisson" -> {
                GlmFit r = kind.equals("logit") ? Glm.logistic(f, t) : Glm.poisson(f, t);
                names = r.names();
                params = r.params();
                bse = r.bse();
                summary = r.summary(0.05, ModelsGolden.WHEN);
            }
            default -> {
                MNLogitFit r = MNLogit.fit(f, t);
                names = r.names();
                params = r.params();
                bse = r.bse();
                summary = r.summary(0.05, ModelsGolden.WHEN);
            }
        }
        double rtol = kind.equals("ols") ? 1e-9 : 1e-6;
        assertEquals(Golden.strings(c.get("names")), names, f);
        Golden.close(f + " params", Golden.array(c.get("params")), params, rtol, 1e-12);
        Golden.close(f + " bse", Golden.array(c.get("bse")), bse, rtol, 1e-12);
        assertEquals(ModelsGolden.stripDate(c.get("summary").asText()), ModelsGolden.stripDate(summary), f);
    }

    @Test
    void wlsFormulaEqualsWlsOnTheDesign() {
        NdArray w = DIABETES.column("age").div(50.0).add(1.0);
        LinearFit a = Wls.fit("progression ~ bmi + bp", DIABETES, w);
        LinearFit b = Wls.fit(DIABETES.numeric("bmi", "bp"), DIABETES.column("progression"), w, List.of("bmi", "bp"));
        assertEquals(List.of("Intercept", "bmi", "bp"), a.names());
        assertEquals("WLS", a.model());
        Golden.close("params", b.params(), a.params(), 0, 0);
        Golden.close("bse", b.bse(), a.bse(), 0, 0);
    }

    @Test
    void responseMustBeThere() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ols.fit("~ bmi", DIABETES));
        assertTrue(e.getMessage().contains("needs a numeric response"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ols.fit("progression ~ bmi + weight", DIABETES));
        assertTrue(e.getMessage().contains("no column named 'weight'; columns are [age, sex, bmi"), e.getMessage());
    }
}
