package dev.strix.regression.optimise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strix.ndarray.NdArray;
import dev.strix.regression.Glm;
import dev.strix.regression.LinearFit;
import dev.strix.regression.Ols;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Gradient descent and Adam: the update formulas step by step, then convergence on convex problems. */
class FirstOrderTest {
    /** f = |x|^2 / 2, gradient x: every update is easy to write by hand. */
    static final Objective HALF_SQUARE = x -> {
        double f = 0;
        for (double v : x) {
            f += 0.5 * v * v;
        }
        return new Evaluation(f, x.clone());
    };

    static double[] run(FirstOrder<?> opt, int steps, double... x0) {
        OptimResult r = opt.gradientTolerance(0).maxIterations(steps).minimise(HALF_SQUARE, x0);
        assertEquals(StopReason.MAX_ITERATIONS, r.reason());
        assertEquals(steps, r.iterations());
        return r.x();
    }

    @Test
    void updateFormulas() {
        // plain: x1 = x0 - a g0 = 1 - 0.1
        assertEquals(0.9, run(GradientDescent.plain().learningRate(0.1), 1, 1)[0], 1e-16);
        // momentum: b1 = 1, x1 = 0.9; b2 = 0.9 * 1 + 0.9 = 1.8, x2 = 0.9 - 0.18
        assertEquals(0.72, run(GradientDescent.momentum(0.9).learningRate(0.1), 2, 1)[0], 1e-15);
        // Nesterov: x1 = 1 - 0.1 (1 + 0.9) = 0.81; b2 = 0.9 + 0.81 = 1.71; x2 = 0.81 - 0.1 (0.81 + 0.9 * 1.71)
        assertEquals(0.5751, run(GradientDescent.nesterov(0.9).learningRate(0.1), 2, 1)[0], 1e-15);
        // Adam, first step: bias correction makes it a * g / (|g| + eps), i.e. a per coordinate
        double[] x1 = run(Adam.create().learningRate(0.1), 1, 1, -3);
        assertEquals(1 - 0.1 / (1 + 1e-8), x1[0], 1e-16);
        assertEquals(-3 + 0.1 * 3 / (3 + 1e-8), x1[1], 1e-15);
        // Adam, second step from x1 = 0.9 (up to 1e-9), g1 = x1
        double g0 = 1;
        double xa = 1 - 0.1 * g0 / (g0 + 1e-8);
        double m = 0.9 * 0.1 * g0 + 0.1 * xa;
        double v = 0.999 * 0.001 * g0 * g0 + 0.001 * xa * xa;
        double x2 = xa - 0.1 * (m / (1 - 0.81)) / (Math.sqrt(v / (1 - 0.998001)) + 1e-8);
        assertEquals(x2, run(Adam.create().learningRate(0.1), 2, 1)[0], 1e-15);
        // AMSGrad differs once v shrinks: a big first step (a = 0.99) makes g1 = 0.01 and v2 < v1
        double xb = 1 - 0.99 * g0 / (g0 + 1e-8);
        double mb = 0.9 * 0.1 * g0 + 0.1 * xb;
        double vb = 0.999 * 0.001 * g0 * g0 + 0.001 * xb * xb;
        double vmax = Math.max(0.001 * g0 * g0, vb);
        assertTrue(vmax > vb);
        double adam2 = xb - 0.99 * (mb / (1 - 0.81)) / (Math.sqrt(vb / (1 - 0.998001)) + 1e-8);
        double ams2 = xb - 0.99 * (mb / (1 - 0.81)) / (Math.sqrt(vmax / (1 - 0.998001)) + 1e-8);
        assertEquals(adam2, run(Adam.create().learningRate(0.99), 2, 1)[0], 1e-15);
        assertEquals(ams2, run(Adam.create().amsgrad(true).learningRate(0.99), 2, 1)[0], 1e-15);
    }

    @Test
    void gradientDescentVariantsConvergeOnBooth() {
        for (GradientDescent gd : new GradientDescent[] {GradientDescent.plain().learningRate(0.05),
                GradientDescent.momentum(0.9).learningRate(0.01), GradientDescent.nesterov(0.9).learningRate(0.01)}) {
            OptimResult r = gd.gradientTolerance(1e-9).minimise(TestFunctions.BOOTH, new double[] {0, 0});
            assertEquals(StopReason.GRADIENT_TOLERANCE, r.reason(), r.toString());
            // Booth's Hessian has eigenvalues 2 and 18: |x - x*| <= |g| / 2
            assertEquals(1, r.x()[0], 1e-9);
            assertEquals(3, r.x()[1], 1e-9);
        }
    }

    /** Momentum's point: on condition number 100 it needs far fewer steps than plain descent. */
    @Test
    void momentumBeatsPlainOnAnIllConditionedQuadratic() {
        Objective q = x -> new Evaluation(0.5 * (x[0] * x[0] + 100 * x[1] * x[1]), new double[] {x[0], 100 * x[1]});
        OptimResult plain = GradientDescent.plain().learningRate(0.01).gradientTolerance(1e-8).minimise(q, new double[] {1, 1});
        OptimResult heavy = GradientDescent.momentum(0.8).learningRate(0.01).gradientTolerance(1e-8).minimise(q, new double[] {1, 1});
        OptimResult nest = GradientDescent.nesterov(0.8).learningRate(0.01).gradientTolerance(1e-8).minimise(q, new double[] {1, 1});
        assertTrue(plain.converged() && heavy.converged() && nest.converged());
        assertTrue(heavy.iterations() * 3 < plain.iterations(), heavy.iterations() + " vs " + plain.iterations());
        assertTrue(nest.iterations() * 3 < plain.iterations(), nest.iterations() + " vs " + plain.iterations());
    }

    static Objective meanLogistic(double[][] x, double[] y) {
        Objective sum = TestFunctions.logisticNll(x, y);
        return b -> {
            Evaluation e = sum.evaluate(b);
            double[] g = e.gradient();
            for (int j = 0; j < g.length; j++) {
                g[j] /= x.length;
            }
            return new Evaluation(e.value() / x.length, g);
        };
    }

    /** Adam with a decaying rate on the (convex) mean logistic loss reaches the IRLS fit. */
    @Test
    void adamConvergesOnLogisticLoss() {
        JsonNode c = OptimGoldens.root().get("logistic");
        double[][] x = OptimGoldens.matrix(c.get("X"));
        double[] y = OptimGoldens.doubles(c.get("y"));
        double[] irls = Glm.logistic(OptimGoldens.array(c.get("X")), NdArray.wrap(y, y.length)).params().toDoubleArray();
        for (Adam adam : new Adam[] {Adam.create(), Adam.create().amsgrad(true)}) {
            OptimResult r = adam.schedule(Schedule.inverseTime(0.05, 1e-3)).gradientTolerance(1e-7)
                    .maxIterations(50_000).minimise(meanLogistic(x, y), new double[4]);
            assertEquals(StopReason.GRADIENT_TOLERANCE, r.reason(), r.toString());
            // the mean loss's Hessian has smallest eigenvalue ~0.025 here: |b - b*| <= 1e-7 / 0.025
            OptimGoldens.close("Adam vs IRLS", irls, r.x(), 0, 1e-5);
        }
    }

    /** y = X b + noise; the mean squared residual over a batch, and OLS as the reference. */
    static final class LeastSquares {
        final double[][] x = new double[300][3];
        final double[] y = new double[300];

        LeastSquares() {
            Random rng = new Random(7);
            for (int i = 0; i < y.length; i++) {
                for (int j = 0; j < 3; j++) {
                    x[i][j] = rng.nextGaussian();
                }
                y[i] = 1 + 2 * x[i][0] - x[i][1] + 0.5 * x[i][2] + 0.3 * rng.nextGaussian();
            }
        }

        BatchObjective objective() {
            return (b, idx) -> {
                double[] g = new double[4];
                double f = 0;
                for (int i : idx) {
                    double r = b[0] + b[1] * x[i][0] + b[2] * x[i][1] + b[3] * x[i][2] - y[i];
                    f += r * r;
                    g[0] += 2 * r;
                    for (int j = 0; j < 3; j++) {
                        g[j + 1] += 2 * r * x[i][j];
                    }
                }
                for (int j = 0; j < 4; j++) {
                    g[j] /= idx.length;
                }
                return new Evaluation(f / idx.length, g);
            };
        }

        double[] ols() {
            LinearFit fit = Ols.fit(NdArray.wrap(Arrays.stream(x).flatMapToDouble(Arrays::stream).toArray(), 300, 3),
                    NdArray.wrap(y, 300));
            return fit.params().toDoubleArray();
        }
    }

    @Test
    void miniBatchConvergesToLeastSquares() {
        LeastSquares ls = new LeastSquares();
        double[] ols = ls.ols();
        OptimResult sgd = GradientDescent.momentum(0.9).schedule(Schedule.inverseTime(0.02, 0.01)).batchSize(20)
                .seed(3).gradientTolerance(1e-4).maxIterations(2000).minimise(ls.objective(), 300, new double[4]);
        assertEquals(StopReason.GRADIENT_TOLERANCE, sgd.reason(), sgd.toString());
        // the mean squared loss has Hessian 2 X'X / n with smallest eigenvalue ~1.7: |b - b*| <= 1e-4 / 1.7
        OptimGoldens.close("SGD vs OLS", ols, sgd.x(), 0, 1e-4);
        OptimResult adam = Adam.create().schedule(Schedule.inverseTime(0.01, 0.01)).batchSize(32).seed(3)
                .gradientTolerance(1e-3).maxIterations(2000).minimise(ls.objective(), 300, new double[4]);
        assertEquals(StopReason.GRADIENT_TOLERANCE, adam.reason(), adam.toString());
        // Adam divides by the batch-gradient spread, so its noise floor is higher: 1e-3 here
        OptimGoldens.close("mini-batch Adam vs OLS", ols, adam.x(), 0, 1e-3);
    }

    @Test
    void miniBatchRunsAreReproducible() {
        LeastSquares ls = new LeastSquares();
        GradientDescent gd = GradientDescent.plain().learningRate(0.01).batchSize(16).gradientTolerance(0).maxIterations(5);
        double[] a = gd.seed(11).minimise(ls.objective(), 300, new double[4]).x();
        double[] b = gd.seed(11).minimise(ls.objective(), 300, new double[4]).x();
        double[] c = gd.seed(12).minimise(ls.objective(), 300, new double[4]).x();
        assertArrayEquals(a, b, 0);
        assertFalse(Arrays.equals(a, c));
    }

    @Test
    void miniBatchSeesEverySampleOncePerEpoch() {
        int n = 50;
        int[] seen = new int[n];
        BatchObjective count = (b, idx) -> {
            if (idx.length < n) {
                for (int i : idx) {
                    seen[i]++;
                }
            }
            return new Evaluation(0.5 * b[0] * b[0], new double[] {b[0]});
        };
        OptimResult r = Adam.create().batchSize(7).gradientTolerance(0).maxIterations(3).minimise(count, n, new double[] {1});
        assertEquals(3, r.iterations());
        for (int s : seen) {
            assertEquals(3, s);
        }
        // 1 full evaluation at the start, then 8 batches (7 * 7 + 1) and 1 full evaluation per epoch
        assertEquals(1 + 3 * 9, r.evaluations());
    }
}
