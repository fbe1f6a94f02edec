package dev.strix.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * GLM predictions with intervals against statsmodels 0.13.5's
 * {@code GLM(...).fit().get_prediction(new).summary_frame(alpha)} and {@code .linpred} (golden
 * "glm_predictions"): Binomial and Poisson formula fits on new rows, one table with holes.
 */
class GlmPredictionTest {
    static final CsvTable DATA = ModelsGolden.table("/golden/formula_data.csv");

    static Stream<JsonNode> cases() {
        return StreamSupport.stream(ModelsGolden.root().get("glm_predictions").spliterator(), false);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesStatsmodels(JsonNode c) {
        String f = c.get("formula").asText();
        GlmFit r = c.get("family").asText().equals("Binomial") ? Glm.logistic(f, DATA) : Glm.poisson(f, DATA);
        Golden.close(f + " cov_params", Golden.array(c.get("cov_params")), r.covParams(), 1e-7, 1e-12);
        CsvTable nt = ModelsGolden.table("/golden/" + c.get("new").asText() + ".csv");
        for (double alpha : new double[] {0.05, 0.1}) {
            JsonNode frame = c.get(alpha == 0.05 ? "frame_0.05" : "frame_0.1");
            GlmPrediction p = r.predict(nt, alpha);
            assertEquals(nt.nrows(), p.mean().size());
            // statsmodels leaves rows with holes out of the frame; Strix has NaN there
            List<Integer> kept = new ArrayList<>();
            for (int i = 0; i < nt.nrows(); i++) {
                if (!Double.isNaN(p.mean().getDouble(i))) {
                    kept.add(i);
                } else {
                    assertTrue(Double.isNaN(p.meanCiUpper().getDouble(i)) && Double.isNaN(p.linearPredictorSe().getDouble(i)));
                }
            }
            String w = f + " alpha " + alpha + " ";
            Golden.close(w + "mean", Golden.array(frame.get("mean")), pick(p.mean(), kept), 1e-7, 1e-12);
            Golden.close(w + "mean_se", Golden.array(frame.get("mean_se")), pick(p.meanSe(), kept), 1e-6, 1e-12);
            Golden.close(w + "mean_ci_lower", Golden.array(frame.get("mean_ci_lower")), pick(p.meanCiLower(), kept),
                    1e-6, 1e-12);
            Golden.close(w + "mean_ci_upper", Golden.array(frame.get("mean_ci_upper")), pick(p.meanCiUpper(), kept),
                    1e-6, 1e-12);
            Golden.close(w + "linpred", Golden.array(c.get("linpred")), pick(p.linearPredictor(), kept), 1e-7, 1e-9);
            Golden.close(w + "linpred_se", Golden.array(c.get("linpred_se")), pick(p.linearPredictorSe(), kept),
                    1e-6, 1e-12);
            assertEquals(alpha, p.alpha());
        }
    }

    private static NdArray pick(NdArray a, List<Integer> rows) {
        double[] v = new double[rows.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.getDouble(rows.get(i));
        }
        return NdArray.wrap(v, v.length);
    }

    @Test
    void intervalsStayInTheResponseRangeAndBracketTheMean() {
        GlmFit logit = Glm.logistic("yb ~ x + z + C(h)", DATA);
        GlmPrediction p = logit.predict(DATA, 0.01);
        GlmFit pois = Glm.poisson("yc ~ x + C(g)", DATA);
        GlmPrediction q = pois.predict(DATA, 0.01);
        for (int i = 0; i < DATA.nrows(); i++) {
            double lo = p.meanCiLower().getDouble(i);
            double hi = p.meanCiUpper().getDouble(i);
            assertTrue(0 < lo && lo < p.mean().getDouble(i) && p.mean().getDouble(i) < hi && hi < 1, "row " + i);
            assertTrue(0 < q.meanCiLower().getDouble(i) && q.meanCiLower().getDouble(i) < q.mean().getDouble(i)
                    && q.mean().getDouble(i) < q.meanCiUpper().getDouble(i), "row " + i);
        }
        // the point predictions agree with predict(table)
        Golden.close("mean", logit.predict(DATA), p.mean(), 0, 0);
    }

    @Test
    void aMatrixFitTakesItsColumnsAndBadInputIsRefused() {
        GlmFit g = Glm.poisson(DATA.numeric("x"), DATA.column("yc"), List.of("x"));
        GlmFit gf = Glm.poisson("yc ~ x", DATA);
        GlmPrediction a = g.predict(DATA.numeric("x"), 0.05);
        GlmPrediction b = gf.predict(DATA, 0.05);
        Golden.close("matrix = formula", b.meanCiUpper(), a.meanCiUpper(), 1e-12, 1e-12);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> g.predict(DATA.numeric("x", "z"), 0.05));
        assertTrue(e.getMessage().contains("expected 1 columns [x], got 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> g.predict(DATA.numeric("x"), 1.5));
        assertTrue(e.getMessage().contains("alpha must be in (0, 1)"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> g.predict(DATA, 0.05));
    }
}
