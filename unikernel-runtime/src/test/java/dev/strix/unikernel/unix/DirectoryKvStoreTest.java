package dev.strix.unikernel.unix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strix.unikernel.DeviceException;
import dev.strix.unikernel.DeviceException.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DirectoryKvStoreTest {
    @TempDir
    Path dir;

    @Test
    void keysAreFilesUnderTheFolder() throws Exception {
        DirectoryKvStore kv = DirectoryKvStore.open("results", dir.resolve("out"), false);
        kv.putText("report.txt", "hello\n");
        kv.put("figures/age.png", new byte[] {1, 2, 3});
        kv.putText("report.txt", "replaced\n");
        assertEquals("replaced\n", Files.readString(dir.resolve("out/report.txt")));
        assertArrayEquals(new byte[] {1, 2, 3}, kv.get("figures/age.png").orElseThrow());
        assertEquals(Optional.empty(), kv.get("missing"));
        assertEquals(List.of("figures/age.png", "report.txt"), kv.list(""));
        assertEquals(List.of("figures/age.png"), kv.list("fig"));
        assertTrue(kv.delete("report.txt"));
        assertFalse(kv.delete("report.txt"));
        assertEquals(List.of("figures/age.png"), kv.list(""));
        try (Stream<Path> tmp = Files.list(dir.resolve("out").resolve(DirectoryKvStore.TMP_DIR))) {
            assertEquals(0, tmp.count(), "no temporary file is left behind");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/abs", "a//b", "a/", "../x", "a/../b", ".", "a\\b", "tab\there", ".strix-tmp/x"})
    void invalidKeysAreRefusedAndNamed(String key) throws Exception {
        DirectoryKvStore kv = DirectoryKvStore.open("results", dir, false);
        DeviceException e = assertThrows(DeviceException.class, () -> kv.putText(key, "x"));
        assertEquals(Reason.BAD_ARGUMENT, e.reason());
        assertTrue(e.getMessage().contains("'" + key + "'"), e.getMessage());
        assertEquals(List.of(), kv.list(""));
    }

    @Test
    void overlongKeysAreRefused() throws Exception {
        DirectoryKvStore kv = DirectoryKvStore.open("results", dir, false);
        assertEquals(Reason.BAD_ARGUMENT, assertThrows(DeviceException.class, () -> kv.putText("é".repeat(128), "x")).reason());
        kv.putText("a".repeat(255), "ok");
    }

    @Test
    void aKeyCannotBeTheFolderOfAnother() throws Exception {
        DirectoryKvStore kv = DirectoryKvStore.open("results", dir, false);
        kv.putText("a", "1");
        DeviceException e = assertThrows(DeviceException.class, () -> kv.putText("a/b", "2"));
        assertTrue(e.getMessage().contains("that is a key of its own"), e.getMessage());
        kv.putText("c/d", "3");
        assertThrows(DeviceException.class, () -> kv.putText("c", "4"));
        assertEquals("1", kv.getText("a").orElseThrow());
    }

    @Test
    void readOnlyAndMisboundStoresSayWhy() throws Exception {
        Files.createDirectories(dir.resolve("ro"));
        DirectoryKvStore ro = DirectoryKvStore.open("results", dir.resolve("ro"), true);
        assertEquals(Reason.READ_ONLY, assertThrows(DeviceException.class, () -> ro.putText("a", "x")).reason());
        assertEquals(Reason.READ_ONLY, assertThrows(DeviceException.class, () -> ro.delete("a")).reason());
        Files.writeString(dir.resolve("file"), "x");
        DeviceException e = assertThrows(DeviceException.class, () -> DirectoryKvStore.open("results", dir.resolve("file"), false));
        assertTrue(e.getMessage().contains("is a file; bind a directory"), e.getMessage());
        assertEquals(Reason.NOT_FOUND, assertThrows(DeviceException.class,
                () -> DirectoryKvStore.open("results", dir.resolve("none"), true)).reason());
    }
}
