package dev.strix.linalg;

/**
 * The matrix is exactly singular: elimination met a zero pivot. {@link #pivot()} is the 0-based
 * index of the first zero diagonal element of U (LAPACK's {@code info - 1}).
 */
public class SingularMatrixException extends LinalgException {
    private static final long serialVersionUID = 1L;
    private final int pivot;

    public SingularMatrixException(String op, int pivot, String shape) {
        super(op + ": singular matrix of shape " + shape + ": pivot " + pivot + " is exactly zero");
        this.pivot = pivot;
    }

    /** The 0-based index of the zero pivot. */
    public int pivot() {
        return pivot;
    }
}
