package dev.strix.stats;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strix.ndarray.NdArray;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Hypothesis tests against SciPy 1.10 through the shared oracle's "stattest" cases
 * (src/test/resources/oracle/stattest, from shared/oracle/make_cases.py --seed 1 --only stattest),
 * with each case's own tolerance (statistic 1e-10, p 1e-7 relative). linregress is skipped here:
 * least squares lives in the regression module, which has its own statsmodels and NIST goldens.
 */
class HypothesisOracleTest {

    @TestFactory
    Stream<DynamicTest> stattestCases() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String file : index()) {
            JsonNode c = read(file);
            tests.add(DynamicTest.dynamicTest(c.get("id").asText() + " " + c.get("params"), () -> check(c)));
        }
        return tests.stream();
    }

    private static void check(JsonNode c) {
        String op = c.get("op").asText();
        JsonNode p = c.get("params");
        JsonNode in = c.get("inputs");
        Alternative alt = p.has("alternative")
                ? Alternative.valueOf(p.get("alternative").asText().toUpperCase(Locale.ROOT).replace('-', '_'))
                : Alternative.TWO_SIDED;
        PValueMethod method = !p.has("method") ? PValueMethod.AUTO : switch (p.get("method").asText()) {
            case "exact" -> PValueMethod.EXACT;
            case "asymp", "asymptotic", "approx" -> PValueMethod.ASYMPTOTIC;
            default -> PValueMethod.AUTO;
        };
        double stat;
        double pv;
        switch (op) {
            case "ttest_1samp" -> {
                TestResult r = Hypothesis.tTest(arr(in, "x"), p.get("popmean").asDouble(), alt);
                stat = r.statistic();
                pv = r.pValue();
            }
            case "ttest_ind" -> {
                TestResult r = p.get("equal_var").asBoolean()
                        ? Hypothesis.pooledTTest(arr(in, "x"), arr(in, "y"), alt)
                        : Hypothesis.welchTTest(arr(in, "x"), arr(in, "y"), alt);
                stat = r.statistic();
                pv = r.pValue();
            }
            case "ttest_rel" -> {
                TestResult r = Hypothesis.pairedTTest(arr(in, "x"), arr(in, "y"), alt);
                stat = r.statistic();
                pv = r.pValue();
            }
            case "ks_2samp" -> {
                TestResult r = Hypothesis.ksTest(arr(in, "x"), arr(in, "y"), alt, method);
                stat = r.statistic();
                pv = r.pValue();
            }
            case "mannwhitneyu" -> {
                TestResult r = Hypothesis.mannWhitneyU(arr(in, "x"), arr(in, "y"), alt, method);
                stat = r.statistic();
                pv = r.pValue();
            }
            case "wilcoxon" -> {
                TestResult r = Hypothesis.wilcoxon(arr(in, "x"), alt, method);
                stat = r.statistic();
                pv = r.pValue();
            }
            case "chisquare" -> {
                TestResult r = in.has("f_exp") ? Hypothesis.chiSquare(arr(in, "f_obs"), arr(in, "f_exp"))
                        : Hypothesis.chiSquare(arr(in, "f_obs"));
                stat = r.statistic();
                pv = r.pValue();
            }
            case "f_oneway" -> {
                List<NdArray> groups = new ArrayList<>();
                for (int i = 0; in.has("g" + i); i++) {
                    groups.add(arr(in, "g" + i));
                }
                AnovaTable t = Hypothesis.anova(groups.toArray(NdArray[]::new));
                stat = t.f();
                pv = t.pValue();
            }
            case "pearsonr", "spearmanr", "kendalltau" -> {
                NdArray x = arr(in, "x");
                NdArray y = arr(in, "y");
                TestResult r = op.equals("pearsonr") ? Hypothesis.pearsonTest(x, y, alt)
                        : op.equals("spearmanr") ? Hypothesis.spearmanTest(x, y, alt)
                        : Hypothesis.kendallTest(x, y, alt, method);
                stat = r.statistic();
                pv = r.pValue();
            }
            case "shapiro" -> {
                TestResult r = Hypothesis.shapiroWilk(arr(in, "x"));
                stat = r.statistic();
                pv = r.pValue();
            }
            default -> {
                org.junit.jupiter.api.Assumptions.abort(op + " is not a strix-stats function (see the regression module)");
                return;
            }
        }
        JsonNode tol = c.get("tolerance");
        JsonNode per = tol.get("per_output");
        JsonNode ts = per != null && per.has("statistic") ? per.get("statistic") : tol;
        JsonNode tp = per != null && per.has("pvalue") ? per.get("pvalue") : tol;
        double es = Golden.num(c.get("expected").get("statistic").get("data").get(0));
        Golden.assertClose(es, stat, ts.get("rtol").asDouble(), ts.get("atol").asDouble(), c.get("id") + " statistic");
        double ep = Golden.num(c.get("expected").get("pvalue").get("data").get(0));
        Golden.assertClose(ep, pv, tp.get("rtol").asDouble(), tp.get("atol").asDouble(), c.get("id") + " p-value");
    }

    private static NdArray arr(JsonNode inputs, String name) {
        return Golden.array(inputs.get(name));
    }

    private static List<String> index() throws IOException {
        try (InputStream in = HypothesisOracleTest.class.getResourceAsStream("/oracle/stattest/INDEX")) {
            assertTrue(in != null, "missing oracle/stattest/INDEX");
            List<String> files = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String l = r.readLine(); l != null; l = r.readLine()) {
                    if (!l.isBlank()) {
                        files.add(l.trim());
                    }
                }
            }
            return files;
        }
    }

    private static JsonNode read(String file) throws IOException {
        try (InputStream in = HypothesisOracleTest.class.getResourceAsStream("/oracle/stattest/" + file)) {
            return new ObjectMapper().readTree(in);
        }
    }
}
