package dev.strix.unikernel.unix;

import dev.strix.unikernel.Block;
import dev.strix.unikernel.DeviceException;
import dev.strix.unikernel.DeviceException.Reason;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file as a block device: a host file on the unix target, a device node ({@code /dev/vda},
 * virtio-blk) in the qemu guest, a disk image when the host reads a VM's store. The capacity of a
 * regular file is its size rounded up to whole sectors; the bytes past its end read as zeros,
 * which is exactly what the qemu target's padded disk image shows, so an analysis sees the same
 * sectors on every target (writes within the padding extend the file). The capacity of a device
 * node comes from {@code /sys/class/block/<dev>/size}, because {@code FileChannel.size()} of a
 * block device may be 0.
 */
public final class FileBlock implements Block {
    public static final int SECTOR_SIZE = 512;

    private final String name;
    private final Path path;
    private final FileChannel channel;
    private final boolean readOnly;
    private final long sectors;
    private volatile boolean closed;

    private FileBlock(String name, Path path, FileChannel channel, boolean readOnly, long sectors) {
        this.name = name;
        this.path = path;
        this.channel = channel;
        this.readOnly = readOnly;
        this.sectors = sectors;
    }

    /**
     * Opens {@code path} as device {@code name}.
     *
     * @throws DeviceException NOT_FOUND if the file is missing, IO if it cannot be opened (the
     *                         message names the path and, for a permission problem, says so)
     */
    public static FileBlock open(String name, Path path, boolean readOnly) throws DeviceException {
        if (Files.isDirectory(path)) {
            throw new DeviceException(name, Reason.BAD_ARGUMENT,
                    "block device " + path + " is a directory; bind a file");
        }
        try {
            FileChannel ch = readOnly
                    ? FileChannel.open(path, StandardOpenOption.READ)
                    : FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
            long size;
            try {
                size = sizeOf(path, ch);
            } catch (IOException | NumberFormatException e) {
                ch.close();
                throw new DeviceException(name, Reason.IO, "cannot find the size of " + path + ": " + e, e);
            }
            return new FileBlock(name, path, ch, readOnly, (size + SECTOR_SIZE - 1) / SECTOR_SIZE);
        } catch (NoSuchFileException e) {
            throw new DeviceException(name, Reason.NOT_FOUND, "block device file " + path + " does not exist", e);
        } catch (AccessDeniedException e) {
            throw new DeviceException(name, Reason.IO, "block device file " + path + " is not "
                    + (readOnly ? "readable" : "readable and writable") + " by this user", e);
        } catch (IOException e) {
            throw new DeviceException(name, Reason.IO, "cannot open block device file " + path + ": " + e, e);
        }
    }

    private static long sizeOf(Path path, FileChannel ch) throws IOException {
        Path abs = path.toAbsolutePath().normalize();
        if (abs.startsWith("/dev/") && !Files.isRegularFile(abs)) {
            Path sys = Path.of("/sys/class/block", abs.getFileName().toString(), "size");
            if (Files.isReadable(sys)) {
                return Long.parseLong(Files.readString(sys, StandardCharsets.US_ASCII).strip()) * 512L;
            }
        }
        return ch.size();
    }

    /** The file or device node behind the device. */
    public Path path() {
        return path;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int sectorSize() {
        return SECTOR_SIZE;
    }

    @Override
    public long sectorCount() {
        return sectors;
    }

    @Override
    public boolean isReadOnly() {
        return readOnly;
    }

    @Override
    public void read(long sector, ByteBuffer dst) throws DeviceException {
        checkRange("read", sector, dst.remaining());
        long pos = sector * SECTOR_SIZE;
        try {
            while (dst.hasRemaining()) {
                int n = channel.read(dst, pos);
                if (n < 0) {
                    // Past the end of the file: the padding of the last sector reads as zeros.
                    while (dst.hasRemaining()) {
                        dst.put((byte) 0);
                    }
                    break;
                }
                pos += n;
            }
        } catch (IOException e) {
            throw new DeviceException(name, Reason.IO, "reading " + path + " at sector " + sector + ": " + e, e);
        }
    }

    @Override
    public void write(long sector, ByteBuffer src) throws DeviceException {
        if (readOnly) {
            throw new DeviceException(name, Reason.READ_ONLY, "block device " + path + " is bound read-only");
        }
        checkRange("write", sector, src.remaining());
        long pos = sector * SECTOR_SIZE;
        try {
            while (src.hasRemaining()) {
                pos += channel.write(src, pos);
            }
        } catch (IOException e) {
            throw new DeviceException(name, fullOrIo(e), "writing " + path + " at sector " + sector + ": " + e, e);
        }
    }

    @Override
    public void flush() throws DeviceException {
        checkOpen();
        if (readOnly) {
            return;
        }
        try {
            channel.force(true);
        } catch (IOException e) {
            throw new DeviceException(name, fullOrIo(e), "flushing " + path + ": " + e, e);
        }
    }

    @Override
    public void close() throws DeviceException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            channel.close();
        } catch (IOException e) {
            throw new DeviceException(name, Reason.IO, "closing " + path + ": " + e, e);
        }
    }

    private void checkOpen() throws DeviceException {
        if (closed) {
            throw new DeviceException(name, Reason.CLOSED, "block device is closed");
        }
    }

    private void checkRange(String op, long sector, int bytes) throws DeviceException {
        checkOpen();
        if (bytes <= 0 || bytes % SECTOR_SIZE != 0) {
            throw new DeviceException(name, Reason.BAD_ARGUMENT, op + " of " + bytes
                    + " bytes: the length must be a positive multiple of the sector size " + SECTOR_SIZE);
        }
        long count = bytes / SECTOR_SIZE;
        if (sector < 0 || sector > sectors - count) {
            throw new DeviceException(name, Reason.BAD_ARGUMENT, op + " of sectors [" + sector + ", "
                    + (sector + count) + ") is outside the device's " + sectors + " sectors");
        }
    }

    static Reason fullOrIo(IOException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("No space left") || m.contains("Disk quota") ? Reason.FULL : Reason.IO;
    }
}
