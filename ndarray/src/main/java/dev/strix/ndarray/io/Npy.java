package dev.strix.ndarray.io;

import dev.strix.ndarray.DType;
import dev.strix.ndarray.NdArray;
import dev.strix.ndarray.internal.Buffers;
import dev.strix.ndarray.ShapeMismatchException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * NumPy's {@code .npy} format (as {@code np.save} / {@code np.load}).
 *
 * <p><b>Reading</b> accepts format versions 1.0, 2.0 and 3.0, C and Fortran order, either byte
 * order, and the descriptors {@code f8 f4 i8 i4} (float64, float32, int64, int32) and
 * {@code b1}/{@code ?} (bool). Narrow integers are widened without loss: {@code i1 u1 i2 u2} give
 * int32 and {@code u4} gives int64. Any other descriptor (float16, uint64, complex, strings,
 * structured dtypes, objects) is an {@link NdFormatException} naming it. Sizes are validated
 * before anything large is allocated: a header whose shape needs more elements than one Java array
 * holds, or (for files) more bytes than the file has, is rejected up front.
 *
 * <p><b>Writing</b> produces exactly what NumPy 1.24's {@code np.save} writes for a C-order
 * little-endian array: a version 1.0 header (2.0 if it would not fit) padded with spaces to a
 * multiple of 64 bytes and ending with a newline, then the raw little-endian elements. Float bits
 * are written raw, so NaN payloads, {@code -0.0} and subnormals survive. File writes are atomic.
 *
 * <p>Errors: {@link NdFormatException} (an {@link IOException}) for malformed input, naming the
 * file or stream and the byte offset; other {@link IOException}s for I/O failures.
 */
public final class Npy {
    private Npy() {
    }

    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** Above this, a header length is implausible for the dtypes Strix reads (NumPy's own limit is 10000). */
    static final int MAX_HEADER_LENGTH = 1 << 20;
    static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;
    private static final int CHUNK_BYTES = 1 << 20;
    private static final int ARRAY_ALIGN = 64;
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;

    // ------------------------------------------------------------------ reading

    /**
     * Reads a {@code .npy} file.
     *
     * @throws NdFormatException if the file is not a valid {@code .npy} of a supported dtype; the
     *     message names the file and the byte offset of the problem
     * @throws IOException if the file cannot be read
     */
    public static NdArray read(Path file) throws IOException {
        Objects.requireNonNull(file, "Npy.read: file is null");
        long size = Files.size(file);
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file, file.toString(), size);
        }
    }

    /**
     * Reads one array from a stream, consuming exactly its bytes (so several arrays written one
     * after another can be read in turn); the stream is not closed.
     *
     * @param nameForErrors how error messages name the stream
     * @throws NdFormatException if the data is not a valid {@code .npy} of a supported dtype; the
     *     message names {@code nameForErrors} and the byte offset from where reading started
     */
    public static NdArray read(InputStream in, String nameForErrors) throws IOException {
        Objects.requireNonNull(in, "Npy.read: stream is null");
        return read(in, null, nameForErrors == null ? "<stream>" : nameForErrors, -1);
    }

    /**
     * The reader behind all entry points. {@code knownLength} is the trustworthy total length of
     * the source (a file's size) or -1; with it, a header promising more data than there is fails
     * before allocation; without it, the array grows as data actually arrives.
     */
    static NdArray read(InputStream in, Path file, String name, long knownLength) throws IOException {
        Header h = readHeader(in, file, name, knownLength);
        long bytes = h.count * h.kind.size;
        if (knownLength >= 0 && h.dataOffset + bytes > knownLength) {
            throw NdFormatException.atOffset(file, name, h.dataOffset, "truncated data: shape "
                    + shapeString(h.shape) + " of '" + h.descr + "' needs " + bytes + " bytes from offset "
                    + h.dataOffset + " but only " + (knownLength - h.dataOffset) + " remain");
        }
        Object data = readData(in, file, name, h, knownLength >= 0);
        int[] shape = h.shape;
        try {
            if (h.fortran && shape.length > 1) {
                int[] rev = new int[shape.length];
                for (int d = 0; d < shape.length; d++) {
                    rev[d] = shape[shape.length - 1 - d];
                }
                return NdArray.wrap(data, rev).transpose().contiguous();
            }
            return NdArray.wrap(data, shape);
        } catch (IllegalArgumentException e) {
            // a shape valid for NumPy that NdArray cannot represent
            throw NdFormatException.atOffset(file, name, h.headerStart, "unsupported shape " + shapeString(shape)
                    + ": " + e.getMessage(), e);
        }
    }

    /** The element encodings read; {@code out} is the dtype they become. */
    enum Kind {
        F8(8, DType.FLOAT64), F4(4, DType.FLOAT32), I8(8, DType.INT64), I4(4, DType.INT32),
        I2(2, DType.INT32), U2(2, DType.INT32), I1(1, DType.INT32), U1(1, DType.INT32),
        U4(4, DType.INT64), B1(1, DType.BOOL);

        final int size;
        final DType out;

        Kind(int size, DType out) {
            this.size = size;
            this.out = out;
        }
    }

    /** A parsed, validated header. */
    static final class Header {
        int major;
        String descr;
        Kind kind;
        ByteOrder order;
        boolean fortran;
        int[] shape;
        long count;
        long headerStart;
        long dataOffset;
    }

    static Header readHeader(InputStream in, Path file, String name, long knownLength) throws IOException {
        byte[] pre = in.readNBytes(8);
        for (int k = 0; k < MAGIC.length; k++) {
            if (k >= pre.length) {
                throw NdFormatException.atOffset(file, name, pre.length, "truncated: only " + pre.length
                        + " bytes, not a .npy file (expected the magic \\x93NUMPY)");
            }
            if (pre[k] != MAGIC[k]) {
                throw NdFormatException.atOffset(file, name, k, "not a .npy file: bad magic "
                        + hex(pre, Math.min(pre.length, 6)) + ", expected 93 4e 55 4d 50 59 (\\x93NUMPY)");
            }
        }
        if (pre.length < 8) {
            throw NdFormatException.atOffset(file, name, pre.length, "truncated header: the file ends inside the"
                    + " format version");
        }
        Header h = new Header();
        h.major = pre[6] & 0xff;
        int minor = pre[7] & 0xff;
        if (h.major < 1 || h.major > 3 || minor != 0) {
            throw NdFormatException.atOffset(file, name, 6, "unsupported .npy format version " + h.major + "."
                    + minor + " (supported: 1.0, 2.0, 3.0)");
        }
        int lenBytes = h.major == 1 ? 2 : 4;
        byte[] lb = in.readNBytes(lenBytes);
        if (lb.length < lenBytes) {
            throw NdFormatException.atOffset(file, name, 8, "truncated header: the file ends inside"
                    + " the header length field at offset 8");
        }
        long hlen = ByteBuffer.wrap(lb).order(ByteOrder.LITTLE_ENDIAN).getShort(0) & 0xffffL;
        if (lenBytes == 4) {
            hlen = ByteBuffer.wrap(lb).order(ByteOrder.LITTLE_ENDIAN).getInt(0) & 0xffffffffL;
        }
        long headerStart = 8 + lenBytes;
        h.headerStart = headerStart;
        if (knownLength >= 0 && headerStart + hlen > knownLength) {
            throw NdFormatException.atOffset(file, name, headerStart, "truncated header: the header length field"
                    + " says " + hlen + " bytes but only " + (knownLength - headerStart) + " remain");
        }
        if (hlen > MAX_HEADER_LENGTH) {
            throw NdFormatException.atOffset(file, name, 8, "implausible header length " + hlen
                    + " (more than " + MAX_HEADER_LENGTH + " bytes)");
        }
        byte[] hb = in.readNBytes((int) hlen);
        if (hb.length < hlen) {
            throw NdFormatException.atOffset(file, name, headerStart + hb.length, "truncated header: expected "
                    + hlen + " header bytes from offset " + headerStart + ", got " + hb.length);
        }
        h.dataOffset = headerStart + hlen;
        String text = new String(hb, h.major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Object lit;
        try {
            lit = PyLiteral.parse(text);
        } catch (PyLiteral.Error e) {
            long at = headerStart + byteIndex(text, e.index, h.major == 3);
            throw NdFormatException.atOffset(file, name, at, "malformed header: " + e.getMessage()
                    + " in " + quoteHeader(text));
        }
        if (!(lit instanceof Map)) {
            throw NdFormatException.atOffset(file, name, headerStart, "malformed header: expected a Python dict"
                    + " literal, got " + quoteHeader(text));
        }
        Map<?, ?> m = (Map<?, ?>) lit;
        for (String key : new String[] {"descr", "fortran_order", "shape"}) {
            if (!m.containsKey(key)) {
                throw NdFormatException.atOffset(file, name, headerStart, "malformed header: the key '" + key
                        + "' is missing in " + quoteHeader(text));
            }
        }
        if (m.size() != 3) {
            List<Object> extra = new ArrayList<>(m.keySet());
            extra.removeAll(List.of("descr", "fortran_order", "shape"));
            throw NdFormatException.atOffset(file, name, headerStart, "malformed header: unexpected keys "
                    + extra + " (expected exactly 'descr', 'fortran_order' and 'shape')");
        }
        Object descr = m.get("descr");
        if (!(descr instanceof String)) {
            throw NdFormatException.atOffset(file, name, headerStart, "unsupported descr " + render(descr)
                    + ": structured and non-string dtypes are not supported");
        }
        h.descr = (String) descr;
        parseDescr(h, file, name, headerStart);
        Object fo = m.get("fortran_order");
        if (!(fo instanceof Boolean)) {
            throw NdFormatException.atOffset(file, name, headerStart, "malformed header: 'fortran_order' must be"
                    + " True or False, got " + render(fo));
        }
        h.fortran = (Boolean) fo;
        Object sh = m.get("shape");
        if (!(sh instanceof PyLiteral.Tuple)) {
            throw NdFormatException.atOffset(file, name, headerStart, "malformed header: 'shape' must be a tuple"
                    + " of integers, got " + render(sh));
        }
        List<Object> dims = ((PyLiteral.Tuple) sh).items;
        h.shape = new int[dims.size()];
        boolean zero = false;
        for (int d = 0; d < dims.size(); d++) {
            Object v = dims.get(d);
            if (!(v instanceof Long) && !(v instanceof PyLiteral.BigInt)) {
                throw NdFormatException.atOffset(file, name, headerStart, "malformed header: shape "
                        + render(sh) + " has the non-integer dimension " + render(v));
            }
            boolean negative = v instanceof Long ? (Long) v < 0 : ((PyLiteral.BigInt) v).digits.startsWith("-");
            if (negative) {
                throw NdFormatException.atOffset(file, name, headerStart, "malformed header: shape "
                        + render(sh) + " has a negative dimension");
            }
            if (!(v instanceof Long) || (Long) v > MAX_ELEMENTS) {
                throw NdFormatException.atOffset(file, name, headerStart, "shape " + render(sh)
                        + " has a dimension larger than a Java array allows (" + MAX_ELEMENTS + ")");
            }
            h.shape[d] = (int) (long) (Long) v;
            zero |= h.shape[d] == 0;
        }
        long count = zero ? 0 : 1;
        for (int d = 0; d < h.shape.length && count > 0; d++) {
            count *= h.shape[d]; // both factors <= 2^31, so no overflow before the check
            if (count > MAX_ELEMENTS) {
                throw NdFormatException.atOffset(file, name, headerStart, "shape " + render(sh)
                        + " has more elements than one Java array can hold (" + MAX_ELEMENTS + ")");
            }
        }
        h.count = count;
        return h;
    }

    private static void parseDescr(Header h, Path file, String name, long at) throws NdFormatException {
        String d = h.descr;
        String body = d;
        ByteOrder order = ByteOrder.LITTLE_ENDIAN;
        if (!d.isEmpty() && "<>|=".indexOf(d.charAt(0)) >= 0) {
            char o = d.charAt(0);
            order = o == '>' ? ByteOrder.BIG_ENDIAN : o == '=' ? ByteOrder.nativeOrder() : ByteOrder.LITTLE_ENDIAN;
            body = d.substring(1);
        }
        Kind k;
        switch (body) {
            case "f8": k = Kind.F8; break;
            case "f4": k = Kind.F4; break;
            case "i8": k = Kind.I8; break;
            case "i4": k = Kind.I4; break;
            case "i2": k = Kind.I2; break;
            case "u2": k = Kind.U2; break;
            case "i1": k = Kind.I1; break;
            case "u1": k = Kind.U1; break;
            case "u4": k = Kind.U4; break;
            case "b1": case "?": k = Kind.B1; break;
            default:
                throw NdFormatException.atOffset(file, name, at, "unsupported descr '" + d + "' (supported: f8, f4,"
                        + " i8, i4, b1/? and, widened, i1, u1, i2, u2, u4; any byte order)");
        }
        h.kind = k;
        h.order = order;
    }

    private static Object readData(InputStream in, Path file, String name, Header h, boolean sizeKnown)
            throws IOException {
        int n = (int) h.count;
        int item = h.kind.size;
        // Without a trustworthy length, grow with the data rather than trusting the header.
        int capacity = sizeKnown ? n : Math.min(n, CHUNK_BYTES / item);
        Object out = Buffers.allocate(h.kind.out, capacity);
        byte[] chunk = new byte[(int) Math.min((long) n * item, CHUNK_BYTES - CHUNK_BYTES % item)];
        ByteBuffer bb = ByteBuffer.wrap(chunk).order(h.order);
        int done = 0;
        while (done < n) {
            int m = Math.min(n - done, chunk.length / item);
            int got = in.readNBytes(chunk, 0, m * item);
            if (got < m * item) {
                long have = (long) done * item + got;
                throw NdFormatException.atOffset(file, name, h.dataOffset, "truncated data: shape "
                        + shapeString(h.shape) + " of '" + h.descr + "' needs " + (long) n * item
                        + " bytes from offset " + h.dataOffset + " but only " + have + " are there");
            }
            if (done + m > capacity) {
                capacity = (int) Math.min(n, Math.max((long) capacity * 2, (long) done + m));
                out = grow(out, capacity);
            }
            bb.clear();
            decode(bb, h.kind, out, done, m);
            done += m;
        }
        return out;
    }

    private static void decode(ByteBuffer bb, Kind k, Object out, int pos, int m) {
        switch (k) {
            case F8: bb.asDoubleBuffer().get((double[]) out, pos, m); break;
            case F4: bb.asFloatBuffer().get((float[]) out, pos, m); break;
            case I8: bb.asLongBuffer().get((long[]) out, pos, m); break;
            case I4: bb.asIntBuffer().get((int[]) out, pos, m); break;
            case I2: {
                int[] o = (int[]) out;
                for (int i = 0; i < m; i++) {
                    o[pos + i] = bb.getShort(2 * i);
                }
                break;
            }
            case U2: {
                int[] o = (int[]) out;
                for (int i = 0; i < m; i++) {
                    o[pos + i] = bb.getShort(2 * i) & 0xffff;
                }
                break;
            }
            case I1: {
                int[] o = (int[]) out;
                for (int i = 0; i < m; i++) {
                    o[pos + i] = bb.get(i);
                }
                break;
            }
            case U1: {
                int[] o = (int[]) out;
                for (int i = 0; i < m; i++) {
                    o[pos + i] = bb.get(i) & 0xff;
                }
                break;
            }
            case U4: {
                long[] o = (long[]) out;
                for (int i = 0; i < m; i++) {
                    o[pos + i] = bb.getInt(4 * i) & 0xffffffffL;
                }
                break;
            }
            case B1: {
                boolean[] o = (boolean[]) out;
                for (int i = 0; i < m; i++) {
                    o[pos + i] = bb.get(i) != 0;
                }
                break;
            }
            default:
                throw new AssertionError(k);
        }
    }

    private static Object grow(Object a, int n) {
        if (a instanceof double[]) return Arrays.copyOf((double[]) a, n);
        if (a instanceof float[]) return Arrays.copyOf((float[]) a, n);
        if (a instanceof long[]) return Arrays.copyOf((long[]) a, n);
        if (a instanceof int[]) return Arrays.copyOf((int[]) a, n);
        return Arrays.copyOf((boolean[]) a, n);
    }

    // ------------------------------------------------------------------ writing

    /**
     * Writes {@code a} to {@code file} atomically (a temporary file in the same directory renamed
     * over the target): on failure the target is unchanged and no temporary file remains.
     *
     * @throws IOException if the file cannot be written (e.g. its directory does not exist)
     */
    public static void write(Path file, NdArray a) throws IOException {
        Objects.requireNonNull(file, "Npy.write: file is null");
        Objects.requireNonNull(a, "Npy.write: array is null");
        AtomicFiles.write(file, out -> write(out, a));
    }

    /** Writes {@code a} in {@code .npy} format to a stream, which is flushed but not closed. */
    public static void write(OutputStream out, NdArray a) throws IOException {
        Objects.requireNonNull(out, "Npy.write: stream is null");
        Objects.requireNonNull(a, "Npy.write: array is null");
        out.write(header(a.dtype(), a.shape()));
        writeData(out, a);
        out.flush();
    }

    /** The exact header (magic to newline) NumPy 1.24 writes for a C-order little-endian array. */
    static byte[] header(DType t, int[] shape) {
        StringBuilder b = new StringBuilder();
        b.append("{'descr': '").append(t.npyDescr()).append("', 'fortran_order': False, 'shape': ")
                .append(shapeString(shape)).append(", }");
        if (shape.length > 0) {
            b.append(" ".repeat(GROWTH_AXIS_MAX_DIGITS - Integer.toString(shape[0]).length()));
        }
        byte[] dict = b.toString().getBytes(StandardCharsets.ISO_8859_1);
        int hlen = dict.length + 1;
        int lenBytes = 2;
        int pad = ARRAY_ALIGN - ((MAGIC.length + 2 + lenBytes + hlen) % ARRAY_ALIGN);
        if (hlen + pad > 0xffff) {
            lenBytes = 4;
            pad = ARRAY_ALIGN - ((MAGIC.length + 2 + lenBytes + hlen) % ARRAY_ALIGN);
        }
        ByteBuffer out = ByteBuffer.allocate(MAGIC.length + 2 + lenBytes + hlen + pad).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).put((byte) (lenBytes == 2 ? 1 : 2)).put((byte) 0);
        if (lenBytes == 2) {
            out.putShort((short) (hlen + pad));
        } else {
            out.putInt(hlen + pad);
        }
        out.put(dict);
        for (int k = 0; k < pad; k++) {
            out.put((byte) ' ');
        }
        out.put((byte) '\n');
        return out.array();
    }

    private static void writeData(OutputStream out, NdArray array) throws IOException {
        NdArray a = array.contiguous();
        int n = a.size();
        if (n == 0) {
            return;
        }
        DType t = a.dtype();
        int item = t.itemSize();
        Object buf = a.buffer();
        int off = a.offset();
        byte[] chunk = new byte[(int) Math.min((long) n * item, CHUNK_BYTES)];
        ByteBuffer bb = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN);
        int per = chunk.length / item;
        for (int done = 0; done < n; done += per) {
            int m = Math.min(per, n - done);
            bb.clear();
            switch (t) {
                case FLOAT64: bb.asDoubleBuffer().put((double[]) buf, off + done, m); break;
                case FLOAT32: bb.asFloatBuffer().put((float[]) buf, off + done, m); break;
                case INT64: bb.asLongBuffer().put((long[]) buf, off + done, m); break;
                case INT32: bb.asIntBuffer().put((int[]) buf, off + done, m); break;
                case BOOL: {
                    boolean[] z = (boolean[]) buf;
                    for (int i = 0; i < m; i++) {
                        chunk[i] = z[off + done + i] ? (byte) 1 : (byte) 0;
                    }
                    break;
                }
                default: throw new AssertionError(t);
            }
            out.write(chunk, 0, m * item);
        }
    }

    // ------------------------------------------------------------------ helpers

    /** Python's repr of a shape tuple: {@code ()}, {@code (3,)}, {@code (3, 4)}. */
    static String shapeString(int[] shape) {
        return ShapeMismatchException.shapeString(shape);
    }

    private static long byteIndex(String text, int charIndex, boolean utf8) {
        int ci = Math.min(Math.max(charIndex, 0), text.length());
        return utf8 ? text.substring(0, ci).getBytes(StandardCharsets.UTF_8).length : ci;
    }

    private static String quoteHeader(String text) {
        String t = text.strip();
        if (t.length() > 200) {
            t = t.substring(0, 200) + "...";
        }
        StringBuilder b = new StringBuilder("\"");
        for (char c : t.toCharArray()) {
            b.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return b.append('"').toString();
    }

    private static String render(Object v) {
        if (v == null) {
            return "None";
        }
        if (v instanceof String) {
            return "'" + v + "'";
        }
        if (v instanceof Boolean) {
            return (Boolean) v ? "True" : "False";
        }
        if (v instanceof PyLiteral.BigInt) {
            return ((PyLiteral.BigInt) v).digits;
        }
        if (v instanceof PyLiteral.Tuple) {
            List<Object> items = ((PyLiteral.Tuple) v).items;
            StringBuilder b = new StringBuilder("(");
            for (int k = 0; k < items.size(); k++) {
                b.append(k > 0 ? ", " : "").append(render(items.get(k)));
            }
            return b.append(items.size() == 1 ? ",)" : ")").toString();
        }
        if (v instanceof List) {
            StringBuilder b = new StringBuilder("[");
            List<?> items = (List<?>) v;
            for (int k = 0; k < items.size(); k++) {
                b.append(k > 0 ? ", " : "").append(render(items.get(k)));
            }
            return b.append(']').toString();
        }
        if (v instanceof Map) {
            return "a dict";
        }
        return String.valueOf(v);
    }

    private static String hex(byte[] b, int n) {
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < n; k++) {
            s.append(k > 0 ? " " : "").append(String.format("%02x", b[k] & 0xff));
        }
        return s.toString();
    }
}
