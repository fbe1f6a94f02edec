package dev.strix.stats.internal;

import dev.strix.ndarray.NdArray;
import dev.strix.ndarray.ShapeMismatchException;
import java.util.function.ToDoubleFunction;
import java.util.function.UnaryOperator;

/**
 * Runs a 1-D kernel on every lane of an array along one axis. A lane is copied into a fresh
 * {@code double[]} (the kernels may sort or overwrite it), so any dtype and any layout works.
 */
public final class Lanes {
    private Lanes() {
    }

    /** Normalises a possibly negative axis, naming the operation and the shape when it is out of range. */
    public static int axis(String op, NdArray a, int axis) {
        int nd = a.ndim();
        int ax = axis < 0 ? axis + nd : axis;
        if (nd == 0 || ax < 0 || ax >= nd) {
            throw new IllegalArgumentException(op + ": axis " + axis + " is out of bounds for an array of dimension "
                    + nd + " with shape " + ShapeMismatchException.shapeString(a.shape()));
        }
        return ax;
    }

    /** All elements as a fresh row-major float64 copy. */
    public static double[] all(NdArray a) {
        return a.toDoubleArray();
    }

    /** Lanes along {@code axis}: row-major over the other axes, each of length {@code shape[axis]}. */
    public static double[][] split(String op, NdArray a, int axis) {
        int ax = axis(op, a, axis);
        int n = a.shape(ax);
        int lanes = lanes(a.shape(), ax);
        double[][] out = new double[lanes][];
        if (n == 0) {
            for (int i = 0; i < lanes; i++) {
                out[i] = new double[0];
            }
            return out;
        }
        double[] flat = a.moveAxis(ax, -1).toDoubleArray();
        for (int i = 0; i < lanes; i++) {
            double[] lane = new double[n];
            System.arraycopy(flat, i * n, lane, 0, n);
            out[i] = lane;
        }
        return out;
    }

    /** Reduces every lane along {@code axis} to one number; the axis is removed from the shape. */
    public static NdArray reduce(String op, NdArray a, int axis, ToDoubleFunction<double[]> kernel) {
        int ax = axis(op, a, axis);
        double[][] lanes = split(op, a, ax);
        double[] out = new double[lanes.length];
        for (int i = 0; i < lanes.length; i++) {
            out[i] = kernel.applyAsDouble(lanes[i]);
        }
        return NdArray.wrap(out, without(a.shape(), ax));
    }

    /** Maps every lane along {@code axis} to a lane of the same length; the shape is kept. */
    public static NdArray transform(String op, NdArray a, int axis, UnaryOperator<double[]> kernel) {
        int ax = axis(op, a, axis);
        int n = a.shape(ax);
        double[][] lanes = split(op, a, ax);
        double[] flat = new double[lanes.length * n];
        for (int i = 0; i < lanes.length; i++) {
            double[] r = kernel.apply(lanes[i]);
            System.arraycopy(r, 0, flat, i * n, n);
        }
        int[] moved = moved(a.shape(), ax);
        return NdArray.wrap(flat, moved).moveAxis(-1, ax).copy();
    }

    /** Number of lanes: the product of every dimension except {@code axis}. */
    static int lanes(int[] shape, int axis) {
        int m = 1;
        for (int i = 0; i < shape.length; i++) {
            if (i != axis) {
                m *= shape[i];
            }
        }
        return m;
    }

    /** The shape with {@code axis} removed. */
    public static int[] without(int[] shape, int axis) {
        int[] r = new int[shape.length - 1];
        for (int i = 0, j = 0; i < shape.length; i++) {
            if (i != axis) {
                r[j++] = shape[i];
            }
        }
        return r;
    }

    /** The shape with {@code axis} moved to the end. */
    static int[] moved(int[] shape, int axis) {
        int[] r = new int[shape.length];
        for (int i = 0, j = 0; i < shape.length; i++) {
            if (i != axis) {
                r[j++] = shape[i];
            }
        }
        r[shape.length - 1] = shape[axis];
        return r;
    }

    /** The elements that are not NaN. */
    public static double[] dropNaN(double[] x) {
        int k = 0;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                k++;
            }
        }
        if (k == x.length) {
            return x;
        }
        double[] r = new double[k];
        k = 0;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                r[k++] = v;
            }
        }
        return r;
    }

    public static boolean hasNaN(double[] x) {
        for (double v : x) {
            if (Double.isNaN(v)) {
                return true;
            }
        }
        return false;
    }
}
