package dev.strix.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strix.ndarray.NdArray;
import dev.strix.ndarray.io.Csv;
import dev.strix.ndarray.io.CsvTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Formula fits predicting on new tables against statsmodels 0.13.5's {@code results.predict(new_df)}
 * and {@code get_prediction(new_df).summary_frame(alpha)} (golden "formula_predictions"). The new
 * tables (golden/diabetes_new.csv, golden/formula_new.csv) have their columns in another order, no
 * response, and only some of the fitted levels, so the design must come from the fit, not the table.
 */
class FormulaPredictTest {
    static final CsvTable DIABETES = ModelsGolden.table("/diabetes.csv");
    static final CsvTable DATA = ModelsGolden.table("/golden/formula_data.csv");
    static final CsvTable DIABETES_NEW = ModelsGolden.table("/golden/diabetes_new.csv");
    static final CsvTable DATA_NEW = ModelsGolden.table("/golden/formula_new.csv");

    static Stream<JsonNode> cases() {
        return StreamSupport.stream(ModelsGolden.root().get("formula_predictions").spliterator(), false);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesStatsmodels(JsonNode c) {
        String kind = c.get("kind").asText();
        String f = c.get("formula").asText();
        boolean diabetes = c.get("dataset").asText().equals("diabetes");
        CsvTable t = diabetes ? DIABETES : DATA;
        CsvTable nt = diabetes ? DIABETES_NEW : DATA_NEW;
        NdArray expected = Golden.array(c.get("predict"));
        switch (kind) {
            case "ols" -> {
                LinearFit r = Ols.fit(f, t);
                assertEquals(Golden.strings(c.get("names")), r.names(), f);
                Golden.close(f + " predict", expected, r.predict(nt), 1e-10, 1e-10);
                for (double alpha : new double[] {0.05, 0.1}) {
                    assertFrame(f + " alpha " + alpha + " ", c.get(alpha == 0.05 ? "frame_0.05" : "frame_0.1"),
                            r.predict(nt, alpha));
                }
                // the robust copy keeps the formula
                Golden.close(f + " robust predict", expected, r.robust(CovType.HC3).predict(nt), 1e-10, 1e-10);
            }
            case "logit", "poisson" -> {
                GlmFit r = kind.equals("logit") ? Glm.logistic(f, t) : Glm.poisson(f, t);
                assertEquals(Golden.strings(c.get("names")), r.names(), f);
                Golden.close(f + " predict", expected, r.predict(nt), 1e-7, 1e-12);
            }
            default -> {
                MNLogitFit r = MNLogit.fit(f, t);
                assertEquals(Golden.strings(c.get("names")), r.names(), f);
                NdArray proba = r.predictProba(nt);
                Golden.close(f + " predictProba", expected, proba, 1e-7, 1e-12);
                List<Object> best = r.predict(nt);
                double[] pr = expected.toDoubleArray();
                int k = r.classes().size();
                for (int i = 0; i < best.size(); i++) {
                    int arg = 0;
                    for (int j = 1; j < k; j++) {
                        arg = pr[i * k + j] > pr[i * k + arg] ? j : arg;
                    }
                    assertEquals(r.classes().get(arg), best.get(i), f + " row " + i);
                }
            }
        }
    }

    static Stream<JsonNode> robustCases() {
        return StreamSupport.stream(ModelsGolden.root().get("robust_predictions").spliterator(), false);
    }

    /** Under a robust covariance: its mean standard errors, normal quantiles (golden "robust_predictions"). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("robustCases")
    void robustFitsPredictWithTheirCovariance(JsonNode c) {
        String f = c.get("formula").asText();
        boolean diabetes = c.get("dataset").asText().equals("diabetes");
        LinearFit r = Ols.fit(f, diabetes ? DIABETES : DATA).robust(CovType.valueOf(c.get("cov").asText()));
        CsvTable nt = diabetes ? DIABETES_NEW : DATA_NEW;
        for (double alpha : new double[] {0.05, 0.1}) {
            assertFrame(f + " " + r.covType() + " alpha " + alpha + " ",
                    c.get(alpha == 0.05 ? "frame_0.05" : "frame_0.1"), r.predict(nt, alpha));
        }
    }

    /**
     * A prediction against statsmodels' summary_frame: 1e-10 on the means, 1e-9 on the standard
     * errors, and for bounds near 0 (mean - q se cancels) 1e-8 absolute, the quantile's accuracy.
     */
    static void assertFrame(String w, JsonNode frame, Prediction p) {
        Golden.close(w + "mean", Golden.array(frame.get("mean")), p.mean(), 1e-10, 1e-10);
        Golden.close(w + "mean_se", Golden.array(frame.get("mean_se")), p.meanSe(), 1e-9, 1e-12);
        Golden.close(w + "mean_ci_lower", Golden.array(frame.get("mean_ci_lower")), p.meanCiLower(), 1e-9, 1e-8);
        Golden.close(w + "mean_ci_upper", Golden.array(frame.get("mean_ci_upper")), p.meanCiUpper(), 1e-9, 1e-8);
        Golden.close(w + "obs_ci_lower", Golden.array(frame.get("obs_ci_lower")), p.obsCiLower(), 1e-9, 1e-8);
        Golden.close(w + "obs_ci_upper", Golden.array(frame.get("obs_ci_upper")), p.obsCiUpper(), 1e-9, 1e-8);
    }

    @Test
    void theFittedRowsPredictTheFittedValues() {
        LinearFit r = Ols.fit("progression ~ bmi + C(sex) + I(bmi**2)", DIABETES);
        Golden.close("fitted", r.fittedValues(), r.predict(DIABETES), 1e-12, 1e-9);
        assertEquals(r.names(), r.designInfo().names());
        assertEquals(List.of("1", "2"), r.designInfo().levels().get("C(sex)"));
    }

    @Test
    void anUnseenLevelIsAnErrorNamingIt(@TempDir Path dir) throws IOException {
        Path p = dir.resolve("new.csv");
        Files.writeString(p, "x,z,w,g,h,k\n0.1,0.2,1.0,a,lo,2\n0.3,0.1,2.0,d,hi,3\n");
        CsvTable nt = Csv.read(p);
        LinearFit r = Ols.fit("y ~ x + C(g) + C(h):z", DATA);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.predict(nt));
        assertTrue(e.getMessage().contains("C(g) has the level 'd' at row 1")
                && e.getMessage().contains("its levels are [a, b, c]"), e.getMessage());
        // a numeric categorical: 4 was not a level of C(k)
        Files.writeString(p, "x,w,k\n0.1,1.0,2\n0.3,2.0,4\n");
        CsvTable nk = Csv.read(p);
        LinearFit rk = Ols.fit("y ~ C(k) + x + np.log(w)", DATA);
        e = assertThrows(IllegalArgumentException.class, () -> rk.predict(nk));
        assertTrue(e.getMessage().contains("C(k) has the level '4' at row 1"), e.getMessage());
        GlmFit g = Glm.poisson("yc ~ x + C(g)", DATA);
        assertThrows(IllegalArgumentException.class, () -> g.predict(nt));
        MNLogitFit m = MNLogit.fit("k3 ~ x + C(g)", DATA);
        assertThrows(IllegalArgumentException.class, () -> m.predictProba(nt));
    }

    @Test
    void aMissingColumnOrATextColumnInArithmeticIsAnError(@TempDir Path dir) throws IOException {
        Path p = dir.resolve("new.csv");
        Files.writeString(p, "x,g,h\n0.1,a,lo\n");
        LinearFit r = Ols.fit("y ~ x + C(g) + C(h):z", DATA);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.predict(Csv.read(p)));
        assertTrue(e.getMessage().contains("no column named 'z'"), e.getMessage());
        Files.writeString(p, "x,z,g,h\nu,0.2,a,lo\n");
        e = assertThrows(IllegalArgumentException.class, () -> r.predict(Csv.read(p)));
        assertTrue(e.getMessage().contains("column 'x' is text"), e.getMessage());
    }

    @Test
    void aMatrixFitHasNoFormula() {
        LinearFit r = Ols.fit(DIABETES.numeric("bmi", "bp"), DIABETES.column("progression"), List.of("bmi", "bp"));
        assertNull(r.designInfo());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> r.predict(DIABETES_NEW));
        assertTrue(e.getMessage().contains("made from a matrix"), e.getMessage());
        GlmFit g = Glm.poisson(DATA.numeric("x"), DATA.column("yc"), List.of("x"));
        assertThrows(IllegalStateException.class, () -> g.predict(DATA_NEW));
        // a matrix GLM fit predicts from the X it was given (the constant is added)
        GlmFit gf = Glm.poisson("yc ~ x", DATA);
        Golden.close("matrix = formula", gf.predict(DATA_NEW), g.predict(DATA_NEW.numeric("x")), 1e-10, 1e-12);
    }
}
