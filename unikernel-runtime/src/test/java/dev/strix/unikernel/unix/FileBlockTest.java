package dev.strix.unikernel.unix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strix.unikernel.Blocks;
import dev.strix.unikernel.DeviceException;
import dev.strix.unikernel.DeviceException.Reason;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileBlockTest {
    @TempDir
    Path dir;

    @Test
    void capacityRoundsUpAndThePaddingReadsAsZeros() throws Exception {
        Path f = dir.resolve("data.csv");
        byte[] content = new byte[700];
        Arrays.fill(content, (byte) 'x');
        Files.write(f, content);
        try (FileBlock b = FileBlock.open("data", f, true)) {
            assertEquals(512, b.sectorSize());
            assertEquals(2, b.sectorCount());
            assertEquals(1024, b.capacity());
            ByteBuffer buf = ByteBuffer.allocate(1024);
            b.read(0, buf);
            assertEquals(0, buf.remaining());
            for (int i = 0; i < 1024; i++) {
                assertEquals(i < 700 ? 'x' : 0, buf.get(i), "byte " + i);
            }
            assertEquals("x".repeat(700), Blocks.readText(b));
        }
    }

    @Test
    void writesAreReadBackAndFlushed() throws Exception {
        Path f = dir.resolve("disk.img");
        Files.write(f, new byte[4096]);
        try (FileBlock b = FileBlock.open("disk", f, false)) {
            byte[] sector = new byte[512];
            Arrays.fill(sector, (byte) 7);
            b.write(3, ByteBuffer.wrap(sector));
            b.flush();
            ByteBuffer back = ByteBuffer.allocate(512);
            b.read(3, back);
            assertArrayEquals(sector, back.array());
        }
        assertEquals(7, Files.readAllBytes(f)[3 * 512 + 100]);
    }

    @Test
    void badRequestsAreTypedErrorsThatTransferNothing() throws Exception {
        Path f = dir.resolve("disk.img");
        Files.write(f, new byte[1024]);
        try (FileBlock ro = FileBlock.open("disk", f, true)) {
            assertEquals(Reason.READ_ONLY, assertThrows(DeviceException.class,
                    () -> ro.write(0, ByteBuffer.allocate(512))).reason());
        }
        FileBlock b = FileBlock.open("disk", f, false);
        DeviceException past = assertThrows(DeviceException.class, () -> b.read(1, ByteBuffer.allocate(1024)));
        assertEquals(Reason.BAD_ARGUMENT, past.reason());
        assertTrue(past.getMessage().contains("sectors [1, 3) is outside the device's 2 sectors"), past.getMessage());
        assertEquals(Reason.BAD_ARGUMENT, assertThrows(DeviceException.class,
                () -> b.read(0, ByteBuffer.allocate(100))).reason());
        assertEquals(Reason.BAD_ARGUMENT, assertThrows(DeviceException.class,
                () -> b.write(-1, ByteBuffer.allocate(512))).reason());
        b.close();
        assertEquals(Reason.CLOSED, assertThrows(DeviceException.class,
                () -> b.read(0, ByteBuffer.allocate(512))).reason());
        assertEquals(1024, Files.size(f));
    }

    @Test
    void aMissingFileOrADirectoryIsNamed() {
        DeviceException missing = assertThrows(DeviceException.class,
                () -> FileBlock.open("data", dir.resolve("nope.csv"), true));
        assertEquals(Reason.NOT_FOUND, missing.reason());
        assertEquals("data", missing.device());
        assertTrue(missing.getMessage().startsWith("data: block device file ") && missing.getMessage().contains("nope.csv"),
                missing.getMessage());
        assertEquals(Reason.BAD_ARGUMENT, assertThrows(DeviceException.class,
                () -> FileBlock.open("data", dir, true)).reason());
    }

    @Test
    void readTextRefusesBinaryContent() throws Exception {
        Path f = dir.resolve("bin");
        Files.write(f, new byte[] {'a', 0, 'b'});
        try (FileBlock b = FileBlock.open("bin", f, true)) {
            DeviceException e = assertThrows(DeviceException.class, () -> Blocks.readText(b));
            assertEquals(Reason.CORRUPT, e.reason());
            assertTrue(e.getMessage().contains("zero byte at offset 1"), e.getMessage());
        }
        Path empty = dir.resolve("empty");
        Files.write(empty, "".getBytes(StandardCharsets.UTF_8));
        try (FileBlock b = FileBlock.open("empty", empty, true)) {
            assertEquals(0, b.sectorCount());
            assertEquals("", Blocks.readText(b));
        }
    }
}
