package dev.strix.sparse;

/** A direct factorisation failed: the matrix is singular, or not positive definite for Cholesky. */
public class SingularMatrixException extends ArithmeticException {
    private static final long serialVersionUID = 1L;

    public SingularMatrixException(String message) {
        super(message);
    }
}
