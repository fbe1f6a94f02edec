package dev.strix.stats;

/** Correlation coefficient used by {@link Stats#corr}. */
public enum Correlation {
    /** Pearson's product-moment r. */
    PEARSON,
    /** Spearman's rho: Pearson's r of the average ranks. */
    SPEARMAN,
    /** Kendall's tau-b, which adjusts for ties in either variable. */
    KENDALL
}
