package dev.strix.stats.internal;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Shapiro-Wilk W and its p-value by Royston's approximation, algorithm AS R94 (Royston 1995,
 * Appl. Statist. 44(4), 547-551), which is what SciPy's {@code shapiro} (Fortran {@code swilk})
 * and R's {@code shapiro.test} run. Written here in double precision; SciPy 1.10 runs it in
 * float32, so the two agree to single precision (see the golden README). No censoring.
 */
public final class ShapiroWilk {
    private static final double[] C1 = {0.0, 0.221157, -0.147981, -2.07119, 4.434685, -2.706056};
    private static final double[] C2 = {0.0, 0.042981, -0.293762, -1.752461, 5.682633, -3.582633};
    private static final double[] C3 = {0.544, -0.39978, 0.025054, -6.714e-4};
    private static final double[] C4 = {1.3822, -0.77857, 0.062767, -0.0020322};
    private static final double[] C5 = {-1.5861, -0.31082, -0.083751, 0.0038915};
    private static final double[] C6 = {-0.4803, -0.082676, 0.0030302};
    private static final double[] G = {-2.273, 0.459};
    /** The p-value AS R94 reports when W is below the range of its n <= 11 approximation (SciPy's SMALL). */
    private static final double SMALL = 1e-19;

    private ShapiroWilk() {
    }

    /** c0 + c1 x + c2 x^2 + ... */
    private static double poly(double[] c, double x) {
        double p = 0;
        for (int j = c.length - 1; j >= 0; j--) {
            p = p * x + c[j];
        }
        return p;
    }

    /**
     * The weights a_1..a_{n/2} (a[0] unused) for the i-th smallest and largest order statistics:
     * x_(i) gets -a_i, x_(n+1-i) gets +a_i.
     */
    static double[] weights(int n) {
        int half = n / 2;
        double[] a = new double[half + 1];
        if (n == 3) {
            a[1] = Math.sqrt(0.5);
            return a;
        }
        NormalDistribution z = NormalDistribution.of(0, 1);
        double[] m = new double[half + 1];
        double summ2 = 0;
        for (int i = 1; i <= half; i++) {
            m[i] = z.inverseCumulativeProbability((i - 0.375) / (n + 0.25));
            summ2 += m[i] * m[i];
        }
        summ2 *= 2;
        double ssumm2 = Math.sqrt(summ2);
        double rsn = 1 / Math.sqrt(n);
        double a1 = poly(C1, rsn) - m[1] / ssumm2;
        int first;
        double fac;
        a[1] = a1;
        if (n > 5) {
            double a2 = -m[2] / ssumm2 + poly(C2, rsn);
            fac = Math.sqrt((summ2 - 2 * m[1] * m[1] - 2 * m[2] * m[2]) / (1 - 2 * a1 * a1 - 2 * a2 * a2));
            a[2] = a2;
            first = 3;
        } else {
            fac = Math.sqrt((summ2 - 2 * m[1] * m[1]) / (1 - 2 * a1 * a1));
            first = 2;
        }
        for (int i = first; i <= half; i++) {
            a[i] = -m[i] / fac;
        }
        return a;
    }

    /** {W, p} of a sorted sample of length >= 3 with a non-zero range and no NaN. */
    public static double[] test(double[] sorted) {
        int n = sorted.length;
        double[] a = weights(n);
        double range = sorted[n - 1] - sorted[0];
        double[] c = new double[n];
        double[] x = new double[n];
        double cbar = 0;
        double xbar = 0;
        for (int i = 0; i < n; i++) {
            int j = n - 1 - i;
            c[i] = i < j ? -a[i + 1] : i > j ? a[j + 1] : 0;
            x[i] = sorted[i] / range;
            cbar += c[i];
            xbar += x[i];
        }
        cbar /= n;
        xbar /= n;
        double ssa = 0;
        double ssx = 0;
        double sax = 0;
        for (int i = 0; i < n; i++) {
            double dc = c[i] - cbar;
            double dx = x[i] - xbar;
            ssa += dc * dc;
            ssx += dx * dx;
            sax += dc * dx;
        }
        // 1 - W as (sqrt(ssa ssx) - sax)(sqrt(ssa ssx) + sax) / (ssa ssx): no cancellation near W = 1.
        double s = Math.sqrt(ssa * ssx);
        double w1 = (s - sax) * (s + sax) / (ssa * ssx);
        double w = 1 - w1;
        return new double[] {w, pValue(n, w, w1)};
    }

    /** The p-value of W (with w1 = 1 - W computed without cancellation where possible) for a sample of n. */
    public static double pValue(int n, double w, double w1) {
        if (n == 3) {
            // exact: 6/pi (asin(sqrt(W)) - asin(sqrt(3/4)))
            double p = 6 / Math.PI * (Math.asin(Math.sqrt(w)) - Math.asin(Math.sqrt(0.75)));
            return Math.max(p, 0);
        }
        double y = Math.log(w1);
        double lnN = Math.log(n);
        double m;
        double s;
        if (n <= 11) {
            double gamma = poly(G, n);
            if (y >= gamma) {
                return SMALL;
            }
            y = -Math.log(gamma - y);
            m = poly(C3, n);
            s = Math.exp(poly(C4, n));
        } else {
            m = poly(C5, lnN);
            s = Math.exp(poly(C6, lnN));
        }
        return NormalDistribution.of(m, s).survivalProbability(y);
    }
}
