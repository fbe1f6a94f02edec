package dev.strix.ndarray.io;

import dev.strix.ndarray.DType;
import dev.strix.ndarray.NdArray;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Typed CSV for numeric work: {@link #read} auto-types each column (numeric when every non-missing
 * cell is a number, else text) and {@link #write} writes matrices that NumPy, pandas and
 * {@link #read} read back exactly.
 *
 * <p>Reading follows RFC 4180 (quoted fields may hold delimiters, line breaks and doubled quotes),
 * accepts UTF-8 with or without a byte-order mark and LF, CRLF or CR line ends, and skips blank
 * lines. Numbers are decimal literals ({@code 1}, {@code -2.5}, {@code 1e-3}, {@code .5}) or
 * {@code nan}, {@code inf}, {@code -inf}, {@code infinity} in any case; surrounding spaces are
 * ignored. Errors are {@link NdFormatException}s naming the file and the 1-based physical line:
 * a row with a different number of fields than the header (both counts named), a quote that is
 * never closed (the line where it opened), a missing or non-integer value in a column read as an
 * integer type, invalid UTF-8. An empty file, or one with only a header, gives a table with no rows.
 */
public final class Csv {
    private Csv() {
    }

    /** Reads with {@link CsvOptions#defaults()}. */
    public static CsvTable read(Path file) throws IOException {
        return read(file, CsvOptions.defaults());
    }

    /**
     * Reads a whole CSV file into memory and types its columns; see the class comment.
     *
     * @throws NdFormatException for malformed content (the message names the file and line)
     * @throws IOException if the file cannot be read
     */
    public static CsvTable read(Path file, CsvOptions options) throws IOException {
        Objects.requireNonNull(file, "Csv.read: file is null");
        Objects.requireNonNull(options, "Csv.read: options are null");
        String text = decode(file, file.toString(), Files.readAllBytes(file));
        return new Parser(file, file.toString(), text, options).parse();
    }

    /**
     * Parses CSV content that did not come from a file (a block device, a network response);
     * {@code source} names it in error messages the way a file name would.
     *
     * @throws NdFormatException for malformed content (the message names the source and line)
     */
    public static CsvTable parse(byte[] content, String source, CsvOptions options) throws NdFormatException {
        Objects.requireNonNull(content, "Csv.parse: content is null");
        Objects.requireNonNull(source, "Csv.parse: source is null");
        Objects.requireNonNull(options, "Csv.parse: options are null");
        return new Parser(null, source, decode(null, source, content), options).parse();
    }

    // ------------------------------------------------------------------ reading

    private static String decode(Path file, String source, byte[] bytes) throws NdFormatException {
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = dec.decode(in, out, true);
        if (!r.isError()) {
            r = dec.flush(out);
        }
        if (r.isError()) {
            int at = in.position();
            int line = 1;
            for (int k = 0; k < at; k++) {
                if (bytes[k] == '\n') {
                    line++;
                }
            }
            throw NdFormatException.atLine(file, source, line, "invalid UTF-8 at byte offset " + at);
        }
        out.flip();
        int start = out.length() > 0 && out.charAt(0) == '\uFEFF' ? 1 : 0;
        return out.subSequence(start, out.length()).toString();
    }

    private static final class Parser {
        final Path file;
        final String name;
        final String s;
        final CsvOptions o;
        final char delim;
        final char quote;
        int p;
        int line = 1;

        Parser(Path file, String name, String s, CsvOptions o) {
            this.file = file;
            this.name = name;
            this.s = s;
            this.o = o;
            this.delim = o.delimiter();
            this.quote = o.quote();
        }

        CsvTable parse() throws NdFormatException {
            for (int k = 0; k < o.skipRows() && p < s.length(); k++) {
                while (p < s.length() && s.charAt(p) != '\n' && s.charAt(p) != '\r') {
                    p++;
                }
                endOfLine();
            }
            List<String> header = null;
            List<List<String>> cols = null;
            int[] lines = new int[16];
            int nrows = 0;
            List<String> rec = new ArrayList<>();
            int headerLine = 0;
            while (true) {
                int recLine = nextRecord(rec);
                if (recLine < 0) {
                    break;
                }
                if (header == null) {
                    headerLine = recLine;
                    if (o.header()) {
                        header = new ArrayList<>(rec);
                        cols = newColumns(header.size());
                        continue;
                    }
                    header = new ArrayList<>();
                    for (int j = 0; j < rec.size(); j++) {
                        header.add("c" + j);
                    }
                    cols = newColumns(header.size());
                }
                if (rec.size() != header.size()) {
                    throw NdFormatException.atLine(file, name, recLine, "row has " + rec.size()
                            + (rec.size() == 1 ? " field" : " fields") + " but the "
                            + (o.header() ? "header (line " + headerLine + ")" : "first row (line " + headerLine + ")")
                            + " has " + header.size() + " (delimiter '" + printable(delim) + "')");
                }
                for (int j = 0; j < rec.size(); j++) {
                    cols.get(j).add(rec.get(j));
                }
                if (nrows == lines.length) {
                    lines = java.util.Arrays.copyOf(lines, lines.length * 2);
                }
                lines[nrows++] = recLine;
            }
            if (header == null) {
                header = new ArrayList<>();
                cols = new ArrayList<>();
            }
            List<String> names = uniqueNames(header);
            Map<String, Integer> index = new HashMap<>();
            for (int j = 0; j < names.size(); j++) {
                index.put(names.get(j), j);
            }
            Object[] typed = new Object[names.size()];
            for (int j = 0; j < typed.length; j++) {
                typed[j] = typeColumn(cols.get(j), names.get(j), j, lines);
            }
            return new CsvTable(name, names, index, typed, nrows, o.dtype(), o.missing());
        }

        private static List<List<String>> newColumns(int n) {
            List<List<String>> c = new ArrayList<>(n);
            for (int j = 0; j < n; j++) {
                c.add(new ArrayList<>());
            }
            return c;
        }

        /** Reads the next record into {@code rec}; returns the line it starts on, or -1 at the end. */
        private int nextRecord(List<String> rec) throws NdFormatException {
            rec.clear();
            while (true) {
                if (p >= s.length()) {
                    return -1;
                }
                char c = s.charAt(p);
                if (c == '\n' || c == '\r') {
                    endOfLine(); // blank line
                    continue;
                }
                String comment = o.comment();
                if (comment != null && s.startsWith(comment, p)) {
                    while (p < s.length() && s.charAt(p) != '\n' && s.charAt(p) != '\r') {
                        p++;
                    }
                    endOfLine();
                    continue;
                }
                break;
            }
            int start = line;
            StringBuilder f = new StringBuilder();
            while (true) {
                f.setLength(0);
                // one field
                while (p < s.length()) {
                    char c = s.charAt(p);
                    if (c == quote) {
                        int openLine = line;
                        p++;
                        while (true) {
                            if (p >= s.length()) {
                                throw NdFormatException.atLine(file, name, openLine, "unclosed quote: the quoted"
                                        + " field (field " + (rec.size() + 1) + ") opened on line " + openLine
                                        + " is not closed before the end of the file");
                            }
                            char q = s.charAt(p);
                            if (q == quote) {
                                if (p + 1 < s.length() && s.charAt(p + 1) == quote) {
                                    f.append(quote);
                                    p += 2;
                                    continue;
                                }
                                p++;
                                break;
                            }
                            if (q == '\n' || (q == '\r' && !(p + 1 < s.length() && s.charAt(p + 1) == '\n'))) {
                                line++;
                            }
                            f.append(q);
                            p++;
                        }
                        continue; // text after a closing quote is kept, as pandas does
                    }
                    if (c == delim || c == '\n' || c == '\r') {
                        break;
                    }
                    f.append(c);
                    p++;
                }
                rec.add(f.toString());
                if (p < s.length() && s.charAt(p) == delim) {
                    p++;
                    continue;
                }
                endOfLine();
                return start;
            }
        }

        /** Consumes one line terminator (LF, CRLF or CR) if there is one. */
        private void endOfLine() {
            if (p < s.length()) {
                char c = s.charAt(p);
                if (c == '\r') {
                    p++;
                    if (p < s.length() && s.charAt(p) == '\n') {
                        p++;
                    }
                    line++;
                } else if (c == '\n') {
                    p++;
                    line++;
                }
            }
        }

        private Object typeColumn(List<String> cells, String colName, int j, int[] lines) throws NdFormatException {
            Set<String> missing = o.missing();
            for (String c : cells) {
                String t = c.strip();
                if (!missing.contains(t) && !isNumber(t)) {
                    return cells;
                }
            }
            int n = cells.size();
            DType t = o.dtype();
            switch (t) {
                case FLOAT64: {
                    double[] v = new double[n];
                    for (int i = 0; i < n; i++) {
                        String c = cells.get(i).strip();
                        v[i] = missing.contains(c) ? Double.NaN : parseDouble(c);
                    }
                    return NdArray.wrap(v, n);
                }
                case FLOAT32: {
                    float[] v = new float[n];
                    for (int i = 0; i < n; i++) {
                        String c = cells.get(i).strip();
                        v[i] = missing.contains(c) ? Float.NaN : parseFloat(c);
                    }
                    return NdArray.wrap(v, n);
                }
                case INT64:
                case INT32: {
                    long[] v = new long[n];
                    for (int i = 0; i < n; i++) {
                        String c = cells.get(i).strip();
                        String where = "column '" + colName + "' (column " + (j + 1) + ")";
                        if (missing.contains(c)) {
                            throw NdFormatException.atLine(file, name, lines[i], "missing value '" + c + "' in "
                                    + where + ", which is read as " + t + " and cannot hold it (read as float64"
                                    + " to get NaN)");
                        }
                        long x;
                        try {
                            if (!isInteger(c)) {
                                throw new NumberFormatException(c);
                            }
                            x = Long.parseLong(c.startsWith("+") ? c.substring(1) : c);
                        } catch (NumberFormatException e) {
                            throw NdFormatException.atLine(file, name, lines[i], "value '" + c + "' in " + where
                                    + " is not an integer that fits " + t);
                        }
                        if (t == DType.INT32 && (x < Integer.MIN_VALUE || x > Integer.MAX_VALUE)) {
                            throw NdFormatException.atLine(file, name, lines[i], "value '" + c + "' in " + where
                                    + " does not fit int32");
                        }
                        v[i] = x;
                    }
                    if (t == DType.INT64) {
                        return NdArray.wrap(v, n);
                    }
                    int[] w = new int[n];
                    for (int i = 0; i < n; i++) {
                        w[i] = (int) v[i];
                    }
                    return NdArray.wrap(w, n);
                }
                default:
                    throw new AssertionError(t);
            }
        }
    }

    private static List<String> uniqueNames(List<String> header) {
        List<String> out = new ArrayList<>(header.size());
        for (int j = 0; j < header.size(); j++) {
            out.add(header.get(j).isEmpty() ? "c" + j : header.get(j));
        }
        // pandas-style: the second 'a' becomes 'a.1', avoiding names already taken
        List<String> result = new ArrayList<>(out.size());
        java.util.Set<String> taken = new java.util.HashSet<>();
        for (String h : out) {
            String n = h;
            int k = 0;
            while (taken.contains(n)) {
                n = h + "." + (++k);
            }
            taken.add(n);
            result.add(n);
        }
        return result;
    }

    /** A decimal number, or nan/inf/infinity with an optional sign (any case). */
    static boolean isNumber(String t) {
        int n = t.length();
        int i = 0;
        if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
            i++;
        }
        if (i < n && Character.isLetter(t.charAt(i))) {
            String w = t.substring(i);
            return w.equalsIgnoreCase("nan") || w.equalsIgnoreCase("inf") || w.equalsIgnoreCase("infinity");
        }
        int digits = 0;
        while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
            i++;
            digits++;
        }
        if (i < n && t.charAt(i) == '.') {
            i++;
            while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
            i++;
            if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
                i++;
            }
            int ed = 0;
            while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
                i++;
                ed++;
            }
            if (ed == 0) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isInteger(String t) {
        int i = t.startsWith("+") || t.startsWith("-") ? 1 : 0;
        if (i == t.length()) {
            return false;
        }
        for (; i < t.length(); i++) {
            if (t.charAt(i) < '0' || t.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Parses a string accepted by {@link #isNumber}. */
    static double parseDouble(String t) {
        String w = t.startsWith("+") || t.startsWith("-") ? t.substring(1) : t;
        if (!w.isEmpty() && Character.isLetter(w.charAt(0))) {
            if (w.equalsIgnoreCase("nan")) {
                return Double.NaN;
            }
            return t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return Double.parseDouble(t);
    }

    private static float parseFloat(String t) {
        String w = t.startsWith("+") || t.startsWith("-") ? t.substring(1) : t;
        if (!w.isEmpty() && Character.isLetter(w.charAt(0))) {
            return (float) parseDouble(t);
        }
        return Float.parseFloat(t);
    }

    // ------------------------------------------------------------------ writing

    /** Writes with a comma delimiter; see {@link #write(Path, NdArray, List, char)}. */
    public static void write(Path file, NdArray data, List<String> header) throws IOException {
        write(file, data, header, ',');
    }

    /**
     * Writes a 1-D array (one column) or a 2-D array (rows x columns) atomically, UTF-8 with LF
     * line ends. {@code header} (null for none) must have one name per column; names are quoted
     * when needed. Numbers use the shortest text that reads back to the same value: float64 as
     * {@link Double#toString(double)}, float32 as {@link Float#toString(float)}, NaN as
     * {@code nan}, infinities as {@code inf} and {@code -inf} (which {@link #read}, NumPy's
     * {@code loadtxt}/{@code genfromtxt} and pandas all read back), integers in decimal and bools
     * as {@code 1}/{@code 0}.
     *
     * @throws IllegalArgumentException if the array is not 1-D or 2-D, the header has the wrong
     *     length, or the delimiter could be part of a number or is a quote or line break
     * @throws IOException if the file cannot be written
     */
    public static void write(Path file, NdArray data, List<String> header, char delimiter) throws IOException {
        Objects.requireNonNull(file, "Csv.write: file is null");
        Objects.requireNonNull(data, "Csv.write: array is null");
        if (data.ndim() != 1 && data.ndim() != 2) {
            throw new IllegalArgumentException("Csv.write: expects a 1-D or 2-D array, got shape "
                    + Npy.shapeString(data.shape()));
        }
        if (delimiter == '"' || delimiter == '\n' || delimiter == '\r' || Character.isLetterOrDigit(delimiter)
                || delimiter == '.' || delimiter == '+' || delimiter == '-') {
            throw new IllegalArgumentException("Csv.write: '" + printable(delimiter)
                    + "' cannot be the delimiter (it can occur in numbers, or is a quote or line break)");
        }
        NdArray m = data.ndim() == 1 ? data.reshape(data.size(), 1) : data;
        int rows = m.shape(0);
        int cols = m.shape(1);
        if (header != null && header.size() != cols) {
            throw new IllegalArgumentException("Csv.write: the header has " + header.size() + " names but the array"
                    + " of shape " + Npy.shapeString(data.shape()) + " has " + cols + " columns");
        }
        NdArray c = m.contiguous();
        AtomicFiles.write(file, out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            if (header != null) {
                for (int j = 0; j < cols; j++) {
                    if (j > 0) {
                        w.write(delimiter);
                    }
                    w.write(quoteIfNeeded(String.valueOf(header.get(j)), delimiter));
                }
                w.write('\n');
            }
            Object buf = c.buffer();
            int off = c.offset();
            DType t = c.dtype();
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    if (j > 0) {
                        w.write(delimiter);
                    }
                    int k = off + i * cols + j;
                    switch (t) {
                        case FLOAT64: w.write(formatDouble(((double[]) buf)[k])); break;
                        case FLOAT32: w.write(formatFloat(((float[]) buf)[k])); break;
                        case INT64: w.write(Long.toString(((long[]) buf)[k])); break;
                        case INT32: w.write(Integer.toString(((int[]) buf)[k])); break;
                        case BOOL: w.write(((boolean[]) buf)[k] ? '1' : '0'); break;
                        default: throw new AssertionError(t);
                    }
                }
                w.write('\n');
            }
            w.flush();
        });
    }

    static String formatDouble(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return Double.toString(v);
    }

    static String formatFloat(float v) {
        if (Float.isNaN(v)) {
            return "nan";
        }
        if (Float.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return Float.toString(v);
    }

    private static String quoteIfNeeded(String h, char delimiter) {
        if (h.indexOf(delimiter) < 0 && h.indexOf('"') < 0 && h.indexOf('\n') < 0 && h.indexOf('\r') < 0) {
            return h;
        }
        return '"' + h.replace("\"", "\"\"") + '"';
    }

    private static String printable(char c) {
        return c == '\t' ? "\\t" : c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }
}
