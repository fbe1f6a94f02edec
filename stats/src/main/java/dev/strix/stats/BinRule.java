package dev.strix.stats;

/**
 * Automatic histogram bin widths, as NumPy's {@code np.histogram(a, bins="fd")}. The number of
 * equal bins is {@code ceil((max - min) / width)}, or 1 when the width is 0.
 */
public enum BinRule {
    /** width = range / (log2(n) + 1). */
    STURGES,
    /** width = (24 sqrt(pi) / n)^(1/3) * std. */
    SCOTT,
    /** Freedman-Diaconis: width = 2 IQR n^(-1/3). */
    FD,
    /** width = range / (2 n^(1/3)). */
    RICE,
    /** width = range / sqrt(n). */
    SQRT,
    /** NumPy's default "auto": the smaller of the FD and Sturges widths (Sturges when IQR is 0). */
    AUTO
}
