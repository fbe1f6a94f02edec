package dev.strix.stats;

/** How tied values are ranked ({@code scipy.stats.rankdata(method=)}). Ranks start at 1. */
public enum Ties {
    /** The mean of the ranks the tied values would occupy: 1, 2.5, 2.5, 4. */
    AVERAGE,
    /** The lowest of those ranks ("competition" ranking): 1, 2, 2, 4. */
    MIN,
    /** The highest of those ranks: 1, 3, 3, 4. */
    MAX,
    /** Consecutive ranks for distinct values, no gaps: 1, 2, 2, 3. */
    DENSE,
    /** Distinct ranks in order of appearance: 1, 2, 3, 4. */
    ORDINAL
}
