package dev.strix.ndarray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Printing: only the stable properties (header, alignment, elision), not the exact digits. */
class NdArrayFormatTest {

    private static String[] bodyLines(NdArray a) {
        String[] lines = a.toString().split("\n");
        String[] body = new String[lines.length - 1];
        System.arraycopy(lines, 1, body, 0, body.length);
        return body;
    }

    private static void assertAligned(NdArray a) {
        String[] rows = bodyLines(a);
        for (String r : rows) {
            assertEquals(rows[0].length(), r.length(), () -> "rows of different length:\n" + a);
        }
    }

    @Test
    void headerNamesDtypeAndShape() {
        String s = TestSupport.seq(2, 3).toString();
        assertTrue(s.contains("float64"), s);
        assertTrue(s.contains("(2, 3)"), s);
        assertTrue(Nd.ofInts(1).toString().contains("int32"));
        assertTrue(Nd.ofInts(1).toString().contains("(1,)"));
        assertTrue(Nd.ofBools(true).toString().contains("bool"));
        assertTrue(Nd.ofFloats(1f).toString().contains("float32"));
    }

    @Test
    void columnsAlign() {
        assertAligned(Nd.of(new double[][] {{1.5, -20.25, 3}, {100, 0.5, -7}, {0, 1, 2}}));
        assertAligned(Nd.of(new double[][] {{1e-9, 1}, {1e9, -3.25}}));
        assertAligned(Nd.of(new double[][] {{Double.NaN, 1}, {Double.NEGATIVE_INFINITY, -0.0}}));
        assertAligned(Nd.ofInts(1, -200, 30, 4).reshape(2, 2));
        assertAligned(Nd.ofBools(true, false, false, true).reshape(2, 2));
        assertAligned(Nd.random(1).gaussian(5, 4));
        assertAligned(Nd.random(2).gaussian(4, 3).astype(DType.FLOAT32));
        assertAligned(TestSupport.seq(3, 4).transpose());
    }

    @Test
    void largeArraysAreElided() {
        NdArray big = TestSupport.seq(40, 50);
        String s = big.toString();
        assertTrue(s.contains("..."), s);
        assertTrue(s.split("\n").length < 15, s);
        String[] rows = bodyLines(big);
        assertEquals(7, rows.length, "3 rows, an elision row, 3 rows: " + s);
        for (String r : rows) {
            assertTrue(r.contains("..."), r);
        }
        assertTrue(s.contains("(40, 50)"));
        String small = TestSupport.seq(10, 10).toString();
        assertFalse(small.contains("..."), small);
    }

    @Test
    void zeroDimensionalAndEmptyArrays() {
        String s = Nd.scalar(3.5).toString();
        assertTrue(s.contains("3.5"), s);
        assertTrue(s.contains("()"), s);
        assertFalse(s.contains("["), s);
        String e = Nd.zeros(0).toString();
        assertTrue(e.contains("[]"), e);
        assertTrue(e.contains("(0,)"), e);
        String e2 = Nd.zeros(2, 0).toString();
        assertTrue(e2.contains("(2, 0)"), e2);
        assertTrue(Nd.zeros(0, 3).toString().contains("(0, 3)"));
        assertTrue(Nd.scalar(7L).toString().contains("7"));
    }

    @Test
    void specialValuesAndTypes() {
        String s = Nd.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY).toString();
        assertTrue(s.contains("nan") && s.contains("inf") && s.contains("-inf"), s);
        String b = Nd.ofBools(true, false).toString();
        assertTrue(b.contains("true") && b.contains("false"), b);
        String l = Nd.ofLongs(Long.MAX_VALUE, -1).toString();
        assertTrue(l.contains(Long.toString(Long.MAX_VALUE)), l);
        String f = Nd.of(0.1, 0.25).toString();
        assertTrue(f.contains("0.1") && f.contains("0.25"), f);
        assertFalse(Nd.of(1e-3, 2).toString().contains("0.000"), "no runaway zeros");
    }
}
