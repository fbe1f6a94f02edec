package dev.strix.unikernel.internal;

import dev.strix.unikernel.Block;
import dev.strix.unikernel.DeviceException;
import dev.strix.unikernel.DeviceException.Reason;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An in-memory block device that journals every sector write (with the number of flushes before
 * it), so a test can rebuild the device as a crash at any point would have left it.
 */
final class MemoryBlock implements Block {
    /** One sector written: its number, its new bytes, and how many flushes came before it. */
    record SectorWrite(long sector, byte[] data, int epoch) {
    }

    private final int sectorSize;
    private final byte[] bytes;
    private final boolean readOnly;
    final List<SectorWrite> journal = new ArrayList<>();
    private int flushes;
    private boolean closed;

    MemoryBlock(int sectorSize, long sectors, boolean readOnly) {
        this(sectorSize, new byte[Math.toIntExact(sectors * sectorSize)], readOnly);
    }

    MemoryBlock(int sectorSize, byte[] image, boolean readOnly) {
        this.sectorSize = sectorSize;
        this.bytes = image;
        this.readOnly = readOnly;
    }

    /** A copy of the current contents. */
    byte[] image() {
        return bytes.clone();
    }

    int flushes() {
        return flushes;
    }

    @Override
    public String name() {
        return "mem";
    }

    @Override
    public int sectorSize() {
        return sectorSize;
    }

    @Override
    public long sectorCount() {
        return bytes.length / sectorSize;
    }

    @Override
    public boolean isReadOnly() {
        return readOnly;
    }

    private int offset(long sector, ByteBuffer buf) throws DeviceException {
        if (closed) {
            throw new DeviceException("mem", Reason.CLOSED, "closed");
        }
        int len = buf.remaining();
        if (len <= 0 || len % sectorSize != 0 || sector < 0 || sector + len / sectorSize > sectorCount()) {
            throw new DeviceException("mem", Reason.BAD_ARGUMENT, "bad range " + sector + " +" + len);
        }
        return (int) (sector * sectorSize);
    }

    @Override
    public void read(long sector, ByteBuffer dst) throws DeviceException {
        int off = offset(sector, dst);
        dst.put(bytes, off, dst.remaining());
    }

    @Override
    public void write(long sector, ByteBuffer src) throws DeviceException {
        int off = offset(sector, src);
        if (readOnly) {
            throw new DeviceException("mem", Reason.READ_ONLY, "read-only");
        }
        int n = src.remaining() / sectorSize;
        for (int i = 0; i < n; i++) {
            byte[] s = new byte[sectorSize];
            src.get(s);
            journal.add(new SectorWrite(sector + i, s, flushes));
            System.arraycopy(s, 0, bytes, off + i * sectorSize, sectorSize);
        }
    }

    @Override
    public void flush() throws DeviceException {
        if (closed) {
            throw new DeviceException("mem", Reason.CLOSED, "closed");
        }
        flushes++;
    }

    @Override
    public void close() {
        closed = true;
    }

    /** {@code base} with the given journal entries applied in order. */
    static byte[] replay(byte[] base, int sectorSize, List<SectorWrite> writes) {
        byte[] img = base.clone();
        for (SectorWrite w : writes) {
            System.arraycopy(w.data(), 0, img, (int) (w.sector() * sectorSize), sectorSize);
        }
        return img;
    }

    /** Applies the first {@code bytes} bytes of one sector write (a write torn inside the sector). */
    static void tear(byte[] img, int sectorSize, SectorWrite w, int bytes) {
        System.arraycopy(w.data(), 0, img, (int) (w.sector() * sectorSize), bytes);
    }

    @Override
    public String toString() {
        return "MemoryBlock" + Arrays.toString(new long[] {sectorCount()});
    }
}
