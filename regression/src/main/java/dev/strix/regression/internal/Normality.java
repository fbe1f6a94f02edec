package dev.strix.regression.internal;

import dev.strix.stats.Distributions;

/**
 * Residual diagnostics as statsmodels computes them: Durbin-Watson, Jarque-Bera (with biased
 * skewness and Pearson kurtosis) and the omnibus D'Agostino-Pearson K^2 test (SciPy's
 * {@code normaltest}, which the stats module does not have).
 */
public final class Normality {
    private Normality() {}

    public static double durbinWatson(double[] e) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < e.length; i++) {
            den += e[i] * e[i];
            if (i > 0) {
                double d = e[i] - e[i - 1];
                num += d * d;
            }
        }
        return num / den;
    }

    /** {skewness (biased), kurtosis (Pearson, biased)}. */
    public static double[] moments(double[] e) {
        int n = e.length;
        double m = 0;
        for (double v : e) {
            m += v;
        }
        m /= n;
        double m2 = 0;
        double m3 = 0;
        double m4 = 0;
        for (double v : e) {
            double d = v - m;
            double d2 = d * d;
            m2 += d2;
            m3 += d2 * d;
            m4 += d2 * d2;
        }
        m2 /= n;
        m3 /= n;
        m4 /= n;
        return new double[] {m3 / Math.pow(m2, 1.5), m4 / (m2 * m2)};
    }

    /** {JB, p-value, skew, kurtosis}. */
    public static double[] jarqueBera(double[] e) {
        double[] sk = moments(e);
        int n = e.length;
        double jb = n / 6.0 * (sk[0] * sk[0] + 0.25 * (sk[1] - 3) * (sk[1] - 3));
        return new double[] {jb, Distributions.chi2(2).sf(jb), sk[0], sk[1]};
    }

    /** {K^2, p-value}: SciPy's {@code normaltest} (skewtest and kurtosistest combined). */
    public static double[] omnibus(double[] e) {
        double[] sk = moments(e);
        double n = e.length;
        double b2 = sk[0];
        double y = b2 * Math.sqrt(((n + 1) * (n + 3)) / (6.0 * (n - 2)));
        double beta2 = 3.0 * (n * n + 27 * n - 70) * (n + 1) * (n + 3)
                / ((n - 2.0) * (n + 5) * (n + 7) * (n + 9));
        double w2 = -1 + Math.sqrt(2 * (beta2 - 1));
        double delta = 1 / Math.sqrt(0.5 * Math.log(w2));
        double alpha = Math.sqrt(2.0 / (w2 - 1));
        if (y == 0) {
            y = 1;
        }
        double zs = delta * Math.log(y / alpha + Math.sqrt((y / alpha) * (y / alpha) + 1));

        double k = sk[1];
        double mean = 3.0 * (n - 1) / (n + 1);
        double varb2 = 24.0 * n * (n - 2) * (n - 3) / ((n + 1) * (n + 1) * (n + 3) * (n + 5));
        double x = (k - mean) / Math.sqrt(varb2);
        double sqrtbeta1 = 6.0 * (n * n - 5 * n + 2) / ((n + 7) * (n + 9))
                * Math.sqrt((6.0 * (n + 3) * (n + 5)) / (n * (n - 2) * (n - 3)));
        double a = 6.0 + 8.0 / sqrtbeta1 * (2.0 / sqrtbeta1 + Math.sqrt(1 + 4.0 / (sqrtbeta1 * sqrtbeta1)));
        double term1 = 1 - 2 / (9.0 * a);
        double denom = 1 + x * Math.sqrt(2 / (a - 4.0));
        double term2 = denom == 0 ? Double.NaN
                : Math.signum(denom) * Math.cbrt((1 - 2.0 / a) / Math.abs(denom));
        double zk = (term1 - term2) / Math.sqrt(2 / (9.0 * a));
        double k2 = zs * zs + zk * zk;
        return new double[] {k2, Distributions.chi2(2).sf(k2)};
    }
}
