package dev.strix.ndarray.io;

import static dev.strix.ndarray.io.IoTestSupport.assertFormatError;
import static dev.strix.ndarray.io.IoTestSupport.doublesLE;
import static dev.strix.ndarray.io.IoTestSupport.npy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strix.ndarray.DType;
import dev.strix.ndarray.Nd;
import dev.strix.ndarray.NdArray;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyTest {
    @TempDir
    Path dir;

    private Path file(String name, byte[] content) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    private static NdArray roundTrip(NdArray a) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Npy.write(out, a);
        return Npy.read(new ByteArrayInputStream(out.toByteArray()), "mem");
    }

    // ------------------------------------------------------------------ round trips

    @Test
    void roundTripsEveryDtypeAndShape() throws IOException {
        NdArray[] cases = {
            Nd.of(1.5, -2.25, 3e300), Nd.ofFloats(1.5f, -0f, Float.MIN_VALUE), Nd.ofLongs(Long.MIN_VALUE, 0, Long.MAX_VALUE),
            Nd.ofInts(Integer.MIN_VALUE, 7), Nd.ofBools(true, false, true), Nd.scalar(2.5), Nd.scalar(7L),
            Nd.zeros(0, 3), Nd.zeros(DType.INT32, 3, 0, 2), Nd.arange(24).reshape(2, 3, 4),
        };
        for (NdArray a : cases) {
            NdArray b = roundTrip(a);
            assertEquals(a, b, a.toString());
            assertArrayEquals(a.shape(), b.shape());
        }
    }

    @Test
    void preservesFloatBitsExactly() throws IOException {
        long[] bits = {0x7ff8000000000123L, 0xfff0000000000001L, 0x8000000000000000L, 1L, 0x7ff0000000000000L};
        double[] v = new double[bits.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = Double.longBitsToDouble(bits[i]);
        }
        double[] back = (double[]) roundTrip(NdArray.wrap(v, v.length)).buffer();
        for (int i = 0; i < v.length; i++) {
            assertEquals(bits[i], Double.doubleToRawLongBits(back[i]), "element " + i);
        }
        float[] f = {Float.intBitsToFloat(0x7fc00abc), -0f, Float.MIN_VALUE};
        float[] fb = (float[]) roundTrip(NdArray.wrap(f, 3)).buffer();
        for (int i = 0; i < f.length; i++) {
            assertEquals(Float.floatToRawIntBits(f[i]), Float.floatToRawIntBits(fb[i]), "float element " + i);
        }
    }

    @Test
    void writesViewsInRowMajorOrder() throws IOException {
        NdArray a = Nd.arange(12).reshape(3, 4);
        assertEquals(a.transpose().copy(), roundTrip(a.transpose()));
        NdArray tail = a.get("1:, :"); // contiguous view with a non-zero offset
        assertEquals(tail.copy(), roundTrip(tail));
        assertEquals(a.get("::2, ::-1").copy(), roundTrip(a.get("::2, ::-1")));
    }

    @Test
    void fileRoundTripAndHeaderLayout() throws IOException {
        Path p = dir.resolve("a.npy");
        NdArray a = Nd.linspace(0, 1, 7).reshape(7, 1);
        Npy.write(p, a);
        assertEquals(a, Npy.read(p));
        byte[] bytes = Files.readAllBytes(p);
        int hlen = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
        assertEquals(0, (10 + hlen) % 64);
        assertEquals('\n', bytes[10 + hlen - 1]);
        assertEquals(10 + hlen + 7 * 8, bytes.length);
        assertEquals(Arrays.asList("a.npy"), IoTestSupport.list(dir));
    }

    @Test
    void readsSeveralArraysFromOneStream() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Npy.write(out, Nd.of(1, 2));
        Npy.write(out, Nd.ofInts(3));
        ByteArrayInputStream in = new ByteArrayInputStream(out.toByteArray());
        assertEquals(Nd.of(1, 2), Npy.read(in, "s"));
        assertEquals(Nd.ofInts(3), Npy.read(in, "s"));
        assertEquals(-1, in.read());
    }

    @Test
    void usesVersion2WhenTheHeaderIsTooLongForVersion1() {
        int[] shape = new int[25000];
        Arrays.fill(shape, 1);
        byte[] h = Npy.header(DType.FLOAT64, shape);
        assertEquals(2, h[6]);
        int hlen = ByteBuffer.wrap(h, 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        assertEquals(h.length, 12 + hlen);
        assertEquals(0, h.length % 64);
    }

    @Test
    void headerParsingIsFlexible() throws IOException {
        String[] dicts = {
            "{'shape': (2,), 'fortran_order': False, 'descr': '<f8'}",
            "{ \"descr\" : \"<f8\" ,\n 'fortran_order':False,'shape':( 2 , ) , }",
            "{'descr': '<f8', 'fortran_order': False, 'shape': (2L,)}",
        };
        for (String d : dicts) {
            assertEquals(Nd.of(1, 2), Npy.read(new ByteArrayInputStream(npy(1, d, doublesLE(1, 2))), d));
        }
        byte[] v3 = npy(3, "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }", doublesLE(4));
        assertEquals(Nd.of(4), Npy.read(new ByteArrayInputStream(v3), "v3"));
    }

    @Test
    void fortranOrderIsReadColumnMajor() throws IOException {
        // column-major data of [[1, 2, 3], [4, 5, 6]]
        byte[] b = npy(1, "{'descr': '<f8', 'fortran_order': True, 'shape': (2, 3), }", doublesLE(1, 4, 2, 5, 3, 6));
        NdArray a = Npy.read(new ByteArrayInputStream(b), "f");
        assertEquals(Nd.of(new double[][] {{1, 2, 3}, {4, 5, 6}}), a);
        assertTrue(a.isContiguous());
    }

    // ------------------------------------------------------------------ malformed input

    private static final String GOOD = "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }";

    @Test
    void badMagic() throws IOException {
        byte[] b = npy(1, GOOD, doublesLE(1, 2));
        b[3] = 'X';
        Path p = file("bad_magic.npy", b);
        assertFormatError(p, 3, () -> Npy.read(p), "magic");
        Path csv = file("text.npy", "a,b\n1,2\n".getBytes(StandardCharsets.US_ASCII));
        assertFormatError(csv, 0, () -> Npy.read(csv), "not a .npy file");
        Path empty = file("empty.npy", new byte[0]);
        assertFormatError(empty, 0, () -> Npy.read(empty), "truncated");
    }

    @Test
    void badVersion() throws IOException {
        byte[] b = npy(1, GOOD, doublesLE(1, 2));
        b[6] = 9;
        Path p = file("v9.npy", b);
        assertFormatError(p, 6, () -> Npy.read(p), "version 9.0");
    }

    @Test
    void truncatedHeader() throws IOException {
        byte[] b = Arrays.copyOf(npy(1, GOOD, doublesLE(1, 2)), 40);
        Path p = file("trunc_header.npy", b);
        assertFormatError(p, 10, () -> Npy.read(p), "truncated header", "118");
        // the same through a stream: the offset is where the bytes ran out
        NdFormatException e = assertThrows(NdFormatException.class,
                () -> Npy.read(new ByteArrayInputStream(b), "stream-x"));
        assertEquals(40, e.position());
        assertNull(e.file());
        assertTrue(e.getMessage().startsWith("stream-x: at byte offset 40"), e.getMessage());
        Path tiny = file("trunc_len.npy", Arrays.copyOf(b, 9));
        assertFormatError(tiny, 8, () -> Npy.read(tiny), "header length");
    }

    @Test
    void truncatedData() throws IOException {
        byte[] full = npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }", doublesLE(new double[12]));
        byte[] b = Arrays.copyOf(full, full.length - 20);
        Path p = file("trunc_data.npy", b);
        assertFormatError(p, 128, () -> Npy.read(p), "truncated data", "96 bytes", "76 remain", "(3, 4)");
        NdFormatException e = assertThrows(NdFormatException.class, () -> Npy.read(new ByteArrayInputStream(b), "s"));
        assertTrue(e.getMessage().contains("96 bytes") && e.getMessage().contains("only 76"), e.getMessage());
        assertEquals(128, e.position());
    }

    @Test
    void unknownDescr() throws IOException {
        for (String descr : new String[] {"<c16", "<f2", "<U5", "|O", "<u8"}) {
            Path p = file("descr.npy", npy(1, "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (1,), }",
                    new byte[16]));
            assertFormatError(p, 10, () -> Npy.read(p), "'" + descr + "'");
        }
        Path s = file("struct.npy", npy(1, "{'descr': [('a', '<f8')], 'fortran_order': False, 'shape': (1,), }",
                new byte[8]));
        assertFormatError(s, 10, () -> Npy.read(s), "structured", "[('a', '<f8')]");
    }

    @Test
    void hugeShapeFailsFastWithoutAllocating() throws IOException {
        Path p = file("huge.npy", npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (100000, 100000, 100000), }",
                new byte[8]));
        assertFormatError(p, 10, () -> Npy.read(p), "(100000, 100000, 100000)", "more elements");
        // fits a Java array but not the file: rejected before allocating 16 GB
        Path q = file("big.npy", npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (2000000000,), }",
                new byte[8]));
        assertFormatError(q, 128, () -> Npy.read(q), "16000000000 bytes");
        // through a stream the array grows with the data, so a lying header only costs what arrives
        byte[] bytes = Files.readAllBytes(q);
        NdFormatException e = assertThrows(NdFormatException.class, () -> Npy.read(new ByteArrayInputStream(bytes), "s"));
        assertTrue(e.getMessage().contains("truncated data"), e.getMessage());
        Path d = file("bigdim.npy", npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (99999999999999999999,), }",
                new byte[8]));
        assertFormatError(d, 10, () -> Npy.read(d), "dimension larger");
    }

    @Test
    void zeroSizedShapesWithLargeDimensionsAreFine() throws IOException {
        byte[] b = npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (0, 100000, 100000), }", new byte[0]);
        assertArrayEquals(new int[] {0, 100000, 100000}, Npy.read(new ByteArrayInputStream(b), "s").shape());
        // NumPy accepts this too, but NdArray.wrap rejects it (its size check stops before the 0):
        // whatever the core does, the reader must not throw anything but NdFormatException
        byte[] c = npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (100000, 100000, 0), }", new byte[0]);
        try {
            assertEquals(0, Npy.read(new ByteArrayInputStream(c), "s").size());
        } catch (NdFormatException e) {
            assertTrue(e.getMessage().contains("(100000, 100000, 0)"), e.getMessage());
        }
    }

    @Test
    void negativeDimension() throws IOException {
        Path p = file("neg.npy", npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (2, -3), }", new byte[8]));
        assertFormatError(p, 10, () -> Npy.read(p), "negative dimension", "(2, -3)");
    }

    @Test
    void nonDictHeader() throws IOException {
        Path p = file("list.npy", npy(1, "['descr', '<f8']", new byte[8]));
        assertFormatError(p, 10, () -> Npy.read(p), "dict");
        Path garbage = file("garbage.npy", npy(1, "{'descr': '<f8', 'fortran_order': Flase, 'shape': (1,)}", new byte[8]));
        // 'Flase' starts at index 34 of the header, which starts at byte 10
        assertFormatError(garbage, 44, () -> Npy.read(garbage), "Flase");
        Path unterminated = file("unterm.npy", npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (1,", new byte[8]));
        assertFormatError(unterminated, 10 + 50, () -> Npy.read(unterminated), "unterminated tuple");
        Path call = file("call.npy", npy(1, "__import__('os').system('true')", new byte[8]));
        assertFormatError(call, 10, () -> Npy.read(call), "__import__");
        Path missingKey = file("nokey.npy", npy(1, "{'descr': '<f8', 'shape': (1,)}", new byte[8]));
        assertFormatError(missingKey, 10, () -> Npy.read(missingKey), "'fortran_order' is missing");
        Path extra = file("extra.npy", npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), 'x': 1}",
                new byte[8]));
        assertFormatError(extra, 10, () -> Npy.read(extra), "unexpected keys [x]");
        Path shapeInt = file("shapeint.npy", npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (1)}", new byte[8]));
        assertFormatError(shapeInt, 10, () -> Npy.read(shapeInt), "must be a tuple");
    }

    @Test
    void writeIntoMissingDirectoryFailsAndLeavesNothing() {
        Path p = dir.resolve("no/such/dir/a.npy");
        assertThrows(IOException.class, () -> Npy.write(p, Nd.of(1)));
        assertTrue(Files.notExists(dir.resolve("no")));
    }

    /** Not a strict benchmark: guards against accidental per-element I/O. */
    @Test
    void tenMillionDoublesAreFast() throws IOException {
        double[] v = new double[10_000_000];
        for (int i = 0; i < v.length; i++) {
            v[i] = i * 0.5;
        }
        Path p = dir.resolve("big.npy");
        long t0 = System.nanoTime();
        Npy.write(p, NdArray.wrap(v, v.length));
        long t1 = System.nanoTime();
        NdArray back = Npy.read(p);
        long t2 = System.nanoTime();
        assertArrayEquals(v, (double[]) back.buffer());
        System.out.printf("Npy 10M doubles: write %.0f ms, read %.0f ms%n", (t1 - t0) / 1e6, (t2 - t1) / 1e6);
        assertTrue(t2 - t1 < 5_000_000_000L, "reading 80 MB took " + (t2 - t1) / 1e6 + " ms");
    }
}
