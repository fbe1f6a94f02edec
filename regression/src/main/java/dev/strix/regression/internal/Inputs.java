package dev.strix.regression.internal;

import dev.strix.ndarray.NdArray;

/** Argument checks shared by the fitters: shapes, finiteness, names. */
public final class Inputs {
    private Inputs() {}

    public static double[][] matrix(String op, NdArray x) {
        if (x == null) {
            throw new IllegalArgumentException(op + ": X is null");
        }
        if (x.ndim() == 1) {
            x = x.reshape(x.size(), 1);
        }
        if (x.ndim() != 2) {
            throw new IllegalArgumentException(op + ": X must be 2-D (n, p), got shape "
                    + java.util.Arrays.toString(x.shape()));
        }
        double[][] m = x.toDoubleMatrix();
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[i].length; j++) {
                if (!Double.isFinite(m[i][j])) {
                    throw new IllegalArgumentException(op + ": X[" + i + ", " + j + "] is " + m[i][j]
                            + "; drop or impute missing values before fitting");
                }
            }
        }
        return m;
    }

    public static double[] vector(String op, String what, NdArray y, int n) {
        if (y == null) {
            throw new IllegalArgumentException(op + ": " + what + " is null");
        }
        if (y.ndim() == 2 && y.shape(1) == 1) {
            y = y.reshape(y.shape(0));
        }
        if (y.ndim() != 1) {
            throw new IllegalArgumentException(op + ": " + what + " must be 1-D, got shape "
                    + java.util.Arrays.toString(y.shape()));
        }
        if (n >= 0 && y.size() != n) {
            throw new IllegalArgumentException(op + ": " + what + " has " + y.size()
                    + " elements but X has " + n + " rows");
        }
        double[] v = y.toDoubleArray();
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException(op + ": " + what + "[" + i + "] is " + v[i]
                        + "; drop or impute missing values before fitting");
            }
        }
        return v;
    }
}
