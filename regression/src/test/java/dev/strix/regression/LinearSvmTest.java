package dev.strix.regression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * Against scikit-learn 1.2.1's LinearSVC (liblinear, tol 1e-10, max_iter 1e6) on 150 generated
 * points labelled 2 and 5; the generator also checked each answer against SciPy minimising the
 * same primal objective.
 */
class LinearSvmTest {
    static final JsonNode SVM = OptimGoldens.root().get("svm");
    static final NdArray X = OptimGoldens.array(SVM.get("X"));
    static final NdArray Y = OptimGoldens.array(SVM.get("y"));

    static Stream<JsonNode> cases() {
        return StreamSupport.stream(SVM.get("cases").spliterator(), false);
    }

    /**
     * Coefficients to 1e-6 relative (1e-8 absolute): the squared hinge is solved to gradient norm
     * 1e-10, which bounds the error by 1e-10 (1-strong convexity); the hinge dual to a projected
     * gradient spread of 1e-10, as liblinear was.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesLinearSvc(JsonNode c) {
        String name = c.get("loss").asText() + " C=" + c.get("C").asDouble() + " s=" + c.get("intercept_scaling").asDouble();
        LinearSvm spec = c.get("loss").asText().equals("hinge") ? LinearSvm.hinge(c.get("C").asDouble())
                : LinearSvm.squaredHinge(c.get("C").asDouble());
        LinearSvmFit fit = spec.interceptScaling(c.get("intercept_scaling").asDouble()).tolerance(1e-10)
                .maxIterations(1_000_000).fit(X, Y);
        assertTrue(fit.converged(), name + ": " + fit.message());
        OptimGoldens.close(name + " coef", OptimGoldens.doubles(c.get("coef")), fit.coef().toDoubleArray(), 1e-6, 1e-8);
        OptimGoldens.close(name + " intercept", c.get("intercept").asDouble(), fit.intercept(), 1e-6, 1e-8);
        OptimGoldens.close(name + " objective", c.get("objective").asDouble(), fit.objective(), 1e-9, 0);
        NdArray xt = OptimGoldens.array(c.get("X_test"));
        OptimGoldens.close(name + " decision", OptimGoldens.doubles(c.get("decision_test")),
                fit.decisionFunction(xt).toDoubleArray(), 1e-6, 1e-8);
        assertArrayEquals(OptimGoldens.doubles(c.get("predict_test")), fit.predict(xt).toDoubleArray(), 0, name);
        assertEquals(c.get("score_train").asDouble(), fit.score(X, Y), 0, name);
        assertArrayEquals(new double[] {2, 5}, fit.classes());
    }

    @Test
    void defaultsAreLinearSvcDefaults() {
        // LinearSVC() is squared hinge, C = 1, intercept scaling 1: the first golden case
        JsonNode c = SVM.get("cases").get(0);
        LinearSvmFit fit = LinearSvm.squaredHinge(1).fit(X, Y);
        OptimGoldens.close("default coef", OptimGoldens.doubles(c.get("coef")), fit.coef().toDoubleArray(), 1e-6, 1e-7);
    }

    @Test
    void withoutInterceptTheDecisionPassesThroughZero() {
        LinearSvmFit fit = LinearSvm.hinge(1).fitIntercept(false).fit(X, Y);
        assertEquals(0, fit.intercept());
        assertEquals(0, fit.decisionFunction(NdArray.wrap(new double[] {0, 0, 0}, 1, 3)).item());
    }

    @Test
    void badInput() {
        NdArray x = NdArray.wrap(new double[] {1, 2, 3, 4, 5, 6}, 3, 2);
        IllegalArgumentException one = assertThrows(IllegalArgumentException.class,
                () -> LinearSvm.hinge(1).fit(x, NdArray.wrap(new double[] {1, 1, 1}, 3)));
        assertTrue(one.getMessage().contains("1 distinct value [1.0]"), one.getMessage());
        IllegalArgumentException three = assertThrows(IllegalArgumentException.class,
                () -> LinearSvm.hinge(1).fit(x, NdArray.wrap(new double[] {1, 2, 3}, 3)));
        assertTrue(three.getMessage().contains("exactly two classes"), three.getMessage());
        IllegalArgumentException len = assertThrows(IllegalArgumentException.class,
                () -> LinearSvm.hinge(1).fit(x, NdArray.wrap(new double[] {1, 2}, 2)));
        assertTrue(len.getMessage().contains("2 elements but X has 3 rows"), len.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> LinearSvm.hinge(1).fit(NdArray.wrap(new double[] {1, 2, Double.NaN, 4, 5, 6}, 3, 2),
                        NdArray.wrap(new double[] {1, 2, 1}, 3)));
        assertTrue(nan.getMessage().contains("X[1, 0] is NaN"), nan.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LinearSvm.hinge(1).fit(x, NdArray.wrap(new double[] {1, Double.NaN, 2}, 3)));
        assertThrows(IllegalArgumentException.class, () -> LinearSvm.squaredHinge(0));
        LinearSvmFit fit = LinearSvm.hinge(1).fit(x, NdArray.wrap(new double[] {0, 1, 1}, 3));
        IllegalArgumentException cols = assertThrows(IllegalArgumentException.class,
                () -> fit.predict(NdArray.wrap(new double[] {1, 2, 3}, 1, 3)));
        assertTrue(cols.getMessage().contains("3 columns but the model was fitted on 2"), cols.getMessage());
    }
}
