package dev.strix.regression;

import dev.strix.ndarray.NdArray;
import dev.strix.ndarray.io.CsvTable;
import java.util.List;

/** Weighted least squares (statsmodels' {@code WLS}): minimises {@code sum w_i (y_i - x_i b)^2}. */
public final class Wls {
    private Wls() {}

    /** WLS with an intercept; weights are positive, one per row (inverse variances). */
    public static LinearFit fit(NdArray x, NdArray y, NdArray weights) {
        return Ols.model(x, y).weights(weights).fit();
    }

    /** WLS from a formula over a table's columns (see {@link Formula}); weights one per row. */
    public static LinearFit fit(String formula, CsvTable table, NdArray weights) {
        if (weights == null) {
            throw new IllegalArgumentException("Wls.fit: weights are null");
        }
        return Ols.fromFormula(formula, table, weights);
    }

    public static LinearFit fit(NdArray x, NdArray y, NdArray weights, List<String> names) {
        return Ols.model(x, y).weights(weights).names(names).fit();
    }
}
