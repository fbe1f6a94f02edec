package dev.strix.plotting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.strix.ndarray.Nd;
import dev.strix.plotting.internal.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files are written to a temporary file and renamed: all or nothing. */
class AtomicWriteTest {
    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void replacesTheFileAndLeavesNoTemporaryFile() throws Exception {
        Path p = dir.resolve("a.png");
        Files.writeString(p, "old");
        Plot.line(Nd.of(1, 2, 3)).savePng(p);
        Images.readPng(p);
        assertEquals(List.of("a.png"), names());
    }

    @Test
    void newFilesAreWorldReadableAndOldFilesKeepTheirPermissions() throws Exception {
        Path p = dir.resolve("new.png");
        Plot.line(Nd.of(1, 2, 3)).savePng(p);
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-rw----"));
        Plot.line(Nd.of(1, 2, 3)).savePng(p);
        assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
    }

    @Test
    void aFailedWriteLeavesTheOldFile() throws Exception {
        Path p = dir.resolve("a.svg");
        Files.writeString(p, "old content");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(p, out -> {
            out.write("half of a new fi".getBytes());
            throw new IOException("disk full (simulated)");
        }));
        assertEquals("disk full (simulated)", e.getMessage());
        assertEquals("old content", Files.readString(p));
        assertEquals(List.of("a.svg"), names());
    }

    @Test
    void aRuntimeFailureWhileWritingAlsoLeavesTheOldFile() throws Exception {
        Path p = dir.resolve("b.bin");
        byte[] old = {1, 2, 3};
        Files.write(p, old);
        assertThrows(IllegalStateException.class, () -> AtomicFiles.write(p, out -> {
            out.write(new byte[1000]);
            throw new IllegalStateException("renderer failed");
        }));
        assertArrayEquals(old, Files.readAllBytes(p));
        assertEquals(List.of("b.bin"), names());
    }

    @Test
    void aFigureThatCannotBeDrawnDoesNotTouchTheFile() throws Exception {
        Path p = dir.resolve("c.png");
        Files.writeString(p, "old");
        assertThrows(IllegalStateException.class, () -> new Chart().savePng(p));
        assertThrows(IllegalStateException.class, () -> new Chart().savePdf(p));
        assertEquals("old", Files.readString(p));
        assertEquals(List.of("c.png"), names());
    }

    @Test
    void aMissingFolderIsAnErrorNamingThePath() {
        Path p = dir.resolve("no/such/folder/x.png");
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> Plot.line(Nd.of(1, 2)).savePng(p));
        assertEquals(p.toString(), e.getFile());
        assertFalse(Files.exists(dir.resolve("no")));
    }
}
