package dev.strix.regression;

/**
 * Logistic regression without a finite maximum-likelihood estimate: a linear combination of the
 * predictors separates the 0s from the 1s (completely or quasi-completely), so coefficients run
 * off to infinity. Remove or merge the separating predictor, or use a penalised fit.
 */
public class PerfectSeparationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public PerfectSeparationException(String message) {
        super(message);
    }
}
