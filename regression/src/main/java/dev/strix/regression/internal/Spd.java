package dev.strix.regression.internal;

/** Cholesky factorisation, solve and inverse of small symmetric positive definite matrices. */
public final class Spd {
    private Spd() {}

    /**
     * The lower Cholesky factor of {@code a}, or null when {@code a} is not numerically positive
     * definite (a pivot below {@code 1e-13} times the largest diagonal element).
     */
    public static double[][] cholesky(double[][] a) {
        int n = a.length;
        double dmax = 0;
        for (int i = 0; i < n; i++) {
            dmax = Math.max(dmax, Math.abs(a[i][i]));
        }
        double[][] l = new double[n][n];
        for (int j = 0; j < n; j++) {
            double d = a[j][j];
            for (int k = 0; k < j; k++) {
                d -= l[j][k] * l[j][k];
            }
            if (!(d > 1e-13 * dmax)) {
                return null;
            }
            l[j][j] = Math.sqrt(d);
            for (int i = j + 1; i < n; i++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                l[i][j] = s / l[j][j];
            }
        }
        return l;
    }

    /** Solves {@code L L^T x = b} for the factor from {@link #cholesky}. */
    public static double[] solve(double[][] l, double[] b) {
        int n = l.length;
        double[] x = b.clone();
        for (int i = 0; i < n; i++) {
            double s = x[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * x[k];
            }
            x[i] = s / l[i][i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double s = x[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k][i] * x[k];
            }
            x[i] = s / l[i][i];
        }
        return x;
    }

    /** The inverse from the Cholesky factor, symmetric. */
    public static double[][] inverse(double[][] l) {
        int n = l.length;
        double[][] inv = new double[n][];
        for (int j = 0; j < n; j++) {
            double[] e = new double[n];
            e[j] = 1;
            inv[j] = solve(l, e);
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double m = 0.5 * (inv[i][j] + inv[j][i]);
                inv[i][j] = m;
                inv[j][i] = m;
            }
        }
        return inv;
    }
}
