package dev.strix.unikernel.qemu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpioWriterTest {
    /** One parsed newc entry. */
    record Parsed(String name, long ino, int mode, long uid, long gid, long nlink, long mtime, byte[] data,
            long rmajor, long rminor) {
    }

    /** An independent newc reader: checks magic, alignment and the trailer. */
    static List<Parsed> parse(byte[] a) {
        List<Parsed> out = new ArrayList<>();
        int pos = 0;
        while (true) {
            assertEquals(0, pos % 4, "header alignment");
            String h = new String(a, pos, 110, StandardCharsets.US_ASCII);
            assertEquals("070701", h.substring(0, 6));
            long[] f = new long[13];
            for (int i = 0; i < 13; i++) {
                f[i] = Long.parseLong(h.substring(6 + 8 * i, 14 + 8 * i), 16);
            }
            int nameSize = (int) f[11];
            String name = new String(a, pos + 110, nameSize - 1, StandardCharsets.UTF_8);
            assertEquals(0, a[pos + 110 + nameSize - 1], "name NUL");
            int data = (pos + 110 + nameSize + 3) & ~3;
            int size = (int) f[6];
            if (name.equals("TRAILER!!!")) {
                assertEquals(a.length, (data + 3) & ~3, "nothing after the trailer");
                return out;
            }
            out.add(new Parsed(name, f[0], (int) f[1], f[2], f[3], f[4], f[5], Arrays.copyOfRange(a, data, data + size),
                    f[9], f[10]));
            pos = (data + size + 3) & ~3;
        }
    }

    @Test
    void writesNewcThatParsesBack() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CpioWriter w = new CpioWriter(bytes, 1234)) {
            w.directory("bin", 0755);
            w.file("/bin/busybox", 0755, new byte[] {1, 2, 3, 4, 5});
            w.symlink("bin/sh", "busybox");
            w.charDevice("dev/console", 0600, 5, 1);
            w.file("e", 0644, new byte[0]);
        }
        List<Parsed> p = parse(bytes.toByteArray());
        assertEquals(List.of("bin", "bin/busybox", "bin/sh", "dev/console", "e"), p.stream().map(Parsed::name).toList());
        assertEquals(CpioWriter.S_IFDIR | 0755, p.get(0).mode());
        assertEquals(CpioWriter.S_IFREG | 0755, p.get(1).mode());
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5}, p.get(1).data());
        assertEquals(CpioWriter.S_IFLNK | 0777, p.get(2).mode());
        assertEquals("busybox", new String(p.get(2).data(), StandardCharsets.UTF_8));
        assertEquals(CpioWriter.S_IFCHR | 0600, p.get(3).mode());
        assertEquals(5, p.get(3).rmajor());
        assertEquals(1, p.get(3).rminor());
        for (int i = 0; i < p.size(); i++) {
            assertEquals(i + 1, p.get(i).ino(), "inodes numbered in order");
            assertEquals(0, p.get(i).uid());
            assertEquals(0, p.get(i).gid());
            assertEquals(1234, p.get(i).mtime());
        }
        assertThrows(IllegalArgumentException.class, () -> new CpioWriter(new ByteArrayOutputStream(), 0).file("TRAILER!!!", 0644, new byte[0]));
    }

    @Test
    void initramfsIsSortedWithParentsAndReproducible(@TempDir Path dir) throws IOException {
        Path tree = dir.resolve("runtime");
        Files.createDirectories(tree.resolve("bin"));
        Files.createDirectories(tree.resolve("lib"));
        Files.write(tree.resolve("bin/java"), new byte[] {9, 9});
        tree.resolve("bin/java").toFile().setExecutable(true);
        Files.write(tree.resolve("lib/modules"), new byte[300]);
        Files.createSymbolicLink(tree.resolve("lib/link"), Path.of("modules"));

        Path a = dir.resolve("a.img");
        Path b = dir.resolve("b.img");
        build(tree).writeGzip(a, 0, 6);
        Files.setLastModifiedTime(tree.resolve("bin/java"), java.nio.file.attribute.FileTime.fromMillis(1_000_000));
        Initramfs.Stats s = build(tree).writeGzip(b, 0, 6);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), "same inputs, same bytes");
        assertEquals(Files.size(b), s.compressedBytes());

        byte[] cpio;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(Files.readAllBytes(a)))) {
            cpio = in.readAllBytes();
        }
        List<Parsed> p = parse(cpio);
        assertEquals(List.of("init", "strix", "strix/boot.properties", "strix/runtime", "strix/runtime/bin",
                "strix/runtime/bin/java", "strix/runtime/lib", "strix/runtime/lib/link", "strix/runtime/lib/modules"),
                p.stream().map(Parsed::name).toList());
        assertEquals(CpioWriter.S_IFREG | 0755, p.get(5).mode(), "executable bit kept");
        assertEquals(CpioWriter.S_IFREG | 0644, p.get(8).mode());
        assertEquals(CpioWriter.S_IFLNK | 0777, p.get(7).mode());
        assertTrue(p.stream().allMatch(e -> e.mtime() == 0));
        byte[] head = Arrays.copyOf(Files.readAllBytes(a), 10);
        assertEquals(0, head[4] | head[5] | head[6] | head[7], "gzip mtime 0");
    }

    private static Initramfs build(Path tree) throws IOException {
        return new Initramfs().text("init", 0755, "#!/bin/sh\n").tree("strix/runtime", tree)
                .text("strix/boot.properties", 0644, "analysis=x\n");
    }
}
