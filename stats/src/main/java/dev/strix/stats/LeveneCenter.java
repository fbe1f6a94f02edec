package dev.strix.stats;

/** The centre Levene's test measures deviations from ({@code center=} in {@code scipy.stats.levene}). */
public enum LeveneCenter {
    /** The group median: the Brown-Forsythe test, robust to skewed data (SciPy's default). */
    MEDIAN,
    /** The group mean: Levene's original test. */
    MEAN,
    /** The trimmed group mean, cutting {@code proportionToCut} of the sorted values from each end. */
    TRIMMED
}
