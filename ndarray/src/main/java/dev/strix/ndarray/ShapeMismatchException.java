package dev.strix.ndarray;

import java.util.Arrays;

/**
 * Thrown when the shapes of the operands of an operation cannot work together (broadcasting,
 * concatenation, matrix products...). The message names the operation and every shape involved.
 */
public class ShapeMismatchException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public ShapeMismatchException(String message) {
        super(message);
    }

    /** Formats a shape as NumPy does: {@code (3, 1, 4)}, {@code (5,)}, {@code ()}. */
    public static String shapeString(int[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        String s = Arrays.toString(shape);
        return "(" + s.substring(1, s.length() - 1) + ")";
    }
}
