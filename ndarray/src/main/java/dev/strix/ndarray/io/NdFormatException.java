package dev.strix.ndarray.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file (or stream) that is not valid in the format being read: a bad {@code .npy} magic or
 * header, truncated data, an unsupported dtype, a ragged CSV row... The message names the source
 * and where the problem is; {@link #file()} and {@link #position()} give them to programs.
 */
public class NdFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The file, or null; transient because {@link Path} is not serializable ({@link #source} keeps its name). */
    private final transient Path file;
    /** The name of the source as in the message. */
    private final String source;
    /** A byte offset or a 1-based line number. */
    private final long position;
    /** Whether {@link #position} is a line number. */
    private final boolean lineBased;

    private NdFormatException(Path file, String source, long position, boolean lineBased, String detail,
            Throwable cause) {
        super(source + (lineBased ? ": line " + position : ": at byte offset " + position) + ": " + detail, cause);
        this.file = file;
        this.source = source;
        this.position = position;
        this.lineBased = lineBased;
    }

    /** A problem in a binary source, {@code offset} bytes from its start. */
    static NdFormatException atOffset(Path file, String source, long offset, String detail) {
        return new NdFormatException(file, source, offset, false, detail, null);
    }

    /** As {@link #atOffset(Path, String, long, String)}, with the underlying cause. */
    static NdFormatException atOffset(Path file, String source, long offset, String detail, Throwable cause) {
        return new NdFormatException(file, source, offset, false, detail, cause);
    }

    /** A problem on (1-based) line {@code line} of a text source. */
    static NdFormatException atLine(Path file, String source, long line, String detail) {
        return new NdFormatException(file, source, line, true, detail, null);
    }

    /** The file being read, or null when reading a stream. */
    public Path file() {
        return file;
    }

    /** The name of the source as used in the message: the file, a stream's name, or {@code archive:entry}. */
    public String source() {
        return source;
    }

    /**
     * Where the problem is: a byte offset from the start of a binary source (an {@code .npz}
     * entry's offset is within the entry), or a 1-based line number for CSV; see {@link #isLineNumber()}.
     */
    public long position() {
        return position;
    }

    /** True when {@link #position()} is a line number (text formats), false for a byte offset. */
    public boolean isLineNumber() {
        return lineBased;
    }
}
