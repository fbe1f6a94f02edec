package dev.strix.unikernel.qemu;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a cpio archive in the "newc" format (the one the Linux kernel unpacks as an initramfs):
 * a 110-byte ASCII header per entry ({@code 070701} then 13 eight-digit hex fields: inode, mode,
 * uid, gid, nlink, mtime, size, dev major/minor, rdev major/minor, name size, checksum 0), the
 * NUL-terminated name padded to 4 bytes, the data padded to 4 bytes, and a {@code TRAILER!!!}.
 *
 * <p>For reproducible archives every entry gets uid and gid 0, the same mtime, and inode numbers
 * 1, 2, 3... in write order; callers write entries in a fixed (sorted) order. Names are written
 * without a leading slash, as the kernel expects.
 */
public final class CpioWriter implements AutoCloseable {
    public static final int S_IFDIR = 0040000;
    public static final int S_IFREG = 0100000;
    public static final int S_IFLNK = 0120000;
    public static final int S_IFCHR = 0020000;
    private static final String TRAILER = "TRAILER!!!";

    private final OutputStream out;
    private final long mtime;
    private long inode = 1;
    private long written;
    private int entries;
    private boolean finished;

    /** @param mtime modification time of every entry, seconds since the epoch (0 or SOURCE_DATE_EPOCH) */
    public CpioWriter(OutputStream out, long mtime) {
        if (mtime < 0 || mtime > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("cpio mtime must fit in 32 bits, got " + mtime);
        }
        this.out = out;
        this.mtime = mtime;
    }

    /** Entries written so far (the trailer not counted). */
    public int entries() {
        return entries;
    }

    /** Bytes written so far. */
    public long bytes() {
        return written;
    }

    public void directory(String path, int permissions) throws IOException {
        header(path, S_IFDIR | (permissions & 07777), 2, 0, 0, 0);
    }

    public void file(String path, int permissions, byte[] data) throws IOException {
        header(path, S_IFREG | (permissions & 07777), 1, data.length, 0, 0);
        write(data, data.length);
        pad(data.length);
    }

    /** A regular file whose bytes are streamed from {@code source}. */
    public void file(String path, int permissions, Path source) throws IOException {
        long size = Files.size(source);
        header(path, S_IFREG | (permissions & 07777), 1, size, 0, 0);
        long copied = 0;
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(source)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                if (copied + n > size) {
                    throw new IOException(source + " grew while it was being archived");
                }
                write(buf, n);
                copied += n;
            }
        }
        if (copied != size) {
            throw new IOException(source + " shrank while it was being archived");
        }
        pad(size);
    }

    public void symlink(String path, String target) throws IOException {
        byte[] t = target.getBytes(StandardCharsets.UTF_8);
        header(path, S_IFLNK | 0777, 1, t.length, 0, 0);
        write(t, t.length);
        pad(t.length);
    }

    /** A character device node (the kernel creates it while unpacking; no privilege needed here). */
    public void charDevice(String path, int permissions, int major, int minor) throws IOException {
        header(path, S_IFCHR | (permissions & 07777), 1, 0, major, minor);
    }

    /** Writes the trailer; the stream stays open. */
    public void finish() throws IOException {
        if (!finished) {
            writeHeader(TRAILER, 0, 0, 1, 0, 0, 0);
            finished = true;
        }
    }

    @Override
    public void close() throws IOException {
        finish();
        out.close();
    }

    private void header(String path, int mode, int nlink, long size, int rmajor, int rminor) throws IOException {
        if (finished) {
            throw new IllegalStateException("cpio archive already finished");
        }
        String name = path.startsWith("/") ? path.substring(1) : path;
        if (name.isEmpty() || name.equals(TRAILER) || name.contains("\0")) {
            throw new IllegalArgumentException("bad cpio entry name '" + path + "'");
        }
        if (size > 0xFFFFFFFFL) {
            throw new IOException(path + " is larger than the 4 GiB a newc entry can hold");
        }
        writeHeader(name, inode++, mode, nlink, size, rmajor, rminor);
        entries++;
    }

    private void writeHeader(String name, long ino, int mode, int nlink, long size, int rmajor, int rminor)
            throws IOException {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        StringBuilder h = new StringBuilder(110).append("070701");
        for (long field : new long[] {ino, mode, 0, 0, nlink, ino == 0 ? 0 : mtime, size, 0, 0, rmajor, rminor,
            n.length + 1, 0}) {
            String hex = Long.toHexString(field).toUpperCase(java.util.Locale.ROOT);
            h.append("0".repeat(8 - hex.length())).append(hex);
        }
        byte[] hb = h.toString().getBytes(StandardCharsets.US_ASCII);
        write(hb, hb.length);
        write(n, n.length);
        write(new byte[] {0}, 1);
        pad(hb.length + n.length + 1);
    }

    private void write(byte[] b, int len) throws IOException {
        out.write(b, 0, len);
        written += len;
    }

    private void pad(long len) throws IOException {
        int p = (int) ((4 - (len % 4)) % 4);
        if (p > 0) {
            write(new byte[p], p);
        }
    }
}
