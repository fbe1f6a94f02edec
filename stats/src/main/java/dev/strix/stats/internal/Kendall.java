package dev.strix.stats.internal;

import java.util.Arrays;

/** Kendall tau-b with the pair counts SciPy's {@code kendalltau} uses for its p-values (O(n^2) pair scan). */
public final class Kendall {
    /** con - dis, tau-b, discordant pairs, total pairs and the tie sums of x and y. */
    public record Counts(int n, double conMinusDis, double tau, double dis, double tot, double xtie, double ytie,
            double x0, double y0, double x1, double y1) {
    }

    private Kendall() {
    }

    public static Counts counts(double[] x, double[] y) {
        int n = x.length;
        double con = 0;
        double dis = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double s = Math.signum(x[i] - x[j]) * Math.signum(y[i] - y[j]);
                if (s > 0) {
                    con++;
                } else if (s < 0) {
                    dis++;
                }
            }
        }
        double[] tx = ties(x);
        double[] ty = ties(y);
        double tot = (double) n * (n - 1) / 2;
        double cmd = con - dis;
        double tau = cmd / Math.sqrt(tot - tx[0]) / Math.sqrt(tot - ty[0]);
        tau = Math.min(1, Math.max(-1, tau));
        return new Counts(n, cmd, tau, dis, tot, tx[0], ty[0], tx[1], ty[1], tx[2], ty[2]);
    }

    /** sum t(t-1)/2, sum t(t-1)(t-2), sum t(t-1)(2t+5) over tie groups of size t. */
    private static double[] ties(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        double a = 0;
        double b = 0;
        double c = 0;
        for (int i = 0; i < s.length;) {
            int j = i;
            while (j < s.length && s[j] == s[i]) {
                j++;
            }
            double t = j - i;
            a += t * (t - 1) / 2;
            b += t * (t - 1) * (t - 2);
            c += t * (t - 1) * (2 * t + 5);
            i = j;
        }
        return new double[] {a, b, c};
    }

    /**
     * Exact p-value of Kendall's test without ties from the number of concordant pairs {@code c}
     * (SciPy's {@code _kendall_p_exact}: the Mahonian distribution of inversions, Kendall 1970).
     * {@code alternative}: 0 two-sided, -1 less, +1 greater.
     */
    public static double exactP(int n, long c, int alternative) {
        long pairs = (long) n * (n - 1) / 2;
        boolean rightTail = c >= pairs - c;
        int cc = (int) Math.min(c, pairs - c);
        double prob;
        double mass;
        if (n <= 2) {
            prob = 1.0;
            mass = n == 2 ? 0.5 : 1;
        } else if (4L * cc == (long) n * (n - 1) && alternative == 0) {
            prob = 1.0;
            mass = Double.NaN;
        } else {
            // new[k] = number of permutations of j elements with k inversions, scaled by 2 / j!
            double[] f = new double[cc + 1];
            f[0] = 1;
            if (cc >= 1) {
                f[1] = 1;
            }
            for (int j = 3; j <= n; j++) {
                double run = 0;
                for (int k = 0; k <= cc; k++) {
                    run += f[k];
                    f[k] = run / j;
                }
                if (j <= cc) {
                    for (int k = cc; k >= j; k--) {
                        f[k] -= f[k - j];
                    }
                }
            }
            double sum = 0;
            for (double v : f) {
                sum += v;
            }
            prob = sum;
            mass = f[cc] / 2;
        }
        if (alternative != 0) {
            if (rightTail == (alternative > 0)) {
                prob /= 2;
            } else {
                prob = 1 - prob / 2 + mass;
            }
        }
        return Math.min(1, Math.max(0, prob));
    }
}
