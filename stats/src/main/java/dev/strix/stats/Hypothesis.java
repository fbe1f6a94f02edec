package dev.strix.stats;

import dev.strix.ndarray.NdArray;
import dev.strix.ndarray.ShapeMismatchException;
import dev.strix.stats.internal.Anova;

/**
 * Hypothesis tests over {@link NdArray} samples (flattened), returning a {@link TestResult}.
 * Built on Apache Commons Statistics' inference module where it has the test.
 */
public final class Hypothesis {
    private Hypothesis() {
    }

    /** One-way ANOVA table of two or more groups ({@code scipy.stats.f_oneway}), with accurate sums of squares. */
    public static AnovaTable anova(NdArray... groups) {
        if (groups.length < 2) {
            throw new IllegalArgumentException("anova: needs at least 2 groups, got " + groups.length);
        }
        double[][] g = new double[groups.length][];
        for (int i = 0; i < groups.length; i++) {
            g[i] = groups[i].toDoubleArray();
            if (g[i].length < 1) {
                throw new IllegalArgumentException("anova: group " + i + " is empty (shape "
                        + ShapeMismatchException.shapeString(groups[i].shape()) + ")");
            }
        }
        return Anova.oneWay(g);
    }
}
