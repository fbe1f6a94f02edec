package dev.strix.regression;

import dev.strix.ndarray.NdArray;

/**
 * Predictions at new rows with their uncertainty, as statsmodels'
 * {@code get_prediction(X).summary_frame(alpha)}: the mean, its standard error, the confidence
 * interval of the mean and the prediction interval of a new observation.
 */
public record Prediction(NdArray mean, NdArray meanSe, NdArray meanCiLower, NdArray meanCiUpper,
                         NdArray obsCiLower, NdArray obsCiUpper, double alpha) {
}
