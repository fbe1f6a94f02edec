package dev.strix.ndarray;

import dev.strix.ndarray.internal.Buffers;
import dev.strix.ndarray.io.Csv;
import dev.strix.ndarray.io.Npy;
import java.io.IOException;
import java.lang.reflect.Array;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Static factories and the functions of several arrays: {@code Nd.zeros(3, 4)},
 * {@code Nd.linspace(0, 1, 100)}, {@code Nd.random(42).gaussian(1000, 3)}, {@code Nd.concat(0, a, b)}.
 */
public final class Nd {
    private Nd() {
    }

    // ------------------------------------------------------------------ filled arrays

    /** float64 zeros. */
    public static NdArray zeros(int... shape) {
        return zeros(DType.FLOAT64, shape);
    }

    public static NdArray zeros(DType t, int... shape) {
        return NdArray.allocate(t, shape);
    }

    public static NdArray ones(int... shape) {
        return full(DType.FLOAT64, 1.0, shape);
    }

    public static NdArray ones(DType t, int... shape) {
        return full(t, 1.0, shape);
    }

    /** float64 array filled with {@code value}. */
    public static NdArray full(double value, int... shape) {
        return full(DType.FLOAT64, value, shape);
    }

    public static NdArray full(DType t, double value, int... shape) {
        NdArray a = NdArray.allocate(t, shape);
        Object buf = a.buffer();
        switch (t) {
            case FLOAT64: Arrays.fill((double[]) buf, value); break;
            case FLOAT32: Arrays.fill((float[]) buf, (float) value); break;
            case INT64: Arrays.fill((long[]) buf, (long) value); break;
            case INT32: Arrays.fill((int[]) buf, (int) (long) value); break;
            case BOOL: Arrays.fill((boolean[]) buf, value != 0); break;
            default: throw new AssertionError(t);
        }
        return a;
    }

    /**
     * An array whose contents the caller will overwrite. Java zeroes new memory anyway, so this is
     * {@link #zeros(DType, int...)}; it exists for code ported from NumPy and Owl.
     */
    public static NdArray empty(DType t, int... shape) {
        return NdArray.allocate(t, shape);
    }

    /** A 0-d float64 array. */
    public static NdArray scalar(double v) {
        return NdArray.wrap(new double[] {v});
    }

    /** A 0-d int64 array. */
    public static NdArray scalar(long v) {
        return NdArray.wrap(new long[] {v});
    }

    /** n-by-n identity (float64). */
    public static NdArray eye(int n) {
        return eye(n, n, 0, DType.FLOAT64);
    }

    /** Ones on the {@code k}-th diagonal of an n-by-m matrix. */
    public static NdArray eye(int n, int m, int k, DType t) {
        NdArray a = zeros(t, n, m);
        a.diagonal(k, 0, 1).fill(1.0);
        return a;
    }

    public static NdArray identity(int n) {
        return eye(n);
    }

    // ------------------------------------------------------------------ ranges and grids

    /** {@code 0, 1, ..., stop-1} as int64. */
    public static NdArray arange(long stop) {
        return arange(0, stop, 1);
    }

    /** {@code start, start+step, ...} below {@code stop} (above, for a negative step), int64. */
    public static NdArray arange(long start, long stop, long step) {
        if (step == 0) {
            throw new IllegalArgumentException("arange: step cannot be zero");
        }
        // exact: stop - start can overflow a long (e.g. from -2^62 to 2^62)
        BigInteger span = BigInteger.valueOf(stop).subtract(BigInteger.valueOf(start));
        long n = 0;
        if (span.signum() != 0 && span.signum() == Long.signum(step)) {
            BigInteger st = BigInteger.valueOf(step).abs();
            BigInteger count = span.abs().add(st).subtract(BigInteger.ONE).divide(st);
            n = count.min(BigInteger.valueOf(Long.MAX_VALUE)).longValue();
        }
        checkLength("arange", n);
        long[] v = new long[(int) n];
        for (int i = 0; i < n; i++) {
            v[i] = start + i * step;
        }
        return NdArray.wrap(v, v.length);
    }

    /** {@code start, start+step, ...} below {@code stop}, float64, length {@code ceil((stop-start)/step)}. */
    public static NdArray arange(double start, double stop, double step) {
        if (step == 0 || Double.isNaN(step)) {
            throw new IllegalArgumentException("arange: step must be a non-zero number, got " + step);
        }
        double len = Math.ceil((stop - start) / step);
        if (Double.isNaN(len) || len > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("arange: cannot make a range from " + start + " to " + stop
                    + " by " + step);
        }
        int n = (int) Math.max(0, len);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = start + i * step;
        }
        return NdArray.wrap(v, n);
    }

    /** {@code num} evenly spaced values from {@code start} to {@code stop} inclusive. */
    public static NdArray linspace(double start, double stop, int num) {
        return linspace(start, stop, num, true);
    }

    /** As NumPy's linspace: with {@code endpoint} false, {@code stop} is excluded. */
    public static NdArray linspace(double start, double stop, int num, boolean endpoint) {
        if (num < 0) {
            throw new IllegalArgumentException("linspace: number of samples must be non-negative, got " + num);
        }
        double[] v = new double[num];
        int div = endpoint ? num - 1 : num;
        double step = div > 0 ? (stop - start) / div : Double.NaN;
        for (int i = 0; i < num; i++) {
            v[i] = start + i * step;
        }
        if (num == 1) {
            v[0] = start;
        }
        if (endpoint && num > 1) {
            v[num - 1] = stop;
        }
        return NdArray.wrap(v, num);
    }

    /** {@code base ** linspace(start, stop, num)}. */
    public static NdArray logspace(double start, double stop, int num, double base) {
        return scalar(base).pow(linspace(start, stop, num));
    }

    /** Base-10 {@link #logspace(double, double, int, double)}. */
    public static NdArray logspace(double start, double stop, int num) {
        return logspace(start, stop, num, 10.0);
    }

    /**
     * Coordinate matrices from 1-D coordinate vectors with Cartesian ("xy") indexing, as NumPy's
     * default: for x of length nx and y of length ny the results have shape (ny, nx). Views
     * (broadcast); copy one before writing to it.
     */
    public static List<NdArray> meshgrid(NdArray... xs) {
        return meshgrid(true, xs);
    }

    /** {@code xy} false gives matrix ("ij") indexing: shape (n0, n1, ...). */
    public static List<NdArray> meshgrid(boolean xy, NdArray... xs) {
        int n = xs.length;
        int[] shape = new int[n];
        for (int i = 0; i < n; i++) {
            shape[i] = xs[i].size();
        }
        if (xy && n >= 2) {
            int t = shape[0];
            shape[0] = shape[1];
            shape[1] = t;
        }
        List<NdArray> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int axis = xy && n >= 2 && i < 2 ? 1 - i : i;
            int[] s = new int[n];
            Arrays.fill(s, 1);
            s[axis] = xs[i].size();
            out.add(xs[i].ravel().reshape(s).broadcastTo(shape));
        }
        return out;
    }

    // ------------------------------------------------------------------ from Java data

    /** A 1-D float64 array holding a copy of {@code values}. */
    public static NdArray of(double... values) {
        return NdArray.wrap(values.clone(), values.length);
    }

    public static NdArray ofFloats(float... values) {
        return NdArray.wrap(values.clone(), values.length);
    }

    public static NdArray ofInts(int... values) {
        return NdArray.wrap(values.clone(), values.length);
    }

    public static NdArray ofLongs(long... values) {
        return NdArray.wrap(values.clone(), values.length);
    }

    public static NdArray ofBools(boolean... values) {
        return NdArray.wrap(values.clone(), values.length);
    }

    /** A 2-D float64 array from rows (which must all have the same length). */
    public static NdArray of(double[][] rows) {
        return fromArray(rows);
    }

    /**
     * Copies a (nested) Java array of primitives of any depth, e.g. {@code double[][][]} or
     * {@code int[][]}; the innermost primitive type gives the dtype. Ragged input is an error
     * naming the position.
     */
    public static NdArray fromArray(Object nested) {
        if (nested == null || !nested.getClass().isArray()) {
            throw new IllegalArgumentException("fromArray: expected a (nested) primitive array, got "
                    + (nested == null ? "null" : nested.getClass().getName()));
        }
        List<Integer> dims = new ArrayList<>();
        Object cur = nested;
        Class<?> c = nested.getClass();
        while (c.isArray()) {
            int len = Array.getLength(cur);
            dims.add(len);
            c = c.getComponentType();
            if (c.isArray()) {
                if (len == 0) {
                    // shape of an empty outer level: inner lengths are unknown, take 0
                    while (c.isArray()) {
                        dims.add(0);
                        c = c.getComponentType();
                    }
                    break;
                }
                cur = Array.get(cur, 0);
                if (cur == null) {
                    throw new IllegalArgumentException("fromArray: null row at depth " + dims.size());
                }
            }
        }
        DType t;
        if (c == double.class) {
            t = DType.FLOAT64;
        } else if (c == float.class) {
            t = DType.FLOAT32;
        } else if (c == long.class) {
            t = DType.INT64;
        } else if (c == int.class) {
            t = DType.INT32;
        } else if (c == boolean.class) {
            t = DType.BOOL;
        } else {
            throw new IllegalArgumentException("fromArray: element type " + c.getName()
                    + " is not supported; use double, float, long, int or boolean");
        }
        int[] shape = dims.stream().mapToInt(Integer::intValue).toArray();
        NdArray out = NdArray.allocate(t, shape);
        Object buf = out.buffer();
        int[] pos = {0};
        copyNested(nested, 0, shape, buf, pos, new int[shape.length]);
        return out;
    }

    private static void copyNested(Object node, int depth, int[] shape, Object buf, int[] pos, int[] path) {
        int len = Array.getLength(node);
        if (len != shape[depth]) {
            throw new IllegalArgumentException("fromArray: ragged array: the row at " + Arrays.toString(
                    Arrays.copyOf(path, depth)) + " has length " + len + ", expected " + shape[depth]);
        }
        if (depth == shape.length - 1) {
            System.arraycopy(node, 0, buf, pos[0], len);
            pos[0] += len;
            return;
        }
        for (int i = 0; i < len; i++) {
            path[depth] = i;
            Object child = Array.get(node, i);
            if (child == null) {
                throw new IllegalArgumentException("fromArray: null row at " + Arrays.toString(Arrays.copyOf(path, depth + 1)));
            }
            copyNested(child, depth + 1, shape, buf, pos, path);
        }
    }

    // ------------------------------------------------------------------ several arrays

    /** Joins arrays along an existing axis; types promote. */
    public static NdArray concat(int axis, NdArray... arrays) {
        return Shapes.concat(axis, arrays);
    }

    public static NdArray concat(int axis, List<NdArray> arrays) {
        return Shapes.concat(axis, arrays.toArray(new NdArray[0]));
    }

    /** Joins same-shaped arrays along a new axis. */
    public static NdArray stack(int axis, NdArray... arrays) {
        return Shapes.stack(axis, arrays);
    }

    public static NdArray stack(int axis, List<NdArray> arrays) {
        return Shapes.stack(axis, arrays.toArray(new NdArray[0]));
    }

    /** Column-wise for 2-D and up (axis 1), end to end for 1-D. */
    public static NdArray hstack(NdArray... arrays) {
        boolean oneD = arrays.length > 0 && arrays[0].ndim() == 1;
        return Shapes.concat(oneD ? 0 : 1, arrays);
    }

    /** Row-wise: 1-D arrays become rows. */
    public static NdArray vstack(NdArray... arrays) {
        NdArray[] xs = new NdArray[arrays.length];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = arrays[i].ndim() == 1 ? arrays[i].expandDims(0) : arrays[i];
        }
        return Shapes.concat(0, xs);
    }

    /** {@code cond ? a : b} element-wise with broadcasting over all three; the type is promote(a, b). */
    public static NdArray where(NdArray cond, NdArray a, NdArray b) {
        int[] shape = dev.strix.ndarray.internal.Elementwise.broadcastShapes("where",
                dev.strix.ndarray.internal.Elementwise.broadcastShapes("where", cond.shape(), a.shape()), b.shape());
        return dev.strix.ndarray.internal.Select.where(cond, a, b, shape, DType.promote(a.dtype(), b.dtype()));
    }

    public static NdArray where(NdArray cond, double a, double b) {
        return where(cond, scalar(a), scalar(b));
    }

    /** A square matrix with {@code v} on its diagonal. */
    public static NdArray diag(NdArray v) {
        return v.diag();
    }

    // ------------------------------------------------------------------ random streams

    /** A seeded random stream; the same seed always gives the same numbers. */
    public static NdRandom random(long seed) {
        return new NdRandom(seed);
    }

    // ------------------------------------------------------------------ files

    /**
     * Loads an array by file extension (case-insensitive): {@code .npy} with
     * {@link Npy#read(Path)}, {@code .csv} as the numeric
     * columns of {@link Csv#read(Path)} (a rows x columns
     * float64 array; text columns are left out).
     *
     * @throws IllegalArgumentException for any other extension
     * @throws dev.strix.ndarray.io.NdFormatException if the file is malformed
     * @throws IOException if it cannot be read
     */
    public static NdArray load(Path file) throws IOException {
        Path fn = file.getFileName();
        String name = fn == null ? "" : fn.toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".npy")) {
            return Npy.read(file);
        }
        if (name.endsWith(".csv")) {
            return Csv.read(file).numeric();
        }
        int dot = name.lastIndexOf('.');
        throw new IllegalArgumentException("Nd.load: cannot tell the format of " + file + " from its extension "
                + (dot < 0 ? "(none)" : "'" + name.substring(dot) + "'") + "; expected .npy or .csv"
                + (name.endsWith(".npz") ? " (use dev.strix.ndarray.io.Npz.read for archives)" : ""));
    }

    static void checkLength(String op, long n) {
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(op + ": " + n + " elements exceed the 2^31 - 9 limit of one Java array");
        }
    }
}
