package dev.strix.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strix.ndarray.NdArray;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * GlmFit.summary() against statsmodels 0.13.5: {@code Logit(...).fit().summary()} for logistic
 * regression (diabetes, wine) and {@code GLM(..., Poisson()).fit().summary()} (diabetes), text line
 * by line except the Date and Time values; llnull and the pseudo R-squared to 1e-9.
 */
class GlmSummaryTest {

    static Stream<JsonNode> cases() {
        return StreamSupport.stream(ModelsGolden.root().get("glm_summaries").spliterator(), false);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesStatsmodels(JsonNode c) {
        String name = c.get("name").asText();
        NdArray x = Golden.array(c.get("X")).get(":, 1:").copy();
        NdArray y = Golden.array(c.get("y"));
        List<String> names = Golden.strings(c.get("names"));
        boolean logit = c.get("family").asText().equals("logit");
        GlmFit f = logit ? Glm.logistic(x, y, names.subList(1, names.size()))
                : Glm.poisson(x, y, names.subList(1, names.size()));
        Golden.close(name + " params", Golden.array(c.get("params")), f.params(), 1e-6, 1e-12);
        Golden.close(name + " bse", Golden.array(c.get("bse")), f.bse(), 1e-6, 1e-12);
        Golden.close(name + " llnull", Golden.num(c.get("llnull")), f.llnull(), 1e-9, 0);
        if (logit) {
            Golden.close(name + " prsquared", Golden.num(c.get("prsquared")), f.prsquared(), 1e-9, 0);
            Golden.close(name + " llr p", Golden.num(c.get("llr_pvalue")), f.llrPvalue(), 1e-6, 1e-300);
            Golden.close(name + " bic", Golden.num(c.get("bic")), f.bic(), 1e-9, 0);
        } else {
            Golden.close(name + " cs", Golden.num(c.get("pseudo_rsquared_cs")), f.prsquaredCoxSnell(), 1e-9, 0);
        }
        assertEquals(ModelsGolden.stripDate(c.get("summary").asText()),
                ModelsGolden.stripDate(f.summary(0.05, ModelsGolden.WHEN)), name);
    }
}
