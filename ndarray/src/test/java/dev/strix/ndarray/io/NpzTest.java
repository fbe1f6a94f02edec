package dev.strix.ndarray.io;

import static dev.strix.ndarray.io.IoTestSupport.assertFormatError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strix.ndarray.Nd;
import dev.strix.ndarray.NdArray;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpzTest {
    @TempDir
    Path dir;

    private static Map<String, NdArray> sample() {
        Map<String, NdArray> m = new LinkedHashMap<>();
        m.put("weights", Nd.arange(0.0, 3.0, 0.25).reshape(3, 4));
        m.put("b", Nd.ofInts(1, -2, 3));
        m.put("mask", Nd.ofBools(true, false));
        m.put("scalar", Nd.scalar(-0.0));
        m.put("empty", Nd.zeros(0, 3));
        return m;
    }

    @Test
    void roundTripsStoredAndCompressed() throws IOException {
        for (boolean compressed : new boolean[] {false, true}) {
            Path p = dir.resolve("a" + compressed + ".npz");
            Npz.write(p, sample(), compressed);
            Map<String, NdArray> back = Npz.read(p);
            assertEquals(new ArrayList<>(sample().keySet()), new ArrayList<>(back.keySet()));
            for (String k : sample().keySet()) {
                assertEquals(sample().get(k), back.get(k), k);
                assertArrayEquals(sample().get(k).shape(), back.get(k).shape(), k);
            }
            try (ZipFile z = new ZipFile(p.toFile())) {
                ZipEntry e = z.getEntry("weights.npy");
                assertEquals(compressed ? ZipEntry.DEFLATED : ZipEntry.STORED, e.getMethod());
            }
        }
        // deterministic bytes
        Path a = dir.resolve("x.npz");
        Path b = dir.resolve("y.npz");
        Npz.write(a, sample(), true);
        Npz.write(b, sample(), true);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    @Test
    void storedEntriesAreTheNpyBytes() throws IOException {
        Path p = dir.resolve("s.npz");
        Npz.write(p, Map.of("v", Nd.of(1, 2, 3)), false);
        ByteArrayOutputStream npy = new ByteArrayOutputStream();
        Npy.write(npy, Nd.of(1, 2, 3));
        try (ZipFile z = new ZipFile(p.toFile())) {
            assertArrayEquals(npy.toByteArray(), z.getInputStream(z.getEntry("v.npy")).readAllBytes());
        }
    }

    @Test
    void notAZip() throws IOException {
        Path p = dir.resolve("bad.npz");
        Files.write(p, "this is not a zip archive".getBytes());
        assertFormatError(p, 0, () -> Npz.read(p), "not a valid .npz");
        Path npy = dir.resolve("plain.npz");
        Npy.write(npy, Nd.of(1));
        assertFormatError(npy, 0, () -> Npz.read(npy), "zip");
    }

    @Test
    void badEntryNamesTheArchiveAndEntry() throws IOException {
        Path p = dir.resolve("entry.npz");
        try (OutputStream o = Files.newOutputStream(p); ZipOutputStream z = new ZipOutputStream(o)) {
            z.putNextEntry(new ZipEntry("ok.npy"));
            Npy.write(z, Nd.of(1));
            z.closeEntry();
            z.putNextEntry(new ZipEntry("broken.npy"));
            z.write("garbage!garbage!".getBytes());
            z.closeEntry();
        }
        NdFormatException e = assertFormatError(p, 0, () -> Npz.read(p), "broken.npy", "magic");
        assertTrue(e.source().endsWith("entry.npz:broken.npy"), e.source());
    }

    @Test
    void truncatedEntryData() throws IOException {
        Path p = dir.resolve("trunc.npz");
        ByteArrayOutputStream full = new ByteArrayOutputStream();
        Npy.write(full, Nd.of(1, 2, 3, 4));
        byte[] b = full.toByteArray();
        try (OutputStream o = Files.newOutputStream(p); ZipOutputStream z = new ZipOutputStream(o)) {
            z.putNextEntry(new ZipEntry("t.npy"));
            z.write(b, 0, b.length - 8);
            z.closeEntry();
        }
        assertFormatError(p, 128, () -> Npz.read(p), "t.npy", "truncated data", "32 bytes");
    }

    @Test
    void rejectsBadNames() {
        Map<String, NdArray> m = new LinkedHashMap<>();
        m.put("", Nd.of(1));
        assertThrows(IllegalArgumentException.class, () -> Npz.write(dir.resolve("n.npz"), m, false));
        Map<String, NdArray> nul = new LinkedHashMap<>();
        nul.put("a", null);
        assertThrows(IllegalArgumentException.class, () -> Npz.write(dir.resolve("n.npz"), nul, false));
    }

    @Test
    void emptyArchive() throws IOException {
        Path p = dir.resolve("none.npz");
        Npz.write(p, Map.of(), true);
        assertEquals(List.of(), new ArrayList<>(Npz.read(p).keySet()));
    }
}
