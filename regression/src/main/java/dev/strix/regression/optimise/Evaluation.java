package dev.strix.regression.optimise;

/**
 * The value of an objective and its gradient at one point. The optimisers check that the
 * gradient has one element per parameter and copy it, so the caller may reuse its arrays.
 */
public record Evaluation(double value, double[] gradient) {
    public Evaluation {
        if (gradient == null) {
            throw new IllegalArgumentException("Evaluation: the gradient is null");
        }
    }
}
