package dev.strix.plotting;

/**
 * Rules that choose a histogram's number of equal-width bins from the data, as NumPy's
 * {@code np.histogram(a, bins="fd")} (and Strix's {@code stats} module): a rule gives a width h,
 * and the number of bins is {@code ceil((max - min) / h)}, or 1 when h is 0.
 */
public enum BinRule {
    /** Sturges: h = range / (log2(n) + 1). Good for small, roughly normal samples. */
    STURGES,
    /** Scott: h = (24 sqrt(pi) / n)^(1/3) * std. */
    SCOTT,
    /** Freedman-Diaconis: h = 2 IQR n^(-1/3). Robust to outliers. */
    FD,
    /** Rice: h = range / (2 n^(1/3)). */
    RICE,
    /** Square root: h = range / sqrt(n). */
    SQRT,
    /** NumPy's default "auto": the smaller of the FD and Sturges widths (Sturges when the IQR is 0). */
    AUTO
}
