package dev.strix.stats;

/**
 * How a quantile is estimated between order statistics: NumPy's {@code method=} names
 * ({@code np.quantile(a, q, method="linear")}). The first nine are Hyndman and Fan's types 1-9
 * (HF1..HF9, as in R's {@code quantile(type=)}); the last four are NumPy's discrete variants of
 * the default (type 7) position {@code h = (n - 1) q}.
 */
public enum QuantileMethod {
    /** HF1: the smallest value whose ECDF is at least q. */
    INVERTED_CDF,
    /** HF2: as INVERTED_CDF, averaging at discontinuities. */
    AVERAGED_INVERTED_CDF,
    /** HF3: the nearest order statistic, ties to the even one. */
    CLOSEST_OBSERVATION,
    /** HF4: linear interpolation of the ECDF. */
    INTERPOLATED_INVERTED_CDF,
    /** HF5: piecewise linear, knots at the midpoints of the steps. */
    HAZEN,
    /** HF6: position (n + 1) q (Minitab, SPSS). */
    WEIBULL,
    /** HF7: position (n - 1) q, linear interpolation (NumPy's, R's and Excel's default). */
    LINEAR,
    /** HF8: approximately median-unbiased whatever the distribution (Hyndman and Fan's choice). */
    MEDIAN_UNBIASED,
    /** HF9: approximately unbiased for normal data. */
    NORMAL_UNBIASED,
    /** The order statistic at floor((n - 1) q). */
    LOWER,
    /** The order statistic at ceil((n - 1) q). */
    HIGHER,
    /** The order statistic nearest (n - 1) q, halves to the even index (as NumPy). */
    NEAREST,
    /** The average of LOWER and HIGHER. */
    MIDPOINT
}
