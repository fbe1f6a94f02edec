package dev.strix.stats.internal;

import dev.strix.stats.AnovaTable;
import org.apache.commons.statistics.distribution.FDistribution;

/**
 * One-way ANOVA with accurate sums of squares: compensated group and grand means (each with a
 * correction pass), SS within by the corrected two-pass formula per group and SS between from
 * the accurate means. Commons Statistics' OneWayAnova accumulates sum(x^2) - sum(x)^2 / n, which
 * loses every digit on NIST's SmLs07-09, so the table is computed here and only the F
 * distribution comes from Commons.
 */
public final class Anova {
    private Anova() {
    }

    public static AnovaTable oneWay(double[][] groups) {
        int k = groups.length;
        int n = 0;
        for (double[] g : groups) {
            n += g.length;
        }
        double[] all = new double[n];
        int p = 0;
        for (double[] g : groups) {
            System.arraycopy(g, 0, all, p, g.length);
            p += g.length;
        }
        double grand = Moments.mean(all);
        double[] between = new double[k];
        double[] within = new double[k];
        for (int i = 0; i < k; i++) {
            double m = Moments.mean(groups[i]);
            double d = m - grand;
            between[i] = groups[i].length * d * d;
            within[i] = Moments.sumSquaredDeviations(groups[i], m);
        }
        double ssb = Moments.sum(between);
        double ssw = Moments.sum(within);
        double dfb = k - 1;
        double dfw = n - k;
        double msb = ssb / dfb;
        double msw = ssw / dfw;
        double f = msb / msw;
        double pv = Double.isNaN(f) ? Double.NaN : FDistribution.of(dfb, dfw).survivalProbability(f);
        return new AnovaTable(dfb, dfw, ssb, ssw, msb, msw, f, pv, ssb / (ssb + ssw), Math.sqrt(msw));
    }
}
