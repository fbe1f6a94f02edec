package dev.strix.regression.optimise;

import dev.strix.ndarray.NdArray;

/**
 * The outcome of a minimisation: the last point {@code x} (the best one found for L-BFGS, the last
 * finite one after a {@link StopReason#NON_FINITE} stop), its value {@code f} and gradient, the
 * counts, whether it converged and why it stopped. {@code history} holds f at the start and after
 * every iteration when the optimiser was asked to record it, otherwise it is empty.
 */
public record OptimResult(double[] x, double f, double[] gradient, double gradientNorm, int iterations,
                          long evaluations, StopReason reason, String message, double[] history) {

    public OptimResult {
        x = x.clone();
        gradient = gradient.clone();
        history = history.clone();
    }

    /** True when a tolerance was met (gradient, function change or step). */
    public boolean converged() {
        return reason.converged();
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] gradient() {
        return gradient.clone();
    }

    @Override
    public double[] history() {
        return history.clone();
    }

    /** {@code x} as a 1-D array. */
    public NdArray xArray() {
        return NdArray.wrap(x.clone(), x.length);
    }

    /** This result, or an {@link IllegalStateException} carrying the report when it did not converge. */
    public OptimResult orElseThrow() {
        if (!converged()) {
            throw new IllegalStateException("the minimisation did not converge: " + reason + ": " + message);
        }
        return this;
    }

    @Override
    public String toString() {
        return "OptimResult[" + reason + ", f=" + f + ", |g|=" + gradientNorm + ", iterations=" + iterations
                + ", evaluations=" + evaluations + ", x=" + java.util.Arrays.toString(x) + "; " + message + "]";
    }
}
