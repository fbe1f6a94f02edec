package dev.strix.unikernel.tool;

/**
 * A {@code strix} command cannot go on; the message says what is wrong and what to do, and the
 * tool prints it and exits non-zero.
 */
public class ToolException extends Exception {
    private static final long serialVersionUID = 1L;

    public ToolException(String message) {
        super(message);
    }

    public ToolException(String message, Throwable cause) {
        super(message, cause);
    }
}
