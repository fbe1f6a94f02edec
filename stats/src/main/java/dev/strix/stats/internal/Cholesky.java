package dev.strix.stats.internal;

/**
 * A small dense Cholesky factorisation A = L L^T of a symmetric positive definite matrix, for the
 * multivariate normal, the KDE and samplers. It belongs in the linalg module, which does not exist
 * yet; move it there (and use its blocked version) when it does.
 */
public final class Cholesky {
    private final int d;
    /** Row-major lower triangle (the upper part is zero). */
    private final double[] l;

    private Cholesky(int d, double[] l) {
        this.d = d;
        this.l = l;
    }

    /**
     * Factorises the d x d row-major matrix {@code a} (only its lower triangle is read).
     *
     * @throws IllegalArgumentException naming {@code op} when a is not (numerically) positive definite
     */
    public static Cholesky of(String op, double[] a, int d) {
        double[] l = new double[d * d];
        for (int j = 0; j < d; j++) {
            double s = a[j * d + j];
            for (int k = 0; k < j; k++) {
                s -= l[j * d + k] * l[j * d + k];
            }
            if (!(s > 0) || Double.isInfinite(s)) {
                throw new IllegalArgumentException(op + ": the covariance matrix is not positive definite (pivot "
                        + j + " is " + s + ")");
            }
            double ljj = Math.sqrt(s);
            l[j * d + j] = ljj;
            for (int i = j + 1; i < d; i++) {
                double t = a[i * d + j];
                for (int k = 0; k < j; k++) {
                    t -= l[i * d + k] * l[j * d + k];
                }
                l[i * d + j] = t / ljj;
            }
        }
        return new Cholesky(d, l);
    }

    public int dim() {
        return d;
    }

    /** L[i][j]. */
    public double get(int i, int j) {
        return l[i * d + j];
    }

    /** log det A = 2 sum log L_ii. */
    public double logDet() {
        double s = 0;
        for (int i = 0; i < d; i++) {
            s += Math.log(l[i * d + i]);
        }
        return 2 * s;
    }

    /** Solves L y = b (forward substitution) into {@code y}; returns |y|^2 = b^T A^-1 b. */
    public double forwardSolve(double[] b, double[] y) {
        double q = 0;
        for (int i = 0; i < d; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i * d + k] * y[k];
            }
            y[i] = s / l[i * d + i];
            q += y[i] * y[i];
        }
        return q;
    }

    /** out = L z (maps standard normal z to N(0, A)). */
    public void multiply(double[] z, double[] out) {
        for (int i = 0; i < d; i++) {
            double s = 0;
            for (int k = 0; k <= i; k++) {
                s += l[i * d + k] * z[k];
            }
            out[i] = s;
        }
    }
}
