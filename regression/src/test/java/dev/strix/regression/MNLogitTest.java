package dev.strix.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strix.ndarray.NdArray;
import dev.strix.ndarray.io.CsvTable;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Multinomial logit against statsmodels 0.13.5 MNLogit (Newton, tol 1e-12) on generated data
 * (3 numeric and 4 text classes), wine and diabetes tertiles. Coefficients and standard errors to
 * 1e-6 relative (the bar; both optimisers stop far closer), likelihoods to 1e-9.
 */
class MNLogitTest {

    static Stream<JsonNode> cases() {
        return StreamSupport.stream(ModelsGolden.root().get("mnlogit").spliterator(), false);
    }

    static MNLogitFit fit(JsonNode c) {
        NdArray x = Golden.array(c.get("X")).get(":, 1:").copy();
        List<Object> y = new ArrayList<>();
        c.get("y").forEach(v -> y.add(v.isTextual() ? v.asText() : (Object) v.asInt()));
        List<String> names = Golden.strings(c.get("names"));
        return MNLogit.model(x, y).names(names.subList(1, names.size())).yName(c.get("yname").asText()).fit();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesStatsmodels(JsonNode c) {
        String name = c.get("name").asText();
        MNLogitFit f = fit(c);
        assertTrue(f.converged(), name);
        List<String> labels = new ArrayList<>();
        c.get("labels").forEach(v -> labels.add(v.asText()));
        List<String> got = new ArrayList<>();
        f.classes().forEach(o -> got.add(MNLogit.labelText(o)));
        assertEquals(labels, got, name + " classes");
        Golden.close(name + " params", Golden.array(c.get("params")), f.params(), 1e-6, 1e-10);
        Golden.close(name + " bse", Golden.array(c.get("bse")), f.bse(), 1e-6, 1e-10);
        Golden.close(name + " z", Golden.array(c.get("tvalues")), f.zvalues(), 1e-6, 1e-10);
        Golden.close(name + " p", Golden.array(c.get("pvalues")), f.pvalues(), 1e-5, 1e-12);
        Golden.close(name + " ci", Golden.array(c.get("conf_int")), f.confInt(0.05), 1e-6, 1e-10);
        Golden.close(name + " llf", Golden.num(c.get("llf")), f.llf(), 1e-9, 0);
        // statsmodels fits the null model by Newton; Strix uses the closed form (class frequencies)
        Golden.close(name + " llnull", Golden.num(c.get("llnull")), f.llnull(), 1e-9, 0);
        Golden.close(name + " prsquared", Golden.num(c.get("prsquared")), f.prsquared(), 1e-8, 0);
        Golden.close(name + " llr p", Golden.num(c.get("llr_pvalue")), f.llrPvalue(), 1e-6, 1e-300);
        Golden.close(name + " aic", Golden.num(c.get("aic")), f.aic(), 1e-9, 0);
        Golden.close(name + " bic", Golden.num(c.get("bic")), f.bic(), 1e-9, 0);
        assertEquals(Golden.num(c.get("df_model")), f.dfModel(), name);
        assertEquals(Golden.num(c.get("df_resid")), f.dfResid(), name);
        NdArray x6 = Golden.array(c.get("X")).get(":6, 1:").copy();
        Golden.close(name + " predictProba", Golden.array(c.get("predict")), f.predictProba(x6), 1e-7, 1e-10);
        double[] pr = Golden.array(c.get("predict")).toDoubleArray();
        List<Object> pred = f.predict(x6);
        int kk = labels.size();
        for (int i = 0; i < 6; i++) {
            int best = 0;
            for (int k = 1; k < kk; k++) {
                best = pr[i * kk + k] > pr[i * kk + best] ? k : best;
            }
            assertEquals(labels.get(best), MNLogit.labelText(pred.get(i)), name + " predict " + i);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void summaryMatchesStatsmodels(JsonNode c) {
        assertEquals(ModelsGolden.stripDate(c.get("summary").asText()),
                ModelsGolden.stripDate(fit(c).summary(0.05, ModelsGolden.WHEN)), c.get("name").asText());
    }

    @Test
    void irisSepalsAreSeparated() {
        assertTrue(ModelsGolden.root().get("iris_sepal_separated").asBoolean()); // statsmodels diverges too
        CsvTable iris = ModelsGolden.table("/iris.csv");
        PerfectSeparationException e = assertThrows(PerfectSeparationException.class,
                () -> MNLogit.fit("species ~ sepal_length + sepal_width", iris));
        assertTrue(e.getMessage().contains("perfect separation"), e.getMessage());
    }

    @Test
    void completeSeparation() {
        NdArray x = NdArray.wrap(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 9, 1);
        List<String> y = List.of("a", "a", "a", "b", "b", "b", "c", "c", "c");
        assertThrows(PerfectSeparationException.class, () -> MNLogit.fit(x, y));
    }

    @Test
    void badInput() {
        NdArray x = NdArray.wrap(new double[] {0.3, 1.2, -0.5, 2.2, 0.1, -1.4, 0.8, 1.9}, 8, 1);
        List<Integer> y = List.of(0, 1, 2, 0, 1, 2, 1, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MNLogit.model(x, y).classes(List.of(0, 1, 2, 3)).fit());
        assertTrue(e.getMessage().contains("class 3 has no observations"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> MNLogit.fit(x, List.of(0, 1, 2, 0, 1, 2, 1, 0, 1)));
        assertTrue(e.getMessage().contains("9 labels but X has 8 rows"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> MNLogit.fit(NdArray.wrap(new double[] {1, 2, 3, 4}, 4, 1), List.of(0, 1, 2, 1)));
        assertTrue(e.getMessage().contains("4 observations for 4 parameters"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> MNLogit.fit(x, NdArray.wrap(new double[] {0, 1, 2, 0, Double.NaN, 2, 1, 0}, 8), null));
        assertTrue(e.getMessage().contains("y[4] is NaN"), e.getMessage());
        NdArray xn = NdArray.wrap(new double[] {0.3, 1.2, -0.5, Double.NaN, 0.1, -1.4, 0.8, 1.9}, 8, 1);
        e = assertThrows(IllegalArgumentException.class, () -> MNLogit.fit(xn, y));
        assertTrue(e.getMessage().contains("X[3, 0] is NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MNLogit.fit(x, List.of(1, 1, 1, 1, 1, 1, 1, 1)));
        assertTrue(e.getMessage().contains("at least 2 classes"), e.getMessage());
    }

    @Test
    void twoClassesIsLogistic() {
        // with K = 2 the multinomial logit is the binary logit: same estimates as Glm.logistic
        JsonNode c = Golden.root().get("glm").get(1);
        NdArray x = Golden.array(c.get("X")).get(":, 1:").copy();
        NdArray y = Golden.array(c.get("y"));
        MNLogitFit m = MNLogit.fit(x, y, null);
        GlmFit g = Glm.logistic(x, y);
        // Glm stops on the deviance (1e-12 relative), MNLogit on the Newton step: ~1e-8 apart
        Golden.close("params", g.params(), m.params().reshape(4), 1e-7, 1e-12);
        Golden.close("bse", g.bse(), m.bse().reshape(4), 1e-7, 1e-12);
        assertFalse(m.summary().isEmpty());
    }
}
