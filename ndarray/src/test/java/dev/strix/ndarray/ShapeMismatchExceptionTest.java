package dev.strix.ndarray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ShapeMismatchExceptionTest {

    @Test
    void shapeStringFollowsPythonTuples() {
        assertEquals("(3, 1, 4)", ShapeMismatchException.shapeString(new int[] {3, 1, 4}));
        assertEquals("(5,)", ShapeMismatchException.shapeString(new int[] {5}));
        assertEquals("(0,)", ShapeMismatchException.shapeString(new int[] {0}));
        assertEquals("()", ShapeMismatchException.shapeString(new int[0]));
        assertEquals("(2, 0)", ShapeMismatchException.shapeString(new int[] {2, 0}));
    }

    @Test
    void isAnIllegalArgumentExceptionKeepingItsMessage() {
        ShapeMismatchException e = new ShapeMismatchException("op: shapes (2,) and (3,)");
        assertTrue(e instanceof IllegalArgumentException);
        assertEquals("op: shapes (2,) and (3,)", e.getMessage());
    }
}
