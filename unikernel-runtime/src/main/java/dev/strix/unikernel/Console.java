package dev.strix.unikernel;

/**
 * Text output: the host terminal on the unix and jlink targets, the serial line of the VM on the
 * qemu target. Log lines carry a level and go to the diagnostic stream; {@link #println} is the
 * analysis' own output (its report), written as is.
 */
public interface Console {
    /** Severity of a log line; lines below the console's threshold are dropped. */
    enum Level { DEBUG, INFO, WARN, ERROR }

    /** Writes one line of the analysis' output, unprefixed. */
    void println(String line);

    /** Writes a log line, prefixed with its level, if the level is at or above the threshold. */
    void log(Level level, String message);

    default void debug(String message) {
        log(Level.DEBUG, message);
    }

    default void info(String message) {
        log(Level.INFO, message);
    }

    default void warn(String message) {
        log(Level.WARN, message);
    }

    default void error(String message) {
        log(Level.ERROR, message);
    }
}
