package dev.strix.regression.optimise;

/**
 * An objective that is a mean over {@code n} samples, evaluated on a subset of them (a mini-batch)
 * for stochastic gradient descent and Adam. {@code indices} are distinct sample numbers in
 * {@code [0, n)}; the value and gradient should be the <b>mean</b> over those samples, so that the
 * full batch gives the objective itself and the step size does not depend on the batch size.
 * The optimisers never modify {@code x} or {@code indices}.
 */
@FunctionalInterface
public interface BatchObjective {

    Evaluation evaluate(double[] x, int[] indices);
}
