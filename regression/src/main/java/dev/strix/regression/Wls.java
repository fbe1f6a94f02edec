package dev.strix.regression;

import dev.strix.ndarray.NdArray;
import java.util.List;

/** Weighted least squares (statsmodels' {@code WLS}): minimises {@code sum w_i (y_i - x_i b)^2}. */
public final class Wls {
    private Wls() {}

    /** WLS with an intercept; weights are positive, one per row (inverse variances). */
    public static LinearFit fit(NdArray x, NdArray y, NdArray weights) {
        return Ols.model(x, y).weights(weights).fit();
    }

    public static LinearFit fit(NdArray x, NdArray y, NdArray weights, List<String> names) {
        return Ols.model(x, y).weights(weights).names(names).fit();
    }
}
