package dev.strix.ndarray.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strix.ndarray.Nd;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void replacesTheTarget() throws IOException {
        Path t = dir.resolve("out.bin");
        Files.write(t, new byte[] {9, 9, 9});
        AtomicFiles.write(t, out -> out.write(new byte[] {1, 2}));
        assertArrayEquals(new byte[] {1, 2}, Files.readAllBytes(t));
        assertEquals(List.of("out.bin"), IoTestSupport.list(dir));
    }

    @Test
    void failingWriterLeavesTargetAndNoTempFile() throws IOException {
        Path t = dir.resolve("keep.npy");
        byte[] original = "original".getBytes(StandardCharsets.US_ASCII);
        Files.write(t, original);
        IOException boom = new IOException("disk full (simulated)");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(t, out -> {
            out.write(new byte[100_000]); // partly written, some of it already flushed to the temp file
            throw boom;
        }));
        assertSame(boom, e);
        assertArrayEquals(original, Files.readAllBytes(t));
        assertEquals(List.of("keep.npy"), IoTestSupport.list(dir));
        // unchecked failures clean up too
        assertThrows(IllegalStateException.class, () -> AtomicFiles.write(t, out -> {
            throw new IllegalStateException("bug");
        }));
        assertEquals(List.of("keep.npy"), IoTestSupport.list(dir));
    }

    @Test
    void failedRenameLeavesNoTempFile() throws IOException {
        Path t = dir.resolve("race.npy");
        // the body writes everything, then the target becomes a non-empty directory (as if another
        // process made it), so the final rename itself fails
        assertThrows(IOException.class, () -> AtomicFiles.write(t, out -> {
            out.write(new byte[1000]);
            Files.createDirectory(t);
            Files.write(t.resolve("inside"), new byte[] {1});
        }));
        assertEquals(List.of("race.npy"), IoTestSupport.list(dir));
        assertEquals(List.of("inside"), IoTestSupport.list(t));
    }

    @Test
    void missingDirectoryFailsAndCreatesNothing() {
        Path t = dir.resolve("nope/x.npy");
        assertThrows(NoSuchFileException.class, () -> AtomicFiles.write(t, out -> out.write(1)));
        assertTrue(Files.notExists(dir.resolve("nope")));
        assertThrows(IOException.class, () -> Npz.write(t, Map.of("a", Nd.of(1)), true));
        assertThrows(IOException.class, () -> Csv.write(t, Nd.of(1), null));
        assertTrue(Files.notExists(dir.resolve("nope")));
    }

    @Test
    void targetThatIsADirectoryIsRefusedAndKept() throws IOException {
        Path t = dir.resolve("d.npy");
        Files.createDirectory(t);
        Files.write(t.resolve("inside"), new byte[] {1});
        IOException e = assertThrows(IOException.class, () -> Npy.write(t, Nd.of(1, 2)));
        assertTrue(e.getMessage().contains("directory"), e.getMessage());
        assertTrue(Files.isDirectory(t));
        assertEquals(List.of("d.npy"), IoTestSupport.list(dir));
        assertEquals(List.of("inside"), IoTestSupport.list(t));
    }
}
