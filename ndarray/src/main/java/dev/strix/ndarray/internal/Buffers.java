package dev.strix.ndarray.internal;

import dev.strix.ndarray.DType;

/** Typed access to the flat primitive buffers behind arrays. Not for per-element hot loops. */
public final class Buffers {
    private Buffers() {
    }

    public static Object allocate(DType t, int n) {
        switch (t) {
            case FLOAT64: return new double[n];
            case FLOAT32: return new float[n];
            case INT64: return new long[n];
            case INT32: return new int[n];
            case BOOL: return new boolean[n];
            default: throw new AssertionError(t);
        }
    }

    public static int length(Object buf) {
        if (buf instanceof double[]) return ((double[]) buf).length;
        if (buf instanceof float[]) return ((float[]) buf).length;
        if (buf instanceof long[]) return ((long[]) buf).length;
        if (buf instanceof int[]) return ((int[]) buf).length;
        if (buf instanceof boolean[]) return ((boolean[]) buf).length;
        throw new IllegalArgumentException("not a supported buffer type: "
                + (buf == null ? "null" : buf.getClass().getSimpleName()));
    }

    public static DType dtypeOf(Object buf) {
        if (buf instanceof double[]) return DType.FLOAT64;
        if (buf instanceof float[]) return DType.FLOAT32;
        if (buf instanceof long[]) return DType.INT64;
        if (buf instanceof int[]) return DType.INT32;
        if (buf instanceof boolean[]) return DType.BOOL;
        throw new IllegalArgumentException("not a supported buffer type: "
                + (buf == null ? "null" : buf.getClass().getSimpleName())
                + "; expected double[], float[], long[], int[] or boolean[]");
    }

    public static double getDouble(Object buf, DType t, int i) {
        switch (t) {
            case FLOAT64: return ((double[]) buf)[i];
            case FLOAT32: return ((float[]) buf)[i];
            case INT64: return ((long[]) buf)[i];
            case INT32: return ((int[]) buf)[i];
            case BOOL: return ((boolean[]) buf)[i] ? 1.0 : 0.0;
            default: throw new AssertionError(t);
        }
    }

    public static long getLong(Object buf, DType t, int i) {
        switch (t) {
            case FLOAT64: return (long) ((double[]) buf)[i];
            case FLOAT32: return (long) ((float[]) buf)[i];
            case INT64: return ((long[]) buf)[i];
            case INT32: return ((int[]) buf)[i];
            case BOOL: return ((boolean[]) buf)[i] ? 1L : 0L;
            default: throw new AssertionError(t);
        }
    }

    public static boolean getBoolean(Object buf, DType t, int i) {
        switch (t) {
            case FLOAT64: return ((double[]) buf)[i] != 0.0;
            case FLOAT32: return ((float[]) buf)[i] != 0.0f;
            case INT64: return ((long[]) buf)[i] != 0L;
            case INT32: return ((int[]) buf)[i] != 0;
            case BOOL: return ((boolean[]) buf)[i];
            default: throw new AssertionError(t);
        }
    }

    /** Stores a double, converting as NumPy's casting would (truncation toward zero for ints). */
    public static void setDouble(Object buf, DType t, int i, double v) {
        switch (t) {
            case FLOAT64: ((double[]) buf)[i] = v; break;
            case FLOAT32: ((float[]) buf)[i] = (float) v; break;
            case INT64: ((long[]) buf)[i] = (long) v; break;
            case INT32: ((int[]) buf)[i] = (int) (long) v; break;
            case BOOL: ((boolean[]) buf)[i] = v != 0.0; break;
            default: throw new AssertionError(t);
        }
    }

    /** Stores a long; int32 storage keeps the low 32 bits (wrap-around, as NumPy). */
    public static void setLong(Object buf, DType t, int i, long v) {
        switch (t) {
            case FLOAT64: ((double[]) buf)[i] = v; break;
            case FLOAT32: ((float[]) buf)[i] = v; break;
            case INT64: ((long[]) buf)[i] = v; break;
            case INT32: ((int[]) buf)[i] = (int) v; break;
            case BOOL: ((boolean[]) buf)[i] = v != 0L; break;
            default: throw new AssertionError(t);
        }
    }

    public static void setBoolean(Object buf, DType t, int i, boolean v) {
        setLong(buf, t, i, v ? 1L : 0L);
    }
}
