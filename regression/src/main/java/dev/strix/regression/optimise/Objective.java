package dev.strix.regression.optimise;

import dev.strix.ndarray.NdArray;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * A differentiable function to minimise: its value and gradient at {@code x}. The optimisers never
 * keep or modify {@code x} (it is a copy), so an implementation may read it freely.
 *
 * <pre>{@code
 * Objective rosen = x -> new Evaluation(
 *         100 * Math.pow(x[1] - x[0] * x[0], 2) + Math.pow(1 - x[0], 2),
 *         new double[] {-400 * x[0] * (x[1] - x[0] * x[0]) - 2 * (1 - x[0]), 200 * (x[1] - x[0] * x[0])});
 * Objective noGradient = Objective.numerical(x -> Math.pow(x[0] - 3, 2) + Math.cosh(x[1]));
 * }</pre>
 */
@FunctionalInterface
public interface Objective {

    Evaluation evaluate(double[] x);

    /**
     * An objective whose gradient is computed by central differences ({@link NumericalGradient}):
     * 2 p extra evaluations of {@code f} per gradient, about 8 correct digits for a smooth function
     * of moderate curvature. Prefer an analytic gradient when one is available.
     */
    static Objective numerical(ToDoubleFunction<double[]> f) {
        return x -> new Evaluation(f.applyAsDouble(x), NumericalGradient.central(f, x));
    }

    /** Adapts an objective written over 1-D {@link NdArray}s (value, gradient). */
    static Objective ofNd(ToDoubleFunction<NdArray> value, Function<NdArray, NdArray> gradient) {
        return x -> {
            NdArray xa = NdArray.wrap(x, x.length);
            NdArray g = gradient.apply(xa);
            if (g == null) {
                throw new IllegalArgumentException("Objective: the gradient function returned null");
            }
            return new Evaluation(value.applyAsDouble(xa), g.toDoubleArray());
        };
    }
}
