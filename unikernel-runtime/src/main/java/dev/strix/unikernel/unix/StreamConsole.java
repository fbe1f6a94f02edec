package dev.strix.unikernel.unix;

import dev.strix.unikernel.Console;
import java.io.PrintStream;
import java.util.Objects;

/**
 * A console over two streams: the analysis' output lines to {@code out}, log lines (prefixed
 * with their level) to {@code log}. On the qemu target both are the serial line.
 */
public final class StreamConsole implements Console {
    private final PrintStream out;
    private final PrintStream log;
    private final Level threshold;

    public StreamConsole(PrintStream out, PrintStream log, Level threshold) {
        this.out = Objects.requireNonNull(out, "out");
        this.log = Objects.requireNonNull(log, "log");
        this.threshold = Objects.requireNonNull(threshold, "threshold");
    }

    @Override
    public synchronized void println(String line) {
        out.println(line);
        out.flush();
    }

    @Override
    public synchronized void log(Level level, String message) {
        if (level.compareTo(threshold) >= 0) {
            out.flush();
            log.println("[" + level + "] " + message);
            log.flush();
        }
    }
}
