package dev.strix.regression;

/**
 * Covariance of least-squares estimates, as statsmodels' {@code fit(cov_type=...)}:
 * {@code NONROBUST} is {@code s^2 (X^T X)^-1}; the heteroscedasticity-consistent (White) sandwich
 * {@code (X^T X)^-1 X^T diag(u) X (X^T X)^-1} uses {@code u = e^2} (HC0), {@code e^2 n/(n-k)} (HC1),
 * {@code e^2/(1-h)} (HC2) or {@code e^2/(1-h)^2} (HC3), with {@code h} the leverages; weighted
 * residuals and design for WLS.
 */
public enum CovType {
    NONROBUST, HC0, HC1, HC2, HC3;

    /** The name statsmodels prints ("nonrobust", "HC3"). */
    public String label() {
        return this == NONROBUST ? "nonrobust" : name();
    }
}
