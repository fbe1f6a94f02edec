package dev.strix.stats;

/** How a rank or KS test computes its p-value. */
public enum PValueMethod {
    /** Exact for small samples without ties, asymptotic otherwise (Commons Statistics' rule). */
    AUTO,
    /** The exact null distribution of the statistic. */
    EXACT,
    /** The large-sample (normal or Kolmogorov) approximation. */
    ASYMPTOTIC
}
