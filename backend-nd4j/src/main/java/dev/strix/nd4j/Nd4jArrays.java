package dev.strix.nd4j;

import dev.strix.ndarray.DType;
import dev.strix.ndarray.NdArray;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Conversions between ND4J's {@link INDArray} and Strix's {@link NdArray}, for code that uses both.
 *
 * <p><b>Copies.</b> ND4J's CPU arrays live in native memory (JavaCPP pointers); an NdArray is a
 * view of a Java primitive array on the heap. Neither library can address the other's memory, so
 * a conversion cannot share the buffer: it is always <b>one bulk copy</b> of the elements (a
 * memcpy through JNI, no per-element loop) when the layout allows, i.e. when the source is
 * C-contiguous (row-major) or F-contiguous (column-major) and starts at the beginning of its
 * buffer. The layout is kept: an F-order INDArray becomes an NdArray with column-major strides,
 * and an F-contiguous NdArray (a transposed matrix, say) an F-order INDArray. Any other layout (a
 * slice with gaps, a broadcast, negative strides, an offset into a larger buffer) is first
 * materialised in C order, which is a second copy.
 *
 * <p>Types: float64 &lt;-&gt; DOUBLE, float32 &lt;-&gt; FLOAT, int64 &lt;-&gt; LONG, int32 &lt;-&gt; INT,
 * bool &lt;-&gt; BOOL. Other ND4J types (HALF, BFLOAT16, INT8...) are rejected with the type's
 * name; cast them first ({@code x.castTo(DataType.DOUBLE)}).
 */
public final class Nd4jArrays {
    private Nd4jArrays() {
    }

    /** An INDArray with the same shape, dtype and values (one bulk copy when the layout allows; see class doc). */
    public static INDArray toINDArray(NdArray a) {
        DataType type = switch (a.dtype()) {
            case FLOAT64 -> DataType.DOUBLE;
            case FLOAT32 -> DataType.FLOAT;
            case INT64 -> DataType.LONG;
            case INT32 -> DataType.INT;
            case BOOL -> DataType.BOOL;
            default -> throw new IllegalArgumentException("toINDArray: dtype " + a.dtype() + " has no ND4J counterpart");
        };
        long[] shape = longs(a.shape());
        if (a.size() == 0) {
            return Nd4j.create(type, shape);
        }
        NdArray src = a;
        char order = 'c';
        if (!exact(a)) {
            if (a.ndim() >= 2 && a.dtype() != DType.BOOL && exact(a.transpose())) {
                order = 'f';
            } else {
                src = a.copy();   // the second copy: this layout has no ND4J equivalent
            }
        }
        long[] strides = longs(src.strides());
        Object buf = src.buffer();
        INDArray out;
        if (buf instanceof double[] d) {
            out = Nd4j.create(d, shape, strides, order, type);
        } else if (buf instanceof float[] f) {
            out = Nd4j.create(f, shape, strides, order, type);
        } else if (buf instanceof long[] l) {
            out = Nd4j.create(l, shape, strides, order, type);
        } else if (buf instanceof int[] i) {
            out = Nd4j.create(i, shape, strides, order, type);
        } else {
            out = Nd4j.create((boolean[]) buf, shape, DataType.BOOL);   // always C order (see above)
        }
        return out;
    }

    /** An NdArray with the same shape, dtype and values (one bulk copy when the layout allows; see class doc). */
    public static NdArray toNdArray(INDArray x) {
        DataType type = x.dataType();
        DType t = switch (type) {
            case DOUBLE -> DType.FLOAT64;
            case FLOAT -> DType.FLOAT32;
            case LONG -> DType.INT64;
            case INT -> DType.INT32;
            case BOOL -> DType.BOOL;
            default -> throw new IllegalArgumentException("toNdArray: ND4J type " + type
                    + " has no Strix dtype; cast it first, e.g. x.castTo(DataType.DOUBLE)");
        };
        int[] shape = ints(x.shape(), x);
        if (x.isEmpty() || x.length() == 0) {
            return dev.strix.ndarray.Nd.zeros(t, shape);
        }
        INDArray src = x;
        if (!exact(x)) {
            src = x.dup('c');   // the second copy: a view with gaps or an offset
        }
        int[] strides = src.rank() == 0 ? new int[0] : ints(src.stride(), x);
        Object buf = switch (t) {
            case FLOAT64 -> src.data().asDouble();
            case FLOAT32 -> src.data().asFloat();
            case INT64 -> src.data().asLong();
            case INT32 -> src.data().asInt();
            default -> bools(src.data().asInt());
        };
        return NdArray.wrap(buf, shape, strides, 0);
    }

    /** True when the NdArray's buffer holds exactly its elements in C order from index 0. */
    private static boolean exact(NdArray a) {
        return a.isContiguous() && a.offset() == 0 && bufferLength(a.buffer()) == a.size();
    }

    /** True when the INDArray's buffer holds exactly its elements, in C or F order, from index 0. */
    private static boolean exact(INDArray x) {
        if (x.isView() || x.offset() != 0 || x.data().length() != x.length()) {
            return false;
        }
        long[] st = x.stride();
        long[] sh = x.shape();
        return Arrays.equals(st, strides(sh, 'c')) || Arrays.equals(st, strides(sh, 'f'));
    }

    private static long[] strides(long[] shape, char order) {
        long[] st = new long[shape.length];
        long s = 1;
        for (int k = 0; k < shape.length; k++) {
            int d = order == 'c' ? shape.length - 1 - k : k;
            st[d] = s;
            s *= Math.max(shape[d], 1);
        }
        return st;
    }

    private static int bufferLength(Object buf) {
        return java.lang.reflect.Array.getLength(buf);
    }

    private static boolean[] bools(int[] v) {
        boolean[] z = new boolean[v.length];
        for (int i = 0; i < v.length; i++) {
            z[i] = v[i] != 0;
        }
        return z;
    }

    private static long[] longs(int[] v) {
        long[] r = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = v[i];
        }
        return r;
    }

    private static int[] ints(long[] v, INDArray x) {
        int[] r = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            if (v[i] > Integer.MAX_VALUE || v[i] < Integer.MIN_VALUE) {
                throw new IllegalArgumentException("toNdArray: ND4J array of shape " + Arrays.toString(x.shape())
                        + " is larger than one Java array can hold");
            }
            r[i] = (int) v[i];
        }
        return r;
    }
}
