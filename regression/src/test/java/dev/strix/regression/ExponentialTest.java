package dev.strix.regression;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strix.ndarray.NdArray;
import dev.strix.regression.optimise.OptimGoldens;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Owl's exponential regression y = a exp(-lambda x) + c against SciPy's curve_fit (started at the
 * true parameters, tolerances 1e-15) on generated data: decay, growth with a negative a, slow decay.
 */
class ExponentialTest {

    static Stream<JsonNode> cases() {
        return StreamSupport.stream(OptimGoldens.root().get("exponential").spliterator(), false);
    }

    /** Estimates to 1e-7 relative, standard errors (asymptotic, as curve_fit's pcov) to 1e-5, RSS to 1e-10. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesCurveFit(JsonNode c) {
        String name = c.get("name").asText();
        NdArray x = OptimGoldens.array(c.get("x"));
        NdArray y = OptimGoldens.array(c.get("y"));
        NlsFit fit = Regression.exponential(x, y);
        assertTrue(fit.converged(), name + ": " + fit.message());
        OptimGoldens.close(name + " a, lambda, c", OptimGoldens.doubles(c.get("params")), fit.params().toDoubleArray(), 1e-7, 1e-12);
        OptimGoldens.close(name + " bse", OptimGoldens.doubles(c.get("bse")), fit.bse().toDoubleArray(), 1e-5, 0);
        OptimGoldens.close(name + " rss", c.get("rss").asDouble(), fit.rss(), 1e-10, 0);
    }

    @Test
    void badInput() {
        IllegalArgumentException few = assertThrows(IllegalArgumentException.class, () -> Regression.exponential(
                NdArray.wrap(new double[] {1, 1, 2, 2}, 4), NdArray.wrap(new double[] {1, 2, 3, 4}, 4)));
        assertTrue(few.getMessage().contains("2 distinct x values"), few.getMessage());
        IllegalArgumentException len = assertThrows(IllegalArgumentException.class, () -> Regression.exponential(
                NdArray.wrap(new double[] {1, 2, 3, 4}, 4), NdArray.wrap(new double[] {1, 2, 3}, 3)));
        assertTrue(len.getMessage().contains("3 elements"), len.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Regression.exponential(
                NdArray.wrap(new double[] {1, 2, Double.NaN, 4}, 4), NdArray.wrap(new double[] {1, 2, 3, 4}, 4)));
    }
}
