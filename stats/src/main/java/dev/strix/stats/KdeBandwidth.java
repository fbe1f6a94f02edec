package dev.strix.stats;

/** Bandwidth rules of {@link GaussianKde} ({@code bw_method=} in {@code scipy.stats.gaussian_kde}). */
public enum KdeBandwidth {
    /** Scott's factor n_eff^(-1/(d+4)) (SciPy's default). */
    SCOTT,
    /** Silverman's factor (n_eff (d + 2) / 4)^(-1/(d+4)). */
    SILVERMAN
}
