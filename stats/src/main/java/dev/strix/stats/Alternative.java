package dev.strix.stats;

/** The alternative hypothesis of a test ({@code alternative=} in SciPy). */
public enum Alternative {
    /** The parameter differs from the null value in either direction. */
    TWO_SIDED,
    /** The parameter is less than the null value (for two samples: the first sample is stochastically smaller). */
    LESS,
    /** The parameter is greater than the null value. */
    GREATER
}
