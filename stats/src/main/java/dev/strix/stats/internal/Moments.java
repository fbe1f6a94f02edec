package dev.strix.stats.internal;

/**
 * Accurate 1-D moment kernels. Sums are compensated (Neumaier), the mean gets a correction pass
 * (m + sum(x - m) / n) and the central sums use the corrected two-pass formula
 * (sum d^2 - (sum d)^2 / n), so that data with many constant leading digits keep their accuracy
 * (NIST StRD NumAcc3/4, SmLs07-09).
 */
public final class Moments {
    private Moments() {
    }

    /** Neumaier-compensated sum. Infinities and NaN propagate as in plain summation. */
    public static double sum(double[] x) {
        double s = 0;
        double c = 0;
        for (double v : x) {
            double t = s + v;
            if (Math.abs(s) >= Math.abs(v)) {
                c += (s - t) + v;
            } else {
                c += (v - t) + s;
            }
            s = t;
        }
        double r = s + c;
        return Double.isFinite(r) ? r : s;
    }

    /** Mean with a correction pass; NaN for an empty array. */
    public static double mean(double[] x) {
        int n = x.length;
        if (n == 0) {
            return Double.NaN;
        }
        double m = sum(x) / n;
        if (!Double.isFinite(m)) {
            return m;
        }
        double s = 0;
        double c = 0;
        for (double v : x) {
            double d = v - m;
            double t = s + d;
            c += Math.abs(s) >= Math.abs(d) ? (s - t) + d : (d - t) + s;
            s = t;
        }
        return m + (s + c) / n;
    }

    /** Sum of squared deviations from the mean (corrected two-pass). */
    public static double sumSquaredDeviations(double[] x, double m) {
        double ss = 0;
        double ssc = 0;
        double sd = 0;
        for (double v : x) {
            double d = v - m;
            double q = d * d;
            double t = ss + q;
            ssc += ss >= q ? (ss - t) + q : (q - t) + ss;
            ss = t;
            sd += d;
        }
        return (ss + ssc) - sd * sd / x.length;
    }

    /** Variance with {@code ddof} delta degrees of freedom; NaN when n - ddof <= 0. */
    public static double var(double[] x, int ddof) {
        int n = x.length;
        if (n - ddof <= 0) {
            return Double.NaN;
        }
        double m = mean(x);
        if (!Double.isFinite(m)) {
            return Double.NaN;
        }
        return Math.max(0.0, sumSquaredDeviations(x, m)) / (n - ddof);
    }

    /** Central moments m2, m3, m4 (divided by n) about an accurate mean. */
    public static double[] centralMoments(double[] x) {
        int n = x.length;
        double m = mean(x);
        double m2 = 0;
        double m3 = 0;
        double m4 = 0;
        for (double v : x) {
            double d = v - m;
            double d2 = d * d;
            m2 += d2;
            m3 += d2 * d;
            m4 += d2 * d2;
        }
        return new double[] {m, m2 / n, m3 / n, m4 / n};
    }

    /** True when the variance is zero to within the resolution of the mean (SciPy's rule for skew and kurtosis). */
    public static boolean zeroSpread(double m, double m2) {
        double tiny = 1e-15 * m;
        return m2 <= tiny * tiny;
    }

    /** Sample skewness g1 (bias = true) or the adjusted G1 (bias = false; for n < 3 the biased value, as SciPy). */
    public static double skewness(double[] x, boolean bias) {
        int n = x.length;
        if (n == 0) {
            return Double.NaN;
        }
        double[] mo = centralMoments(x);
        if (zeroSpread(mo[0], mo[1])) {
            return Double.NaN;
        }
        double g1 = mo[2] / Math.pow(mo[1], 1.5);
        if (bias) {
            return g1;
        }
        if (n < 3) {
            return g1; // SciPy: too few values to adjust, the biased value is returned
        }
        return Math.sqrt((double) n * (n - 1)) / (n - 2) * g1;
    }

    /** Excess (Fisher) or plain (Pearson) kurtosis; bias = false is the adjusted estimator (for n < 4 the biased value, as SciPy). */
    public static double kurtosis(double[] x, boolean excess, boolean bias) {
        int n = x.length;
        if (n == 0) {
            return Double.NaN;
        }
        double[] mo = centralMoments(x);
        if (zeroSpread(mo[0], mo[1])) {
            return Double.NaN;
        }
        double b2 = mo[3] / (mo[1] * mo[1]);
        double k;
        if (bias) {
            k = b2;
        } else {
            if (n < 4) {
                k = b2; // SciPy: too few values to adjust, the biased value is returned
            } else {
                k = 1.0 / (n - 2) / (n - 3) * (((double) n * n - 1.0) * b2 - 3.0 * (n - 1.0) * (n - 1.0)) + 3.0;
            }
        }
        return excess ? k - 3.0 : k;
    }

    /** Lag-k autocorrelation as NIST StRD defines it: sum (x_i - m)(x_{i+k} - m) / sum (x_i - m)^2. */
    public static double autocorrelation(double[] x, int lag) {
        int n = x.length;
        double m = mean(x);
        double num = 0;
        double numc = 0;
        for (int i = 0; i + lag < n; i++) {
            double p = (x[i] - m) * (x[i + lag] - m);
            double t = num + p;
            numc += Math.abs(num) >= Math.abs(p) ? (num - t) + p : (p - t) + num;
            num = t;
        }
        double den = sumSquaredDeviations(x, m);
        return (num + numc) / den;
    }
}
