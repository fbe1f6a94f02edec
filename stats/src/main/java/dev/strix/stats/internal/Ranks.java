package dev.strix.stats.internal;

import dev.strix.stats.Ties;
import org.apache.commons.statistics.ranking.NaNStrategy;
import org.apache.commons.statistics.ranking.NaturalRanking;
import org.apache.commons.statistics.ranking.TiesStrategy;

/** Ranks with tie strategies, on Commons Statistics' NaturalRanking (DENSE is computed here). */
public final class Ranks {
    private Ranks() {
    }

    /** Ranks starting at 1; any NaN gives all NaN (SciPy 1.10's rankdata with nan_policy="propagate"). */
    public static double[] rank(double[] x, Ties ties) {
        if (Lanes.hasNaN(x)) {
            double[] r = new double[x.length];
            java.util.Arrays.fill(r, Double.NaN);
            return r;
        }
        if (ties == Ties.DENSE) {
            double[] sorted = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                sorted[i] = x[i] + 0.0; // -0.0 becomes 0.0, so that the two compare equal below
            }
            java.util.Arrays.sort(sorted);
            int k = 0;
            for (int i = 0; i < sorted.length; i++) {
                if (i == 0 || sorted[i] != sorted[i - 1]) {
                    sorted[k++] = sorted[i];
                }
            }
            double[] out = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                out[i] = java.util.Arrays.binarySearch(sorted, 0, k, x[i] + 0.0) + 1;
            }
            return out;
        }
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] + 0.0; // -0.0 ranks equal to 0.0
        }
        TiesStrategy t;
        switch (ties) {
            case MIN:
                t = TiesStrategy.MINIMUM;
                break;
            case MAX:
                t = TiesStrategy.MAXIMUM;
                break;
            case ORDINAL:
                t = TiesStrategy.SEQUENTIAL;
                break;
            default:
                t = TiesStrategy.AVERAGE;
        }
        return new NaturalRanking(NaNStrategy.FAILED, t).apply(y);
    }
}
