package dev.strix.regression;

import dev.strix.ndarray.NdArray;

/**
 * A nonlinear least-squares fit ({@link Nls}): estimates, asymptotic standard errors
 * {@code sqrt(diag((J^T J)^-1) rss / (n - p))}, the residual sum of squares and the convergence
 * report. When {@code converged()} is false the estimates are not a minimum: do not use them.
 */
public record NlsFit(NdArray params, NdArray bse, double rss, int nobs, int iterations, boolean converged,
                     String message) {

    public double residualSd() {
        return Math.sqrt(rss / (nobs - params.size()));
    }

    /** This fit, or an exception carrying the non-convergence report. */
    public NlsFit orElseThrow() {
        if (!converged) {
            throw new IllegalStateException("Nls.fit did not converge: " + message);
        }
        return this;
    }
}
