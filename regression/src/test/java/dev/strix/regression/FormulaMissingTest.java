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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Missing values in formula designs and fits against patsy 0.5.3 / statsmodels 0.13.5 (golden
 * "formula_missing"): golden/formula_missing.csv has NaN responses and covariates, blank category
 * cells and a negative w under np.log, so patsy's NA_action="drop" leaves out different rows for
 * each formula; golden/formula_new_missing.csv has new rows with holes, where statsmodels predicts NaN.
 */
class FormulaMissingTest {
    static final CsvTable DATA = ModelsGolden.table("/golden/formula_missing.csv");
    static final CsvTable NEW = ModelsGolden.table("/golden/formula_new_missing.csv");

    static Stream<JsonNode> designs() {
        return StreamSupport.stream(ModelsGolden.root().get("formula_missing").get("designs").spliterator(), false);
    }

    static Stream<JsonNode> fits() {
        return StreamSupport.stream(ModelsGolden.root().get("formula_missing").get("fits").spliterator(), false);
    }

    private static List<Integer> ints(JsonNode a) {
        List<Integer> out = new ArrayList<>();
        a.forEach(e -> out.add(e.asInt()));
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("designs")
    void dropsTheRowsPatsyDrops(JsonNode c) {
        String f = c.get("formula").asText();
        Formula.Design d = Formula.parse(f).design(DATA);
        assertEquals(ints(c.get("rows")), d.rows(), f + " rows");
        assertEquals(DATA.nrows() - d.rows().size(), d.dropped(DATA), f);
        assertEquals(Golden.strings(c.get("names")), d.names(), f);
        Golden.close(f + " X", Golden.array(c.get("X")), d.x(), 1e-14, 1e-14);
        NdArray y = Golden.array(c.get("y"));
        if (d.y() != null) {
            Golden.close(f + " y", y, d.y(), 1e-14, 0);
        }
        // the same formula refuses the table when asked to
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Formula.parse(f).design(DATA, Formula.Missing.RAISE));
        assertTrue(e.getMessage().contains("is missing at row " + firstGap(ints(c.get("rows")))), e.getMessage());
    }

    /** A fit that left rows out says so first among its warnings. */
    private static void assertDroppedNote(List<String> warnings, int nobs, String f) {
        String want = (DATA.nrows() - nobs) + " of " + DATA.nrows() + " rows were left out for missing values";
        assertTrue(!warnings.isEmpty() && warnings.get(0).startsWith(want), f + ": " + warnings);
    }

    private static NdArray pick(NdArray a, int[] rows) {
        double[] v = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            v[i] = a.getDouble(rows[i]);
        }
        return NdArray.wrap(v, v.length);
    }

    /** The first table row not in {@code rows} (the first one patsy dropped). */
    private static int firstGap(List<Integer> rows) {
        int i = 0;
        while (i < rows.size() && rows.get(i) == i) {
            i++;
        }
        return i;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fits")
    void fitsAndPredictionsMatchStatsmodels(JsonNode c) {
        String kind = c.get("kind").asText();
        String f = c.get("formula").asText();
        NdArray params = Golden.array(c.get("params"));
        NdArray bse = Golden.array(c.get("bse"));
        NdArray predicted = Golden.array(c.get("predict_new"));
        switch (kind) {
            case "ols", "wls" -> {
                LinearFit r = kind.equals("ols") ? Ols.fit(f, DATA) : Wls.fit(f, DATA, Golden.array(c.get("weights")));
                assertEquals(Golden.strings(c.get("names")), r.names(), f);
                assertEquals(Golden.num(c.get("nobs")), r.nobs(), f);
                Golden.close(f + " params", params, r.params(), 1e-10, 1e-12);
                Golden.close(f + " bse", bse, r.bse(), 1e-9, 1e-12);
                Golden.close(f + " llf", Golden.num(c.get("llf")), r.llf(), 1e-10, 0);
                assertDroppedNote(r.warnings(), (int) Golden.num(c.get("nobs")), f);
                if (f.equals("y ~ x + C(g) + np.log(w)")) {
                    assertEquals("5 of 40 rows were left out for missing values (patsy's NA_action='drop'): rows 3, 8, 12,"
                            + " 17, 20", r.warnings().get(0));
                }
                Golden.close(f + " predict", predicted, r.predict(NEW), 1e-10, 1e-10);
                // statsmodels' get_prediction(new).summary_frame() leaves the rows with holes out (its
                // predict() reindexes them to NaN); Strix keeps every row, NaN where predict is NaN
                JsonNode frame = c.get("frame_0.05");
                Prediction p = r.predict(NEW, 0.05);
                double[] pred = predicted.toDoubleArray();
                List<Integer> complete = new ArrayList<>();
                for (int i = 0; i < pred.length; i++) {
                    if (Double.isNaN(pred[i])) {
                        assertTrue(Double.isNaN(p.meanSe().getDouble(i)) && Double.isNaN(p.obsCiLower().getDouble(i)),
                                f + " row " + i);
                    } else {
                        complete.add(i);
                    }
                }
                int[] keep = complete.stream().mapToInt(Integer::intValue).toArray();
                Golden.close(f + " mean_se", Golden.array(frame.get("mean_se")), pick(p.meanSe(), keep), 1e-9, 1e-12);
                Golden.close(f + " obs_ci_upper", Golden.array(frame.get("obs_ci_upper")), pick(p.obsCiUpper(), keep),
                        1e-9, 1e-8);
            }
            case "logit", "poisson" -> {
                GlmFit r = kind.equals("logit") ? Glm.logistic(f, DATA) : Glm.poisson(f, DATA);
                assertEquals(Golden.strings(c.get("names")), r.names(), f);
                assertEquals(Golden.num(c.get("nobs")), r.nobs(), f);
                Golden.close(f + " params", params, r.params(), 1e-8, 1e-10);
                Golden.close(f + " bse", bse, r.bse(), 1e-7, 1e-10);
                Golden.close(f + " predict", predicted, r.predict(NEW), 1e-7, 1e-12);
                assertDroppedNote(r.warnings(), r.nobs(), f);
            }
            default -> {
                MNLogitFit r = MNLogit.fit(f, DATA);
                assertEquals(Golden.strings(c.get("names")), r.names(), f);
                assertEquals(Golden.num(c.get("nobs")), r.nobs(), f);
                Golden.close(f + " params", params, r.params(), 1e-8, 1e-10);
                Golden.close(f + " bse", bse, r.bse(), 1e-7, 1e-10);
                Golden.close(f + " predictProba", predicted, r.predictProba(NEW), 1e-7, 1e-12);
                assertDroppedNote(r.warnings(), r.nobs(), f);
                List<Object> best = r.predict(NEW);
                assertEquals(NEW.nrows(), best.size());
                double[] pr = predicted.toDoubleArray();
                int k = r.classes().size();
                for (int i = 0; i < best.size(); i++) {
                    if (Double.isNaN(pr[i * k])) {
                        assertNull(best.get(i), f + " row " + i);
                    } else {
                        assertTrue(best.get(i) != null, f + " row " + i);
                    }
                }
            }
        }
    }

    @Test
    void missingTokensInTextColumnsAndTheDefaultTokensOfTheReader(@TempDir Path dir) throws IOException {
        Path p = dir.resolve("t.csv");
        Files.writeString(p, "y,x,g\n1.0,0.5,a\n2.0,1.5,NA\n3.5,2.0,b\n4.0,,a\n5.5,3.0,b\n6.0,4.5,null\n");
        CsvTable t = Csv.read(p);
        assertTrue(t.isMissing("g", 1) && t.isMissing("g", 5) && !t.isMissing("g", 0));
        assertTrue(t.isMissing("x", 3) && !t.isMissing("x", 0));
        Formula.Design d = Formula.parse("y ~ x + C(g)").design(t);
        assertEquals(List.of(0, 2, 4), d.rows());
        assertEquals(List.of("a", "b"), d.info().levels().get("C(g)"));
        // a text response: its missing rows go too
        Files.writeString(p, "g,x\na,1\n,2\nb,3\nb,4\na,5\n");
        CsvTable tt = Csv.read(p);
        Formula.Design dt = Formula.parse("g ~ x").design(tt);
        assertEquals(List.of("a", "b", "b", "a"), dt.yText());
        assertEquals(List.of(0, 2, 3, 4), dt.rows());
    }

    @Test
    void aLevelSeenOnlyInDroppedRowsStaysALevelAsInPatsy(@TempDir Path dir) throws IOException {
        Path p = dir.resolve("t.csv");
        // 'c' appears only in a row whose x is missing: patsy finds the levels before dropping rows
        Files.writeString(p, "y,x,g\n1,0.5,a\n2,1.5,b\n3,,c\n4,2.5,a\n5,3.5,b\n");
        Formula.Design d = Formula.parse("y ~ x + C(g)").design(Csv.read(p));
        assertEquals(List.of("Intercept", "C(g)[T.b]", "C(g)[T.c]", "x"), d.names());
        assertEquals(4, d.rows().size());
    }

    @Test
    void infinitiesAreErrorsAndAnAllMissingTableIsRefused(@TempDir Path dir) throws IOException {
        Path p = dir.resolve("t.csv");
        Files.writeString(p, "y,x\n1,0.5\n2,inf\n3,2\n");
        CsvTable t = Csv.read(p);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Formula.parse("y ~ x").design(t));
        assertTrue(e.getMessage().contains("column 'x' is Infinity at row 1"), e.getMessage());
        // a transform's infinity: log(0)
        Files.writeString(p, "y,x\n1,0.5\n2,0\n3,2\n");
        CsvTable t0 = Csv.read(p);
        e = assertThrows(IllegalArgumentException.class, () -> Ols.fit("y ~ np.log(x)", t0));
        assertTrue(e.getMessage().contains("np.log(x) is -Infinity at row 1"), e.getMessage());
        // an infinity in a row dropped for another hole is gone with it (statsmodels checks after patsy)
        Files.writeString(p, "y,x\n1,0.5\n,inf\n3,2\n4,1\n");
        assertEquals(List.of(0, 2, 3), Formula.parse("y ~ x").design(Csv.read(p)).rows());
        Files.writeString(p, "y,x\n1,\n,2\n");
        CsvTable none = Csv.read(p);
        e = assertThrows(IllegalArgumentException.class, () -> Formula.parse("y ~ x").design(none));
        assertTrue(e.getMessage().contains("every one of the 2 rows has a missing value"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Formula.parse("y ~ x").design(none, null));
    }

    @Test
    void raiseNamesTheFirstRowAndFactorAndCountsTheHoles() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Formula.parse("y ~ x + C(g)").design(DATA, Formula.Missing.RAISE));
        assertTrue(e.getMessage().contains("column 'y' is missing at row 3 (4 of 40 rows have a missing value)"),
                e.getMessage());
    }

    @Test
    void strictDesignOfNewRowsStillRefusesHoles() {
        LinearFit r = Ols.fit("y ~ x + C(g) + np.log(w)", DATA);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.designInfo().x(NEW));
        assertTrue(e.getMessage().contains("missing at row 2"), e.getMessage());
        Formula.Design d = r.designInfo().design(NEW);
        assertEquals(NEW.nrows() - 2, d.rows().size()); // x at row 2, g at row 5
        assertNull(d.y());
    }

    @Test
    void wlsWeightsMustMatchTheTableWhenRowsAreDropped() {
        NdArray shortWeights = NdArray.wrap(new double[] {1, 2, 3}, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Wls.fit("y ~ x", DATA, shortWeights));
        assertTrue(e.getMessage().contains("weights have shape [3], the table has 40 rows"), e.getMessage());
    }
}
