package dev.strix.unikernel.internal;

import dev.strix.unikernel.Block;
import dev.strix.unikernel.DeviceException;
import dev.strix.unikernel.DeviceException.Reason;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A {@link Block} over a Linux block device node ({@code /dev/vda} in the qemu guest) or a raw
 * disk image file on the host, read and written by sector with positional {@link FileChannel}
 * I/O; {@link #flush()} forces the channel.
 *
 * <p>The capacity of a device node comes from {@code /sys/class/block/<dev>/size} (in 512-byte
 * units), because {@code FileChannel.size()} of a block device may be 0. A regular file must be a
 * whole number of sectors (the qemu target pads its images so).
 */
public final class DeviceBlock implements Block {
    public static final int SECTOR = 512;

    private final String name;
    private final Path path;
    private final boolean readOnly;
    private final long sectors;
    private final FileChannel channel;
    private volatile boolean closed;

    private DeviceBlock(String name, Path path, boolean readOnly, long sectors, FileChannel channel) {
        this.name = name;
        this.path = path;
        this.readOnly = readOnly;
        this.sectors = sectors;
        this.channel = channel;
    }

    /**
     * Opens a device node or an image file.
     *
     * @throws DeviceException {@code NOT_FOUND} when the path does not exist, {@code IO} when it
     *                         cannot be opened or its size is not a whole number of sectors
     */
    public static DeviceBlock open(String name, Path devicePath, boolean readOnly) throws DeviceException {
        if (!Files.exists(devicePath)) {
            throw new DeviceException(name, Reason.NOT_FOUND, "block device " + devicePath + " does not exist");
        }
        FileChannel ch;
        try {
            ch = readOnly ? FileChannel.open(devicePath, StandardOpenOption.READ)
                    : FileChannel.open(devicePath, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (AccessDeniedException e) {
            throw new DeviceException(name, Reason.IO, "no permission to open " + devicePath
                    + (readOnly ? " for reading" : " for reading and writing"), e);
        } catch (NoSuchFileException e) {
            throw new DeviceException(name, Reason.NOT_FOUND, "block device " + devicePath + " does not exist", e);
        } catch (IOException e) {
            throw new DeviceException(name, Reason.IO, "cannot open " + devicePath + ": " + e.getMessage(), e);
        }
        try {
            long bytes = sizeOf(devicePath, ch);
            if (bytes % SECTOR != 0) {
                throw new DeviceException(name, Reason.IO, devicePath + " holds " + bytes
                        + " bytes, not a whole number of " + SECTOR + "-byte sectors");
            }
            return new DeviceBlock(name, devicePath, readOnly, bytes / SECTOR, ch);
        } catch (DeviceException e) {
            closeQuietly(ch);
            throw e;
        } catch (IOException e) {
            closeQuietly(ch);
            throw new DeviceException(name, Reason.IO, "cannot size " + devicePath + ": " + e.getMessage(), e);
        }
    }

    private static long sizeOf(Path path, FileChannel ch) throws IOException {
        Path abs = path.toAbsolutePath().normalize();
        if (abs.startsWith("/dev/")) {
            Path sys = Path.of("/sys/class/block", abs.getFileName().toString(), "size");
            if (Files.isReadable(sys)) {
                String text = new String(Files.readAllBytes(sys), StandardCharsets.US_ASCII).trim();
                return Long.parseLong(text) * 512L;
            }
        }
        return ch.size();
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // already failing
        }
    }

    @Override
    public String name() {
        return name;
    }

    /** The device node or file behind this block. */
    public Path path() {
        return path;
    }

    @Override
    public int sectorSize() {
        return SECTOR;
    }

    @Override
    public long sectorCount() {
        return sectors;
    }

    @Override
    public boolean isReadOnly() {
        return readOnly;
    }

    private long check(long sector, ByteBuffer buf, String op) throws DeviceException {
        if (closed) {
            throw new DeviceException(name, Reason.CLOSED, op + " after close");
        }
        int len = buf.remaining();
        if (len <= 0 || len % SECTOR != 0) {
            throw new DeviceException(name, Reason.BAD_ARGUMENT, op + " of " + len
                    + " bytes: must be a positive multiple of " + SECTOR);
        }
        long n = len / SECTOR;
        if (sector < 0 || sector > sectors - n) {
            throw new DeviceException(name, Reason.BAD_ARGUMENT, op + " of sectors " + sector + ".."
                    + (sector + n - 1) + " outside the device's " + sectors + " sectors");
        }
        return sector * SECTOR;
    }

    @Override
    public void read(long sector, ByteBuffer dst) throws DeviceException {
        long pos = check(sector, dst, "read");
        try {
            while (dst.hasRemaining()) {
                int n = channel.read(dst, pos);
                if (n < 0) {
                    // a file shorter than it was when opened: the rest reads as zeros
                    while (dst.hasRemaining()) {
                        dst.put((byte) 0);
                    }
                    break;
                }
                pos += n;
            }
        } catch (ClosedChannelException e) {
            throw new DeviceException(name, Reason.CLOSED, "read after close", e);
        } catch (IOException e) {
            throw new DeviceException(name, Reason.IO, "read of sector " + sector + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void write(long sector, ByteBuffer src) throws DeviceException {
        long pos = check(sector, src, "write");
        if (readOnly) {
            throw new DeviceException(name, Reason.READ_ONLY, "write to a read-only device");
        }
        try {
            while (src.hasRemaining()) {
                pos += channel.write(src, pos);
            }
        } catch (ClosedChannelException e) {
            throw new DeviceException(name, Reason.CLOSED, "write after close", e);
        } catch (IOException e) {
            Reason r = String.valueOf(e.getMessage()).contains("No space left") ? Reason.FULL : Reason.IO;
            throw new DeviceException(name, r, "write of sector " + sector + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void flush() throws DeviceException {
        if (closed) {
            throw new DeviceException(name, Reason.CLOSED, "flush after close");
        }
        if (readOnly) {
            return;
        }
        try {
            channel.force(false);
        } catch (IOException e) {
            throw new DeviceException(name, Reason.IO, "flush failed: " + e.getMessage(), e);
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
            throw new DeviceException(name, Reason.IO, "close failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "DeviceBlock[" + name + " " + path + ", " + sectors + " sectors" + (readOnly ? ", read-only" : "") + "]";
    }
}
