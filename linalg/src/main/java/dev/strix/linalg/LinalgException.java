package dev.strix.linalg;

/** A numerical failure of a linear-algebra routine (NumPy's {@code LinAlgError}). */
public class LinalgException extends ArithmeticException {
    private static final long serialVersionUID = 1L;

    public LinalgException(String message) {
        super(message);
    }
}
