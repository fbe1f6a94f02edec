package dev.strix.ndarray.io;

import dev.strix.ndarray.DType;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * How {@link Csv#read(java.nio.file.Path, CsvOptions)} reads a file. Immutable: each setter-like
 * method returns a modified copy, e.g.
 * {@code CsvOptions.defaults().delimiter(';').header(false).dtype(DType.INT64)}.
 *
 * <p>Defaults: delimiter {@code ','}, a header row, quote {@code '"'}, missing-value tokens
 * {@code "" "NA" "NaN" "nan" "N/A" "null"}, no comment prefix, float64 numbers, no skipped rows.
 */
public final class CsvOptions {
    private static final Set<String> DEFAULT_MISSING = Collections.unmodifiableSet(
            new LinkedHashSet<>(Arrays.asList("", "NA", "NaN", "nan", "N/A", "null")));
    private static final CsvOptions DEFAULTS = new CsvOptions(',', true, '"', DEFAULT_MISSING, null,
            DType.FLOAT64, 0);

    private final char delimiter;
    private final boolean header;
    private final char quote;
    private final Set<String> missing;
    private final String comment;
    private final DType dtype;
    private final int skipRows;

    private CsvOptions(char delimiter, boolean header, char quote, Set<String> missing, String comment,
            DType dtype, int skipRows) {
        this.delimiter = delimiter;
        this.header = header;
        this.quote = quote;
        this.missing = missing;
        this.comment = comment;
        this.dtype = dtype;
        this.skipRows = skipRows;
    }

    /** The defaults listed in the class comment. */
    public static CsvOptions defaults() {
        return DEFAULTS;
    }

    /**
     * The field separator. @throws IllegalArgumentException if it is a line break or equals the
     * quote character.
     */
    public CsvOptions delimiter(char c) {
        checkSeparator("delimiter", c);
        if (c == quote) {
            throw new IllegalArgumentException("CsvOptions.delimiter: '" + c + "' is already the quote character");
        }
        return new CsvOptions(c, header, quote, missing, comment, dtype, skipRows);
    }

    /** The field separator. */
    public char delimiter() {
        return delimiter;
    }

    /** Whether the first (non-skipped, non-comment) row holds the column names. */
    public CsvOptions header(boolean hasHeader) {
        return new CsvOptions(delimiter, hasHeader, quote, missing, comment, dtype, skipRows);
    }

    /** Whether the first row holds the column names. */
    public boolean header() {
        return header;
    }

    /**
     * The quote character (RFC 4180: a quoted field may hold delimiters and line breaks, and a
     * doubled quote stands for one). @throws IllegalArgumentException if it is a line break or
     * equals the delimiter.
     */
    public CsvOptions quote(char c) {
        checkSeparator("quote", c);
        if (c == delimiter) {
            throw new IllegalArgumentException("CsvOptions.quote: '" + c + "' is already the delimiter");
        }
        return new CsvOptions(delimiter, header, c, missing, comment, dtype, skipRows);
    }

    /** The quote character. */
    public char quote() {
        return quote;
    }

    /**
     * The cell texts (compared after trimming surrounding whitespace) that mean "missing": NaN in a
     * float column, an error in an integer column. Replaces the default set.
     */
    public CsvOptions missing(String... tokens) {
        return missing(Arrays.asList(tokens));
    }

    /** As {@link #missing(String...)}. @throws IllegalArgumentException if a token is null. */
    public CsvOptions missing(Collection<String> tokens) {
        Set<String> s = new LinkedHashSet<>();
        for (String t : tokens) {
            if (t == null) {
                throw new IllegalArgumentException("CsvOptions.missing: null token in " + tokens);
            }
            s.add(t.strip());
        }
        return new CsvOptions(delimiter, header, quote, Collections.unmodifiableSet(s), comment, dtype, skipRows);
    }

    /** The missing-value tokens (unmodifiable). */
    public Set<String> missing() {
        return missing;
    }

    /**
     * Lines that start with {@code prefix} (e.g. {@code "#"}) are skipped wherever a row could
     * start; null or empty means no comments. Text after a prefix in the middle of a row is data.
     */
    public CsvOptions comment(String prefix) {
        String p = prefix == null || prefix.isEmpty() ? null : prefix;
        return new CsvOptions(delimiter, header, quote, missing, p, dtype, skipRows);
    }

    /** The comment prefix, or null for none. */
    public String comment() {
        return comment;
    }

    /**
     * The type of numeric columns: FLOAT64 (default), FLOAT32, INT64 or INT32. With an integer type
     * every cell of a numeric column must be an integer in range.
     *
     * @throws IllegalArgumentException for BOOL
     */
    public CsvOptions dtype(DType t) {
        Objects.requireNonNull(t, "CsvOptions.dtype: null");
        if (t == DType.BOOL) {
            throw new IllegalArgumentException("CsvOptions.dtype: bool is not a numeric column type; use float64,"
                    + " float32, int64 or int32");
        }
        return new CsvOptions(delimiter, header, quote, missing, comment, t, skipRows);
    }

    /** The type numeric columns are read as. */
    public DType dtype() {
        return dtype;
    }

    /**
     * How many physical lines to skip at the start of the file, before the header.
     *
     * @throws IllegalArgumentException if negative
     */
    public CsvOptions skipRows(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("CsvOptions.skipRows: must be non-negative, got " + n);
        }
        return new CsvOptions(delimiter, header, quote, missing, comment, dtype, n);
    }

    /** How many lines are skipped before the header. */
    public int skipRows() {
        return skipRows;
    }

    private static void checkSeparator(String what, char c) {
        if (c == '\n' || c == '\r') {
            throw new IllegalArgumentException("CsvOptions." + what + ": a line break cannot be the " + what);
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CsvOptions)) {
            return false;
        }
        CsvOptions b = (CsvOptions) o;
        return delimiter == b.delimiter && header == b.header && quote == b.quote && missing.equals(b.missing)
                && Objects.equals(comment, b.comment) && dtype == b.dtype && skipRows == b.skipRows;
    }

    @Override
    public int hashCode() {
        return Objects.hash(delimiter, header, quote, missing, comment, dtype, skipRows);
    }

    @Override
    public String toString() {
        return "CsvOptions[delimiter='" + delimiter + "', header=" + header + ", quote='" + quote + "', missing="
                + missing + ", comment=" + (comment == null ? "none" : "'" + comment + "'") + ", dtype=" + dtype
                + ", skipRows=" + skipRows + "]";
    }
}
