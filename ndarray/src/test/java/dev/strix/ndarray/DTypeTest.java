package dev.strix.ndarray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link DType}: promotion, names and parsing. */
class DTypeTest {
    private static final DType B = DType.BOOL;
    private static final DType I4 = DType.INT32;
    private static final DType I8 = DType.INT64;
    private static final DType F4 = DType.FLOAT32;
    private static final DType F8 = DType.FLOAT64;

    @Test
    void promotionTableIsNumPys() {
        DType[] order = {B, I4, I8, F4, F8};
        // rows/cols in the order above; NumPy's np.promote_types for these types
        DType[][] expected = {
            {B, I4, I8, F4, F8},
            {I4, I4, I8, F8, F8},
            {I8, I8, I8, F8, F8},
            {F4, F8, F8, F4, F8},
            {F8, F8, F8, F8, F8},
        };
        for (int i = 0; i < order.length; i++) {
            for (int j = 0; j < order.length; j++) {
                assertEquals(expected[i][j], DType.promote(order[i], order[j]), order[i] + " with " + order[j]);
            }
        }
    }

    @Test
    void promotionMatchesTheTypeOfArrayArithmetic() {
        for (DType a : DType.values()) {
            for (DType b : DType.values()) {
                DType p = DType.promote(a, b);
                DType expected = p == B ? I8 : p; // bool arithmetic counts in int64
                assertEquals(expected, Nd.zeros(a, 1).add(Nd.zeros(b, 1)).dtype(), a + " + " + b);
            }
        }
    }

    @Test
    void kindsAndFloatingCounterparts() {
        assertTrue(F4.isFloating());
        assertTrue(F8.isFloating());
        assertFalse(I8.isFloating());
        assertTrue(I4.isInteger());
        assertTrue(I8.isInteger());
        assertFalse(B.isInteger());
        assertFalse(B.isFloating());
        assertEquals(F4, F4.toFloating());
        assertEquals(F8, I4.toFloating());
        assertEquals(F8, B.toFloating());
        assertEquals(F8, F8.toFloating());
    }

    @Test
    void namesSizesAndDescriptors() {
        assertEquals("float64", F8.numpyName());
        assertEquals("float64", F8.toString());
        assertEquals("bool", B.numpyName());
        assertEquals(1, B.itemSize());
        assertEquals(4, I4.itemSize());
        assertEquals(8, I8.itemSize());
        assertEquals(4, F4.itemSize());
        assertEquals(8, F8.itemSize());
        assertEquals("|b1", B.npyDescr());
        assertEquals("<i4", I4.npyDescr());
        assertEquals("<i8", I8.npyDescr());
        assertEquals("<f4", F4.npyDescr());
        assertEquals("<f8", F8.npyDescr());
    }

    @Test
    void parse() {
        for (DType t : DType.values()) {
            assertEquals(t, DType.parse(t.numpyName()));
            assertEquals(t, DType.parse(" " + t.numpyName().toUpperCase(java.util.Locale.ROOT) + " "));
        }
        assertEquals(F8, DType.parse("f8"));
        assertEquals(F4, DType.parse("f4"));
        assertEquals(I8, DType.parse("i8"));
        assertEquals(I4, DType.parse("i4"));
        assertEquals(B, DType.parse("?"));
        assertEquals(B, DType.parse("b1"));
        assertEquals(F8, DType.parse("double"));
        assertEquals(I8, DType.parse("long"));
    }

    /**
     * astype between every pair, contiguous (typed loops) and through a reversed view (the
     * general loop), against Java's casts written out: float to int truncates toward zero, NaN
     * gives 0, out of range saturates to the long range, int32 keeps the low 32 bits of that.
     */
    @Test
    void astypeOfEveryPairIsJavasCastOnAnyLayout() {
        double[] v = {0.0, -0.0, 1.5, -1.5, 2.9, -2.9, 1e10, -1e10, 3e9, 1e19, -1e19, Double.NaN,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 16777217.0, 9007199254740993.0, 0.1, 123456789.123};
        NdArray src64 = Nd.of(v);
        for (DType from : DType.values()) {
            NdArray x = src64.astype(from);
            for (DType to : DType.values()) {
                NdArray contiguous = x.astype(to);
                NdArray strided = x.flip().astype(to).flip();
                assertEquals(to, contiguous.dtype());
                for (int i = 0; i < v.length; i++) {
                    double want = javaCast(x, i, to);
                    String what = from + " " + x.getDouble(i) + " to " + to;
                    assertEquals(Double.doubleToLongBits(want), Double.doubleToLongBits(contiguous.getDouble(i)), what);
                    assertEquals(Double.doubleToLongBits(want), Double.doubleToLongBits(strided.getDouble(i)), what + " (view)");
                }
            }
        }
    }

    /** Element i of x cast to {@code to} by Java's own conversions, read back as a double. */
    private static double javaCast(NdArray x, int i, DType to) {
        switch (x.dtype()) {
            case FLOAT64:
            case FLOAT32: {
                double d = x.getDouble(i);
                double f = x.dtype() == F4 ? (float) d : d;
                switch (to) {
                    case FLOAT64: return f;
                    case FLOAT32: return (float) f;
                    case INT64: return (long) f;
                    case INT32: return (int) (long) f;
                    default: return f != 0 ? 1 : 0;
                }
            }
            default: {
                long l = x.getLong(i);
                switch (to) {
                    case FLOAT64: return (double) l;
                    case FLOAT32: return (float) l;
                    case INT64: return l;
                    case INT32: return (int) l;
                    default: return l != 0 ? 1 : 0;
                }
            }
        }
    }
}
