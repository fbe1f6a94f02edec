package dev.strix.plotting.internal;

import dev.strix.ndarray.NdArray;
import dev.strix.ndarray.ShapeMismatchException;

/** Turns NdArray arguments into primitive arrays, with errors that name the call and the shapes. */
public final class Data {
    private Data() {}

    /** A vector: a 1-D array, or a 2-D row or column. Empty input is an error. */
    public static double[] vector(String op, String name, NdArray a) {
        if (a == null) {
            throw new IllegalArgumentException(op + ": " + name + " is null");
        }
        int[] s = a.shape();
        boolean vectorLike = s.length == 1 || (s.length == 2 && (s[0] == 1 || s[1] == 1));
        if (!vectorLike) {
            throw new ShapeMismatchException(op + ": " + name + " must be 1-D (or a 2-D row or column) but has shape "
                    + shape(a));
        }
        if (a.size() == 0) {
            throw new IllegalArgumentException(op + ": " + name + " is empty (shape " + shape(a) + "); nothing to plot");
        }
        return infinityToNaN(a.toDoubleArray());
    }

    /** Infinite values are treated as missing (NaN): they have no place on an axis. */
    static double[] infinityToNaN(double[] v) {
        for (int i = 0; i < v.length; i++) {
            if (Double.isInfinite(v[i])) {
                v[i] = Double.NaN;
            }
        }
        return v;
    }

    /** A matrix as rows. Empty input is an error. */
    public static double[][] matrix(String op, String name, NdArray a) {
        if (a == null) {
            throw new IllegalArgumentException(op + ": " + name + " is null");
        }
        if (a.ndim() != 2) {
            throw new ShapeMismatchException(op + ": " + name + " must be 2-D but has shape " + shape(a));
        }
        if (a.size() == 0) {
            throw new IllegalArgumentException(op + ": " + name + " is empty (shape " + shape(a) + "); nothing to plot");
        }
        double[][] m = a.toDoubleMatrix();
        for (double[] row : m) {
            infinityToNaN(row);
        }
        return m;
    }

    /** Checks that two vectors have the same length, naming both shapes when not. */
    public static void sameLength(String op, String xName, NdArray x, double[] xs, String yName, NdArray y, double[] ys) {
        if (xs.length != ys.length) {
            throw new ShapeMismatchException(op + ": " + xName + " has shape " + shape(x) + " but " + yName
                    + " has shape " + shape(y) + "; they must have the same length");
        }
    }

    /** The finite values of {@code v}, in order. Throws when none is left. */
    public static double[] finite(String op, String name, double[] v) {
        int n = 0;
        for (double d : v) {
            if (Double.isFinite(d)) {
                n++;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException(op + ": " + name + " has no finite value (all " + v.length
                    + " are NaN or infinite); nothing to plot");
        }
        double[] out = new double[n];
        int i = 0;
        for (double d : v) {
            if (Double.isFinite(d)) {
                out[i++] = d;
            }
        }
        return out;
    }

    /** Throws when no pair (x[i], y[i]) is finite. */
    public static void someFinitePair(String op, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                return;
            }
        }
        throw new IllegalArgumentException(op + ": no point has both coordinates finite (all " + x.length
                + " have a NaN or an infinity); nothing to plot");
    }

    public static String shape(NdArray a) {
        return ShapeMismatchException.shapeString(a.shape());
    }
}
