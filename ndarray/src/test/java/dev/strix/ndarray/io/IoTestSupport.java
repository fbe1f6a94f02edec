package dev.strix.ndarray.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;

/** Shared helpers for the io tests. */
final class IoTestSupport {
    private IoTestSupport() {
    }

    /** A test resource under {@code /io/} as a path. */
    static Path resource(String name) {
        URL u = IoTestSupport.class.getResource("/io/" + name);
        if (u == null) {
            throw new IllegalStateException("missing test resource /io/" + name);
        }
        try {
            return Paths.get(u.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A hand-made .npy: magic, version, header length, the dict text padded as NumPy does, then data. */
    static byte[] npy(int major, String dict, byte[] data) {
        int lenBytes = major == 1 ? 2 : 4;
        byte[] d = dict.getBytes(major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        int hlen = d.length + 1;
        int pad = 64 - ((8 + lenBytes + hlen) % 64);
        ByteBuffer b = ByteBuffer.allocate(8 + lenBytes + hlen + pad + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        if (lenBytes == 2) {
            b.putShort((short) (hlen + pad));
        } else {
            b.putInt(hlen + pad);
        }
        b.put(d);
        for (int k = 0; k < pad; k++) {
            b.put((byte) ' ');
        }
        b.put((byte) '\n');
        b.put(data);
        return b.array();
    }

    static byte[] doublesLE(double... v) {
        ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double x : v) {
            b.putDouble(x);
        }
        return b.array();
    }

    static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(a);
        o.writeBytes(b);
        return o.toByteArray();
    }

    /** Asserts {@code run} throws NdFormatException whose message names {@code file} and the position. */
    static NdFormatException assertFormatError(Path file, long position, Executable run, String... fragments) {
        NdFormatException e = assertThrows(NdFormatException.class, run);
        String msg = e.getMessage();
        assertTrue(msg.contains(file.toString()), () -> "message should name the file: " + msg);
        assertEquals(file, e.file(), msg);
        assertEquals(position, e.position(), () -> "position in: " + msg);
        String where = e.isLineNumber() ? "line " + position : "byte offset " + position;
        assertTrue(msg.contains(where), () -> "message should contain '" + where + "': " + msg);
        for (String f : fragments) {
            assertTrue(msg.contains(f), () -> "message should contain '" + f + "': " + msg);
        }
        return e;
    }

    /** Files in a directory (to check no temporary files are left). */
    static List<String> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }
}
