package dev.strix.linalg;

/**
 * Cholesky factorisation failed: the leading minor of order {@code pivot() + 1} is not positive
 * (the {@code pivot()}-th diagonal element of L would be the square root of a value that is not
 * positive). The message gives that value.
 */
public class NotPositiveDefiniteException extends LinalgException {
    private static final long serialVersionUID = 1L;
    private final int pivot;

    public NotPositiveDefiniteException(String op, int pivot, double value, String shape) {
        super(op + ": matrix of shape " + shape + " is not positive definite: pivot " + pivot
                + " is " + value + " (must be > 0)");
        this.pivot = pivot;
    }

    /** The 0-based index of the failing pivot. */
    public int pivot() {
        return pivot;
    }
}
