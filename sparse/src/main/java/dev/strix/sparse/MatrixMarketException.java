package dev.strix.sparse;

import java.io.IOException;
import java.nio.file.Path;

/** A malformed Matrix Market file; the message starts with {@code file:line:}. */
public class MatrixMarketException extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient Path file;
    private final long line;

    public MatrixMarketException(Path file, long line, String message) {
        super(file + ":" + line + ": " + message);
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    /** 1-based line number. */
    public long line() {
        return line;
    }
}
