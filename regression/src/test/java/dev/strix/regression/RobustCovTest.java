package dev.strix.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strix.ndarray.NdArray;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * HC0-HC3 covariances against statsmodels 0.13.5 {@code fit(cov_type=...)} on diabetes (with and
 * without intercept, and WLS): 1e-9 relative on covariances and standard errors (both sides are
 * exact to ~1e-13 here), 1e-7 on p-values and the Wald F's p-value (different special-function libraries).
 */
class RobustCovTest {

    static Stream<JsonNode> cases() {
        return StreamSupport.stream(ModelsGolden.root().get("hc").spliterator(), false);
    }

    static LinearFit fit(JsonNode c) {
        return base(c).robust(CovType.valueOf(c.get("cov_type").asText()));
    }

    static LinearFit base(JsonNode c) {
        NdArray x = Golden.array(c.get("X"));
        List<String> names = Golden.strings(c.get("names"));
        boolean icpt = names.get(0).equals("const");
        Ols.Spec s = icpt ? Ols.model(x.get(":, 1:").copy(), Golden.array(c.get("y"))).names(names.subList(1, names.size()))
                : Ols.model(x, Golden.array(c.get("y"))).names(names).intercept(false);
        if (!c.get("weights").isNull()) {
            s.weights(Golden.array(c.get("weights")));
        }
        return s.yName("progression").fit();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesStatsmodels(JsonNode c) {
        String name = c.get("name").asText();
        LinearFit f = fit(c);
        assertEquals(CovType.valueOf(c.get("cov_type").asText()), f.covType());
        Golden.close(name + " params", Golden.array(c.get("params")), f.params(), 1e-9, 1e-12);
        Golden.close(name + " cov", Golden.array(c.get("cov_params")), f.covParams(), 1e-9, 1e-14);
        Golden.close(name + " bse", Golden.array(c.get("bse")), f.bse(), 1e-9, 1e-12);
        Golden.close(name + " z", Golden.array(c.get("zvalues")), f.tvalues(), 1e-9, 1e-12);
        Golden.close(name + " p", Golden.array(c.get("pvalues")), f.pvalues(), 1e-7, 1e-14);
        Golden.close(name + " ci", Golden.array(c.get("conf_int")), f.confInt(0.05), 1e-9, 1e-12);
        Golden.close(name + " F", Golden.num(c.get("fvalue")), f.fvalue(), 1e-9, 0);
        Golden.close(name + " F p", Golden.num(c.get("f_pvalue")), f.fPvalue(), 1e-7, 1e-300);
        assertEquals(ModelsGolden.stripDate(c.get("summary").asText()),
                ModelsGolden.stripDate(f.summary(0.05, ModelsGolden.WHEN)), name);
        LinearFit back = f.robust(CovType.NONROBUST);
        assertSame(CovType.NONROBUST, back.covType());
        LinearFit plain = base(c);
        Golden.close(name + " back to nonrobust bse", plain.bse(), back.bse(), 0, 0);
        Golden.close(name + " back to nonrobust F", plain.fvalue(), back.fvalue(), 0, 0);
    }
}
