package dev.strix.plotting.internal;

import org.apache.commons.numbers.gamma.InverseErfc;

/**
 * The standard normal quantile function, {@code Phi^-1(p) = -sqrt(2) * erfc^-1(2p)}, on Commons
 * Numbers' {@code InverseErfc} (Boost's rational approximations; relative error within a few ulp
 * over (0, 1), including the tails: erfc^-1 is used so that small p keep full relative accuracy).
 * Tested against tabulated quantiles to 1e-14 in NormalTest.
 */
public final class Normal {
    private Normal() {}

    public static double quantile(double p) {
        if (!(p > 0 && p < 1)) {
            if (p == 0) {
                return Double.NEGATIVE_INFINITY;
            }
            if (p == 1) {
                return Double.POSITIVE_INFINITY;
            }
            throw new IllegalArgumentException("normal quantile: p must be in [0, 1] but is " + p);
        }
        return -Math.sqrt(2) * InverseErfc.value(2 * p);
    }

    /** Theoretical quantiles for a sorted sample of size n at R's ppoints: (i - a)/(n + 1 - 2a), a = 3/8 for n <= 10 (Blom), else 1/2. */
    public static double[] plottingPositions(int n) {
        double[] q = new double[n];
        double a = n <= 10 ? 3.0 / 8 : 0.5;
        for (int i = 0; i < n; i++) {
            q[i] = quantile((i + 1 - a) / (n + 1 - 2 * a));
        }
        return q;
    }
}
