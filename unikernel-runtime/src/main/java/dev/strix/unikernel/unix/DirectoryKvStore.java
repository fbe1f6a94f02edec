package dev.strix.unikernel.unix;

import dev.strix.unikernel.DeviceException;
import dev.strix.unikernel.DeviceException.Reason;
import dev.strix.unikernel.KvStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A host directory as a key-value store: key {@code figures/age.png} is the file
 * {@code <root>/figures/age.png}, so a user finds the results where they expect them. A put writes
 * a temporary file in {@code <root>/.strix-tmp/}, forces it to disk, then renames it over the
 * key's file (atomic on one file system) and forces the directory. Because keys are paths, a key
 * cannot also be the folder of another key ({@code a} and {@code a/b}); keep keys portable by
 * never using a whole key as a segment of another.
 */
public final class DirectoryKvStore implements KvStore {
    static final String TMP_DIR = ".strix-tmp";

    private final String name;
    private final Path root;
    private final boolean readOnly;

    private DirectoryKvStore(String name, Path root, boolean readOnly) {
        this.name = name;
        this.root = root;
        this.readOnly = readOnly;
    }

    /**
     * Opens (creating it if needed, unless read-only) the directory {@code root} as store
     * {@code name}.
     */
    public static DirectoryKvStore open(String name, Path root, boolean readOnly) throws DeviceException {
        Path abs = root.toAbsolutePath().normalize();
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new DeviceException(name, Reason.BAD_ARGUMENT,
                    "key-value store " + abs + " is a file; bind a directory");
        }
        if (!readOnly) {
            try {
                Files.createDirectories(abs);
            } catch (IOException e) {
                throw new DeviceException(name, e instanceof AccessDeniedException ? Reason.READ_ONLY : Reason.IO,
                        "cannot create the key-value store directory " + abs + ": " + e, e);
            }
            if (!Files.isWritable(abs)) {
                throw new DeviceException(name, Reason.READ_ONLY,
                        "key-value store directory " + abs + " is not writable by this user");
            }
        } else if (!Files.isDirectory(abs)) {
            throw new DeviceException(name, Reason.NOT_FOUND, "key-value store directory " + abs + " does not exist");
        }
        return new DirectoryKvStore(name, abs, readOnly);
    }

    /** The directory behind the store. */
    public Path root() {
        return root;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<byte[]> get(String key) throws DeviceException {
        Path file = fileOf(key);
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new DeviceException(name, Reason.IO, "reading key '" + key + "' from " + file + ": " + e, e);
        }
    }

    @Override
    public void put(String key, byte[] value) throws DeviceException {
        Path file = fileOf(key);
        if (readOnly) {
            throw new DeviceException(name, Reason.READ_ONLY, "store " + root + " is bound read-only");
        }
        Path tmpDir = root.resolve(TMP_DIR);
        Path tmp = null;
        try {
            Files.createDirectories(tmpDir);
            Path parent = file.getParent();
            if (Files.exists(parent) && !Files.isDirectory(parent)) {
                throw new DeviceException(name, Reason.BAD_ARGUMENT, "key '" + key + "' needs '"
                        + root.relativize(parent) + "' to be a folder, but that is a key of its own");
            }
            if (Files.isDirectory(file)) {
                throw new DeviceException(name, Reason.BAD_ARGUMENT, "key '" + key
                        + "' is the folder of other keys in " + root + "; choose another key");
            }
            Files.createDirectories(parent);
            tmp = Files.createTempFile(tmpDir, "put-", ".tmp");
            makeReadable(tmp);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(value);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new DeviceException(name, Reason.IO, "the file system of " + root
                        + " cannot rename atomically; bind the store to a local directory", e);
            }
            tmp = null;
            forceDirectory(parent);
        } catch (DeviceException e) {
            throw e;
        } catch (AccessDeniedException e) {
            throw new DeviceException(name, Reason.READ_ONLY, "writing key '" + key + "': " + root
                    + " (or a folder in it) is not writable: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new DeviceException(name, FileBlock.fullOrIo(e), "writing key '" + key + "' to " + file + ": " + e, e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // The temporary file is invisible to get/list; a later put or clean removes it.
                }
            }
        }
    }

    @Override
    public boolean delete(String key) throws DeviceException {
        Path file = fileOf(key);
        if (readOnly) {
            throw new DeviceException(name, Reason.READ_ONLY, "store " + root + " is bound read-only");
        }
        try {
            if (!Files.isRegularFile(file)) {
                return false;
            }
            Files.delete(file);
            forceDirectory(file.getParent());
            return true;
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new DeviceException(name, Reason.IO, "deleting key '" + key + "' (" + file + "): " + e, e);
        }
    }

    @Override
    public List<String> list(String prefix) throws DeviceException {
        if (prefix == null) {
            throw new DeviceException(name, Reason.BAD_ARGUMENT, "list prefix must not be null (use \"\" for all keys)");
        }
        List<String> keys = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile).forEach(p -> {
                Path rel = root.relativize(p);
                if (rel.getNameCount() > 0 && rel.getName(0).toString().equals(TMP_DIR)) {
                    return;
                }
                String key = rel.toString().replace(p.getFileSystem().getSeparator(), "/");
                if (key.startsWith(prefix) && KvStore.keyProblem(key) == null) {
                    keys.add(key);
                }
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new DeviceException(name, Reason.IO, "listing " + root + ": " + e, e);
        }
        Collections.sort(keys);
        return keys;
    }

    private Path fileOf(String key) throws DeviceException {
        KvStore.checkKey(name, key);
        if (key.equals(TMP_DIR) || key.startsWith(TMP_DIR + "/")) {
            throw new DeviceException(name, Reason.BAD_ARGUMENT, "key '" + key + "' is reserved by the store");
        }
        Path file = root.resolve(key).normalize();
        if (!file.startsWith(root) || file.equals(root)) {
            throw new DeviceException(name, Reason.BAD_ARGUMENT, "key '" + key + "' escapes the store directory");
        }
        return file;
    }

    /** Results are for people to read: rw-r--r-- rather than the temporary file's rw-------. */
    private static void makeReadable(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException ignored) {
            // Not a POSIX file system: the platform's defaults apply.
        }
    }

    /** Makes a rename or delete in {@code dir} durable (a no-op where directories cannot be opened). */
    private static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Not every platform can open a directory; the data itself was forced before the rename.
        }
    }
}
