package dev.strix.regression;

import dev.strix.ndarray.NdArray;

/**
 * A GLM's predictions at new rows with confidence intervals of the mean response, as statsmodels'
 * {@code GLMResults.get_prediction(X).summary_frame(alpha)} (columns {@code mean}, {@code mean_se},
 * {@code mean_ci_lower}, {@code mean_ci_upper}), plus the linear predictor and its standard error
 * ({@code .linpred}). A GLM has no prediction interval for a new observation: the response's
 * distribution, not a normal error, says how far one falls from its mean.
 *
 * @param mean the mean response (probabilities, expected counts)
 * @param meanSe its standard error (delta method)
 * @param meanCiLower the lower bound: the inverse link of the linear predictor's lower bound
 * @param meanCiUpper the upper bound
 * @param linearPredictor {@code x' b}
 * @param linearPredictorSe {@code sqrt(x' V x)}
 * @param alpha the intervals' level is {@code 1 - alpha}
 */
public record GlmPrediction(NdArray mean, NdArray meanSe, NdArray meanCiLower, NdArray meanCiUpper,
                            NdArray linearPredictor, NdArray linearPredictorSe, double alpha) {
}
