package dev.strix.regression.optimise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Every stop reason provoked, and the argument errors. */
class StopRulesTest {
    static final double[] ROSEN_START = {-1.2, 1};

    @Test
    void gradientTolerance() {
        OptimResult r = Lbfgs.create().gradientTolerance(1e-9).minimise(TestFunctions.ROSENBROCK, ROSEN_START);
        assertEquals(StopReason.GRADIENT_TOLERANCE, r.reason());
        assertTrue(r.converged() && r.gradientNorm() <= 1e-9);
        assertTrue(r.message().contains("gradient norm"), r.message());
    }

    @Test
    void alreadyStationaryAtTheStart() {
        OptimResult r = Lbfgs.create().minimise(TestFunctions.BOOTH, new double[] {1, 3});
        assertEquals(StopReason.GRADIENT_TOLERANCE, r.reason());
        assertEquals(0, r.iterations());
        assertEquals(1, r.evaluations());
    }

    @Test
    void functionTolerance() {
        OptimResult r = GradientDescent.plain().learningRate(1e-3).gradientTolerance(0).functionTolerance(1e-6)
                .minimise(TestFunctions.ROSENBROCK, ROSEN_START);
        assertEquals(StopReason.FUNCTION_TOLERANCE, r.reason(), r.toString());
        assertTrue(r.converged());
    }

    @Test
    void stepTolerance() {
        OptimResult r = GradientDescent.plain().learningRate(1e-3).gradientTolerance(0).stepTolerance(1e-5)
                .minimise(TestFunctions.ROSENBROCK, ROSEN_START);
        assertEquals(StopReason.STEP_TOLERANCE, r.reason(), r.toString());
    }

    @Test
    void maxIterations() {
        OptimResult r = Lbfgs.create().maxIterations(3).minimise(TestFunctions.ROSENBROCK, ROSEN_START);
        assertEquals(StopReason.MAX_ITERATIONS, r.reason());
        assertEquals(3, r.iterations());
        assertFalse(r.converged());
        assertThrows(IllegalStateException.class, r::orElseThrow);
    }

    @Test
    void maxEvaluations() {
        int[] calls = new int[1];
        Objective counted = x -> {
            calls[0]++;
            return TestFunctions.ROSENBROCK.evaluate(x);
        };
        OptimResult r = Lbfgs.create().maxEvaluations(7).minimise(counted, ROSEN_START);
        assertEquals(StopReason.MAX_EVALUATIONS, r.reason());
        assertEquals(7, calls[0]);
        assertEquals(7, r.evaluations());
        // the reported point is a fully evaluated one: f matches x
        assertEquals(TestFunctions.ROSEN.applyAsDouble(r.x()), r.f(), 0);
        OptimResult g = Adam.create().maxEvaluations(4).minimise(TestFunctions.BOOTH, new double[] {0, 0});
        assertEquals(StopReason.MAX_EVALUATIONS, g.reason());
        assertEquals(3, g.iterations());
    }

    /** A gradient of the wrong sign: no step along -g decreases f. */
    @Test
    void lineSearchFailed() {
        Objective wrong = x -> new Evaluation(x[0] * x[0] + x[1] * x[1], new double[] {-2 * x[0], -2 * x[1]});
        OptimResult r = Lbfgs.create().minimise(wrong, new double[] {1, 2});
        assertEquals(StopReason.LINE_SEARCH_FAILED, r.reason(), r.toString());
        assertEquals(5, r.f(), 0); // never moved
    }

    @Test
    void nonFiniteFromDivergingGradientDescent() {
        OptimResult r = GradientDescent.plain().learningRate(0.5).minimise(TestFunctions.ROSENBROCK, ROSEN_START);
        assertEquals(StopReason.NON_FINITE, r.reason(), r.toString());
        assertTrue(Double.isFinite(r.f()), "the reported point is the last finite one");
        assertTrue(r.message().contains("learning rate too large"), r.message());
    }

    @Test
    void nonFiniteAtTheStartAndInTheGradient() {
        OptimResult r = Lbfgs.create().minimise(x -> new Evaluation(Double.NaN, new double[] {1}), new double[] {0});
        assertEquals(StopReason.NON_FINITE, r.reason());
        assertEquals(0, r.iterations());
        Objective badGrad = x -> new Evaluation(x[0] * x[0], new double[] {x[0] > 0.5 ? 2 * x[0] : Double.NaN});
        OptimResult a = Adam.create().learningRate(0.1).minimise(badGrad, new double[] {1});
        assertEquals(StopReason.NON_FINITE, a.reason(), a.toString());
        assertTrue(a.message().contains("gradient[0] = NaN"), a.message());
        // L-BFGS: NaN everywhere except the start, so halving never finds a finite point
        Objective island = x -> x[0] == 3 ? new Evaluation(9, new double[] {6}) : new Evaluation(Double.NaN, new double[] {0});
        OptimResult l = Lbfgs.create().minimise(island, new double[] {3});
        assertEquals(StopReason.NON_FINITE, l.reason(), l.toString());
        assertEquals(3, l.x()[0]);
    }

    @Test
    void callbackStopsAndSeesEachIteration() {
        int[] seen = new int[1];
        OptimResult r = Lbfgs.create().callback(it -> {
            seen[0]++;
            assertEquals(seen[0], it.iteration());
            assertEquals(TestFunctions.ROSEN.applyAsDouble(it.x()), it.value(), 0);
            return it.iteration() < 4;
        }).minimise(TestFunctions.ROSENBROCK, ROSEN_START);
        assertEquals(StopReason.CALLBACK, r.reason());
        assertEquals(4, r.iterations());
        assertEquals(4, seen[0]);
    }

    @Test
    void wrongGradientLengthNamesBothSizes() {
        Objective bad = x -> new Evaluation(0, new double[3]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Lbfgs.create().minimise(bad, new double[] {1, 2}));
        assertTrue(e.getMessage().contains("gradient has 3 elements but x has 2"), e.getMessage());
        IllegalArgumentException g = assertThrows(IllegalArgumentException.class,
                () -> GradientDescent.plain().minimise((x, idx) -> new Evaluation(0, new double[1]), 10, new double[] {1, 2}));
        assertTrue(g.getMessage().contains("gradient has 1 elements but x has 2"), g.getMessage());
    }

    @Test
    void badSettingsAndStarts() {
        assertThrows(IllegalArgumentException.class, () -> Lbfgs.create().memory(0));
        assertThrows(IllegalArgumentException.class, () -> Lbfgs.create().wolfe(0.9, 0.1));
        assertThrows(IllegalArgumentException.class, () -> Lbfgs.create().gradientTolerance(-1));
        assertThrows(IllegalArgumentException.class, () -> Lbfgs.create().maxIterations(0));
        assertThrows(IllegalArgumentException.class, () -> GradientDescent.momentum(1));
        assertThrows(IllegalArgumentException.class, () -> Adam.create().betas(0.9, 1));
        assertThrows(IllegalArgumentException.class, () -> Adam.create().batchSize(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Lbfgs.create().minimise(TestFunctions.BOOTH, new double[] {1, Double.NaN}));
        assertTrue(e.getMessage().contains("x0[1] is NaN"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Lbfgs.create().minimise(TestFunctions.BOOTH, new double[0]));
    }
}
