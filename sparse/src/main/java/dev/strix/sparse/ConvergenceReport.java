package dev.strix.sparse;

import dev.strix.ndarray.NdArray;

/**
 * The outcome of an iterative solve: the solution, whether the stopping rule was met, the
 * iterations used, the final residual norm ||b - A x||_2 (recomputed from x at the end, not the
 * recurrence's estimate), ||b||_2, the residual norm after each iteration (index 0 = initial),
 * the method name and why it stopped ({@code "converged"}, {@code "maxIter"} or
 * {@code "breakdown"}).
 */
public record ConvergenceReport(NdArray x, boolean converged, int iterations, double residualNorm, double bNorm,
                                double[] history, String method, String reason) {
    /** residualNorm / bNorm (residualNorm itself when b = 0). */
    public double relativeResidual() {
        return bNorm == 0 ? residualNorm : residualNorm / bNorm;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s: %s after %d iterations, ||r|| = %.3e (relative %.3e)", method, reason,
                iterations, residualNorm, relativeResidual());
    }
}
