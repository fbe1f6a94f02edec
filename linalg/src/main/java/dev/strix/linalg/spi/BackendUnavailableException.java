package dev.strix.linalg.spi;

/**
 * The linear-algebra backend that was asked for cannot be used: no provider has that name, or its
 * initialisation failed (for example its native libraries do not load on this platform). The
 * message names the backend and how it was selected; the cause is the provider's own error.
 */
public class BackendUnavailableException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public BackendUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
