package dev.strix.sparse;

import dev.strix.ndarray.DType;
import dev.strix.ndarray.NdArray;
import dev.strix.ndarray.ShapeMismatchException;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Matrix Market ({@code .mtx}) reading and writing: {@code coordinate} (sparse) and {@code array}
 * (dense, column-major) formats; {@code real}, {@code integer} and {@code pattern} fields;
 * {@code general}, {@code symmetric} and {@code skew-symmetric} symmetry. {@code complex} and
 * {@code hermitian} are rejected.
 *
 * <p><b>Reading</b> streams the file line by line into primitive arrays. Before anything large is
 * allocated the header's sizes are checked against the file's size (each entry takes at least
 * 4 bytes, "i j\n"), so a header that claims 10^12 entries fails at once. Every error is a
 * {@link MatrixMarketException} naming the file and the line. Symmetric and skew-symmetric files
 * store one triangle; the reader mirrors each off-diagonal entry (a skew-symmetric diagonal entry
 * is an error). Duplicate coordinates are summed.
 *
 * <p><b>Writing</b> is atomic: the text goes to a temporary file in the target's folder that is
 * then renamed over the target, so a reader never sees a half-written file. Values are written with
 * {@link Double#toString}, which round-trips exactly.
 */
public final class MatrixMarket {
    private MatrixMarket() {
    }

    /** The header of a file: format, field, symmetry and sizes. nnz is -1 for the array format. */
    public record Header(String format, String field, String symmetry, int rows, int cols, long nnz) {
    }

    /** Field for writing. */
    public enum Field { REAL, INTEGER, PATTERN }

    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    /** Reads a coordinate or array file into a float64 CSR matrix (an array file keeps its non-zeros). */
    public static CsrMatrix readCsr(Path file) throws IOException {
        return readCsr(file, DType.FLOAT64);
    }

    /**
     * Reads a file into a CSR matrix of the given dtype: {@code FLOAT32} rounds each value (after
     * duplicates are summed in float64) and stores half the bytes per value.
     *
     * @throws IllegalArgumentException for a dtype other than float64 or float32
     */
    public static CsrMatrix readCsr(Path file, DType dtype) throws IOException {
        if (dtype != DType.FLOAT64 && dtype != DType.FLOAT32) {
            throw new IllegalArgumentException("MatrixMarket.readCsr: sparse matrices hold float64 or float32, not " + dtype);
        }
        try (Reader r = new Reader(file)) {
            Header h = r.header();
            if (h.format.equals("array")) {
                return CsrMatrix.fromDense(r.readArray(h), dtype);
            }
            return r.readCoordinate(h, dtype);
        }
    }

    /** Reads a file into a float64 CSC matrix. */
    public static CscMatrix readCsc(Path file) throws IOException {
        return readCsr(file).toCsc();
    }

    /** Reads a file into a CSC matrix of the given dtype (float64 or float32). */
    public static CscMatrix readCsc(Path file, DType dtype) throws IOException {
        return readCsr(file, dtype).toCsc();
    }

    /** Reads an array file, or a coordinate file (densified; its rows x cols must fit one array), into a dense (rows, cols) float64 array. */
    public static NdArray readDense(Path file) throws IOException {
        try (Reader r = new Reader(file)) {
            Header h = r.header();
            if (h.format.equals("array")) {
                return r.readArray(h);
            }
            if ((long) h.rows * h.cols > MAX_ARRAY) {
                throw new MatrixMarketException(file, r.line, "coordinate matrix of shape " + CsrMatrix.shapeString(h.rows, h.cols)
                        + " is too large to densify");
            }
            return r.readCoordinate(h).toDense();
        }
    }

    /** Reads only the banner and size line. */
    public static Header readHeader(Path file) throws IOException {
        try (Reader r = new Reader(file)) {
            return r.header();
        }
    }

    /** Writes a coordinate real general file. */
    public static void write(Path file, CsrMatrix a) throws IOException {
        write(file, a, Field.REAL, false);
    }

    /**
     * Writes a coordinate file. {@code symmetric} writes the lower triangle with symmetry
     * {@code symmetric} (A must be square and symmetric); INTEGER requires integral values;
     * PATTERN writes positions only.
     */
    public static void write(Path file, CsrMatrix a, Field field, boolean symmetric) throws IOException {
        if (symmetric) {
            if (a.rows != a.cols || !a.equals(a.transpose().toCsr())) {
                throw new IllegalArgumentException("MatrixMarket.write: symmetric requested but the matrix of shape "
                        + CsrMatrix.shapeString(a.rows, a.cols) + " is not symmetric");
            }
        }
        if (field == Field.INTEGER) {
            for (double v : a.data()) {
                if (v != Math.rint(v) || Math.abs(v) > 9.007199254740992E15) {
                    throw new IllegalArgumentException("MatrixMarket.write: integer field requested but the matrix holds " + v);
                }
            }
        }
        long count = 0;
        for (int i = 0; i < a.rows; i++) {
            for (int k = a.indptr[i]; k < a.indptr[i + 1]; k++) {
                if (!symmetric || a.indices[k] <= i) {
                    count++;
                }
            }
        }
        long nnz = count;
        atomicWrite(file, w -> {
            w.write("%%MatrixMarket matrix coordinate " + field.name().toLowerCase(Locale.ROOT) + " "
                    + (symmetric ? "symmetric" : "general") + "\n");
            w.write("% written by Strix\n");
            w.write(a.rows + " " + a.cols + " " + nnz + "\n");
            StringBuilder sb = new StringBuilder(64);
            for (int i = 0; i < a.rows; i++) {
                for (int k = a.indptr[i]; k < a.indptr[i + 1]; k++) {
                    if (symmetric && a.indices[k] > i) {
                        continue;
                    }
                    sb.setLength(0);
                    sb.append(i + 1).append(' ').append(a.indices[k] + 1);
                    if (field == Field.REAL) {
                        if (a.isF32()) {
                            sb.append(' ').append(a.fdata[k]); // Float.toString: the shortest text that reads back to the same float
                        } else {
                            sb.append(' ').append(a.data[k]);
                        }
                    } else if (field == Field.INTEGER) {
                        sb.append(' ').append((long) a.value(k));
                    }
                    sb.append('\n');
                    w.append(sb);
                }
            }
        });
    }

    /** Writes a 2-D array as an array real general file (column-major, as the format requires). */
    public static void writeDense(Path file, NdArray a) throws IOException {
        if (a.ndim() != 2) {
            throw new ShapeMismatchException("MatrixMarket.writeDense: expected a 2-D array, got shape " + ShapeMismatchException.shapeString(a.shape()));
        }
        int m = a.shape()[0], n = a.shape()[1];
        double[] d = a.toDoubleArray();
        atomicWrite(file, w -> {
            w.write("%%MatrixMarket matrix array real general\n");
            w.write(m + " " + n + "\n");
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < m; i++) {
                    w.write(Double.toString(d[i * n + j]));
                    w.write('\n');
                }
            }
        });
    }

    @FunctionalInterface
    private interface Body {
        void write(Writer w) throws IOException;
    }

    private static void atomicWrite(Path file, Body body) throws IOException {
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
        boolean done = false;
        try {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.US_ASCII)) {
                body.write(w);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    // ------------------------------------------------------------------ streaming reader

    private static final class Reader implements AutoCloseable {
        final Path file;
        final BufferedReader in;
        final long size;
        long line;
        long bytesRead;
        String field;
        String symmetry;

        Reader(Path file) throws IOException {
            this.file = file;
            this.size = Files.size(file);
            this.in = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
        }

        String next() throws IOException {
            String s = in.readLine();
            if (s != null) {
                line++;
                bytesRead += s.length() + 1;
            }
            return s;
        }

        MatrixMarketException err(String msg) {
            return new MatrixMarketException(file, line, msg);
        }

        Header header() throws IOException {
            String banner = next();
            if (banner == null) {
                line = 1;
                throw err("empty file, expected the banner '%%MatrixMarket matrix <format> <field> <symmetry>'");
            }
            String[] t = banner.trim().split("\\s+");
            if (t.length != 5 || !t[0].equals("%%MatrixMarket") || !t[1].equalsIgnoreCase("matrix")) {
                throw err("bad banner '" + abbreviate(banner) + "', expected '%%MatrixMarket matrix <format> <field> <symmetry>'");
            }
            String format = t[2].toLowerCase(Locale.ROOT);
            field = t[3].toLowerCase(Locale.ROOT);
            symmetry = t[4].toLowerCase(Locale.ROOT);
            if (!format.equals("coordinate") && !format.equals("array")) {
                throw err("unknown format '" + t[2] + "', expected coordinate or array");
            }
            if (!field.equals("real") && !field.equals("integer") && !field.equals("pattern")) {
                throw err("unsupported field '" + t[3] + "' (real, integer and pattern are supported; complex is not)");
            }
            if (!symmetry.equals("general") && !symmetry.equals("symmetric") && !symmetry.equals("skew-symmetric")) {
                throw err("unsupported symmetry '" + t[4] + "' (general, symmetric and skew-symmetric are supported)");
            }
            if (format.equals("array") && field.equals("pattern")) {
                throw err("the array format cannot have the pattern field");
            }
            String s;
            do {
                s = next();
                if (s == null) {
                    throw err("end of file before the size line");
                }
            } while (s.isBlank() || s.startsWith("%"));
            String[] z = s.trim().split("\\s+");
            int want = format.equals("coordinate") ? 3 : 2;
            if (z.length != want) {
                throw err("size line '" + abbreviate(s) + "' should hold " + want + " integers");
            }
            long rows = parseLong(z[0], "rows"), cols = parseLong(z[1], "columns");
            if (rows < 0 || cols < 0 || rows > MAX_ARRAY || cols > MAX_ARRAY) {
                throw err("matrix size " + rows + " x " + cols + " out of range");
            }
            if (!symmetry.equals("general") && rows != cols) {
                throw err(symmetry + " matrix must be square, header says " + rows + " x " + cols);
            }
            long remaining = Math.max(0, size - bytesRead);
            if (format.equals("array")) {
                long count = symmetry.equals("general") ? rows * cols
                        : symmetry.equals("symmetric") ? rows * (rows + 1) / 2 : rows * (rows - 1) / 2;
                if (rows * cols > MAX_ARRAY) {
                    throw err("array of " + rows + " x " + cols + " elements exceeds the 2^31 limit of one array");
                }
                if (count > remaining / 2) {
                    throw err("header claims " + count + " values but only " + remaining + " bytes follow (each value needs at least 2)");
                }
                return new Header(format, field, symmetry, (int) rows, (int) cols, -1);
            }
            long nnz = parseLong(z[2], "entries");
            if (nnz < 0) {
                throw err("negative entry count " + nnz);
            }
            if (nnz > remaining / 4) {
                throw err("header claims " + nnz + " entries but only " + remaining + " bytes follow (each entry needs at least 4)");
            }
            long stored = symmetry.equals("general") ? nnz : 2 * nnz;
            if (stored > MAX_ARRAY || nnz > rows * cols) {
                throw err("header claims " + nnz + " entries, more than a " + rows + " x " + cols + " matrix can hold in one array");
            }
            return new Header(format, field, symmetry, (int) rows, (int) cols, nnz);
        }

        long parseLong(String s, String what) throws MatrixMarketException {
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                throw err("bad " + what + " '" + abbreviate(s) + "': not an integer");
            }
        }

        double parseValue(String s) throws MatrixMarketException {
            try {
                if (field.equals("integer")) {
                    return Long.parseLong(s);
                }
                return Double.parseDouble(s);
            } catch (NumberFormatException e) {
                throw err("bad " + field + " value '" + abbreviate(s) + "'");
            }
        }

        String dataLine(long have, long want) throws IOException {
            String s;
            do {
                s = next();
                if (s == null) {
                    throw err("end of file after " + have + " of " + want + " entries");
                }
            } while (s.isBlank() || s.startsWith("%"));
            return s;
        }

        CsrMatrix readCoordinate(Header h) throws IOException {
            return readCoordinate(h, DType.FLOAT64);
        }

        CsrMatrix readCoordinate(Header h, DType dtype) throws IOException {
            int cap = (int) (symmetry.equals("general") ? h.nnz : 2 * h.nnz);
            CooBuilder b = new CooBuilder(h.rows, h.cols, cap, dtype);
            boolean pattern = field.equals("pattern");
            int want = pattern ? 2 : 3;
            String[] tok = new String[4];
            for (long e = 0; e < h.nnz; e++) {
                String s = dataLine(e, h.nnz);
                int nt = split(s, tok);
                if (nt != want) {
                    throw err("expected " + want + " fields (row column" + (pattern ? "" : " value") + "), got " + nt + ": '" + abbreviate(s) + "'");
                }
                long i = parseLong(tok[0], "row index"), j = parseLong(tok[1], "column index");
                if (i < 1 || i > h.rows || j < 1 || j > h.cols) {
                    throw err("index (" + i + ", " + j + ") out of range 1.." + h.rows + " x 1.." + h.cols);
                }
                double v = pattern ? 1.0 : parseValue(tok[2]);
                int r = (int) i - 1, c = (int) j - 1;
                b.add(r, c, v);
                if (r != c) {
                    if (symmetry.equals("symmetric")) {
                        b.add(c, r, v);
                    } else if (symmetry.equals("skew-symmetric")) {
                        b.add(c, r, -v);
                    }
                } else if (symmetry.equals("skew-symmetric")) {
                    throw err("skew-symmetric matrix with a diagonal entry at (" + i + ", " + j + ")");
                }
            }
            trailing();
            return b.toCsr();
        }

        NdArray readArray(Header h) throws IOException {
            int m = h.rows, n = h.cols;
            double[] d = new double[m * n];
            boolean sym = !symmetry.equals("general");
            boolean skew = symmetry.equals("skew-symmetric");
            long want = !sym ? (long) m * n : skew ? (long) m * (m - 1) / 2 : (long) m * (m + 1) / 2;
            long got = 0;
            String[] tok = new String[2];
            for (int j = 0; j < n; j++) {
                for (int i = sym ? (skew ? j + 1 : j) : 0; i < m; i++) {
                    String s = dataLine(got, want);
                    if (split(s, tok) != 1) {
                        throw err("expected one value per line, got '" + abbreviate(s) + "'");
                    }
                    double v = parseValue(tok[0]);
                    d[i * n + j] = v;
                    if (sym && i != j) {
                        d[j * n + i] = skew ? -v : v;
                    }
                    got++;
                }
            }
            trailing();
            return NdArray.wrap(d, m, n);
        }

        void trailing() throws IOException {
            String s;
            while ((s = next()) != null) {
                if (!s.isBlank() && !s.startsWith("%")) {
                    throw err("more entries than the header's count: '" + abbreviate(s) + "'");
                }
            }
        }

        /** Splits on spaces/tabs into at most tok.length fields; returns the field count (tok.length + 1 if more). */
        static int split(String s, String[] tok) {
            int n = 0, i = 0, len = s.length();
            while (true) {
                while (i < len && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
                    i++;
                }
                if (i >= len) {
                    return n;
                }
                int st = i;
                while (i < len && s.charAt(i) != ' ' && s.charAt(i) != '\t') {
                    i++;
                }
                if (n == tok.length) {
                    return n + 1;
                }
                tok[n++] = s.substring(st, i);
            }
        }

        static String abbreviate(String s) {
            return s.length() > 80 ? s.substring(0, 77) + "..." : s;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
