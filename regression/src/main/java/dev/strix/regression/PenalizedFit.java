package dev.strix.regression;

import dev.strix.ndarray.NdArray;

/**
 * One elastic-net fit: the unpenalised intercept and the coefficients on the original scale of
 * X, at penalty {@code lambda} and mixing {@code l1Ratio} (1 = lasso, 0 = ridge).
 */
public record PenalizedFit(double lambda, double l1Ratio, double intercept, NdArray coef, int sweeps,
                           boolean converged) {

    public NdArray predict(NdArray x) {
        double[][] m = x.toDoubleMatrix();
        double[] b = coef.toDoubleArray();
        double[] out = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            double s = intercept;
            for (int j = 0; j < b.length; j++) {
                s += m[i][j] * b[j];
            }
            out[i] = s;
        }
        return NdArray.wrap(out, out.length);
    }

    /** Number of non-zero coefficients. */
    public int nonZero() {
        int c = 0;
        for (double v : coef.toDoubleArray()) {
            if (v != 0) {
                c++;
            }
        }
        return c;
    }
}
